/**
 * The portal share wired into the cache as the panel ships it (createPanelBilling), with several agents
 * of one portal: one Billing sandbox, one Desk storage, a tab and a connection each, one clock.
 */
import { describe, expect, it } from 'vitest';
import { saveMeterCap } from '../../../src/integration/portal/dailyMeter';
import { createPortal, panelWidget, settle, type Agent, type Portal } from './portalFixtures';

const EMAIL = 'ben.george@bowman.example';

const widget = panelWidget;

/** What a panel open reads: the email match, then the customer and the first pages. */
async function open(portal: Portal, agent: Agent) {
  const { cache, share } = widget(portal, agent);
  const found = await cache.read('findCustomersByEmail', EMAIL);
  const id = found.value[0]?.id ?? '';
  const [customer] = await Promise.all([cache.read('getCustomer', id), cache.read('listSubscriptions', id, 1), cache.read('listInvoices', { customerId: id, page: 1 })]);
  await settle(40);
  return { cache, share, id, customer };
}

const calls = (portal: Portal) => portal.sandbox.calls.length;

describe('portal share in the cache', () => {
  it("a second agent sees the first agent's snapshot with its age after one access check, and Refresh still asks Billing", async () => {
    const portal = await createPortal();
    const [a, b] = [await portal.agent(1), await portal.agent(2)];
    await open(portal, a);
    expect(calls(portal)).toBe(4);
    portal.clock.now += 90_000;
    const before = calls(portal);
    const seen = await open(portal, b);
    expect(portal.sandbox.calls.slice(before).map((c) => c.path)).toEqual([expect.stringMatching(/\/organizations$/)]);
    expect(seen.customer.value.displayName).toBe('Bowman Furniture');
    expect(seen.customer.ageMs).toBe(90_000);
    // Same agent, new widget: proven for the session, nothing to call.
    const again = calls(portal);
    await open(portal, b);
    expect(calls(portal)).toBe(again);
    seen.cache.invalidateCustomer(seen.id); // the agent's Refresh
    const fresh = await seen.cache.read('getCustomer', seen.id);
    expect(fresh.ageMs).toBe(0);
    expect(calls(portal)).toBe(again + 1);
  });

  it('an agent whose connection is not authorised, or who is forbidden, gets that state and never the snapshot', async () => {
    const portal = await createPortal();
    await open(portal, await portal.agent(1));
    const locked = await portal.agent(2);
    locked.sim.faults.notAuthorised = true;
    await expect(widget(portal, locked).cache.read('getCustomer', '2468013000000051001')).rejects.toMatchObject({ kind: 'not-authorised' });
    const outsider = await portal.agent(3);
    const transport = outsider.sim.transport;
    outsider.sim.transport = async (req) =>
      new URL(req.url).pathname.endsWith('/organizations')
        ? new Response(JSON.stringify({ code: 0, message: 'success', organizations: [] }), { status: 200, headers: { 'Content-Type': 'application/json' } })
        : transport(req);
    await expect(widget(portal, outsider).cache.read('getCustomer', '2468013000000051001')).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(widget(portal, outsider).cache.read('findCustomersByEmail', EMAIL)).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it.each([
    ['create invoice', 'createInvoice'],
    ['create quote', 'createQuote'],
    ['edit addresses', 'updateCustomerAddresses'],
    ['create customer', 'createCustomer'],
  ] as const)('after "%s" no other agent is served the pre-write snapshot', async (_label, write) => {
    const portal = await createPortal();
    const [a, b] = [await portal.agent(1), await portal.agent(2)];
    const first = await open(portal, a);
    await open(portal, b); // b is proven and has seen the snapshot
    portal.clock.now += 1_000;
    const api = first.cache.api;
    const customer = first.customer.value;
    if (write === 'createInvoice' || write === 'createQuote') {
      const spy = write === 'createInvoice' ? 'createInvoice' : 'createQuote';
      const item = portal.sandbox.dataset.items[0];
      await api[spy]({ customerId: first.id, date: '2026-11-30', referenceNumber: 'DESK-1', lines: [{ productId: item?.item_id ?? '', name: item?.name ?? '', price: 10, quantity: 1 }] });
    }
    if (write === 'updateCustomerAddresses') await api.updateCustomerAddresses(customer, { street: '9 New St' }, null);
    if (write === 'createCustomer') {
      await api.createCustomer({ displayName: 'Second Bowman', firstName: '', lastName: '', email: EMAIL, companyName: '', phone: '', billingAddress: null, shippingAddress: null });
    }
    await settle(40);
    const before = calls(portal);
    const c = await portal.agent(3);
    c.tab.setItem(`zbd:access:v1:${portal.organizationId}:${c.userId}`, '1');
    const { cache } = widget(portal, c);
    if (write === 'createCustomer') {
      const found = await cache.read('findCustomersByEmail', EMAIL);
      expect(found.value.map((x) => x.displayName)).toContain('Second Bowman');
    } else {
      const read = await cache.read('getCustomer', first.id);
      expect(read.ageMs).toBe(0);
      if (write === 'updateCustomerAddresses') expect(read.value.billingAddress?.street).toBe('9 New St');
    }
    expect(calls(portal)).toBeGreaterThan(before);
  });

  it('near the cap: no background refresh, the snapshot is served with its age; past it only an agent asking calls Billing', async () => {
    const portal = await createPortal();
    const a = await portal.agent(1);
    await saveMeterCap(a.host.storage, 10, 'admin', portal.clock.now);
    const first = await open(portal, a);
    await first.share?.meter.flush();
    first.share?.meter.count(5); // 4 opening calls + 5 = 9 of 10: near (90%)
    await first.share?.meter.flush();
    portal.clock.now += 6 * 60_000; // older than the freshness window
    const near = widget(portal, a);
    expect(near.cache.budgetLevel()).toBe('near');
    const before = calls(portal);
    const served = await near.cache.read('getCustomer', first.id);
    await settle(40);
    expect(served.ageMs).toBe(6 * 60_000);
    expect(calls(portal)).toBe(before);

    near.share?.meter.count(1);
    expect(near.cache.budgetLevel()).toBe('over');
    await expect(near.cache.read('listTransactions', first.id)).rejects.toMatchObject({ kind: 'over-cap' });
    expect(calls(portal)).toBe(before);
    near.cache.resume(); // the agent's Retry
    await near.cache.read('listTransactions', first.id);
    expect(calls(portal)).toBe(before + 1);
  });
});
