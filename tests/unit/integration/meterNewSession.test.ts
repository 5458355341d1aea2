/**
 * A browser session that has not counted a call yet still knows where the day stands against the cap
 * before its first read: otherwise a new tab (every agent's first open of the day) near or past the cap
 * refreshes stale snapshots in the background and shows no budget banner.
 */
import { describe, expect, it } from 'vitest';
import { saveMeterCap } from '../../../src/integration/portal/dailyMeter';
import { createPortal, panelWidget, settle, type Agent, type Portal } from './portalFixtures';

const EMAIL = 'ben.george@bowman.example';

async function open(portal: Portal, agent: Agent) {
  const { cache, share } = panelWidget(portal, agent);
  const found = await cache.read('findCustomersByEmail', EMAIL);
  const id = found.value[0]?.id ?? '';
  const [customer] = await Promise.all([cache.read('getCustomer', id), cache.read('listSubscriptions', id, 1), cache.read('listInvoices', { customerId: id, page: 1 })]);
  await settle(40);
  return { cache, share, id, customer };
}

describe('the daily meter in a new browser session', () => {
  it.each([
    ['near', 4, 'near'], // 4 opening calls + 4 + b's access check = 9 of 10
    ['past', 6, 'over'],
  ] as const)('%s the cap: the first open serves the stale snapshot with its age, makes no refresh, and the level is known', async (_label, extra, level) => {
    const portal = await createPortal();
    const a = await portal.agent(1);
    await saveMeterCap(a.host.storage, 10, 'admin', portal.clock.now);
    const first = await open(portal, a); // 4 calls
    first.share?.meter.count(extra);
    await first.share?.meter.flush();
    portal.clock.now += 12 * 60_000; // past the freshness window: a refresh would be due at a normal level
    const b = await portal.agent(2); // another agent, a tab that has counted nothing yet
    // Desk storage answers slower than Billing (as in a browser): the meter's first read of the day's
    // count must still come before any decision that depends on it.
    const storage = b.host.storage;
    b.host = { ...b.host, storage: { ...storage, get: async (key) => (await new Promise((r) => setTimeout(r, 15)), storage.get(key)) } };
    const before = portal.sandbox.calls.length;
    const seen = await open(portal, b);
    await settle(80);
    // Only the access check of b's own connection; the 12-minute-old snapshot is what b sees.
    expect(portal.sandbox.calls.slice(before).map((c) => c.path)).toEqual([expect.stringMatching(/\/organizations$/)]);
    expect(seen.customer.ageMs).toBe(12 * 60_000);
    expect(seen.cache.budgetLevel()).toBe(level);
  });
});
