import { describe, expect, it } from 'vitest';
import { BillingError } from '../../../src/billing/errors';
import { createBillingCache } from '../../../src/integration/cache/billingCache';
import { createFakeBilling, customer } from './fakeBilling';

function setup(extra: Parameters<typeof createBillingCache>[1] extends infer O ? Partial<O> : never = {}) {
  let clock = 1_000_000;
  const sleeps: number[] = [];
  const billing = createFakeBilling({ customers: [customer('c1', 'One', 'one@x.test')] });
  const cache = createBillingCache(billing.api, {
    organizationId: 'org1',
    now: () => clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    random: () => 0.5,
    ...extra,
  });
  return { cache, billing, sleeps, tick: (ms: number) => (clock += ms) };
}

describe('billingCache', () => {
  it('serves a fresh answer without a call, and shares one in-flight call', async () => {
    const { cache, billing } = setup();
    const [a, b] = await Promise.all([cache.read('getCustomer', 'c1'), cache.read('getCustomer', 'c1')]);
    expect(a.value.displayName).toBe('One');
    expect(b.value.displayName).toBe('One');
    expect(billing.count('getCustomer')).toBe(1);
    await cache.read('getCustomer', 'c1');
    expect(billing.count('getCustomer')).toBe(1);
  });

  it('serves stale answers at once with their age and refreshes in the background', async () => {
    const { cache, billing, tick } = setup();
    await cache.read('getCustomer', 'c1');
    tick(4 * 60_000);
    expect((await cache.read('getCustomer', 'c1')).ageMs).toBe(240_000);
    expect(billing.count('getCustomer')).toBe(1);
    tick(2 * 60_000);
    const stale = await cache.read('getCustomer', 'c1');
    expect(stale.ageMs).toBe(360_000);
    expect(billing.count('getCustomer')).toBe(2);
  });

  it('falls back to the last good answer with the error when a refresh fails transiently', async () => {
    const { cache, billing, tick } = setup();
    await cache.read('getCustomer', 'c1');
    tick(40 * 60_000);
    billing.fail = 'server';
    const answer = await cache.read('getCustomer', 'c1');
    expect(answer.error?.kind).toBe('server');
    expect(answer.ageMs).toBe(40 * 60_000);
    expect(cache.lastGoodForCustomer('c1').map((e) => e.call)).toEqual(['getCustomer']);
    billing.fail = 'forbidden';
    await expect(cache.read('getCustomer', 'c1')).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('backs off on rate limiting (Retry-After, then exponential) and gives up after the cap', async () => {
    const { cache, billing, sleeps } = setup({ maxAttempts: 3 });
    let failures = 2;
    billing.before = () => {
      if (failures-- > 0) throw new BillingError('rate-limited', '429', failures === 1 ? { retryAfterMs: 3000 } : {});
    };
    const answer = await cache.read('getCustomer', 'c1');
    expect(answer.value.id).toBe('c1');
    expect(billing.count('getCustomer')).toBe(3);
    expect(sleeps).toEqual([3250, 2250]);

    billing.before = () => {
      throw new BillingError('rate-limited', '429');
    };
    await expect(cache.read('getCustomer', 'c1-other')).rejects.toMatchObject({ kind: 'rate-limited' });
    expect(billing.count('getCustomer')).toBe(6);
  });

  it('does not wait for a Retry-After longer than the cap', async () => {
    const { cache, billing, sleeps } = setup();
    billing.before = () => {
      throw new BillingError('rate-limited', '429', { retryAfterMs: 60_000 });
    };
    await expect(cache.read('getCustomer', 'c1')).rejects.toMatchObject({ kind: 'rate-limited' });
    expect(billing.count('getCustomer')).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('runs at most maxConcurrent calls at once', async () => {
    const { cache, billing } = setup({ maxConcurrent: 2 });
    let running = 0;
    let peak = 0;
    billing.before = async () => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running -= 1;
    };
    await Promise.all(['a@x', 'b@x', 'c@x', 'd@x', 'e@x'].map((e) => cache.read('findCustomersByEmail', e)));
    expect(billing.count('findCustomersByEmail')).toBe(5);
    expect(peak).toBe(2);
  });

  it('keys by organization, call and arguments, and a write drops that customer', async () => {
    const { cache, billing } = setup();
    await cache.read('listInvoices', { customerId: 'c1', page: 1 });
    await cache.read('listInvoices', { customerId: 'c1', page: 2 });
    expect(billing.count('listInvoices')).toBe(2);
    await cache.api.createInvoice({ customerId: 'c1', date: '2026-11-27', referenceNumber: 'DESK-1', lines: [] });
    await cache.read('listInvoices', { customerId: 'c1', page: 1 });
    expect(billing.count('listInvoices')).toBe(3);
  });

  it("the writer's invoice list always asks Billing, and fails rather than answer with a kept list", async () => {
    const { cache, billing } = setup();
    const query = { customerId: 'c1', page: 1, perPage: 50 };
    await cache.read('listInvoices', query);
    await cache.writer.listInvoices(query);
    expect(billing.count('listInvoices')).toBe(2);
    billing.fail = 'server';
    await expect(cache.writer.listInvoices(query)).rejects.toMatchObject({ kind: 'server' });
    expect((await cache.read('listInvoices', query)).error).toBeNull();
  });
});
