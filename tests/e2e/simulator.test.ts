// The simulator shell itself, in real Chromium: what the framed widget does through the fake
// ZOHODESK shows up in the shell (dialog, storage, Billing calls, notifications), and the shell's
// switches reach the widget (events, width, appearance, admin, faults).
import type { Frame } from 'playwright-core';
import { currentFrameKey, openLocation, panelFrame, settledBillingCallCount, useSimulator } from './harness';

const e2e = useSimulator();

/** Calls the fake SDK inside the widget frame, as the extension's own code would. */
function inWidget<T>(frame: Frame, fn: string): Promise<T> {
  return frame.evaluate(`(async () => { const Z = window.ZOHODESK; ${fn} })()`) as Promise<T>;
}

async function waitForShell(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('the simulator shell', () => {
  it('shows a confirmation popup as a real dialog and returns the answer to the widget', async () => {
    const frame = await openLocation(e2e.page, 'settings');
    const answer = inWidget<{ result: boolean }>(
      frame,
      "return Z.showpopup({ type: 'confirmation', title: 'Remove integration?', content: 'Links are deleted.', contentType: 'text', okText: 'Remove', cancelText: 'Keep', color: 'red' });",
    );
    const dialog = e2e.page.getByRole('dialog', { name: 'Remove integration?' });
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.getByText('Links are deleted.').isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Keep' }).click();
    expect(await answer).toEqual({ result: false });
    await dialog.waitFor({ state: 'hidden' });

    const second = inWidget<{ result: boolean }>(
      frame,
      "return Z.showpopup({ type: 'confirmation', title: 'Disable?', content: 'Agents stop seeing data.', okText: 'Disable', cancelText: 'Cancel' });",
    );
    await e2e.page.getByRole('dialog', { name: 'Disable?' }).getByRole('button', { name: 'Disable' }).click();
    expect(await second).toEqual({ result: true });
  });

  it('lists what the widget stores, and clears it', async () => {
    const frame = await openLocation(e2e.page, 'ticket');
    await inWidget(frame, "await Z.set('database', { key: 'e2e_probe', queriableValue: 'cache', value: { seen: 'yes' } });");
    const storage = e2e.page.getByRole('table', { name: 'Storage' });
    await storage.getByRole('cell', { name: 'e2e_probe' }).waitFor();
    expect(await storage.getByText('{"seen":"yes"}').isVisible()).toBe(true);

    await e2e.page.getByRole('button', { name: 'Clear storage' }).click();
    await storage.getByRole('cell', { name: 'e2e_probe' }).waitFor({ state: 'detached' });
    const stored = await inWidget<unknown>(frame, "return Z.get('database', { key: 'e2e_probe' });");
    expect(stored).toEqual({ 'database.get': { data: [] } });
  });

  it('logs every Billing call with its status, including faults', async () => {
    const frame = await openLocation(e2e.page, 'ticket', { faults: { billing: 'rate-limited', retryAfterSeconds: 7 } });
    // A unique query tells this call apart from the panel's own calls running at the same time.
    const url = `https://www.zohoapis.com/billing/v1/organizations?probe=${Date.now()}`;
    const raw = await inWidget<string>(
      frame,
      `return Z.request({ url: '${url}', type: 'GET', headers: {}, postBody: {}, connectionLinkName: 'zohobillingfordesk' });`,
    );
    expect(JSON.parse(raw)).toMatchObject({ statusCode: 429 });
    const calls = e2e.page.getByRole('table', { name: 'Billing calls' });
    await calls.getByRole('row').filter({ hasText: '/billing/v1/organizations' }).filter({ hasText: '429' }).first().waitFor();
    const logged = await e2e.page.evaluate((u) => window.__deskSimulator!.state().billingCalls.filter((c) => c.url === u), url);
    expect(logged).toEqual([expect.objectContaining({ method: 'GET', path: '/billing/v1/organizations', status: 429 })]);
  });

  it('answers error_code 1000 with a resume URL when the connection is not authorised', async () => {
    const frame = await openLocation(e2e.page, 'ticket', { faults: { notAuthorised: true } });
    const raw = await inWidget<string>(
      frame,
      "return Z.request({ url: 'https://www.zohoapis.com/billing/v1/organizations', type: 'GET', headers: {}, postBody: {}, connectionLinkName: 'zohobillingfordesk' });",
    );
    expect(raw).toContain('1000');
    expect(raw).toContain('resumeUrl');
  });

  it('shows the widget\'s notifications', async () => {
    const frame = await openLocation(e2e.page, 'contact');
    await inWidget(frame, "Z.notify({ title: 'Saved', content: 'Customer linked', icon: 'success' });");
    await e2e.page.getByRole('list', { name: 'Notifications' }).getByText('Customer linked').waitFor();
  });

  it('shows what the widget inserts into the reply editor', async () => {
    const frame = await openLocation(e2e.page, 'ticket');
    await inWidget(frame, "await Z.invoke('INSERT', 'ticket.replyEditor', { value: 'Your invoice INV-000449 is attached.' });");
    await e2e.page.getByRole('list', { name: 'Reply editor inserts' }).getByText(/INV-000449/).waitFor();
  });

  it('logs the links the widget opens', async () => {
    const frame = await openLocation(e2e.page, 'ticket');
    const popup = e2e.context.waitForEvent('page');
    await frame.evaluate(() => {
      window.open('https://billing.zoho.com/app/60012345678#/customers/1', '_blank', 'noopener');
    });
    await (await popup).close();
    const opened = await e2e.page.evaluate(() => window.__deskSimulator!.state().opened);
    expect(opened.at(-1)).toBe('https://billing.zoho.com/app/60012345678#/customers/1');
    await e2e.page.getByText('Opened links (', { exact: false }).click();
    await e2e.page.getByRole('list', { name: 'Opened links' }).getByText('https://billing.zoho.com/app/60012345678#/customers/1').waitFor();
  });

  it('moves to the next ticket and fires ticket_Shift when asked', async () => {
    const frame = await openLocation(e2e.page, 'ticket');
    const first = await inWidget<{ ticket: { id: string } }>(frame, "return Z.get('ticket');");
    await inWidget(
      frame,
      "const app = await Z.extension.onload(); window.__shifts = []; app.instance.on('ticket_Shift', (p) => { window.__shifts.push(p); });",
    );
    await e2e.page.getByRole('button', { name: 'Next ticket (ticket_Shift)' }).click();
    await frame.waitForFunction(() => (window as unknown as { __shifts: unknown[] }).__shifts.length === 1);
    const second = await inWidget<{ ticket: { id: string } }>(frame, "return Z.get('ticket');");
    expect(second.ticket.id).not.toBe(first.ticket.id);
    expect(await e2e.page.evaluate(() => window.__deskSimulator!.state().config.ticketId)).toBe(second.ticket.id);
  });

  it('opens the next contact and fires pageChange when asked', async () => {
    const frame = await openLocation(e2e.page, 'contact');
    const first = await inWidget<{ contact: { id: string } }>(frame, "return Z.get('contact');");
    await inWidget(
      frame,
      "const app = await Z.extension.onload(); window.__pages = []; app.instance.on('pageChange', (p) => { window.__pages.push(p); });",
    );
    await e2e.page.getByRole('button', { name: 'Next contact (pageChange)' }).click();
    await frame.waitForFunction(() => (window as unknown as { __pages: unknown[] }).__pages.length === 1);
    const second = await inWidget<{ contact: { id: string } }>(frame, "return Z.get('contact');");
    expect(second.contact.id).not.toBe(first.contact.id);
    const payload = await frame.evaluate(() => (window as unknown as { __pages: unknown[] }).__pages[0]);
    expect(payload).toMatchObject({ currentView: { module: 'contact', page: 'detail', id: second.contact.id } });
  });

  it('sizes the right panel between 320 and 400 px', async () => {
    await openLocation(e2e.page, 'ticket', { panelWidth: 320 });
    const frameWidth = () => e2e.page.evaluate(() => document.querySelector('iframe')?.getBoundingClientRect().width ?? 0);
    expect(await frameWidth()).toBe(320);
    await e2e.page.evaluate(() => window.__deskSimulator!.configure({ panelWidth: 400 }));
    await waitForShell(async () => (await frameWidth()) === 400, 'the panel to widen');
    expect(await frameWidth()).toBe(400);
  });

  it('passes appearance, data center, time zone and the signed-in agent to the widget', async () => {
    const frame = await openLocation(e2e.page, 'ticket', {
      appearance: 'dark',
      dataCenter: 'JP',
      timeZone: 'Asia/Tokyo',
      isAdmin: false,
    });
    const app = await inWidget<{ meta: { dcType: string; userPreferences: { appearance: string } } }>(
      frame,
      'return Z.extension.onload();',
    );
    expect(app.meta.dcType).toBe('JP');
    expect(app.meta.userPreferences.appearance).toBe('dark');
    const user = await inWidget<{ user: { id: string; timeZone: string } }>(frame, "return Z.get('user');");
    expect(user.user.timeZone).toBe('Asia/Tokyo');
    const raw = await inWidget<string>(
      frame,
      "const portal = await Z.get('portal.id'); return Z.request({ url: 'https://desk.zoho.jp/api/v1/myinfo?include=profile', type: 'GET', headers: { orgId: portal['portal.id'] }, postBody: {}, connectionLinkName: 'zohobillingfordesk' });",
    );
    expect(raw).toContain(user.user.id);
    expect(raw).not.toContain('Administrator');
  });

  it('switches a live widget to dark through user_preference.changed, without reloading it', async () => {
    const frame = await openLocation(e2e.page, 'ticket', { appearance: 'light' });
    await frame.waitForFunction(() => document.documentElement.dataset.appearance === 'light');
    const key = await e2e.page.evaluate(() => window.__deskSimulator!.state().frameKey);
    await e2e.page.getByRole('radio', { name: 'Dark', exact: true }).check();
    await frame.waitForFunction(() => document.documentElement.dataset.appearance === 'dark');
    expect(await e2e.page.evaluate(() => window.__deskSimulator!.state().frameKey)).toBe(key);
  });

  it('moves the portal to another data center: Billing calls follow it', async () => {
    await openLocation(e2e.page, 'ticket');
    // The US panel's own reads must be over first: a late one is not a call of the EU portal.
    const before = await settledBillingCallCount(e2e.page);
    const key = await currentFrameKey(e2e.page);
    await e2e.page.getByLabel('Data center').selectOption('EU');
    const frame = await panelFrame(e2e.page, key);
    await frame.getByRole('heading', { name: 'Bowman Furniture' }).waitFor();
    // Answers kept in the tab may serve the first screen; the agent's Refresh asks Billing again.
    await frame.getByRole('button', { name: 'Refresh' }).click();
    await settledBillingCallCount(e2e.page);
    const calls = await e2e.page.evaluate(() => window.__deskSimulator!.state().billingCalls);
    const made = calls.slice(before);
    expect(made.length).toBeGreaterThan(0);
    expect(made.every((c) => c.url.startsWith('https://www.zohoapis.eu/'))).toBe(true);
  });

  it('starts the sandbox afresh on "Reset sandbox data"', async () => {
    const frame = await openLocation(e2e.page, 'ticket');
    await inWidget(frame, "await Z.set('database', { key: 'e2e_leftover', queriableValue: 'cache', value: { a: 1 } });");
    await e2e.page.getByRole('button', { name: 'Reset sandbox data' }).click();
    await waitForShell(
      () => e2e.page.evaluate(() => !window.__deskSimulator!.state().storage.some((e) => e.key === 'e2e_leftover')),
      'the storage to be reset',
    );
    const state = await e2e.page.evaluate(() => window.__deskSimulator!.state());
    const keys = state.storage.map((e) => e.key);
    expect(keys).toContain('zbd_settings');
    expect(keys).not.toContain('e2e_leftover');
    expect(state.notifications).toEqual([]);
  });

  it('keeps the switches in the address bar, so reloading the page restores them', async () => {
    await openLocation(e2e.page, 'account', { locale: 'ja', faults: { billing: 'server-error' } });
    const params = new URL(e2e.page.url()).searchParams;
    expect(params.get('location')).toBe('account');
    expect(params.get('billing')).toBe('server-error');
    await e2e.page.reload();
    await e2e.page.waitForFunction(() => Boolean(window.__deskSimulator));
    const config = await e2e.page.evaluate(() => window.__deskSimulator!.state().config);
    expect(config).toMatchObject({ location: 'account', locale: 'ja', faults: { billing: 'server-error' } });
    expect(await e2e.page.getByRole('radio', { name: 'Account', exact: true }).isChecked()).toBe(true);
  });

  it('reports no page errors while being driven', () => {
    expect(e2e.problems.filter((p) => p.kind !== 'requestfailed')).toEqual([]);
  });
});
