import { describe, expect, it } from 'vitest';
import type { Customer, InvoiceSummary, Page } from '../../../src/billing/types';
import { STORAGE_VALUE_MAX_BYTES, storageValueBytes } from '../../../src/host/storageRules';
import { createAccessGate } from '../../../src/integration/portal/accessGate';
import { createDailyMeter, dayKey, readMeterHistory, saveMeterCap } from '../../../src/integration/portal/dailyMeter';
import { createSnapshotStore } from '../../../src/integration/portal/portalSnapshot';
import { createRefreshLease } from '../../../src/integration/portal/refreshLease';
import { createStorageBudget } from '../../../src/integration/portal/storageBudget';
import { MemoryStorage } from '../../../src/sandbox/memoryStorage';
import { createPortal, settle } from './portalFixtures';

const address = { attention: 'A', street: '1200 Harrison St', street2: 'Suite 400', city: 'San Francisco', state: 'California', zip: '94103', country: 'U.S.A', phone: '', fax: '' };
const customer = (contacts: number): Customer => ({
  id: '2468013000000051001', displayName: 'Bowman Furniture', companyName: 'Bowman Furniture', email: 'ben@bowman.example',
  firstName: 'Benjamin', lastName: 'George', phone: '+1 415', status: 'active', currencyCode: 'USD', unusedCredits: 12.5, outstanding: 149, updatedTime: '2025-01-14T08:02:11-08:00',
  mobile: '', billingAddress: address, shippingAddress: null, paymentTerms: 15, paymentTermsLabel: 'Net 15', createdTime: '2024-02-05T10:21:02-08:00',
  contactPersons: Array.from({ length: contacts }, (_, i) => ({ id: `246801300000005${String(i).padStart(4, '0')}`, firstName: 'Ｊｏｈｎ'.repeat(60), lastName: 'Doe', email: `p${i}@bowman.example`, phone: '' })),
});
const invoices = (n: number): Page<InvoiceSummary> => ({
  page: 1,
  hasMore: true,
  items: Array.from({ length: n }, (_, i) => ({
    id: `24680130000000${String(80000 + i)}`, number: `INV-${String(i).padStart(6, '0')}`, status: i % 3 ? 'paid' : 'overdue',
    date: '2025-03-20', dueDate: '2025-04-04', total: 149 + i, balance: i % 3 ? 0 : 149, currencyCode: 'USD',
    customerId: '2468013000000051001', referenceNumber: `DESK-${104000 + i}`, transactionType: 'new',
  })),
});

describe('portal-shared snapshot rows', () => {
  it('splits a 50-invoice first page into rows that each fit 5.1 KB, and reads it back whole', async () => {
    const portal = await createPortal();
    const a = await portal.agent(1);
    const store = createSnapshotStore(createStorageBudget(a.host.storage, { writesPerMinute: 50 }), { organizationId: portal.organizationId, now: () => portal.clock.now });
    await store.saveList('invoices', '2468013000000051001', invoices(50), portal.clock.now - 1000);
    await settle();
    const rows = [...portal.storage.values()].filter((r) => r.key.startsWith('si:'));
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows) expect(storageValueBytes(r.value)).toBeLessThanOrEqual(STORAGE_VALUE_MAX_BYTES);
    const back = await store.list('invoices', '2468013000000051001');
    expect(back?.value).toEqual(invoices(50));
    expect(back?.fetchedAt).toBe(portal.clock.now - 1000);
  });

  it('cuts contact persons until the customer row fits, and never shares a first page too big for 3 rows', async () => {
    const portal = await createPortal();
    const a = await portal.agent(1);
    const store = createSnapshotStore(createStorageBudget(a.host.storage, { writesPerMinute: 50 }), { organizationId: portal.organizationId, now: () => portal.clock.now });
    await store.saveCustomer(customer(8), portal.clock.now);
    await store.saveList('invoices', 'c2', invoices(200), portal.clock.now);
    await settle();
    const back = await store.customer('2468013000000051001');
    expect(back?.value.displayName).toBe('Bowman Furniture');
    expect(back?.value.billingAddress).toEqual(address);
    expect(back?.value.contactPersons.length).toBeLessThan(8);
    expect(await store.list('invoices', 'c2')).toBeNull();
  });

  it('does not let an answer fetched before a write come back after its tombstone', async () => {
    const portal = await createPortal();
    const a = await portal.agent(1);
    const store = createSnapshotStore(createStorageBudget(a.host.storage, { writesPerMinute: 50 }), { organizationId: portal.organizationId, now: () => portal.clock.now });
    const before = portal.clock.now;
    await store.saveCustomer(customer(1), before);
    portal.clock.now += 1000;
    await store.invalidateCustomer('2468013000000051001');
    expect(await store.customer('2468013000000051001')).toBeNull();
    await store.saveCustomer(customer(1), before + 500); // a read that left Billing before the write
    expect(await store.customer('2468013000000051001')).toBeNull();
    portal.clock.now += 1000;
    await store.saveCustomer(customer(1), portal.clock.now); // read again after the write
    expect(await store.customer('2468013000000051001')).not.toBeNull();
  });
});

describe('refresh lease', () => {
  it('lets exactly one of two agents claiming at once refresh, and the other once the holder has vanished', async () => {
    const portal = await createPortal();
    const [a, b] = [await portal.agent(1), await portal.agent(2)];
    const now = () => portal.clock.now;
    const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.min(ms, 5)));
    const leaseA = createRefreshLease(createStorageBudget(a.host.storage, { now }), { organizationId: portal.organizationId, holder: 'A', now, sleep });
    const leaseB = createRefreshLease(createStorageBudget(b.host.storage, { now }), { organizationId: portal.organizationId, holder: 'B', now, sleep });
    const won = await Promise.all([leaseA.claim('c1'), leaseB.claim('c1')]);
    expect(won.filter(Boolean)).toHaveLength(1);
    const loser = won[0] ? leaseB : leaseA;
    expect(await loser.claim('c1')).toBe(false);
    portal.clock.now += 31_000; // the holder closed its tab: its lease times out
    expect(await loser.claim('c1')).toBe(true);
    expect(await leaseA.claim('c2')).toBe(true); // one lease per customer
  });
});

describe('access gate', () => {
  const gateFor = async (setup: (agent: Awaited<ReturnType<Awaited<ReturnType<typeof createPortal>>['agent']>>) => void) => {
    const portal = await createPortal();
    const agent = await portal.agent(1);
    setup(agent);
    const gate = createAccessGate({ organizationId: portal.organizationId, deskUserId: agent.userId, session: agent.tab, listOrganizations: () => agent.api.listOrganizations() });
    return { portal, agent, gate };
  };

  it('an authorised agent proves access with one call, kept for the session', async () => {
    const { portal, agent, gate } = await gateFor(() => undefined);
    await gate.ensure();
    await gate.ensure();
    expect(portal.sandbox.calls.filter((c) => c.path.endsWith('/organizations'))).toHaveLength(1);
    const again = createAccessGate({ organizationId: portal.organizationId, deskUserId: agent.userId, session: agent.tab, listOrganizations: () => agent.api.listOrganizations() });
    expect(again.proven()).toBe(true);
    const otherPerson = createAccessGate({ organizationId: portal.organizationId, deskUserId: 'someone-else', session: agent.tab, listOrganizations: () => agent.api.listOrganizations() });
    expect(otherPerson.proven()).toBe(false);
  });

  it('a not-authorised connection gets not-authorised, and nothing is proven', async () => {
    const { gate } = await gateFor((agent) => {
      agent.sim.faults.notAuthorised = true;
    });
    await expect(gate.ensure()).rejects.toMatchObject({ kind: 'not-authorised' });
    expect(gate.proven()).toBe(false);
  });

  it('a forbidden user gets forbidden: by a 403, or by an organization list without this organization', async () => {
    const { gate } = await gateFor((agent) => {
      const transport = agent.sim.transport;
      agent.sim.transport = async (req) =>
        new URL(req.url).hostname.startsWith('www.zohoapis')
          ? new Response(JSON.stringify({ code: 57, message: 'You are not authorized to perform this operation' }), { status: 403, headers: { 'Content-Type': 'application/json' } })
          : transport(req);
    });
    await expect(gate.ensure()).rejects.toMatchObject({ kind: 'forbidden' });
    expect(gate.proven()).toBe(false);

    const portal = await createPortal();
    const agent = await portal.agent(2);
    const elsewhere = createAccessGate({ organizationId: '999000000000000001', deskUserId: agent.userId, session: agent.tab, listOrganizations: () => agent.api.listOrganizations() });
    await expect(elsewhere.ensure()).rejects.toMatchObject({ kind: 'forbidden' });
  });
});

describe('Desk storage budget', () => {
  it('a quota error from Desk loses no write and does not block: reads answer at once, writes land after the pause', async () => {
    const portal = await createPortal();
    const a = await portal.agent(1);
    a.sim.storageLimits = { writesPerMinute: 1, readsPerMinute: 250, deletesPerMinute: 50 };
    a.sim.log.storageCalls.push({ at: portal.clock.now, op: 'set', items: 1 }); // another agent spent the portal's minute
    const timers: Array<{ at: number; run: () => void }> = [];
    const budget = createStorageBudget(a.host.storage, {
      now: () => portal.clock.now,
      schedule: (run, ms) => timers.push({ at: portal.clock.now + ms, run }),
    });
    const landed = budget.set({ key: 'meter:d:20261130', group: 'meter', value: { d: '2026-11-30', s: { x: 3 } } });
    await settle();
    expect(budget.stats().refusals).toBe(1);
    expect(budget.resting()).toBe(true);
    expect(budget.pending()).toBe(1);
    const read = await budget.get('sc:anything');
    expect(read.ok).toBe(false); // a miss at once, not a wait
    portal.clock.now += 61_000;
    for (const t of timers.splice(0)) if (t.at <= portal.clock.now) t.run();
    expect(await landed).toEqual({ ok: true, value: undefined });
    expect(portal.storage.get('meter:d:20261130')?.value).toEqual({ d: '2026-11-30', s: { x: 3 } });
  });

  it('keeps to its share of writes per minute: the rest wait in a queue, newest value per key', async () => {
    const portal = await createPortal();
    const a = await portal.agent(1);
    const timers: Array<{ at: number; run: () => void }> = [];
    const budget = createStorageBudget(a.host.storage, { writesPerMinute: 2, now: () => portal.clock.now, schedule: (run, ms) => timers.push({ at: portal.clock.now + ms, run }) });
    for (let i = 0; i < 5; i += 1) void budget.set({ key: `k${i % 3}`, group: 'cache', value: { i } });
    await settle();
    expect(a.sim.log.storageCalls.filter((c) => c.op === 'set')).toHaveLength(2);
    expect(budget.pending()).toBe(2); // k2, and k0's newer value (k1's newer value replaced its older one in line)
    portal.clock.now += 60_001;
    for (const t of timers.splice(0)) t.run();
    await settle();
    expect(portal.storage.get('k0')?.value).toEqual({ i: 3 });
    expect(portal.storage.get('k1')?.value).toEqual({ i: 4 });
    expect(portal.storage.get('k2')?.value).toEqual({ i: 2 });
  });
});

describe('daily meter', () => {
  it('counts every call but writes at most once a minute, and sums every session of the day', async () => {
    const portal = await createPortal();
    const [a, b] = [await portal.agent(1), await portal.agent(2)];
    const now = () => portal.clock.now;
    const meterA = createDailyMeter(createStorageBudget(a.host.storage, { now }), { session: a.tab, now });
    const meterB = createDailyMeter(createStorageBudget(b.host.storage, { now }), { session: b.tab, now });
    for (let i = 0; i < 100; i += 1) {
      meterA.count();
      portal.clock.now += 300;
    }
    await settle();
    const writes = () => a.sim.log.storageCalls.filter((c) => c.op === 'set').length + b.sim.log.storageCalls.filter((c) => c.op === 'set').length;
    expect(writes()).toBeLessThanOrEqual(1);
    for (let i = 0; i < 7; i += 1) meterB.count();
    await Promise.all([meterA.flush(), meterB.flush()]);
    await settle();
    expect(writes()).toBeLessThanOrEqual(3);
    // Flushing at the same instant, one may overwrite the other's slot; the owner's next flush restores it.
    await meterB.flush();
    // A re-created widget in the same tab carries on from the tab's count.
    const again = createDailyMeter(createStorageBudget(a.host.storage, { now }), { session: a.tab, now });
    again.count();
    await again.flush();
    const history = await readMeterHistory(a.host.storage, portal.clock.now);
    expect(history.ok && history.value.days[0]).toEqual({ day: '2026-11-30', calls: 108 });
    expect(portal.storage.has(dayKey('2026-11-30'))).toBe(true);
  });

  it('reports near and over the cap the admin set', async () => {
    const portal = await createPortal();
    const a = await portal.agent(1);
    const now = () => portal.clock.now;
    await saveMeterCap(a.host.storage, 100, 'admin', portal.clock.now);
    const meter = createDailyMeter(createStorageBudget(a.host.storage, { now }), { session: a.tab, now });
    await meter.flush();
    expect(meter.state()).toEqual({ today: 0, cap: 100, level: 'normal' });
    meter.count(90);
    expect(meter.state().level).toBe('near');
    meter.count(10);
    expect(meter.state().level).toBe('over');
  });
});

describe('fixtures', () => {
  it('one Desk storage for every agent of the portal', async () => {
    const portal = await createPortal();
    const [a, b] = [await portal.agent(1), await portal.agent(2)];
    await a.host.storage.set({ key: 'link:c:1', group: 'link', value: { x: 1 } });
    expect((await b.host.storage.get('link:c:1')).ok).toBe(true);
    expect(new MemoryStorage().length).toBe(0);
  });
});
