/**
 * The panel's only way to read Zoho Billing. Billing allows ~100 calls a minute per organization,
 * shared by every agent (SPEC C3), so reads are cached per (organization, call, arguments),
 * identical in-flight calls share one request, at most a few run at once, and a 429 backs off
 * (Retry-After when given, else exponential, with jitter) for every call of this organization.
 *
 * Freshness: an answer younger than `freshMs` (5 min) is served without a call; up to `staleMs` it is served
 * at once and refreshed in the background (stale-while-revalidate). When a refresh fails for a
 * transient reason, the last good answer (up to `keepMs` old) is returned with its age and the error,
 * so the panel can keep showing it, marked (SPEC B14).
 */
import { BillingError, toBillingError } from '../billing/errors';
import type { BillingApi } from '../billing/types';
import type { MeterLevel } from './dailyMeter';
import type { SharedTier } from './portalShare';
import type { CachePersistence } from './sessionCache';

export type ReadCall =
  | 'listOrganizations'
  | 'findCustomersByEmail'
  | 'searchCustomers'
  | 'getCustomer'
  | 'listContactPersons'
  | 'listSubscriptions'
  | 'getSubscription'
  | 'listSubscriptionActivities'
  | 'listTransactions'
  | 'listInvoices'
  | 'getInvoice'
  | 'listCatalog';

export type ReadResult<K extends ReadCall> = Awaited<ReturnType<BillingApi[K]>>;

export interface Fetched<T> {
  value: T;
  /** ms since the answer arrived from Billing (0 for a fresh call). */
  ageMs: number;
  fetchedAt: number;
  /** Set when Billing could not be reached now and this is the last good answer instead. */
  error: BillingError | null;
}

export interface CacheOptions {
  organizationId: string;
  freshMs?: number;
  staleMs?: number;
  /** How long a last good answer may stand in for a failed refresh. */
  keepMs?: number;
  maxConcurrent?: number;
  /** Attempts per call when rate-limited (first try included). */
  maxAttempts?: number;
  /** Longest single back-off we will wait; a longer Retry-After fails at once (the UI shows it). */
  maxBackoffMs?: number;
  /** After giving up on a 429, how long every read waits before calling Billing again. */
  coolDownMs?: number;
  maxEntries?: number;
  /** Where answers outlive this widget (the tab's sessionStorage in Desk); memory only when absent. */
  persist?: CachePersistence;
  /** The portal-shared snapshot, gate, lease and meter (portalShare.ts); this widget alone when absent. */
  shared?: SharedTier;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface LastGood {
  call: ReadCall;
  args: readonly unknown[];
  value: unknown;
  fetchedAt: number;
}

export interface BillingCache {
  readonly organizationId: string;
  /** A cached read, with the answer's age. Throws a BillingError when nothing usable is known. */
  read<K extends ReadCall>(call: K, ...args: Parameters<BillingApi[K]>): Promise<Fetched<ReadResult<K>>>;
  /** The same reads as a plain BillingApi (writes pass straight through and drop that customer's entries). */
  api: BillingApi;
  /** Every answer kept for one customer (its detail, lists), newest first. */
  lastGoodForCustomer(customerId: string): LastGood[];
  invalidateCustomer(customerId: string): void;
  /** The agent asked to try again: end the cool-down after a 429 (their click, their call). */
  resume(): void;
  /** Where today's Billing calls stand against the admin's cap (always 'normal' without a portal share). */
  budgetLevel(): MeterLevel;
  clear(): void;
  /** Calls sent to Billing through this cache (diagnostics, tests). */
  readonly sent: number;
}

interface Entry {
  call: ReadCall;
  args: readonly unknown[];
  value: unknown;
  fetchedAt: number;
}

const CUSTOMER_SCOPED: ReadonlySet<ReadCall> = new Set([
  'getCustomer',
  'listContactPersons',
  'listSubscriptions',
  'listTransactions',
]);

function customerOf(call: ReadCall, args: readonly unknown[]): string | null {
  if (CUSTOMER_SCOPED.has(call) && typeof args[0] === 'string') return args[0];
  if (call === 'listInvoices' && typeof args[0] === 'object' && args[0] !== null) {
    const id = (args[0] as { customerId?: unknown }).customerId;
    return typeof id === 'string' ? id : null;
  }
  return null;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createBillingCache(api: BillingApi, options: CacheOptions): BillingCache {
  const organizationId = options.organizationId;
  // Billing records change rarely within minutes, and every call spends the organization's shared budget
  // (C3): answers are used as they are for 5 minutes (the header says their age, Refresh asks again),
  // then shown at once and refreshed in the background for up to 30.
  const freshMs = options.freshMs ?? 5 * 60_000;
  const staleMs = options.staleMs ?? 30 * 60_000;
  const keepMs = options.keepMs ?? 60 * 60_000;
  const maxConcurrent = Math.max(1, options.maxConcurrent ?? 4);
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  const maxBackoffMs = options.maxBackoffMs ?? 20_000;
  const coolDownMs = options.coolDownMs ?? 30_000;
  const maxEntries = options.maxEntries ?? 400;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const persist = options.persist;
  const shared = options.shared;
  /** Until then Billing is called because an agent asked (Refresh, Retry, a write), cap or not. */
  let explicitUntil = 0;
  /** Customers the agent refreshed: their next reads go to Billing, past the shared snapshot. */
  const refreshed = new Map<string, number>();
  const ASKED_MS = 15_000;
  const asked = () => {
    explicitUntil = now() + ASKED_MS;
  };

  const entries = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<Entry>>();
  let running = 0;
  const waiting: Array<() => void> = [];
  /** After a 429 nobody in this widget calls before this instant (the budget is org-wide). */
  let pausedUntil = 0;
  let sent = 0;

  const keyOf = (call: ReadCall, args: readonly unknown[]) => JSON.stringify([organizationId, call, args]);

  async function slot<T>(task: () => Promise<T>): Promise<T> {
    if (running >= maxConcurrent) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  }

  async function callWithBackoff(call: ReadCall, args: readonly unknown[]): Promise<unknown> {
    const fn = api[call] as (...a: unknown[]) => Promise<unknown>;
    for (let attempt = 1; ; attempt += 1) {
      const wait = pausedUntil - now();
      // Still cooling down after Billing said "too many": answer at once, without spending a call.
      if (wait > maxBackoffMs) {
        throw new BillingError('rate-limited', 'Waiting for Zoho Billing to accept calls again.', { retryAfterMs: wait });
      }
      if (wait > 0) await sleep(wait);
      try {
        sent += 1;
        return await slot(() => fn.apply(api, [...args]));
      } catch (e) {
        const error = toBillingError(e);
        if (error.kind !== 'rate-limited') throw error;
        const base = error.retryAfterMs ?? 1000 * 2 ** (attempt - 1);
        if (attempt >= maxAttempts || base > maxBackoffMs) {
          // Given up: every read of this widget holds off, so Retry clicks cannot burn the org's budget.
          pausedUntil = Math.max(pausedUntil, now() + Math.max(base, coolDownMs));
          throw error;
        }
        const delay = Math.min(maxBackoffMs, base + Math.floor(random() * 500));
        pausedUntil = Math.max(pausedUntil, now() + delay);
      }
    }
  }

  function store(entry: Entry, key: string) {
    entries.delete(key);
    entries.set(key, entry);
    persist?.save(key, entry);
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
  }

  function refresh(call: ReadCall, args: readonly unknown[], key: string): Promise<Entry> {
    const pending = inFlight.get(key);
    if (pending) return pending;
    const p = callWithBackoff(call, args)
      .then((value) => {
        const entry: Entry = { call, args, value, fetchedAt: now() };
        store(entry, key);
        shared?.save(call, args, value, entry.fetchedAt);
        return entry;
      })
      .finally(() => inFlight.delete(key));
    inFlight.set(key, p);
    return p;
  }

  async function read<K extends ReadCall>(call: K, ...args: Parameters<BillingApi[K]>): Promise<Fetched<ReadResult<K>>> {
    const key = keyOf(call, args);
    let cached = entries.get(key);
    if (!cached && persist) {
      const kept = persist.load(key);
      // Only what this organization's cache wrote under this exact key, and nothing from the future.
      if (kept && kept.call === call && kept.fetchedAt <= now()) {
        cached = { call, args, value: kept.value, fetchedAt: kept.fetchedAt };
        entries.set(key, cached);
      }
    }
    let t = now();
    const customer = customerOf(call, args);
    const bypass = customer !== null && (refreshed.get(customer) ?? 0) > t;
    if (shared && !bypass && (!cached || t - cached.fetchedAt >= freshMs)) {
      // Another agent may have read it lately. The gate throws (not authorised, forbidden) before any of it shows.
      const found = await shared.load(call, args);
      if (found && found.fetchedAt <= now() && (!cached || found.fetchedAt > cached.fetchedAt)) {
        cached = { call, args, value: found.value, fetchedAt: found.fetchedAt };
        entries.set(key, cached);
        persist?.save(key, cached);
      }
      t = now();
    }
    const level = shared?.level() ?? 'normal';
    const agentAsked = t < explicitUntil;
    const as = (entry: Entry, error: BillingError | null): Fetched<ReadResult<K>> => ({
      value: entry.value as ReadResult<K>,
      ageMs: Math.max(0, now() - entry.fetchedAt),
      fetchedAt: entry.fetchedAt,
      error,
    });
    if (cached && t - cached.fetchedAt < freshMs) return as(cached, null);
    if (cached && t - cached.fetchedAt < staleMs && !agentAsked) {
      // Serve now, refresh quietly (one agent of the portal at a time, never near the daily cap);
      // a failed background refresh keeps the old entry.
      void (shared ? shared.mayRefresh(call, args) : Promise.resolve(true))
        .then((may) => (may ? refresh(call, args, key) : null))
        .catch(() => undefined);
      return as(cached, null);
    }
    // Near or past the daily cap, what is kept is shown (with its age) rather than spending a call.
    if (cached && level !== 'normal' && !agentAsked && t - cached.fetchedAt < keepMs) return as(cached, null);
    if (level === 'over' && !agentAsked) {
      throw new BillingError('over-cap', "Today's cap on Zoho Billing calls is reached; only an agent's Retry calls Billing.");
    }
    try {
      return as(await refresh(call, args, key), null);
    } catch (e) {
      const error = toBillingError(e);
      if (error.transient && cached && t - cached.fetchedAt < keepMs) return as(cached, error);
      throw error;
    }
  }

  /** Drops kept answers, in memory and in the tab, whose call and arguments match. */
  function invalidateWhere(matches: (call: ReadCall, args: readonly unknown[]) => boolean) {
    for (const [key, entry] of entries) if (matches(entry.call, entry.args)) entries.delete(key);
    for (const [key, entry] of persist?.entries() ?? []) if (matches(entry.call as ReadCall, entry.args)) persist?.remove(key);
  }

  /** Refresh, or after a write: this customer's next reads ask Billing, whatever is kept or shared. */
  function invalidateCustomer(customerId: string) {
    asked();
    refreshed.set(customerId, now() + ASKED_MS);
    invalidateWhere((call, args) => customerOf(call, args) === customerId);
  }

  /** After a write: every agent's shared snapshot of this customer (and email) goes too. */
  function wrote(customerId: string | null, email?: string) {
    if (customerId) {
      invalidateCustomer(customerId);
      shared?.invalidateCustomer(customerId);
    }
    if (email) shared?.invalidateEmail(email);
  }

  const SEARCHES: ReadonlySet<ReadCall> = new Set(['findCustomersByEmail', 'searchCustomers']);
  /** A new or changed customer can change the answer of any search. */
  const invalidateSearches = () => invalidateWhere((call) => SEARCHES.has(call));

  const reader =
    <K extends ReadCall>(call: K) =>
    async (...args: Parameters<BillingApi[K]>): Promise<ReadResult<K>> =>
      (await read(call, ...args)).value;

  const cachedApi: BillingApi = {
    listOrganizations: reader('listOrganizations'),
    findCustomersByEmail: reader('findCustomersByEmail'),
    searchCustomers: reader('searchCustomers'),
    getCustomer: reader('getCustomer'),
    listContactPersons: reader('listContactPersons'),
    listSubscriptions: reader('listSubscriptions'),
    getSubscription: reader('getSubscription'),
    listSubscriptionActivities: reader('listSubscriptionActivities'),
    listTransactions: reader('listTransactions'),
    listInvoices: reader('listInvoices'),
    getInvoice: reader('getInvoice'),
    listCatalog: reader('listCatalog'),
    getInvoicePdf: (id) => api.getInvoicePdf(id),
    createInvoicePaymentLink: (id) => api.createInvoicePaymentLink(id),
    markInvoiceOpen: (id) => api.markInvoiceOpen(id),
    createCustomer: async (input) => {
      const created = await api.createCustomer(input);
      // Otherwise a kept "no customer for this email" would hide the one just created.
      invalidateSearches();
      wrote(null, input.email);
      return created;
    },
    updateCustomerAddresses: async (customer, billing, shipping) => {
      const updated = await api.updateCustomerAddresses(customer, billing, shipping);
      wrote(customer.id, customer.email);
      invalidateSearches();
      return updated;
    },
    createInvoice: async (input) => {
      const created = await api.createInvoice(input);
      wrote(input.customerId);
      return created;
    },
    createQuote: async (input) => {
      const created = await api.createQuote(input);
      wrote(input.customerId);
      return created;
    },
    // Straight through, uncached: only the write guard reads quotes, and it must see Billing as it is now.
    listQuotes: (query) => api.listQuotes(query),
  };

  return {
    organizationId,
    read,
    api: cachedApi,
    lastGoodForCustomer(customerId) {
      const found: LastGood[] = [];
      for (const entry of entries.values()) {
        if (customerOf(entry.call, entry.args) === customerId && now() - entry.fetchedAt < keepMs) {
          found.push({ call: entry.call, args: entry.args, value: entry.value, fetchedAt: entry.fetchedAt });
        }
      }
      return found.sort((a, b) => b.fetchedAt - a.fetchedAt);
    },
    invalidateCustomer,
    resume() {
      pausedUntil = Math.min(pausedUntil, now());
      asked();
    },
    budgetLevel: () => shared?.level() ?? 'normal',
    clear() {
      entries.clear();
      // Keys are JSON arrays that start with the organization id.
      const ours = JSON.stringify([organizationId]).slice(0, -1);
      for (const [key] of persist?.entries() ?? []) if (key.startsWith(ours)) persist?.remove(key);
    },
    get sent() {
      return sent;
    },
  };
}
