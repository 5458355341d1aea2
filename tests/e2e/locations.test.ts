// Every Desk location of plugin-manifest.json renders the built extension inside the simulator, in
// real Chromium, with Zoho's SDK swapped for the simulator's fake — and without a single page error.
import type { Frame } from 'playwright-core';
import type { LocationKind } from '../../src/host/types';
import { LOCATIONS } from '../../src/host/types';
import { DESK_FIXTURES } from '../../src/sandbox/desk/deskFixtures';
import en from '../../translations/en.json';
import { currentFrameKey, openLocation, panelFrame, useSimulator, visibleText } from './harness';

const e2e = useSimulator();

const PAGES: Record<LocationKind, string> = {
  ticket: '/app/panel.html',
  contact: '/app/panel.html',
  account: '/app/panel.html',
  ticketForm: '/app/panel.html',
  settings: '/app/settings.html',
};

/** What the widget itself learns from the (fake) SDK at onload. */
async function appSeenByWidget(frame: Frame): Promise<{ location: string; locale: string }> {
  return frame.evaluate(async () => {
    const sdk = window.ZOHODESK;
    if (!sdk) throw new Error('ZOHODESK is missing in the widget frame');
    const app = (await sdk.extension.onload()) as { location: string; locale: string };
    return { location: app.location, locale: app.locale };
  });
}

/** Waits until the widget has rendered something a person can read, and returns it. */
async function renderedText(frame: Frame): Promise<string> {
  await frame.waitForFunction(() => (document.getElementById('root')?.innerText.trim().length ?? 0) > 0, undefined, {
    timeout: 20_000,
  });
  return visibleText(frame);
}

describe.each(Object.keys(LOCATIONS) as LocationKind[])('the %s location', (kind) => {
  it(`loads ${PAGES[kind]} with the simulator's ZOHODESK and renders without errors`, async () => {
    e2e.clearProblems();
    const frame = await openLocation(e2e.page, kind);

    expect(new URL(frame.url()).pathname).toBe(PAGES[kind]);
    expect(await appSeenByWidget(frame)).toEqual({ location: LOCATIONS[kind], locale: 'en' });
    // The official SDK script was swapped out, so nothing tried to reach js.zohostatic.com.
    expect(await frame.locator('script[src*="zohostatic"]').count()).toBe(0);
    expect(await frame.locator('script[src="/sim/sdk-shim.js"]').count()).toBe(1);

    const text = await renderedText(frame);
    expect(text.length).toBeGreaterThan(0);
    expect(e2e.problems).toEqual([]);
  });
});

describe('what each location shows (sandbox defaults: the first Desk record, a connected integration)', () => {
  it('ticket: the ticket contact\'s Billing customer', async () => {
    const frame = await openLocation(e2e.page, 'ticket', { ticketId: DESK_FIXTURES.singleMatchTicketId });
    await frame.getByRole('heading', { name: 'Bowman Furniture' }).waitFor();
    expect(e2e.problems).toEqual([]);
  });

  it('contact: the contact\'s Billing customer', async () => {
    const frame = await openLocation(e2e.page, 'contact', { contactId: DESK_FIXTURES.singleMatchContactId });
    await frame.getByRole('heading', { name: 'Bowman Furniture' }).waitFor();
  });

  it('account: a Billing customer of the account\'s company', async () => {
    const frame = await openLocation(e2e.page, 'account', { accountId: DESK_FIXTURES.accountWithContactsId });
    // The company-name match and the contact's email match are offered to choose from (not "No Billing customer for …").
    const picker = frame.getByRole('region', { name: en.panel.picker.title });
    await picker.getByRole('button', { name: 'Choose Umbrella Corporation', exact: true }).waitFor();
    await picker.getByRole('button', { name: /^Choose Umbrella Corporation – R&D/ }).waitFor();
    expect(await frame.getByText(/^No Billing customer for/).count()).toBe(0);
  });

  it('add-ticket form: asks for input first, then shows the customer of the typed email', async () => {
    let frame = await openLocation(e2e.page, 'ticketForm');
    await frame.getByText(en.panel.form.nothingYet).waitFor();
    frame = await openLocation(e2e.page, 'ticketForm', { form: { email: 'ben.george@bowman.example' } });
    await frame.getByRole('heading', { name: 'Bowman Furniture' }).waitFor();
  });

  it('settings: the integration settings page', async () => {
    const frame = await openLocation(e2e.page, 'settings');
    await frame.getByRole('heading', { name: en.settings.title }).waitFor();
  });
});

describe('the simulator shell', () => {
  it('offers every location as a radio button and frames the panel at Desk\'s right-panel width', async () => {
    const frame = await openLocation(e2e.page, 'contact');
    for (const name of ['Ticket', 'Contact', 'Account', 'Add-ticket form', 'Settings']) {
      expect(await e2e.page.getByRole('radio', { name, exact: true }).count(), name).toBe(1);
    }
    expect(await e2e.page.getByRole('radio', { name: 'Contact', exact: true }).isChecked()).toBe(true);
    const width = await e2e.page.evaluate(() => document.querySelector('iframe')?.getBoundingClientRect().width ?? 0);
    expect(width).toBeGreaterThanOrEqual(320);
    expect(width).toBeLessThanOrEqual(400);
    expect(await appSeenByWidget(frame)).toEqual({ location: LOCATIONS.contact, locale: 'en' });
  });

  it('switches location from its own controls, as a person would', async () => {
    await openLocation(e2e.page, 'ticket');
    const key = await currentFrameKey(e2e.page);
    await e2e.page.getByRole('radio', { name: 'Settings', exact: true }).check();
    const frame = await panelFrame(e2e.page, key);
    expect(new URL(frame.url()).pathname).toBe('/app/settings.html');
    expect(await appSeenByWidget(frame)).toEqual({ location: LOCATIONS.settings, locale: 'en' });
  });

  it('sends a widget page opened on its own to the simulator, at that page\'s location', async () => {
    const page = await e2e.context.newPage();
    try {
      await page.goto(`${e2e.server.url}app/settings.html`);
      await page.waitForURL(/\/\?location=settings$/);
      await page.waitForFunction(() => window.__deskSimulator?.state().config.location === 'settings');
      expect(await page.getByRole('radio', { name: 'Settings', exact: true }).isChecked()).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('hands the widget the configured language', async () => {
    const frame = await openLocation(e2e.page, 'ticket', { locale: 'ja' });
    expect(await appSeenByWidget(frame)).toEqual({ location: LOCATIONS.ticket, locale: 'ja' });
  });
});
