// The fault matrix (SPEC B12, B14, C3, C5; issue 15) in real Chromium: every Desk location the extension
// runs in × every way Billing, the Desk proxy or Desk storage can fail. Each cell asserts four things:
//   1. a plain-language message (one of the expected sentences, and no technical leftovers on screen);
//   2. an in-place retry control (Retry / Check again / Save again / the same button) while the fault is on;
//   3. recovery through that control once the fault clears, without reloading the widget;
//   4. no uncaught page error.
// Billing faults must actually have been met (a failing answer recorded by the sandbox), so a cell cannot
// pass on a message that came from somewhere else. Test names are "[location] fault" so
// scripts/fault-matrix.mjs can print the matrix. One browser, one page; each cell reloads only the frame.
import type { Frame } from 'playwright-core';
import { linkKey } from '../../src/integration/records/customerLinks';
import { BILLING_FIXTURES as BILLING } from '../../src/sandbox/billing/fixtures';
import { DESK_FIXTURES as D } from '../../src/sandbox/desk/deskFixtures';
import type { SimulatorFaults } from '../../src/sandbox/simulator/config';
import { CLEAR, FAULTS, PLACES, t, type Fault, type Place } from './faultCases';
import { openLocation, useSimulator, visibleText } from './harness';

const e2e = useSimulator();

async function setFaults(faults: Partial<SimulatorFaults>): Promise<void> {
  await e2e.page.evaluate(async (patch) => {
    await window.__deskSimulator!.configure({ faults: patch }, { reload: false });
  }, faults);
}

/** Resolves with the first of `texts` that becomes visible in the frame. */
async function firstVisible(frame: Frame, texts: string[], timeout: number): Promise<string> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const text of texts) {
      const loc = frame.getByText(text, { exact: false });
      if ((await loc.count()) > 0 && (await loc.first().isVisible())) return text;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`none of ${JSON.stringify(texts)} became visible; the frame shows:\n${await visibleText(frame).catch(() => '?')}`);
}

/** What no agent should read: raw status lines, code words, serialised objects, markup. */
const TECHNICAL = /HTTP \d{3}|\bundefined\b|\bnull\b|NaN|\[object|errMsg|statusCode|Exception|<\/?[a-z]+>|\{\w+\}/;

const pageErrors = () => e2e.problems.filter((p) => p.kind === 'pageerror');

/** Billing answers the sandbox recorded from index `from` on that were failures (status 0 = still hanging). */
async function failedBillingCalls(from: number): Promise<number> {
  return e2e.page.evaluate(
    (start) => window.__deskSimulator!.state().billingCalls.slice(start).filter((c) => c.status === 0 || c.status >= 400).length,
    from,
  );
}
const billingCallCount = () => e2e.page.evaluate(() => window.__deskSimulator!.state().billingCalls.length);
/** The simulated Desk, as far as these tests read it. */
interface SimView {
  log: { requests: unknown[] };
  storage: Map<string, { queriableValue: string }>;
  page: { ticket: { contactId?: string } | null };
}
const deskRequestCount = () => e2e.page.evaluate(() => (window.__deskSimulator!.sim as SimView).log.requests.length);

/** The retry control a person uses for this fault here (asserted present while the fault is on). */
function retryName(place: Place, fault: Fault): string {
  if (fault.kind === 'storage-write') return place.kind === 'settings' ? t('settings.org.use') : t('panel.picker.saveAgain');
  if (place.kind === 'settings') return fault.kind === 'storage-read' ? t('common.retry') : t('common.checkAgain');
  return fault.kind === 'connection' ? t('common.checkAgain') : t('common.retry');
}

/** Storage-write cells: do what writes to Desk storage here (choose a customer; link an organization). */
async function write(frame: Frame, place: Place): Promise<void> {
  if (place.kind === 'settings') {
    const chooser = frame.getByRole('group', { name: t('settings.org.chooseLegend') });
    await chooser.getByRole('radio').first().check({ timeout: 20_000 });
    await frame.getByRole('button', { name: t('settings.org.use'), exact: true }).click();
    return;
  }
  const picker = frame.getByRole('region', { name: t('panel.picker.title') });
  await picker.getByRole('button', { name: /^Choose / }).first().click({ timeout: 20_000 });
}

async function recovered(frame: Frame, place: Place, fault: Fault): Promise<void> {
  if (fault.kind === 'storage-write' && place.kind !== 'settings') {
    await frame.getByText(t('panel.picker.saved'), { exact: true }).waitFor({ timeout: 20_000 });
    return;
  }
  if (place.kind === 'settings') {
    const status = frame.getByRole('region', { name: t('settings.status.heading') });
    await status.getByText(place.ready, { exact: true }).waitFor({ timeout: 20_000 });
    return;
  }
  await frame.getByRole('heading', { name: place.ready }).first().waitFor({ timeout: 20_000 });
}

describe.each(PLACES.map((p) => [p.label, p] as const))('faults at the %s location', (_label, place) => {
  for (const fault of FAULTS) {
    it(`[${place.label}] ${fault.id}`, async () => {
      e2e.clearProblems();
      const writes = fault.kind === 'storage-write';
      const billingFrom = await billingCallCount();
      const deskFrom = await deskRequestCount();
      const config = writes ? place.pickConfig : place.config;
      // Settings writes: nothing linked yet, so the admin links an organization (a Desk storage write).
      const storage = writes && place.kind === 'settings' ? 'empty' : 'connected';
      const frame = await openLocation(e2e.page, place.kind, { ...config, faults: { ...CLEAR, ...fault.faults } }, { storage });
      if (writes) await write(frame, place);

      // 1. A plain message.
      const expected = place.kind === 'settings' ? fault.settings : fault.panel;
      const shown = await firstVisible(frame, expected, 20_000);
      expect(await visibleText(frame)).not.toMatch(TECHNICAL);
      // The fault was really met: Billing answered while it was on (every answer then is the fault), or the
      // widget really asked the proxy.
      if (fault.kind === 'billing') expect(await billingCallCount()).toBeGreaterThan(billingFrom);
      if (fault.kind === 'connection' || fault.kind === 'host') expect(await deskRequestCount()).toBeGreaterThan(deskFrom);

      // 2. An in-place retry, there while the fault is on.
      const retry = frame.getByRole('button', { name: retryName(place, fault), exact: true }).first();
      await retry.waitFor({ state: 'visible', timeout: 10_000 });

      // 3. The fault clears; that same control recovers without reloading the widget.
      await setFaults(CLEAR);
      await retry.click();
      await recovered(frame, place, fault);
      await expect.poll(async () => (await visibleText(frame)).includes(shown), { timeout: 10_000 }).toBe(false);
      if (writes && place.kind !== 'settings') {
        const stored = await e2e.page.evaluate(
          () => [...(window.__deskSimulator!.sim as SimView).storage.values()].filter((r) => r.queriableValue === 'link').length,
        );
        expect(stored).toBeGreaterThan(0);
      }

      // 4. No page error.
      expect(pageErrors()).toEqual([]);
    });
  }
});

describe('B14: a fault after a good load does not blank the customer', () => {
  it('ticket: server error on Refresh after a good load keeps the customer and says why', async () => {
    e2e.clearProblems();
    const frame = await openLocation(e2e.page, 'ticket', { ticketId: D.singleMatchTicketId, faults: CLEAR });
    await frame.getByRole('heading', { name: 'Bowman Furniture' }).waitFor({ timeout: 20_000 });
    const from = await billingCallCount();
    await setFaults({ billing: 'server-error' });
    // Refresh asks Billing again (tab switches alone are served from the cache and would meet no fault).
    await frame.getByRole('button', { name: t('panel.refresh') }).click();
    await expect.poll(() => failedBillingCalls(from), { timeout: 20_000 }).toBeGreaterThan(0);
    await firstVisible(frame, [t('errors.agent.server')], 20_000);
    expect(await frame.getByRole('heading', { name: 'Bowman Furniture' }).isVisible()).toBe(true);
    for (const tab of ['Invoices', 'Subscriptions', 'Overview']) {
      await frame.getByRole('tab', { name: tab }).click();
      expect(await frame.getByRole('heading', { name: 'Bowman Furniture' }).isVisible()).toBe(true);
    }
    await setFaults(CLEAR);
    expect(pageErrors()).toEqual([]);
  });
});

/** Drops the Billing answers the widget keeps (this tab's session cache, the portal-shared snapshot); links stay. */
async function forgetKeptAnswers(): Promise<void> {
  await e2e.page.evaluate(() => {
    sessionStorage.clear();
    const storage = (window.__deskSimulator!.sim as SimView).storage;
    for (const [key, record] of [...storage]) if (record.queriableValue === 'snapshot' || record.queriableValue === 'lease') storage.delete(key);
  });
}

describe('400 + code 3004: a saved customer link whose customer Billing no longer has', () => {
  it('ticket: the stale link is dropped and the agent is told no customer matches; the customers coming back bring the picker', async () => {
    e2e.clearProblems();
    await e2e.page.evaluate(() => window.__deskSimulator!.resetData());
    // Several customers share the contact's email: the agent's choice is saved as a link (B1).
    let frame = await openLocation(e2e.page, 'ticket', { ticketId: D.multiMatchTicketId, faults: CLEAR });
    const picker = frame.getByRole('region', { name: t('panel.picker.title') });
    await picker.getByRole('button', { name: /^Choose / }).first().click({ timeout: 20_000 });
    await frame.getByText(t('panel.picker.saved'), { exact: true }).waitFor({ timeout: 20_000 });
    const contactId = await e2e.page.evaluate(() => String((window.__deskSimulator!.sim as SimView).page.ticket?.contactId));
    const key = linkKey('contact', contactId);
    const hasLink = () => e2e.page.evaluate((k) => (window.__deskSimulator!.sim as SimView).storage.has(k), key);
    expect(await hasLink()).toBe(true);

    // The linked customers disappear from Billing: GET /customers/{id} now answers 400 with code 3004.
    const removed = await e2e.page.evaluate((ids) => {
      const ds = (window.__deskSimulator!.sandbox as { dataset: { customers: { customer_id: string }[] } }).dataset;
      const gone = ds.customers.filter((c) => ids.includes(c.customer_id));
      ds.customers = ds.customers.filter((c) => !ids.includes(c.customer_id));
      return gone;
    }, [...BILLING.northwindCustomerIds] as string[]);
    expect(removed).toHaveLength(3);
    // Answers kept in the tab and shared by the portal stay fresh for a while (SPEC C3); this case is about Billing's answer.
    await forgetKeptAnswers();
    frame = await openLocation(e2e.page, 'ticket', { ticketId: D.multiMatchTicketId, faults: CLEAR }, { reset: false, storage: 'keep' });
    const calls400 = async () =>
      e2e.page.evaluate(() => (window.__deskSimulator!.sandbox as { calls: { status: number; path: string }[] }).calls.filter((c) => c.status === 400 && /\/customers\/\d+$/.test(c.path)).length);
    await expect.poll(calls400, { timeout: 20_000 }).toBeGreaterThan(0);
    // Nobody else has that email now: the link is dropped and the panel says no customer matches (not an error).
    await frame.getByText(/^No Billing customer for /).waitFor({ timeout: 20_000 });
    expect(await frame.getByText(t('errors.agent.not-found')).count()).toBe(0);
    await expect.poll(hasLink, { timeout: 10_000 }).toBe(false);

    // Billing has the customers again: opening the ticket again offers them to choose from.
    await e2e.page.evaluate((customers) => {
      (window.__deskSimulator!.sandbox as { dataset: { customers: unknown[] } }).dataset.customers.push(...customers);
    }, removed);
    await forgetKeptAnswers();
    frame = await openLocation(e2e.page, 'ticket', { ticketId: D.multiMatchTicketId, faults: CLEAR }, { reset: false, storage: 'keep' });
    await frame.getByRole('region', { name: t('panel.picker.title') }).waitFor({ timeout: 20_000 });
    expect(pageErrors()).toEqual([]);
  }, 90_000);
});
