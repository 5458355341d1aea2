// The agent panel in real Chromium inside the simulator: the flows where a real browser matters
// (keyboard tabs, Japanese, hostile data never becoming HTML, faults, the disabled integration).
import type { Frame } from 'playwright-core';
import { DESK_FIXTURES as D } from '../../src/sandbox/desk/deskFixtures';
import en from '../../translations/en.json';
import ja from '../../translations/ja.json';
import { openLocation, panelFrame, settledBillingCallCount, useSimulator, failOnProblems } from './harness';

const e2e = useSimulator();
failOnProblems(e2e);

async function customerHeading(frame: Frame, name: string): Promise<void> {
  await frame.getByRole('heading', { name }).waitFor();
}

describe('agent panel', () => {
  it('shows the ticket customer\'s billing in four tabs, operable with the keyboard (C4)', async () => {
    const frame = await openLocation(e2e.page, 'ticket', { ticketId: D.singleMatchTicketId });
    await customerHeading(frame, 'Bowman Furniture');
    const tablist = frame.getByRole('tablist', { name: en.panel.tabs.label });
    const tabs = tablist.getByRole('tab');
    expect(await tabs.allInnerTexts()).toEqual([
      en.panel.tabs.overview,
      en.panel.tabs.activity,
      en.panel.tabs.subscriptions,
      en.panel.tabs.invoices,
    ]);
    const overview = tablist.getByRole('tab', { name: en.panel.tabs.overview });
    expect(await overview.getAttribute('aria-selected')).toBe('true');

    await overview.focus();
    await frame.page().keyboard.press('ArrowRight');
    const activity = tablist.getByRole('tab', { name: en.panel.tabs.activity });
    expect(await activity.getAttribute('aria-selected')).toBe('true');
    expect(await activity.evaluate((el) => el === document.activeElement)).toBe(true);
    await frame.page().keyboard.press('End');
    expect(await tablist.getByRole('tab', { name: en.panel.tabs.invoices }).getAttribute('aria-selected')).toBe('true');
  });

  it('reopened within the freshness window, the panel shows the customer without a Billing call (C3)', async () => {
    let frame = await openLocation(e2e.page, 'ticket', { ticketId: D.singleMatchTicketId });
    await customerHeading(frame, 'Bowman Furniture');
    const before = await settledBillingCallCount(e2e.page);
    expect(before).toBeGreaterThan(0);
    const key = await e2e.page.evaluate(() => window.__deskSimulator!.state().frameKey);
    // Desk re-creates the widget when the agent comes back to the ticket; Desk storage stays as it was.
    await e2e.page.evaluate(() => window.__deskSimulator!.reload());
    frame = await panelFrame(e2e.page, key);
    await customerHeading(frame, 'Bowman Furniture');
    await frame.getByText(en.panel.outstanding, { exact: true }).first().waitFor();
    expect(await settledBillingCallCount(e2e.page)).toBe(before);
  });

  it('speaks Japanese to a Japanese agent and shows the Japanese customer', async () => {
    const frame = await openLocation(e2e.page, 'ticket', { ticketId: D.japaneseTicketId, locale: 'ja', timeZone: 'Asia/Tokyo' });
    await customerHeading(frame, '株式会社山田商事');
    expect(await frame.getByRole('tab', { name: ja.panel.tabs.overview }).count()).toBe(1);
    expect(await frame.getByRole('tab', { name: ja.panel.tabs.invoices }).count()).toBe(1);
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('ja');
  });

  it('offers a choice when the contact\'s email matches several Billing customers', async () => {
    const frame = await openLocation(e2e.page, 'ticket', { ticketId: D.multiMatchTicketId });
    await frame.getByText(en.panel.picker.title).waitFor();
    const choices = frame.getByRole('button', { name: /^Choose / });
    await choices.first().waitFor();
    expect(await choices.count()).toBeGreaterThanOrEqual(2);
  });

  it('renders hostile Billing and Desk text as text, never as HTML (C5)', async () => {
    const dialogs: string[] = [];
    const onDialog = (dialog: { message(): string; dismiss(): Promise<void> }) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    };
    e2e.page.on('dialog', onDialog);
    try {
      const frame = await openLocation(e2e.page, 'ticket', { ticketId: D.hostileTicketId });
      await frame.getByText('<img src=x onerror=alert(1)>').first().waitFor();
      // Let every tab render once, so notes and line items are on screen too.
      for (const name of [en.panel.tabs.activity, en.panel.tabs.subscriptions, en.panel.tabs.invoices]) {
        await frame.getByRole('tab', { name }).click();
      }
      expect(await frame.locator('#root img[src="x"], #root script, #root a[href^="javascript:"]').count()).toBe(0);
      expect(dialogs).toEqual([]);
    } finally {
      e2e.page.off('dialog', onDialog);
    }
  });

  it('makes no Billing call at all while the integration is disabled (A4)', async () => {
    const frame = await openLocation(e2e.page, 'ticket', { ticketId: D.singleMatchTicketId }, { storage: 'keep' });
    await customerHeading(frame, 'Bowman Furniture');
    // Turn it off the way the settings page does: through Desk storage.
    await frame.evaluate(async () => {
      const Z = window.ZOHODESK!;
      const got = (await Z.get('database', { key: 'zbd_settings' })) as { 'database.get': { data: { value: object }[] } };
      const value = { ...got['database.get'].data[0]!.value, enabled: false };
      await Z.set('database', { key: 'zbd_settings', queriableValue: 'settings', value });
    });
    const before = await settledBillingCallCount(e2e.page);
    await e2e.page.evaluate(() => window.__deskSimulator!.reload());
    const disabled = await panelFrame(e2e.page);
    await disabled.getByText(en.panel.disabled.title).waitFor();
    expect(await settledBillingCallCount(e2e.page)).toBe(before);
  });

  it('sends the admin to the settings when no organization is chosen yet', async () => {
    const frame = await openLocation(e2e.page, 'ticket', {}, { storage: 'empty' });
    await frame.getByText(en.panel.noOrganization.title).waitFor();
    expect(await frame.getByText(en.panel.noOrganization.admin).isVisible()).toBe(true);
  });

  it('offers Connect when the Billing connection is not authorised', async () => {
    const frame = await openLocation(e2e.page, 'ticket', { faults: { notAuthorised: true } });
    await frame.getByText(en.panel.notConnected.title).waitFor();
    expect(await frame.getByRole('button', { name: en.panel.notConnected.connect }).count()).toBe(1);
  });

  it('shows an error the agent can act on when Zoho Billing rate-limits (C3)', async () => {
    const frame = await openLocation(e2e.page, 'ticket', {
      ticketId: D.singleMatchTicketId,
      faults: { billing: 'rate-limited', retryAfterSeconds: 1 },
    });
    await frame.getByRole('alert').first().waitFor();
    const calls = await e2e.page.evaluate(() => window.__deskSimulator!.state().billingCalls.filter((c) => c.status === 429).length);
    expect(calls).toBeGreaterThan(0);
  });

  it('opens the customer with 5,000 invoices on a handful of Billing calls (C3)', async () => {
    await openLocation(e2e.page, 'settings', {}, { storage: 'empty' });
    const before = await settledBillingCallCount(e2e.page);
    const frame = await openLocation(e2e.page, 'ticket', { ticketId: D.bigInvoicesTicketId });
    await customerHeading(frame, 'Globex Corporation');
    await frame.getByRole('tab', { name: en.panel.tabs.invoices }).click();
    await frame.getByRole('tabpanel').getByText(/^INV-\d+/).first().waitFor();
    const calls = await e2e.page.evaluate(() => window.__deskSimulator!.state().billingCalls);
    const made = calls.slice(before);
    expect(made.length).toBeGreaterThan(0);
    expect(made.length).toBeLessThanOrEqual(6);
    expect(made.every((c) => c.status === 200)).toBe(true);
  });
});
