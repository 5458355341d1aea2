import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src/i18n/i18n';
import { SettingsPage } from '../../../src/settings/SettingsPage';
import { createFakeDesk, LINKED, type FakeDeskOptions } from './fakeDesk';

const NOW = new Date('2026-11-27T09:00:00.000Z');

function setup(options: FakeDeskOptions = {}) {
  const desk = createFakeDesk({ settings: LINKED, ...options });
  render(<SettingsPage host={desk.host} i18n={createI18n(options.locale ?? 'en', 'UTC')} billing={desk.billing} now={() => NOW} />);
  return { ...desk, user: userEvent.setup() };
}

const section = () => screen.getByRole('region', { name: 'Who may act from the ticket' });
const group = (name: string) => within(section()).getByRole('group', { name });

describe('settings: who may act from the ticket', () => {
  it('lists Desk profiles per group: administrators always, others unticked until allowed', async () => {
    setup();
    const payment = await screen.findByRole('group', { name: 'Payment recovery' });
    expect(within(payment).getByRole('checkbox', { name: /Administrator/ })).toBeChecked();
    expect(within(payment).getByRole('checkbox', { name: /Administrator/ })).toBeDisabled();
    expect(within(payment).getByRole('checkbox', { name: 'Agent' })).not.toBeChecked();
    expect(within(group('Subscription changes')).getByRole('checkbox', { name: 'Support Lead' })).not.toBeChecked();
  });

  it('allowing a profile is a verified save of the settings record, for that group only', async () => {
    const desk = setup();
    await desk.user.click(await within(await screen.findByRole('group', { name: 'Subscription changes' })).findByRole('checkbox', { name: 'Support Lead' }));
    expect(await screen.findByText(/Saved\. Agents see the change/)).toBeInTheDocument();
    expect(desk.storedSettings()).toMatchObject({ version: 3, actionAccess: { payment: [], subscription: ['p-lead'] } });
    expect(within(group('Subscription changes')).getByRole('checkbox', { name: 'Support Lead' })).toBeChecked();
    expect(within(group('Payment recovery')).getByRole('checkbox', { name: 'Support Lead' })).not.toBeChecked();

    await desk.user.click(within(group('Subscription changes')).getByRole('checkbox', { name: 'Support Lead' }));
    expect(await screen.findByText(/Saved\./)).toBeInTheDocument();
    expect(desk.storedSettings()).toMatchObject({ version: 4, actionAccess: { subscription: [] } });
  });

  it('a failed save keeps what is stored and says so', async () => {
    const desk = setup();
    const checkbox = await within(await screen.findByRole('group', { name: 'Payment recovery' })).findByRole('checkbox', { name: 'Agent' });
    desk.world.storageSetFails = true;
    await desk.user.click(checkbox);
    expect(await screen.findByRole('alert')).toHaveTextContent("Could not save the settings. Desk storage refused or lost the data. Nothing was changed.");
    expect(within(group('Payment recovery')).getByRole('checkbox', { name: 'Agent' })).not.toBeChecked();
    expect(desk.storedSettings()).not.toHaveProperty('actionAccess');
  });

  it('a non-admin sees the choices read-only', async () => {
    setup({ isAdmin: false });
    const payment = await screen.findByRole('group', { name: 'Payment recovery' });
    expect(within(payment).getByRole('checkbox', { name: 'Agent' })).toBeDisabled();
  });

  it('says when Desk will not list its profiles, with a retry that works', async () => {
    const desk = createFakeDesk({ settings: LINKED });
    desk.world.profiles = null;
    render(<SettingsPage host={desk.host} i18n={createI18n('en', 'UTC')} billing={desk.billing} now={() => NOW} />);
    const user = userEvent.setup();
    expect(await within(await screen.findByRole('region', { name: 'Who may act from the ticket' })).findByRole('alert')).toHaveTextContent(
      'Desk profiles could not be read. The request was refused.',
    );
    expect(screen.queryByRole('group', { name: 'Payment recovery' })).not.toBeInTheDocument();
    desk.world.profiles = [{ id: 'p-agent', name: 'Agent', type: 'Standard', isAdmin: false }];
    await user.click(within(section()).getByRole('button', { name: 'Retry' }));
    expect(await within(await screen.findByRole('group', { name: 'Payment recovery' })).findByRole('checkbox', { name: 'Agent' })).not.toBeChecked();
  });

  it('is in Japanese for a Japanese admin', async () => {
    setup({ locale: 'ja' });
    expect(await screen.findByRole('group', { name: '支払いの回収' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'サブスクリプションの変更' })).toBeInTheDocument();
  });
});
