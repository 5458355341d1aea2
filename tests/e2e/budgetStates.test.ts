// The portal's Billing budget states (SPEC E1) reached through the simulator's URL switches
// (`shared`, `meter`: src/sandbox/simulator/seedBudget.ts), read as an agent and an admin read them.
import type { Page } from 'playwright-core';
import { failOnProblems, panelFrame, settledBillingCallCount, useSimulator } from './harness';

const e2e = useSimulator();
failOnProblems(e2e);

const BOWMAN_TICKET = '1892000000093011';

/** A new simulator page (a new portal, a new browser session for the extension) at these switches. */
async function openAt(page: Page, search: string) {
  await page.goto(`${e2e.server.url}?${search}`, { waitUntil: 'load' });
  await page.waitForFunction(() => Boolean(window.__deskSimulator));
  return panelFrame(page);
}

const billingPaths = (page: Page) => page.evaluate(() => window.__deskSimulator!.state().billingCalls.map((c) => `${c.method} ${c.path}`));

describe('budget states in the simulator', () => {
  it("opens from the snapshot another agent shared, with its age, after only this agent's access check", async () => {
    const frame = await openAt(e2e.page, `location=ticket&ticket=${BOWMAN_TICKET}&shared=4`);
    await frame.getByRole('heading', { name: 'Bowman Furniture' }).waitFor();
    await frame.getByText('Updated 4 minutes ago').waitFor();
    await settledBillingCallCount(e2e.page);
    expect(await billingPaths(e2e.page)).toEqual(['GET /billing/v1/organizations']);
    expect(await frame.getByRole('status').filter({ hasText: /Zoho Billing call limit/ }).count()).toBe(0);
  });

  it('near the daily cap: the banner says so and the 12-minute-old snapshot is served, not refreshed', async () => {
    const frame = await openAt(e2e.page, `location=ticket&ticket=${BOWMAN_TICKET}&shared=12&meter=near`);
    await frame.getByRole('status').filter({ hasText: "Close to today's Zoho Billing call limit" }).waitFor();
    await frame.getByText('Updated 12 minutes ago').waitFor();
    await settledBillingCallCount(e2e.page);
    expect(await billingPaths(e2e.page)).toEqual(['GET /billing/v1/organizations']);
  });

  it('past the cap, in Japanese: the banner says Billing is asked only on Refresh or Retry', async () => {
    const frame = await openAt(e2e.page, `location=ticket&ticket=${BOWMAN_TICKET}&shared=12&meter=over&locale=ja`);
    await frame.getByRole('status').filter({ hasText: '本日の Zoho Billing API 呼び出しの上限に達しました。' }).waitFor();
    await frame.getByText('12 分前に更新').waitFor();
    await settledBillingCallCount(e2e.page);
    expect(await billingPaths(e2e.page)).toEqual(['GET /billing/v1/organizations']);
  });

  it("the settings page shows the week's calls by UTC day, the cap, and today near it", async () => {
    const frame = await openAt(e2e.page, 'location=settings&meter=near');
    await frame.getByText('Calls today (UTC): 1,862 of 2,000.').waitFor();
    await frame.getByRole('status').filter({ hasText: "Today's calls are past 90% of the cap" }).waitFor();
    const rows = frame.getByRole('table', { name: 'The last 7 days' }).getByRole('row');
    expect(await rows.count()).toBe(8);
    const today = new Date().toISOString().slice(0, 10);
    const todayWords = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${today}T12:00:00Z`));
    expect((await rows.nth(1).innerText()).replace(/\s+/g, ' ')).toBe(`${todayWords} 1,862`);
    expect(await frame.getByRole('textbox', { name: 'Daily cap (calls)' }).inputValue()).toBe('2000');
  });

  it("the shell's controls choose the stored state and open a new portal with it", async () => {
    await openAt(e2e.page, 'location=settings');
    const controls = e2e.page.getByRole('group', { name: 'Portal budget (stored)' });
    await controls.getByRole('combobox', { name: 'Daily meter' }).selectOption('over');
    await controls.getByRole('button', { name: 'Open a new portal with this' }).click();
    await e2e.page.waitForURL(/meter=over/);
    await e2e.page.waitForFunction(() => Boolean(window.__deskSimulator));
    const frame = await panelFrame(e2e.page);
    await frame.getByText('Calls today (UTC): 2,006 of 2,000.').waitFor();
    await frame.getByRole('status').filter({ hasText: 'The cap is reached for today' }).waitFor();
  });
});
