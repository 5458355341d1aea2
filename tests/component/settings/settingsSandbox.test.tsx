/**
 * The settings page over the whole sandbox: REAL host adapter → fake ZOHODESK (string envelopes,
 * Desk storage rules) → msw Billing sandbox, and the REAL Billing client. Storage is asserted on
 * the simulation itself (what Desk would hold).
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src/i18n/i18n';
import { SETTINGS_KEY } from '../../../src/integration/records/settingsStore';
import { BILLING_FIXTURES as F } from '../../../src/sandbox/billing/fixtures';
import { SIM_RESUME_URL } from '../../../src/sandbox/desk/fakeZohoDesk';
import { createSandboxHost, type SandboxHostOptions } from '../../../src/sandbox/desk/sandboxHost';
import { SettingsPage } from '../../../src/settings/SettingsPage';

type Orgs = 'many' | 'one' | 'none' | 'non-admin';

async function setup(options: SandboxHostOptions & { organizations?: Orgs } = {}) {
  const { organizations = 'many', ...hostOptions } = options;
  const env = await createSandboxHost({ location: 'settings', ...hostOptions });
  env.sandbox.faults.organizations = organizations;
  const context = env.host.context();
  const i18n = createI18n(context.locale, context.user.timeZone);
  const confirms: unknown[] = [];
  const answers: boolean[] = [];
  env.sim.confirmAnswer = async (o) => {
    confirms.push(o);
    return answers.length > 0 ? answers.shift()! : true;
  };
  render(<SettingsPage host={env.host} i18n={i18n} />);
  const stored = () => env.sim.storage.get(SETTINGS_KEY)?.value as Record<string, unknown> | undefined;
  const group = (g: string) => [...env.sim.storage.values()].filter((r) => r.queriableValue === g);
  return { ...env, user: userEvent.setup(), confirms, answers, stored, group };
}

const statusCard = () => screen.getByRole('region', { name: /^(Status|状態)$/ });

describe('settings page over the sandbox', () => {
  it('connects: not authorised → Connect opens the resume URL → back on the page it re-checks', async () => {
    const env = await setup({ faults: { notAuthorised: true } });
    await env.user.click(await screen.findByRole('button', { name: 'Connect' }));
    expect(env.sim.log.opened).toEqual([SIM_RESUME_URL]);

    env.sim.faults.notAuthorised = false;
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    expect(await screen.findByRole('group', { name: /Choose the Zoho Billing organization/ })).toBeInTheDocument();
  });

  it('links the only admin organization automatically and stores it in group settings', async () => {
    const env = await setup({ organizations: 'one' });
    expect(await screen.findByText(/Linked automatically: Zylker Cloud Inc\. is the only/)).toBeInTheDocument();
    const record = env.sim.storage.get(SETTINGS_KEY);
    expect(record?.queriableValue).toBe('settings');
    expect(record?.value).toMatchObject({
      version: 1,
      enabled: true,
      linkedHow: 'auto',
      organization: { id: F.primaryOrgId, name: 'Zylker Cloud Inc.', currencyCode: 'USD', dataCenter: 'US' },
    });
  });

  it('offers only admin organizations and saves the choice', async () => {
    const env = await setup({ organizations: 'many' });
    const chooser = await screen.findByRole('group', { name: /Choose the Zoho Billing organization/ });
    expect(within(chooser).getAllByRole('radio')).toHaveLength(2);
    expect(within(chooser).queryByText('Zylker Europe GmbH')).not.toBeInTheDocument();
    await env.user.click(within(chooser).getByRole('radio', { name: /ジルカー株式会社/ }));
    await env.user.click(screen.getByRole('button', { name: 'Use this organization' }));
    expect(await screen.findByText('Linked to ジルカー株式会社.')).toBeInTheDocument();
    expect(env.stored()).toMatchObject({ linkedHow: 'chosen', organization: { id: F.japanOrgId, currencyCode: 'JPY' } });
  });

  it('explains "no organization" and "not an admin anywhere"', async () => {
    const env = await setup({ organizations: 'none' });
    expect(await screen.findByText('Your Zoho Billing account has no organization yet.')).toBeInTheDocument();
    env.sandbox.faults.organizations = 'non-admin';
    await env.user.click(screen.getByRole('button', { name: 'Check again' }));
    expect(await screen.findByText('You have 2 Zoho Billing organizations, but you are not an admin in any of them.')).toBeInTheDocument();
    expect(env.stored()).toBeUndefined();
  });

  it('changing the organization asks, then drops the saved customer links from Desk storage', async () => {
    const env = await setup({ organizations: 'many' });
    await env.user.click(await screen.findByRole('radio', { name: /Zylker Cloud Inc\./ }));
    await env.user.click(screen.getByRole('button', { name: 'Use this organization' }));
    await screen.findByText('Linked to Zylker Cloud Inc..');
    env.sim.storage.set('link_contact_1', { key: 'link_contact_1', queriableValue: 'link', value: { customerId: 'c1' } });
    env.sim.storage.set('link_account_2', { key: 'link_account_2', queriableValue: 'link', value: { customerId: 'c2' } });

    await env.user.click(screen.getByRole('button', { name: 'Change organization' }));
    await env.user.click(screen.getByRole('radio', { name: /ジルカー株式会社/ }));
    await env.user.click(screen.getByRole('button', { name: 'Use this organization' }));
    expect(await screen.findByText('Now linked to ジルカー株式会社. Saved customer links were dropped.')).toBeInTheDocument();
    expect(env.confirms).toHaveLength(1);
    expect(env.group('link')).toEqual([]);
    expect(env.stored()).toMatchObject({ version: 2, organization: { id: F.japanOrgId } });
  });

  it('disable asks (cancel keeps it on); re-enable restores the same organization without asking', async () => {
    const env = await setup({ organizations: 'one' });
    const toggle = await screen.findByRole('switch', { name: 'Integration enabled' });
    env.answers.push(false);
    await env.user.click(toggle);
    await waitFor(() => expect(env.confirms).toHaveLength(1));
    expect(toggle).toHaveAttribute('aria-checked', 'true');
    expect(env.stored()).toMatchObject({ enabled: true });

    await env.user.click(toggle);
    await waitFor(() => expect(toggle).toHaveAttribute('aria-checked', 'false'));
    expect(env.stored()).toMatchObject({ enabled: false, organization: { id: F.primaryOrgId } });

    await env.user.click(toggle);
    await waitFor(() => expect(toggle).toHaveAttribute('aria-checked', 'true'));
    expect(env.confirms).toHaveLength(2);
    expect(env.stored()).toMatchObject({ enabled: true, organization: { id: F.primaryOrgId }, linkedHow: 'auto' });
  });

  it('a storage failure says so and keeps the previous state', async () => {
    const env = await setup({ organizations: 'one' });
    const toggle = await screen.findByRole('switch', { name: 'Integration enabled' });
    env.sim.faults.storageWritesFail = true;
    await env.user.click(toggle);
    expect(await screen.findByRole('alert')).toHaveTextContent("Could not save the settings.");
    expect(toggle).toHaveAttribute('aria-checked', 'true');
    expect(env.stored()).toMatchObject({ enabled: true });
  });

  it('remove lists the consequences and empties Desk storage', async () => {
    const env = await setup({ organizations: 'one' });
    await screen.findByRole('switch', { name: 'Integration enabled' });
    env.sim.storage.set('link_contact_1', { key: 'link_contact_1', queriableValue: 'link', value: { customerId: 'c1' } });
    env.sim.storage.set('cache_x', { key: 'cache_x', queriableValue: 'cache', value: { at: 1 } });
    env.sim.storage.set('write_y', { key: 'write_y', queriableValue: 'write', value: { state: 'done' } });

    await env.user.click(screen.getByRole('button', { name: 'More actions' }));
    await env.user.click(screen.getByRole('menuitem', { name: 'Remove integration' }));
    expect(JSON.stringify(env.confirms[0])).toContain('Invoices and quotes can no longer be created from tickets or contacts.');
    expect(await screen.findByText('The integration was removed and all data it stored was deleted.')).toBeInTheDocument();
    expect(env.sim.storage.size).toBe(0);
    expect(within(statusCard()).getByText('Not connected')).toBeInTheDocument();
  });

  it('is read-only for a Desk user who is not an administrator', async () => {
    const env = await setup({ organizations: 'one', isAdmin: false });
    expect(await screen.findByText('Only Desk administrators can change these settings.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'More actions' })).not.toBeInTheDocument();
    expect(env.stored()).toBeUndefined();
  });

  it('speaks Japanese', async () => {
    await setup({ organizations: 'one', locale: 'ja' });
    expect(await screen.findByText(/Zylker Cloud Inc\. を自動で関連付けました/)).toBeInTheDocument();
    expect(within(statusCard()).getByText('連携済み')).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: '連携を有効にする' })).toBeInTheDocument();
  });
});
