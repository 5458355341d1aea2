/**
 * The panel's only way to read Zoho Billing. Billing allows ~100 calls a minute per organization,
 * shared by every agent (SPEC C3), so reads are cached per (organization, call, arguments),
 * identical in-flight calls share one request, and billingRequests.ts paces what goes out (slots,
 * 429 back-off and cool-down). The cache is observable: readers subscribe (src/panel/useBilling.ts), a
 * write drops what it changes (the rules are in billingCacheApi.ts, the cache's face as a BillingApi),
 * and every reader of it reads again. The types live in billingCacheTypes.ts.
 *
 * Freshness: an answer younger than `freshMs` (5 min) is served without a call; up to `staleMs` it is served
 * at once and refreshed in the background (stale-while-revalidate). When a refresh fails for a
 * transient reason, the last good answer (up to `keepMs` old) is returned with its age and the error,
 * so the panel can keep showing it, marked (SPEC B14). With the portal share (portalShare.ts) a stale
 * answer may instead be confirmed by the portal-wide check of customer rows (portalRevalidation.ts):
 * its age becomes the check's, and its readers hear it.
 */
import { BillingError, toBillingError } from '../../billing/errors';
import { createScheduler, isSuperseded } from './billingRequests';
import { cacheApi, createOwners, type CacheInternals } from './billingCacheApi';
import type { BillingApi, CustomerSummary, Page } from '../../billing/types';

export type {
  BillingCache,
  BillingReader,
  CacheEvent,
  CacheOptions,
  Fetched,
  LastGood,
  ReadCall,
  ReadResult,
} from './billingCacheTypes';
import type { BillingCache, CacheEvent, CacheOptions, Fetched, LastGood, ReadCall, ReadResult } from './billingCacheTypes';
import { CACHE, RATE_LIMIT } from '../../host/timeWindows';

interface Entry {
  call: ReadCall;
  args: readonly unknown[];
  value: unknown;
  fetchedAt: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createBillingCache(api: BillingApi, options: CacheOptions): BillingCache {
  const organizationId = options.organizationId;
  // Billing records change rarely within minutes, and every call spends the organization's shared budget
  // (C3): answers are used as they are for 5 minutes (the header says their age, Refresh asks again),
  // then shown at once and refreshed in the background for up to 30.
  const freshMs = options.freshMs ?? CACHE.freshMs;
  const staleMs = options.staleMs ?? CACHE.staleMs;
  const keepMs = options.keepMs ?? CACHE.keepMs;
  const maxEntries = options.maxEntries ?? 400;
  const now = options.now ?? Date.now;
  const persist = options.persist;
  const shared = options.shared;
  /** Until then Billing is called because an agent asked (Refresh, Retry, a write), cap or not. */
  let explicitUntil = 0;
  /** Customers the agent refreshed: their next reads go to Billing, past the shared snapshot. */
  const refreshed = new Map<string, number>();
  const asked = () => {
    explicitUntil = now() + CACHE.askedMs;
  };
  const requests = createScheduler(api, {
    maxConcurrent: Math.max(1, options.maxConcurrent ?? 4),
    maxAttempts: Math.max(1, options.maxAttempts ?? 3),
    maxBackoffMs: options.maxBackoffMs ?? RATE_LIMIT.maxBackoffMs,
    coolDownMs: options.coolDownMs ?? RATE_LIMIT.coolDownMs,
    now,
    sleep: options.sleep ?? defaultSleep,
    random: options.random ?? Math.random,
    coolDown: persist?.coolDown?.(organizationId),
  });

  const entries = new Map<string, Entry>();
  /** Calls on their way, joined only by reads of the same epoch (a Retry never joins a hanging call). */
  const inFlight = new Map<string, { epoch: number; seq: number; call: ReadCall; args: readonly unknown[]; promise: Promise<Entry> }>();
  /** Per key, the newest call whose answer was kept: a slow older answer never overwrites it (B13). */
  const keptSeq = new Map<string, number>();
  let seq = 0;
  const listeners = new Set<(event: CacheEvent) => void>();
  const emit = (event: CacheEvent) => [...listeners].forEach((listener) => listener(event));

  const keyOf = (call: ReadCall, args: readonly unknown[]) => JSON.stringify([organizationId, call, args]);
  /** Which customer each kept read belongs to (the call table's `owner`; subscriptions and invoices learned from answers). */
  const owners = createOwners();
  const ownerOf = (entry: Entry) => owners.customerOf(entry.call, entry.args, entry.value);

  /** Keeps an entry in memory, learning which customer the records it shows belong to. */
  function keep(key: string, entry: Entry) {
    entries.set(key, entry);
    owners.learn(entry.call, entry.args, entry.value);
  }

  function store(entry: Entry, key: string) {
    entries.delete(key);
    keep(key, entry);
    persist?.save(key, entry);
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
    emit({ type: 'stored', key });
  }

  function fetch(call: ReadCall, args: readonly unknown[], key: string, join: boolean): Promise<Entry> {
    const pending = inFlight.get(key);
    if (join && pending && pending.epoch === requests.epoch) return pending.promise;
    const mine = ++seq;
    const p = requests.send(call, args).then((value) => {
      const entry: Entry = { call, args, value, fetchedAt: now() };
      if ((keptSeq.get(key) ?? 0) < mine) {
        keptSeq.set(key, mine);
        store(entry, key);
        shared?.save(call, args, value, entry.fetchedAt);
      }
      return entry;
    });
    const flight = { epoch: requests.epoch, seq: mine, call, args, promise: p };
    inFlight.set(key, flight);
    // Settled (answered, failed, or abandoned by the Desk timeout): nobody joins it any more.
    const done = () => {
      if (inFlight.get(key) === flight) inFlight.delete(key);
    };
    p.then(done, done);
    return p;
  }

  /** The portal's batched check: one page of every customer, paced like any call, never kept here. */
  const listRows = () => requests.send('listCustomers', [1]) as Promise<Page<CustomerSummary>>;

  /**
   * A portal-wide check confirmed this customer: what this widget holds of it takes the shared, newer
   * age, and whoever shows it hears so. Not after the agent's Refresh: that one reads Billing.
   */
  async function reloadShared(customerId: string | null) {
    if (!shared || customerId === null || (refreshed.get(customerId) ?? 0) > now()) return;
    for (const [key, entry] of [...entries]) {
      if (ownerOf(entry) !== customerId) continue;
      const found = await shared.load(entry.call, entry.args).catch(() => null);
      if (!found || found.fetchedAt <= entry.fetchedAt || found.fetchedAt > now() || entries.get(key) !== entry) continue;
      store({ call: entry.call, args: entry.args, value: found.value, fetchedAt: found.fetchedAt }, key);
    }
  }

  function kept(call: ReadCall, args: readonly unknown[], key: string): Entry | undefined {
    const inMemory = entries.get(key);
    if (inMemory || !persist) return inMemory;
    const saved = persist.load(key);
    // Only what this organization's cache wrote under this exact key, and nothing from the future.
    if (!saved || saved.call !== call || saved.fetchedAt > now()) return undefined;
    const entry: Entry = { call, args, value: saved.value, fetchedAt: saved.fetchedAt };
    keep(key, entry);
    return entry;
  }

  function answer<K extends ReadCall>(entry: Entry, error: BillingError | null): Fetched<ReadResult<K>> {
    return { value: entry.value as ReadResult<K>, ageMs: Math.max(0, now() - entry.fetchedAt), fetchedAt: entry.fetchedAt, error };
  }

  async function readAs<K extends ReadCall>(call: K, args: readonly unknown[], fresh: boolean): Promise<Fetched<ReadResult<K>>> {
    const key = keyOf(call, args);
    let cached = kept(call, args, key);
    let t = now();
    const customer = owners.customerOf(call, args, cached?.value);
    const bypass = fresh || (customer !== null && (refreshed.get(customer) ?? 0) > t);
    if (shared && !bypass && (!cached || t - cached.fetchedAt >= freshMs)) {
      // Another agent may have read it lately. The gate throws (not authorised, forbidden) before any of it shows.
      const found = await shared.load(call, args);
      if (found && found.fetchedAt <= now() && (!cached || found.fetchedAt > cached.fetchedAt)) {
        cached = { call, args, value: found.value, fetchedAt: found.fetchedAt };
        keep(key, cached);
        persist?.save(key, cached);
      }
      t = now();
    }
    const level = shared?.level() ?? 'normal';
    const agentAsked = fresh || t < explicitUntil;
    if (!fresh && cached && t - cached.fetchedAt < freshMs) return answer(cached, null);
    if (!fresh && cached && t - cached.fetchedAt < staleMs && !agentAsked) {
      // Serve now, refresh quietly (one agent of the portal at a time, never near the daily cap);
      // a failed background refresh keeps the old entry.
      void (shared ? shared.refresh(call, args, { listRows }) : Promise.resolve('fetch' as const))
        .then(async (how) => {
          if (how === 'fetch') await fetch(call, args, key, true);
          else if (how === 'revalidated') await reloadShared(customer);
        })
        .catch(() => undefined);
      return answer(cached, null);
    }
    // Near or past the daily cap, what is kept is shown (with its age) rather than spending a call.
    if (cached && level !== 'normal' && !agentAsked && t - cached.fetchedAt < keepMs) return answer(cached, null);
    if (level === 'over' && !agentAsked) {
      throw new BillingError('over-cap', "Today's cap on Zoho Billing calls is reached; only an agent's Retry calls Billing.");
    }
    try {
      return answer(await fetch(call, args, key, !fresh), null);
    } catch (e) {
      if (isSuperseded(e)) throw e;
      const error = toBillingError(e);
      // A fresh read (the write guard's check) must see Billing as it is now, or fail: never an old list.
      if (!fresh && error.transient && cached && t - cached.fetchedAt < keepMs) return answer(cached, error);
      throw error;
    }
  }

  /** Drops kept answers, in memory and in the tab, whose call and arguments match; their readers hear it. */
  function invalidateWhere(matches: (call: ReadCall, args: readonly unknown[], value?: unknown) => boolean) {
    const dropped = new Set<string>();
    for (const [key, entry] of entries) {
      if (matches(entry.call, entry.args, entry.value)) {
        entries.delete(key);
        dropped.add(key);
      }
    }
    for (const [key, entry] of persist?.entries() ?? []) {
      if (matches(entry.call as ReadCall, entry.args, entry.value)) {
        persist?.remove(key);
        dropped.add(key);
      }
    }
    // A call already on its way may carry the state from before the write: never join it, never keep it.
    for (const [key, flight] of inFlight) {
      if (dropped.has(key) || matches(flight.call, flight.args)) {
        inFlight.delete(key);
        keptSeq.set(key, Math.max(keptSeq.get(key) ?? 0, flight.seq));
        dropped.add(key);
      }
    }
    if (dropped.size > 0) emit({ type: 'invalidated', keys: dropped });
  }

  /** Refresh, or after a write: this customer's next reads ask Billing, whatever is kept or shared. */
  function invalidateCustomer(customerId: string) {
    asked();
    refreshed.set(customerId, now() + CACHE.askedMs);
    invalidateWhere((call, args, value) => owners.customerOf(call, args, value) === customerId);
  }

  /** After a write: every agent's shared snapshot of this customer (and email) goes too. */
  function wrote(customerId: string | null, email?: string) {
    if (customerId) {
      invalidateCustomer(customerId);
      shared?.invalidateCustomer(customerId);
    }
    if (email) shared?.invalidateEmail(email);
  }

  const internals: CacheInternals = {
    read: (call, args, fresh) => readAs(call, args, fresh).then((r) => r.value),
    invalidateWhere,
    wrote,
    owners,
  };

  return {
    organizationId,
    read: (call, ...args) => readAs(call, args, false),
    keyOf: (call, ...args) => keyOf(call, args),
    api: cacheApi(api, internals, new Set()),
    writer: cacheApi(api, internals, new Set<ReadCall>(['listInvoices'])),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    peek<K extends ReadCall>(call: K, ...args: Parameters<BillingApi[K]>): ReadResult<K> | null {
      const entry = kept(call, args, keyOf(call, args));
      return entry && now() - entry.fetchedAt < keepMs ? (entry.value as ReadResult<K>) : null;
    },
    lastGoodForCustomer(customerId) {
      const found: LastGood[] = [];
      for (const entry of entries.values()) {
        if (ownerOf(entry) === customerId && now() - entry.fetchedAt < keepMs) {
          found.push({ call: entry.call, args: entry.args, value: entry.value, fetchedAt: entry.fetchedAt });
        }
      }
      return found.sort((a, b) => b.fetchedAt - a.fetchedAt);
    },
    invalidateCustomer,
    wrote: (customerId: string, records: readonly string[] = []) => {
      wrote(customerId);
      const changed = new Set(records);
      invalidateWhere((call, args) => {
        const first = args[0];
        if (typeof first === 'string') return changed.has(first) && (call === 'getSubscription' || call === 'getInvoice' || call === 'listSubscriptionActivities');
        return call === 'listInvoices' && typeof first === 'object' && first !== null && changed.has(String((first as { subscriptionId?: unknown }).subscriptionId));
      });
    },
    supersede: () => requests.supersede(),
    resume() {
      requests.resume();
      asked();
    },
    budgetLevel: () => shared?.level() ?? 'normal',
    coolDownUntil: () => requests.coolDownUntil(),
    clear() {
      entries.clear();
      // Keys are JSON arrays that start with the organization id.
      const ours = JSON.stringify([organizationId]).slice(0, -1);
      for (const [key] of persist?.entries() ?? []) if (key.startsWith(ours)) persist?.remove(key);
    },
    get sent() {
      return requests.sent;
    },
  };
}
