/**
 * The cache's face as a plain BillingApi (billingCache.ts builds it), derived from the call table
 * (src/billing/callTable.ts): a call with `cache` is read through the cache, a call with `changes` passes
 * straight through and then drops what its entry says it changed — in this tab, in every other agent's
 * shared snapshot (tombstones), and in other kept reads (searches a new customer can answer, an invoice
 * whose status changed); anything else passes straight through. Which reads belong to one customer
 * (`createOwners`, for Refresh and for writes) comes from the entries' `owner` and `records`.
 */
import { CALL_NAMES, ENTRIES, type CallName, type ReadCall } from '../../billing/callTable';
import type { BillingApi } from '../../billing/types';
import type { ReadResult } from './billingCacheTypes';

export interface Owners {
  /** The customer a kept read is about, or null (searches, the catalog, a record whose customer is not known yet). */
  customerOf(call: ReadCall, args: readonly unknown[], value?: unknown): string | null;
  /** An answer was kept: the subscriptions and invoices it shows now name their customer. */
  learn(call: ReadCall, args: readonly unknown[], value: unknown): void;
  /** The customer of a subscription or invoice id, as learned from kept answers. */
  customerOfRecord(id: string): string | null;
}

/** One cache's owner lookup: subscription and invoice ids learn their customer from the answers it keeps. */
export function createOwners(): Owners {
  const recordOwners = new Map<string, string>();
  const customerOf = (call: ReadCall, args: readonly unknown[], value?: unknown): string | null => {
    const owner = ENTRIES[call]?.cache?.owner?.(args as unknown[], value);
    if (!owner) return null;
    return 'customer' in owner ? owner.customer : (recordOwners.get(owner.record) ?? null);
  };
  return {
    customerOf,
    customerOfRecord: (id) => recordOwners.get(id) ?? null,
    learn(call, args, value) {
      const records = ENTRIES[call]?.cache?.records;
      const customer = records ? customerOf(call, args, value) : null;
      if (!records || customer === null) return;
      try {
        for (const id of records(value)) recordOwners.set(id, customer);
      } catch {
        // An answer kept in an older shape names no records: its reads are then found by their arguments only.
      }
    },
  };
}

export interface CacheInternals {
  /** A read through the cache; `fresh` asks Billing whatever is kept. */
  read<K extends ReadCall>(call: K, args: readonly unknown[], fresh: boolean): Promise<ReadResult<K>>;
  /** Drops kept answers whose call and arguments match; their readers hear it. */
  invalidateWhere(matches: (call: ReadCall, args: readonly unknown[]) => boolean): void;
  /** After a write: this customer's answers here and in the portal's snapshot, and the email's link. */
  wrote(customerId: string | null, email?: string): void;
  owners: Owners;
}

type Loose = Record<string, (...args: unknown[]) => Promise<unknown>>;

export function cacheApi(api: BillingApi, cache: CacheInternals, fresh: ReadonlySet<ReadCall>): BillingApi {
  const direct = api as unknown as Loose;
  const out: Loose = {};
  for (const name of CALL_NAMES) {
    const entry = ENTRIES[name];
    const changes = entry.changes;
    if (entry.cache) {
      const call = name as ReadCall;
      out[name] = (...args) => cache.read(call, args, fresh.has(call));
    } else if (changes) {
      out[name] = async (...args) => {
        const result = await direct[name]!(...args);
        const reads = changes.reads ?? [];
        if (reads.length > 0) {
          cache.invalidateWhere((call: CallName, readArgs) => reads.some((r) => r.call === call && (!r.when || r.when(readArgs, ...args))));
        }
        const record = changes.record?.(...args);
        const customer = changes.customer?.(...args) ?? (record === undefined ? null : cache.owners.customerOfRecord(record));
        cache.wrote(customer, changes.email?.(...args));
        return result;
      };
    } else {
      // Uncached: the portal's batched row check (paced by the cache), PDFs, payment links, and the quotes
      // the write guard must see as Billing has them now.
      out[name] = (...args) => direct[name]!(...args);
    }
  }
  return out as unknown as BillingApi;
}
