// The settings page's diagnostics (issue 14, SPEC E2) in real Chromium inside the simulator: green on a
// healthy simulated portal — including the real Content-Security-Policy of the built pages, and the PDF
// answer's shape after a real download in the same tab — and one precise red line for each simulator fault.
import type { Frame } from 'playwright-core';
import en from '../../translations/en.json';
import type { SimulatorFaults } from '../../src/sandbox/simulator/config';
import { openLocation, useSimulator, visibleText } from './harness';

const e2e = useSimulator();
const d = en.settings.diagnostics;

const CLEAR: Partial<SimulatorFaults> = { notAuthorised: false, hostReject: false, storageFails: false, storageWritesFail: false, billing: 'none', organizations: 'many' };

async function runChecks(frame: Frame): Promise<Map<string, string>> {
  await frame.getByRole('button', { name: d.run }).click();
  await frame.getByText(new RegExp(`${d.allPassed}|checks? failed`)).waitFor({ timeout: 40_000 });
  const items = frame.getByRole('list', { name: d.results }).locator(':scope > li');
  const lines = new Map<string, string>();
  for (const text of await items.allInnerTexts()) {
    const name = Object.values(d.check).find((n) => text.includes(n));
    if (name) lines.set(name, text.replace(/\s+/g, ' ').trim());
  }
  return lines;
}

describe('diagnostics in Chromium', () => {
  it('run green on the simulated portal, with the PDF shape of a real download in this tab', async () => {
    // A PDF downloaded from a ticket panel first: the settings page then reports its shape.
    let frame = await openLocation(e2e.page, 'ticket', { faults: CLEAR });
    await frame.getByRole('tab', { name: en.panel.tabs.invoices }).click();
    await frame.getByRole('tabpanel').getByText(/^INV-\d+/).first().click();
    await frame.getByRole('button', { name: en.actions.invoiceActions.pdf }).click();
    await frame.getByText(/\.pdf downloaded\./).waitFor();

    frame = await openLocation(e2e.page, 'settings', { faults: CLEAR });
    const lines = await runChecks(frame);
    const failing = [...lines.values()].filter((l) => !l.startsWith(d.status.pass));
    expect(failing, await visibleText(frame)).toEqual([]);
    expect(lines.size).toBe(Object.keys(d.check).length);
    expect(lines.get(d.check.csp)).toContain('no violation seen');
    expect(lines.get(d.check.pdf)).toMatch(/arrived as Blob\(application\/pdf\)/);
    expect(lines.get(d.check.meta)).toMatch(/data center US/);
  });

  const FAULTS: [string, Partial<SimulatorFaults>, string, RegExp][] = [
    ['connection not authorised', { notAuthorised: true }, d.check.connection, /Fail.*not authorized.*kind: not-authorised · authorisation link present/],
    ['403', { billing: 'forbidden' }, d.check.connection, /Fail.*does not have access.*HTTP 403/],
    ['404', { billing: 'not-found' }, d.check.connection, /Fail.*not found in Zoho Billing.*HTTP 404/],
    ['429', { billing: 'rate-limited', retryAfterSeconds: 30 }, d.check.connection, /Fail.*Too many requests.*HTTP 429 .*retry after 30 s/],
    ['500', { billing: 'server-error' }, d.check.connection, /Fail.*ran into a problem.*HTTP 500/],
    ['malformed JSON', { billing: 'malformed-json' }, d.check.connection, /Fail.*could not be read.*kind: malformed/],
    ['HTML error page', { billing: 'html-error' }, d.check.connection, /Fail.*kind: \w+ · HTTP \d{3}/],
    ['code ≠ 0', { billing: 'code-nonzero' }, d.check.connection, /Fail.*HTTP 200 · code \d+/],
    ['Desk rejects requests', { hostReject: true }, d.check.connection, /Fail.*Zoho could not be reached.*kind: network/],
    ['Desk rejects requests (profile)', { hostReject: true }, d.check.profile, /Fail.*could not be read.*Unable to reach the server/],
    ['Desk storage fails', { storageFails: true }, d.check.storage, /Fail.*storage refused the write step.*set → storage: /],
    ['Desk storage writes fail', { storageWritesFail: true }, d.check.storage, /Fail.*storage refused the write step/],
    ['no organization', { organizations: 'none' }, d.check.connection, /Warning.*no organization.*organizations: 0/],
    ['timeout (no answer)', { billing: 'timeout' }, d.check.connection, /Fail.*no response within 20 seconds/],
  ];

  it.each(FAULTS)('%s: a precise red line', async (_name, faults, check, expected) => {
    const frame = await openLocation(e2e.page, 'settings', { faults: { ...CLEAR, ...faults } });
    const lines = await runChecks(frame);
    expect(lines.get(check)).toMatch(expected);
  });

  it('Copy report gives a redacted text (shown to copy by hand where the clipboard is refused)', async () => {
    const frame = await openLocation(e2e.page, 'settings', { faults: CLEAR });
    await runChecks(frame);
    await frame.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) }, configurable: true });
    });
    await frame.getByRole('button', { name: d.copy }).click();
    const report = await frame.getByRole('textbox', { name: d.reportLabel }).inputValue();
    expect(report).toMatch(/^Zoho Billing for Zoho Desk — diagnostics/);
    expect(report).not.toMatch(/@|\d{6,}/);
  });

  it('renders without page errors throughout', () => {
    expect(e2e.problems.filter((p) => p.kind === 'pageerror')).toEqual([]);
  });
});
