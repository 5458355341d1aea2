import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src/i18n/i18n';
import { SETTINGS_KEY } from '../../../src/integration/records/settingsStore';
import { SettingsPage } from '../../../src/settings/SettingsPage';
import { AUTH_URL, createFakeDesk, LINKED, org, type FakeDesk, type FakeDeskOptions } from './fakeDesk';

const NOW = new Date('2026-11-27T09:00:00.000Z');

function setup(options: FakeDeskOptions = {}): FakeDesk & { user: ReturnType<typeof userEvent.setup> } {
  const desk = createFakeDesk(options);
  const i18n = createI18n(options.locale ?? 'en', 'UTC');
  render(<SettingsPage host={desk.host} i18n={i18n} billing={desk.billing} now={() => NOW} />);
  return { ...desk, user: userEvent.setup() };
}

const statusCard = () => screen.getByRole('region', { name: 'Status' });
const orgCard = () => screen.getByRole('region', { name: 'Organization' });

describe('settings page: connect (A1)', () => {
  it('offers Connect when not authorised, opens the authorisation URL and re-checks on focus', async () => {
    const desk = setup({ billingMode: 'not-authorised' });
    expect(await screen.findByText(/not yet authorized to read Zoho Billing/)).toBeInTheDocument();
    expect(within(statusCard()).getAllByText('Not authorized').length).toBeGreaterThan(0);

    await desk.user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(desk.opened).toEqual([AUTH_URL]);
    expect(screen.getByText(/Finish authorizing in the new tab/)).toBeInTheDocument();

    desk.world.billingMode = 'ok';
    const callsBefore = desk.billing.calls;
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    expect(await screen.findByText(/Linked automatically: Acme Inc is the only/)).toBeInTheDocument();
    expect(desk.billing.calls).toBeGreaterThan(callsBefore);
    expect(within(statusCard()).getByText('Connected')).toBeInTheDocument();
    expect(desk.storedSettings()).toMatchObject({ linkedHow: 'auto', organization: { id: '700001' } });
  });

  it('lets the user connect before Desk can confirm the role, then checks the role again', async () => {
    const desk = setup({ billingMode: 'not-authorised', isAdmin: 'not-authorised' });
    await desk.user.click(await screen.findByRole('button', { name: 'Connect' }));
    expect(desk.opened).toEqual([AUTH_URL]);
    expect(screen.queryByText(/Only Desk administrators/)).not.toBeInTheDocument();

    desk.world.billingMode = 'ok';
    desk.world.isAdmin = true;
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    expect(await screen.findByText(/Linked automatically: Acme Inc/)).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: 'Integration enabled' })).toBeEnabled();
  });

  it('sends a confirmed non-admin to an administrator instead of offering Connect', async () => {
    setup({ billingMode: 'not-authorised', isAdmin: false });
    expect(await screen.findByText('A Desk administrator needs to connect Zoho Billing.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Connect' })).not.toBeInTheDocument();
  });

  it('re-checks with "Check again"', async () => {
    const desk = setup({ billingMode: 'not-authorised' });
    await screen.findByRole('button', { name: 'Connect' });
    desk.world.billingMode = 'ok';
    desk.world.organizations = [org('1', 'One'), org('2', 'Two')];
    await desk.user.click(screen.getByRole('button', { name: 'Check again' }));
    expect(await screen.findByRole('group', { name: /Choose the Zoho Billing organization/ })).toBeInTheDocument();
  });

  it('says plainly when the check itself fails', async () => {
    setup({ billingMode: 'server-error' });
    expect(await screen.findByRole('alert')).toHaveTextContent(/Could not check the connection to Zoho Billing. Zoho Billing ran into a problem/);
  });
});

describe('settings page: organization (A2, A3)', () => {
  it('links the only admin organization automatically and says so', async () => {
    const desk = setup({ organizations: [org('700001', 'Acme Inc', { currencyCode: 'JPY' })], dataCenter: 'JP' });
    expect(await screen.findByText(/Linked automatically: Acme Inc/)).toBeInTheDocument();
    const status = statusCard();
    expect(within(status).getByText('700001')).toBeInTheDocument();
    expect(within(status).getByText('JPY')).toBeInTheDocument();
    expect(within(status).getByText('Japan (zoho.jp)')).toBeInTheDocument();
    expect(within(status).getByText(/by Ana Admin/)).toBeInTheDocument();
    expect(desk.storedSettings()).toEqual({
      version: 1,
      enabled: true,
      organization: { id: '700001', name: 'Acme Inc', currencyCode: 'JPY', dataCenter: 'JP' },
      linkedHow: 'auto',
      updatedBy: { id: 'agent-1', name: 'Ana Admin' },
      updatedAt: NOW.toISOString(),
      actionAccess: { payment: [], subscription: [] },
    });
  });

  it('lets the admin choose among several admin organizations and saves the choice for the portal', async () => {
    const desk = setup({
      dataCenter: 'EU',
      organizations: [
        org('1', 'Alpha GmbH', { currencyCode: 'EUR' }),
        org('2', 'Beta Ltd', { currencyCode: 'GBP' }),
        org('3', 'Gamma (staff only)', { role: 'staff', isAdmin: false }),
      ],
    });
    const chooser = await screen.findByRole('group', { name: /Choose the Zoho Billing organization/ });
    const radios = within(chooser).getAllByRole('radio');
    expect(radios).toHaveLength(2);
    expect(within(chooser).queryByText('Gamma (staff only)')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Use this organization' })).toBeDisabled();

    await desk.user.click(within(chooser).getByRole('radio', { name: /Beta Ltd/ }));
    await desk.user.click(screen.getByRole('button', { name: 'Use this organization' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Linked to Beta Ltd.');
    expect(desk.confirms).toHaveLength(0);
    expect(desk.storedSettings()).toMatchObject({
      linkedHow: 'chosen',
      organization: { id: '2', name: 'Beta Ltd', currencyCode: 'GBP', dataCenter: 'EU' },
    });
    expect(within(statusCard()).getByText('Beta Ltd')).toBeInTheDocument();
  });

  it('explains when there is no organization, links to creating one in the right region, and checks again', async () => {
    const desk = setup({ organizations: [], dataCenter: 'EU' });
    expect(await screen.findByRole('heading', { name: 'No Zoho Billing organization to link' })).toBeInTheDocument();
    expect(screen.getByText('Your Zoho Billing account has no organization yet.')).toBeInTheDocument();
    expect(screen.getByText(/ask the admin of an existing one to add you as an admin/)).toBeInTheDocument();

    const create = screen.getByRole('link', { name: /Create an organization in Zoho Billing/ });
    expect(create).toHaveAttribute('href', expect.stringMatching(/^https:\/\/billing\.zoho\.eu\//));
    await desk.user.click(create);
    expect(desk.opened).toEqual([expect.stringMatching(/^https:\/\/billing\.zoho\.eu\//)]);

    desk.world.organizations = [org('55', 'Newly Made')];
    await desk.user.click(within(orgCard()).getByRole('button', { name: 'Check again' }));
    expect(await screen.findByText(/Linked automatically: Newly Made/)).toBeInTheDocument();
  });

  it('treats organizations where the user is not an admin as unavailable', async () => {
    setup({
      organizations: [org('1', 'Staff Org', { role: 'staff', isAdmin: false }), org('2', 'Accountant Org', { role: 'accountant', isAdmin: false })],
    });
    expect(await screen.findByText('You have 2 Zoho Billing organizations, but you are not an admin in any of them.')).toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
  });

  it('treats a 403 from Billing as no access, not as a broken page', async () => {
    setup({ billingMode: 'forbidden' });
    expect(await screen.findByText('Zoho Billing did not give your account access to any organization.')).toBeInTheDocument();
  });
});

describe('settings page: changing the organization (A6)', () => {
  it('asks first, then saves the new organization and drops the saved customer links', async () => {
    const desk = setup({ settings: LINKED, organizations: [org('700001', 'Acme Inc'), org('700002', 'Globex', { currencyCode: 'EUR' })] });
    desk.put('link:contact:1', 'link', { customerId: 'c1', organizationId: '700001' });
    desk.put('link:account:2', 'link', { customerId: 'c2', organizationId: '700001' });

    await desk.user.click(await screen.findByRole('button', { name: 'Change organization' }));
    await desk.user.click(screen.getByRole('radio', { name: /Globex/ }));
    await desk.user.click(screen.getByRole('button', { name: 'Use this organization' }));

    expect(desk.confirms).toHaveLength(1);
    expect(desk.confirms[0]!.message).toMatch(/Saved links between Desk contacts or accounts and customers of Acme Inc will be dropped/);
    expect(await screen.findByText('Now linked to Globex. Saved customer links were dropped.')).toBeInTheDocument();
    expect(desk.group('link')).toEqual([]);
    expect(desk.storedSettings()).toMatchObject({ version: 3, organization: { id: '700002', name: 'Globex' }, linkedHow: 'chosen' });
  });

  it('keeps the organization and the links when the admin cancels', async () => {
    const desk = setup({ settings: LINKED, organizations: [org('700001', 'Acme Inc'), org('700002', 'Globex')] });
    desk.put('link:contact:1', 'link', { customerId: 'c1' });
    desk.world.confirmAnswers = [false];

    await desk.user.click(await screen.findByRole('button', { name: 'Change organization' }));
    await desk.user.click(screen.getByRole('radio', { name: /Globex/ }));
    await desk.user.click(screen.getByRole('button', { name: 'Use this organization' }));

    await waitFor(() => expect(desk.confirms).toHaveLength(1));
    expect(desk.group('link')).toHaveLength(1);
    expect(desk.storedSettings()).toMatchObject({ version: 2, organization: { id: '700001' } });
    await desk.user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(within(orgCard()).getByText('Agents see billing data from this organization: Acme Inc')).toBeInTheDocument();
  });
});

describe('settings page: disable (A4)', () => {
  it('asks before turning off; cancelling keeps it on', async () => {
    const desk = setup({ settings: LINKED });
    const toggle = await screen.findByRole('switch', { name: 'Integration enabled' });
    expect(toggle).toHaveAttribute('aria-checked', 'true');
    desk.world.confirmAnswers = [false];
    await desk.user.click(toggle);
    expect(desk.confirms[0]).toMatchObject({ title: 'Disable the integration?', okText: 'Disable integration' });
    expect(toggle).toHaveAttribute('aria-checked', 'true');
    expect(desk.storedSettings()).toMatchObject({ enabled: true, version: 2 });
  });

  it('turns off after confirmation and back on without asking, keeping the same organization', async () => {
    const desk = setup({ settings: LINKED });
    const toggle = await screen.findByRole('switch', { name: 'Integration enabled' });
    await desk.user.click(toggle);
    await waitFor(() => expect(toggle).toHaveAttribute('aria-checked', 'false'));
    expect(desk.storedSettings()).toMatchObject({ enabled: false, organization: { id: '700001' } });
    expect(within(statusCard()).getAllByText('Disabled').length).toBeGreaterThan(0);

    // Keyboard: Space on the focused switch.
    toggle.focus();
    await desk.user.keyboard(' ');
    await waitFor(() => expect(toggle).toHaveAttribute('aria-checked', 'true'));
    expect(desk.confirms).toHaveLength(1);
    expect(desk.storedSettings()).toMatchObject({ enabled: true, version: 4, organization: { id: '700001', name: 'Acme Inc' } });
  });

  it('says so when storage fails and keeps the previous state', async () => {
    const desk = setup({ settings: LINKED });
    const toggle = await screen.findByRole('switch', { name: 'Integration enabled' });
    desk.world.storageSetFails = true;
    await desk.user.click(toggle);
    expect(await screen.findByRole('alert')).toHaveTextContent("Could not save the settings. Desk storage refused or lost the data. Nothing was changed.");
    expect(toggle).toHaveAttribute('aria-checked', 'true');
    expect(desk.storedSettings()).toMatchObject({ enabled: true });
  });

  it('shows the current value when another admin saved meanwhile', async () => {
    const desk = setup({ settings: LINKED });
    const toggle = await screen.findByRole('switch', { name: 'Integration enabled' });
    // Another admin switches organization after this page loaded.
    desk.put(SETTINGS_KEY, 'settings', {
      ...LINKED,
      version: 3,
      organization: { id: '700009', name: 'Initech', currencyCode: 'USD', dataCenter: 'US' },
      updatedBy: { id: 'agent-7', name: 'Carol Other' },
    });
    await desk.user.click(toggle);
    expect(await screen.findByRole('alert')).toHaveTextContent('Another admin changed the settings while you were editing, so your change was not saved.');
    expect(within(statusCard()).getByText('Initech')).toBeInTheDocument();
    expect(within(statusCard()).getByText(/Carol Other/)).toBeInTheDocument();
    expect(desk.storedSettings()).toMatchObject({ version: 3, enabled: true });
  });
});

describe('settings page: remove (A5)', () => {
  it('lists the consequences, deletes everything stored, and returns to not connected', async () => {
    const desk = setup({ settings: LINKED });
    desk.put('link:contact:1', 'link', { customerId: 'c1' });
    desk.put('cache:c1', 'cache', { at: 1 });
    desk.put('write:inv1', 'write', { state: 'done' });
    await screen.findByRole('switch', { name: 'Integration enabled' });

    const more = screen.getByRole('button', { name: 'More actions' });
    more.focus();
    await desk.user.keyboard('{Enter}');
    const item = screen.getByRole('menuitem', { name: 'Remove integration' });
    expect(item).toHaveFocus();
    await desk.user.keyboard('{Enter}');

    expect(desk.confirms).toHaveLength(1);
    const message = desk.confirms[0]!.message;
    expect(message).toContain('Invoices and quotes can no longer be created from tickets or contacts.');
    expect(message).toContain('Unused credits and balances are no longer shown.');

    expect(await screen.findByText('The integration was removed and all data it stored was deleted.')).toBeInTheDocument();
    expect(desk.store.size).toBe(0);
    expect(within(statusCard()).getByText('Not connected')).toBeInTheDocument();
    expect(screen.queryByRole('switch')).not.toBeInTheDocument();
    // The page does not silently re-link the only organization right after removal.
    expect(screen.getByRole('button', { name: 'Connect' })).toBeInTheDocument();
    expect(desk.storedSettings()).toBeNull();
  });

  it('says what could not be deleted and keeps showing the integration', async () => {
    const desk = setup({ settings: LINKED });
    desk.put('link:contact:1', 'link', { customerId: 'c1' });
    desk.world.stickyKeys.add('link:contact:1');
    await screen.findByRole('switch', { name: 'Integration enabled' });
    await desk.user.click(screen.getByRole('button', { name: 'More actions' }));
    await desk.user.click(screen.getByRole('menuitem', { name: 'Remove integration' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The integration was not fully removed: some stored data could not be deleted (customer links). Try again.',
    );
    // Settings go last, so they survive a partial failure and the admin can retry from the same screen.
    expect(within(statusCard()).getByText('Connected')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'More actions' })).toBeInTheDocument();
    expect(desk.storedSettings()).toEqual(LINKED);
  });

  it('keeps everything when the admin cancels, and the menu closes with Escape', async () => {
    const desk = setup({ settings: LINKED });
    await screen.findByRole('switch', { name: 'Integration enabled' });
    const more = screen.getByRole('button', { name: 'More actions' });
    await desk.user.click(more);
    expect(more).toHaveAttribute('aria-expanded', 'true');
    await desk.user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(more).toHaveFocus();

    desk.world.confirmAnswers = [false];
    await desk.user.click(more);
    await desk.user.click(screen.getByRole('menuitem', { name: 'Remove integration' }));
    await waitFor(() => expect(desk.confirms).toHaveLength(1));
    expect(desk.storedSettings()).toMatchObject({ organization: { id: '700001' } });
  });
});

describe('settings page: who may change settings (A7)', () => {
  it('is read-only for non-admins', async () => {
    const desk = setup({ settings: LINKED, isAdmin: false, organizations: [org('700001', 'Acme Inc'), org('2', 'Other')] });
    expect(await screen.findByText('Only Desk administrators can change these settings.')).toBeInTheDocument();
    expect(within(statusCard()).getByText('Acme Inc')).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: 'Integration enabled' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'More actions' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Change organization' })).not.toBeInTheDocument();
    expect(desk.storedSettings()).toMatchObject({ version: 2 });
  });

  it('never auto-links for a non-admin', async () => {
    const desk = setup({ isAdmin: false });
    expect(await screen.findByText(/No organization is linked yet. A Desk administrator/)).toBeInTheDocument();
    expect(desk.storedSettings()).toBeNull();
  });

  it('is read-only with an explanation when Desk cannot tell', async () => {
    setup({ settings: LINKED, isAdmin: null });
    expect(await screen.findByText(/Desk could not confirm that you are an administrator/)).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: 'Integration enabled' })).toBeDisabled();
  });
});

describe('settings page: stored data problems', () => {
  it('reports an unreadable stored value instead of crashing', async () => {
    setup({ settings: { version: 'x', enabled: 'maybe' } });
    expect(await screen.findByText(/Could not read the saved settings. The response could not be read./)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});

describe('settings page: Japanese', () => {
  it('uses the product words', async () => {
    const desk = setup({ settings: LINKED, locale: 'ja_JP' });
    expect(await screen.findByRole('heading', { name: 'Zoho Billing 連携', level: 1 })).toBeInTheDocument();
    // The heading is there from the first render; the rest once the page has loaded.
    expect(await screen.findByRole('switch', { name: '連携を有効にする' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '連携の無効化' })).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: '状態' })).getByText('連携済み')).toBeInTheDocument();
    await desk.user.click(screen.getByRole('button', { name: 'その他の操作' }));
    await desk.user.click(screen.getByRole('menuitem', { name: '連携の削除' }));
    expect(desk.confirms[0]!.message).toContain('問い合わせや連絡先から請求書や見積書を作成できなくなります。');
    // Issue 11 (Words): what the customer owes is never called credit, so the confirmation says 未払い残高.
    expect(desk.confirms[0]!.message).toContain('未使用のクレジットや未払い残高が表示されなくなります。');
  });
});
