/**
 * The portal-wide check of customer rows (portalRevalidation.ts) as the panel ships it: several agents
 * of one portal, one Billing sandbox, one Desk storage, one clock.
 */
import { describe, expect, it } from 'vitest';
import { customerSchema, customerSummarySchema } from '../../../src/billing/schemas';
import type { Customer } from '../../../src/billing/types';
import { fixtures } from '../billing/fixtures';
import { saveMeterCap } from '../../../src/integration/portal/dailyMeter';
import { PORTAL } from '../../../src/host/timeWindows';
import { createRevalidation, rowStamp } from '../../../src/integration/portal/portalRevalidation';
import { createSnapshotStore } from '../../../src/integration/portal/portalSnapshot';
import { createStorageBudget } from '../../../src/integration/portal/storageBudget';
import { createPortal, panelWidget, proven, type Agent, type Portal } from './portalFixtures';

const BOWMAN = '2468013000000051001';

/** Lets storage writes, lease waits (2 ms sleeps) and background refreshes land. */
const quiet = async () => {
  for (let i = 0; i < 6; i += 1) await new Promise((r) => setTimeout(r, 15));
};

/** What a panel open of this customer reads on mount. */
async function open(portal: Portal, agent: Agent, id: string) {
  const { cache } = panelWidget(portal, agent);
  const [customer] = await Promise.all([
    cache.read('getCustomer', id),
    cache.read('listSubscriptions', id, 1),
    cache.read('listInvoices', { customerId: id, page: 1 }),
  ]);
  await quiet();
  return { cache, customer };
}

const since = (portal: Portal, from: number) => portal.sandbox.calls.slice(from).map((c) => `${c.method} ${new URL(c.url).pathname.replace(/^.*\/billing\/v1/, '')}${new URL(c.url).search}`);
const CHECK = 'GET /customers?filter_by=Status.All&page=1&per_page=200';

async function twoCustomersShared(portal: Portal) {
  const other = portal.sandbox.dataset.customers.find((c) => c.customer_id !== BOWMAN && c.email !== '')?.customer_id ?? '';
  const a = proven(portal, await portal.agent(1));
  await open(portal, a, BOWMAN);
  await open(portal, a, other);
  return other;
}

describe('portal-wide check of customer rows', () => {
  it('one list call (only the parameters customers.yml documents) confirms every unchanged customer, for every agent', async () => {
    const portal = await createPortal();
    const other = await twoCustomersShared(portal);
    portal.clock.now += 6 * 60_000; // past the 5-minute freshness window
    const before = portal.sandbox.calls.length;
    const b = proven(portal, await portal.agent(2));
    const first = await open(portal, b, BOWMAN);
    expect(first.customer.ageMs).toBe(6 * 60_000); // served at once, with its true age
    expect(since(portal, before)).toEqual([CHECK]);
    // The widget that asked now shows the check's age; another agent's other customer needs no call.
    expect((await first.cache.read('getCustomer', BOWMAN)).ageMs).toBe(0);
    const c = proven(portal, await portal.agent(3));
    const seen = await open(portal, c, other);
    expect(seen.customer.ageMs).toBe(0);
    expect(since(portal, before)).toEqual([CHECK]);
    // Refresh still reads Billing, whatever the check confirmed.
    seen.cache.invalidateCustomer(other);
    const fresh = await seen.cache.read('getCustomer', other);
    expect(since(portal, before)).toEqual([CHECK, `GET /customers/${other}`]);
    expect(fresh.ageMs).toBe(0);
  });

  it("a customer whose row moved is read again alone; the others stay confirmed", async () => {
    const portal = await createPortal();
    const other = await twoCustomersShared(portal);
    const row = portal.sandbox.dataset.customers.find((c) => c.customer_id === BOWMAN);
    if (!row) throw new Error('no Bowman in the sandbox');
    row.outstanding_receivable_amount += 99; // another integration's payment run, say
    row.updated_time = '2026-11-30T09:03:00+0000';
    portal.clock.now += 6 * 60_000;
    const before = portal.sandbox.calls.length;
    const b = proven(portal, await portal.agent(2));
    const stale = await open(portal, b, BOWMAN);
    expect(since(portal, before)).toEqual([CHECK, `GET /customers/${BOWMAN}`]);
    const now = await stale.cache.read('getCustomer', BOWMAN);
    expect(now.value.outstanding).toBe(row.outstanding_receivable_amount);
    await open(portal, b, other);
    expect(since(portal, before).filter((p) => p.includes(other))).toEqual([]);
  });

  it('two agents whose snapshots go stale at the same moment make one check between them (the lease)', async () => {
    const portal = await createPortal();
    const other = await twoCustomersShared(portal);
    portal.clock.now += 6 * 60_000;
    const before = portal.sandbox.calls.length;
    const [b, c] = [proven(portal, await portal.agent(2)), proven(portal, await portal.agent(3))];
    await Promise.all([open(portal, b, BOWMAN), open(portal, c, other)]);
    expect(since(portal, before)).toEqual([CHECK]);
  });

  it('near the daily cap no check is made: snapshots are served with their age', async () => {
    const portal = await createPortal();
    await twoCustomersShared(portal);
    portal.clock.now += 6 * 60_000;
    const b = proven(portal, await portal.agent(2));
    await saveMeterCap(b.host.storage, 1000, 'admin', portal.clock.now);
    const { share } = panelWidget(portal, b);
    share?.meter.count(950);
    await share?.meter.flush();
    const before = portal.sandbox.calls.length;
    const seen = await open(portal, b, BOWMAN);
    expect(seen.cache.budgetLevel()).toBe('near');
    expect(seen.customer.ageMs).toBe(6 * 60_000);
    expect(since(portal, before)).toEqual([]);
  });
});

describe('what a check may confirm', () => {
  const customer = (over: Partial<Customer> = {}): Customer => ({
    id: BOWMAN, displayName: 'Bowman Furniture', companyName: '', email: 'ben@bowman.example', firstName: '', lastName: '',
    phone: '', status: 'active', currencyCode: 'USD', unusedCredits: 25, outstanding: 149, updatedTime: '2025-01-14T16:02:11.000Z',
    mobile: '', billingAddress: null, shippingAddress: null, paymentTerms: 0, paymentTermsLabel: '', contactPersons: [], createdTime: null,
    ...over,
  });

  async function stores() {
    const portal = await createPortal();
    const a = await portal.agent(1);
    const now = () => portal.clock.now;
    const budget = createStorageBudget(a.host.storage, { now, writesPerMinute: 50 });
    const revalidation = createRevalidation(budget, { organizationId: portal.organizationId, now });
    const store = createSnapshotStore(budget, { organizationId: portal.organizationId, now, revalidation });
    return { portal, revalidation, store };
  }

  it('never brings a tombstoned customer back, and a check made before a read never confirms it', async () => {
    const { portal, revalidation, store } = await stores();
    const readAt = portal.clock.now;
    await store.saveCustomer(customer(), readAt);
    portal.clock.now += 6 * 60_000;
    await revalidation.record([customer()], portal.clock.now);
    expect((await store.customer(BOWMAN))?.fetchedAt).toBe(portal.clock.now); // confirmed by the check

    portal.clock.now += 1_000;
    await store.invalidateCustomer(BOWMAN); // an agent's write
    portal.clock.now += 4_000;
    await revalidation.record([customer()], portal.clock.now); // a check whose page still shows the old row
    expect(await store.customer(BOWMAN)).toBeNull();

    // Read again after the write: an older check, or a later one showing the pre-write row, confirms nothing.
    portal.clock.now += 1_000;
    const after = customer({ outstanding: 248, updatedTime: '2026-11-30T09:06:00.000Z' });
    const reread = portal.clock.now;
    await store.saveCustomer(after, reread);
    expect((await store.customer(BOWMAN))?.fetchedAt).toBe(reread);
    portal.clock.now += 6 * 60_000;
    await revalidation.record([customer()], portal.clock.now);
    expect((await store.customer(BOWMAN))?.fetchedAt).toBe(reread);
  });

  it('carries a real read forward for at most PORTAL.confirmKeepMs, and never without updated_time', async () => {
    const { portal, revalidation, store } = await stores();
    const readAt = portal.clock.now;
    await store.saveCustomer(customer(), readAt);
    portal.clock.now += PORTAL.confirmKeepMs - 60_000;
    await revalidation.record([customer()], portal.clock.now);
    expect((await store.customer(BOWMAN))?.fetchedAt).toBe(portal.clock.now);
    portal.clock.now += 60_000;
    await revalidation.record([customer()], portal.clock.now);
    expect((await store.customer(BOWMAN))?.fetchedAt).toBe(readAt);

    expect(rowStamp(customer({ updatedTime: null }))).toBeNull();
    expect(rowStamp(customer())).not.toBe(rowStamp(customer({ unusedCredits: 0 })));
  });

  it("matches the recorded list row to the recorded detail; a row in the SPEC's shorter shape confirms nothing", () => {
    const detail = customerSchema.parse(fixtures.customerDetail().customer);
    const row = (fixtures.customersList().customers as Array<Record<string, unknown>>)[0] ?? {};
    expect(rowStamp(customerSummarySchema.parse(row))).toBe(rowStamp(detail));
    // customers.yml's list row has no status and no receivable amounts: the stamps differ, the customer is read again.
    const { status: _s, outstanding_receivable_amount: _o, currency_symbol: _c, ...specRow } = row;
    expect(rowStamp(customerSummarySchema.parse(specRow))).not.toBe(rowStamp(detail));
  });
});
