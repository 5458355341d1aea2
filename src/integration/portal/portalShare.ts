/**
 * One Billing budget for the whole Desk (SPEC C3, E1): the pieces that let every agent's panel spend
 * the organization's calls as one team, put together for the cache (billingCache.ts `shared`):
 *  - the portal-shared snapshot (portalSnapshot.ts) answers the reads an open makes;
 *  - the access gate (accessGate.ts) must pass before any snapshot is shown;
 *  - the refresh lease (refreshLease.ts) lets one agent at a time refresh a stale snapshot;
 *  - a portal-wide check of Billing's customer rows (portalRevalidation.ts), one call per freshness
 *    window, confirms every unchanged customer at once; only a changed one is read again;
 *  - the daily meter (dailyMeter.ts) counts calls; near the admin's cap background refreshes stop,
 *    past it Billing is called only when the agent asks (Refresh, Retry, a write);
 *  - all of their Desk storage traffic goes through one per-widget budget (storageBudget.ts).
 */
import { ENTRIES, type CallName, type SharePart } from '../../billing/callTable';
import type { BillingApi, Customer, CustomerSummary, InvoiceSummary, Page, Subscription } from '../../billing/types';
import type { DeskHost, HostRequest, HostResponse, HostResult } from '../../host/types';
import { createAccessGate, type AccessGate } from './accessGate';
import { createDailyMeter, type DailyMeter, type MeterLevel } from './dailyMeter';
import { createSnapshotStore, type Shared, type SnapshotStore } from './portalSnapshot';
import { createRefreshLease, type RefreshLease } from './refreshLease';
import { balancesOf, createRevalidation, type Revalidation } from './portalRevalidation';
import { createStorageBudget, type StorageBudget, type StorageBudgetOptions } from './storageBudget';
import { PORTAL } from '../../host/timeWindows';

/** What the cache asks of the portal share; calls and arguments as the cache keys them. */
export interface SharedTier {
  /** The shared answer for this read, or null. Throws a BillingError when the access gate refuses. */
  load(call: string, args: readonly unknown[]): Promise<Shared<unknown> | null>;
  /** A fresh answer from Billing through this agent's own connection. */
  save(call: string, args: readonly unknown[], value: unknown, fetchedAt: number): void;
  /**
   * How this widget brings a stale shared answer up to date in the background: 'fetch' it itself; 'skip'
   * (another agent is on it, or the daily cap is near); or 'revalidated': a portal-wide check of the
   * customer rows (one call, `listRows`, portalRevalidation.ts) confirmed it, and `load` now gives it
   * with the check's age.
   */
  refresh(call: string, args: readonly unknown[], how: RefreshHow): Promise<'fetch' | 'skip' | 'revalidated'>;
  /** After a write: nobody may see the customer's (or the email's) old state as fresh. */
  invalidateCustomer(customerId: string): void;
  invalidateEmail(email: string): void;
  /** Where the day's calls stand against the admin's cap. */
  level(): MeterLevel;
}

export interface RefreshHow {
  /** One page of Billing's customer list, through the cache's pacing (429 back-off) and the meter. */
  listRows(): Promise<Page<CustomerSummary>>;
}

/** Only the reads an open makes are shared (the call table's `share`): the detail, the first page of each list, an email match. */
export function sharedPart(call: string, args: readonly unknown[]): SharePart | null {
  return (Object.hasOwn(ENTRIES, call) ? ENTRIES[call as CallName].share?.(...(args as unknown[])) : null) ?? null;
}

/** The lease name of the portal-wide check (customer ids are digits, email leases start with "e:"). */
const ROWS_LEASE = '*rows';

export interface PortalShareOptions {
  organizationId: string;
  deskUserId: string;
  /** The tab's sessionStorage: access proof, meter counter, this widget session's lease id. */
  session: Storage | null;
  budget?: StorageBudgetOptions;
  /** How long a shared row and a row check count as fresh (PORTAL.sharedFreshMs): a check older than that confirms nothing fresh, so a new one is due. */
  freshMs?: number;
  leaseTtlMs?: number;
  leaseSettleMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface PortalShare {
  tier: SharedTier;
  gate: AccessGate;
  meter: DailyMeter;
  store: SnapshotStore;
  revalidation: Revalidation;
  lease: RefreshLease;
  storage: StorageBudget;
  /** The host with every Billing request counted by the meter (Desk API requests are not Billing's). */
  metered(host: DeskHost): DeskHost;
}

export function createPortalShare(
  storage: DeskHost['storage'],
  api: Pick<BillingApi, 'listOrganizations'>,
  options: PortalShareOptions,
): PortalShare {
  const now = options.now ?? Date.now;
  const freshMs = options.freshMs ?? PORTAL.sharedFreshMs;
  const leaseTtlMs = options.leaseTtlMs ?? PORTAL.leaseTtlMs;
  const random = options.random ?? Math.random;
  const budget = createStorageBudget(storage, { now, ...options.budget });
  const revalidation = createRevalidation(budget, { organizationId: options.organizationId, now });
  const store = createSnapshotStore(budget, { organizationId: options.organizationId, now, revalidation });
  const gate = createAccessGate({
    organizationId: options.organizationId,
    deskUserId: options.deskUserId,
    session: options.session,
    listOrganizations: () => api.listOrganizations(),
    now,
  });
  const meter = createDailyMeter(budget, { session: options.session, now, random });
  const holder = `${options.deskUserId.slice(-12)}_${Math.floor(random() * 36 ** 6).toString(36)}`;
  const lease = createRefreshLease(budget, {
    organizationId: options.organizationId,
    holder,
    now,
    ttlMs: leaseTtlMs,
    ...(options.leaseSettleMs !== undefined ? { settleMs: options.leaseSettleMs } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  // One claim per customer at a time from this widget (its three reads go stale together).
  const claims = new Map<string, { at: number; won: Promise<boolean> }>();
  const claim = (name: string): Promise<boolean> => {
    const earlier = claims.get(name);
    if (earlier && now() - earlier.at < leaseTtlMs / 2) return earlier.won;
    const won = lease.claim(name);
    claims.set(name, { at: now(), won });
    return won;
  };
  /**
   * The portal-wide check of customer rows: 'recent' when one was made within the freshness window,
   * 'checked' when this widget just made it, 'not-now' when another agent holds its lease (or Billing
   * refused): that agent's check, or the next open, confirms the customer.
   */
  let checking: Promise<'recent' | 'checked' | 'not-now'> | null = null;
  const checkRows = (how: RefreshHow) => {
    checking ??= (async () => {
      const last = await revalidation.latest();
      if (last && now() - last.at < freshMs) return 'recent' as const;
      if (!(await claim(ROWS_LEASE))) return 'not-now' as const;
      try {
        const page = await how.listRows();
        await revalidation.record(page.items, now());
        return 'checked' as const;
      } catch {
        return 'not-now' as const;
      }
    })().finally(() => {
      checking = null;
    });
    return checking;
  };
  /** Lists and email links last loaded in step with their customer row: its refresh revalidates them (portalSnapshot.ts). */
  const waitingLists = new Map<string, boolean>();
  /** The balances of each customer as this widget last saw them (from Billing or the snapshot). */
  const balances = new Map<string, { at: number; value: string }>();
  const seen = (customer: Customer, at: number) => {
    const known = balances.get(customer.id);
    if (!known || known.at <= at) balances.set(customer.id, { at, value: balancesOf(customer) });
  };
  /** A list page is saved with its customer's balances once this open has read them (they travel together). */
  const balancesFor = async (customerId: string, since: number): Promise<string | null> => {
    for (let i = 0; i < 20; i += 1) {
      const known = balances.get(customerId);
      if (known && known.at >= since - PORTAL.balancesWithinMs) return known.value;
      await new Promise((r) => setTimeout(r, 25));
    }
    return null;
  };

  const tier: SharedTier = {
    async load(call, args) {
      // The cache decides by the meter's level right after this: it must be known (read in parallel).
      const knowing = meter.known();
      const part = sharedPart(call, args);
      if (!part) return knowing.then(() => null);
      let found: Shared<unknown> | null;
      if (part.kind === 'customer') {
        found = await store.customer(part.customerId);
        if (found) seen(found.value as Customer, found.fetchedAt);
      }
      else if (part.kind === 'email') {
        found = await store.email(part.email);
        waitingLists.set(`email:${part.email}`, found?.awaitsCustomer === true);
      }
      else {
        found = part.kind === 'subscriptions' ? await store.list('subscriptions', part.customerId) : await store.list('invoices', part.customerId);
        waitingLists.set(`${part.kind}:${part.customerId}`, found?.awaitsCustomer === true);
      }
      // Read storage first: an agent with nothing shared to see spends no call on proving access.
      if (found) await gate.ensure();
      await knowing;
      return found;
    },
    save(call, args, value, fetchedAt) {
      gate.noteProven();
      const part = sharedPart(call, args);
      if (!part) return;
      let saving: Promise<void>;
      if (part.kind === 'customer') {
        seen(value as Customer, fetchedAt);
        saving = store.saveCustomer(value as Customer, fetchedAt);
      } else if (part.kind === 'email') saving = store.saveEmail(part.email, value as CustomerSummary[], fetchedAt);
      else if (part.kind === 'subscriptions') {
        const id = part.customerId;
        saving = balancesFor(id, fetchedAt).then((b) => store.saveList('subscriptions', id, value as Page<Subscription>, fetchedAt, b));
      } else {
        const id = part.customerId;
        saving = balancesFor(id, fetchedAt).then((b) => store.saveList('invoices', id, value as Page<InvoiceSummary>, fetchedAt, b));
      }
      saving.catch(() => undefined);
    },
    async refresh(call, args, how) {
      await meter.known();
      if (meter.state().level !== 'normal') return 'skip';
      const part = sharedPart(call, args);
      if (!part) return 'fetch';
      if (waitingLists.get(part.kind === 'email' ? `email:${part.email}` : `${part.kind}:${part.customerId}`)) return 'skip';
      if (part.kind === 'customer') {
        // Checking every customer row at once is one call; only a customer it cannot confirm is read alone.
        if ((await checkRows(how)) === 'not-now') return 'skip';
        const found = await store.customer(part.customerId);
        if (found && now() - found.fetchedAt < freshMs) return 'revalidated';
      }
      return (await claim(part.kind === 'email' ? `e:${part.email}` : part.customerId)) ? 'fetch' : 'skip';
    },
    invalidateCustomer(customerId) {
      void store.invalidateCustomer(customerId);
    },
    invalidateEmail(email) {
      void store.invalidateEmail(email);
    },
    level: () => meter.state().level,
  };

  return {
    tier,
    gate,
    meter,
    store,
    revalidation,
    lease,
    storage: budget,
    metered(host) {
      return {
        ...host,
        request(req: HostRequest): Promise<HostResult<HostResponse>> {
          meter.count();
          return host.request(req);
        },
      };
    },
  };
}
