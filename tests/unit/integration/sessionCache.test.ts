import { describe, expect, it } from 'vitest';
import type { BillingApi, CustomerSummary } from '../../../src/billing/types';
import { createBillingCache } from '../../../src/integration/cache/billingCache';
import { SESSION_CACHE_PREFIX, clearSessionCache, sessionPersistence } from '../../../src/integration/cache/sessionCache';
import { MemoryStorage } from '../../../src/sandbox/memoryStorage';

const bowman: CustomerSummary = {
  id: 'c1', displayName: 'Bowman', companyName: '', email: 'b@x.test', firstName: '', lastName: '', phone: '',
  status: 'active', currencyCode: 'USD', unusedCredits: 1, outstanding: 2, updatedTime: null,
};

function countingApi(calls: string[]): BillingApi {
  return new Proxy({} as BillingApi, {
    get: (_t, name: string) => async (...args: unknown[]) => {
      calls.push(`${name}:${JSON.stringify(args)}`);
      if (name === 'findCustomersByEmail') return [bowman];
      if (name === 'listSubscriptions') return { items: [], page: 1, hasMore: false };
      if (name === 'createCustomer') return bowman;
      throw new Error(`unexpected ${name}`);
    },
  });
}

function widget(storage: Storage, clock: { t: number }, calls: string[], organizationId = 'org1') {
  return createBillingCache(countingApi(calls), {
    organizationId,
    persist: sessionPersistence(storage),
    now: () => clock.t,
  });
}

describe('answers kept in the tab outlive the widget', () => {
  it('a re-created panel within the freshness window makes no call', async () => {
    const storage = new MemoryStorage();
    const clock = { t: 1_000_000 };
    const calls: string[] = [];
    await widget(storage, clock, calls).read('findCustomersByEmail', 'b@x.test');
    clock.t += 30_000;
    const again = await widget(storage, clock, calls).read('findCustomersByEmail', 'b@x.test');
    expect(again.value).toEqual([bowman]);
    expect(again.ageMs).toBe(30_000);
    expect(calls).toHaveLength(1);
  });

  it('past freshness it shows the kept answer at once and revalidates once in the background', async () => {
    const storage = new MemoryStorage();
    const clock = { t: 1_000_000 };
    const calls: string[] = [];
    await widget(storage, clock, calls).read('findCustomersByEmail', 'b@x.test');
    clock.t += 6 * 60_000;
    const reopened = widget(storage, clock, calls);
    const shown = await reopened.read('findCustomersByEmail', 'b@x.test');
    expect(shown.ageMs).toBe(6 * 60_000);
    await reopened.read('findCustomersByEmail', 'b@x.test');
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toHaveLength(2);
  });

  it('another organization never reads them, and clear() drops only its own', async () => {
    const storage = new MemoryStorage();
    const clock = { t: 1_000_000 };
    const calls: string[] = [];
    await widget(storage, clock, calls, 'org1').read('findCustomersByEmail', 'b@x.test');
    const other = widget(storage, clock, calls, 'org10');
    await other.read('findCustomersByEmail', 'b@x.test');
    expect(calls).toHaveLength(2);
    other.clear();
    await widget(storage, clock, calls, 'org1').read('findCustomersByEmail', 'b@x.test');
    expect(calls).toHaveLength(2);
  });

  it('invalidating a customer (after a write) drops what the tab kept for it', async () => {
    const storage = new MemoryStorage();
    const clock = { t: 1_000_000 };
    const calls: string[] = [];
    const first = widget(storage, clock, calls);
    await first.read('listSubscriptions', 'c1', 1);
    first.invalidateCustomer('c1');
    await widget(storage, clock, calls).read('listSubscriptions', 'c1', 1);
    expect(calls).toHaveLength(2);
  });

  it('corrupt entries are ignored, a full quota starts over, and clearing removes only ours', async () => {
    const storage = new MemoryStorage(400);
    storage.setItem('someone-else', 'x');
    const clock = { t: 1_000_000 };
    const calls: string[] = [];
    const cache = widget(storage, clock, calls);
    await cache.read('findCustomersByEmail', 'b@x.test');
    const key = storage.key(1)!;
    expect(key.startsWith(SESSION_CACHE_PREFIX)).toBe(true);
    storage.setItem(key, '{not json');
    await widget(storage, clock, calls).read('findCustomersByEmail', 'b@x.test');
    expect(calls).toHaveLength(2);
    // Each answer fits alone but not together: the second write evicts the first instead of failing.
    await widget(storage, clock, calls).read('findCustomersByEmail', 'other@x.test');
    expect(storage.getItem(key)).toBeNull();
    expect(storage.length).toBe(2);
    clearSessionCache(storage);
    expect(storage.length).toBe(1);
    expect(storage.getItem('someone-else')).toBe('x');
  });
});

describe('writes that change who matches', () => {
  it('creating a customer drops kept searches, in memory and in the tab', async () => {
    const storage = new MemoryStorage();
    const clock = { t: 1_000_000 };
    const calls: string[] = [];
    const api = countingApi(calls);
    const cache = createBillingCache(api, { organizationId: 'org1', persist: sessionPersistence(storage), now: () => clock.t });
    await cache.read('findCustomersByEmail', 'b@x.test');
    await cache.api.createCustomer({} as never);
    await cache.read('findCustomersByEmail', 'b@x.test');
    await widget(storage, clock, calls).read('findCustomersByEmail', 'b@x.test');
    expect(calls.filter((c) => c.startsWith('findCustomersByEmail'))).toHaveLength(2);
  });
});
