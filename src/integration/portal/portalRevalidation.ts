/**
 * Batched revalidation of the portal-shared snapshot (SPEC C3, E1). Re-reading every customer's
 * detail each time the 5-minute freshness window lapses spent most of the workload's calls on
 * answers that had not changed. Instead, one agent at a time (the refresh lease) reads ONE page of
 * Billing's customer list, and the portal keeps, in one storage row, a stamp of every customer row on
 * it. A shared customer whose saved detail carries the same stamp is confirmed unchanged as of that
 * read, for every agent, with no call of its own; a customer whose row moved is refreshed alone.
 *
 * What Zoho's spec allows (specs/customers.yml, `GET /customers`): the only documented parameter is
 * `filter_by` (Status.All|Active|…), plus the generic `page`/`per_page` (billing-api.md §3.2). No sort
 * column and no "modified since" filter is documented for customers, so the page is Billing's default
 * order (by customer id) and one check covers the organization's first 200 customers. In a larger
 * organization the others are refreshed one at a time, as before: a check never guesses for a
 * customer it did not see. A list row carries `updated_time`, `unused_credits` and `outstanding` (SPEC;
 * the recorded rows also `status` and `outstanding_receivable_amount`); the stamp is those, read the
 * same way as in the detail. When Billing's rows lack a field the detail has, the stamps differ and the
 * customer is simply read again (never confirmed wrongly).
 *
 * What an agent can see at worst:
 *  - anything the row shows (name, email, addresses and other edits through `updated_time`, balances,
 *    status): older than the age shown by at most the freshness window, as for any shared answer;
 *  - what the row cannot show (contact persons; a subscription or invoice change that moves no balance
 *    and no `updated_time`): at most CONFIRM_KEEP_MS (30 min) after the last real read of the detail,
 *    as portalSnapshot.ts already allows for the first list pages. After that the detail and the lists
 *    are read from Billing again. Refresh always reads Billing.
 * The age shown is the time of the check that confirmed the customer (that is when Billing last said
 * "unchanged"). Writes still tombstone the snapshot: a check never brings a tombstoned row back, and a
 * check made before a save cannot confirm it (only a check later than the read it confirms counts).
 */
import type { CustomerSummary } from '../../billing/types';
import { fnv1a, STORAGE_VALUE_MAX_BYTES, storageValueBytes } from '../../host/storageRules';
import type { StorageBudget } from './storageBudget';
import { PORTAL } from '../../host/timeWindows';

/** What a list row remembers of its customer: what invoices, payments and credits change. */
export function balancesOf(c: CustomerSummary): string {
  return JSON.stringify([c.outstanding, c.unusedCredits, c.status, c.currencyCode]);
}

/** How long a real read of a customer may be carried forward by checks; then it is read again. */
const CONFIRM_KEEP_MS = PORTAL.confirmKeepMs;
/** One check reads this many rows: one page of Billing's list, its documented default and our maximum. */
export const ROWS_PER_CHECK = 200;
/** One open reads the check once per customer part; the row is reused for that long. */
const REUSE_MS = PORTAL.rowReuseMs;
const STAMP_CHARS = 14;

/**
 * What a list row and the detail both say about a customer that moves when it changes. Null without
 * `updated_time`: nothing then proves that a record is unchanged.
 */
export function rowStamp(c: CustomerSummary): string | null {
  if (!c.updatedTime) return null;
  const text = JSON.stringify([c.id, c.updatedTime, balancesOf(c)]);
  return `${fnv1a(text, 0x811c9dc5)}${fnv1a(text, 0x5bd1e995)}`;
}

export interface RowCheck {
  /** When the page was read from Billing. */
  at: number;
  stamps: ReadonlySet<string>;
}

export interface Revalidation {
  /** The portal's latest check, or null (none yet, or storage could not say). */
  latest(): Promise<RowCheck | null>;
  /** When Billing last confirmed `customer`, saved from a read at `savedAt`, unchanged: a later check, else savedAt. */
  confirmedAt(customer: CustomerSummary, savedAt: number): Promise<number>;
  /** Keeps one check's rows for the whole portal (never over a newer check). */
  record(rows: readonly CustomerSummary[], fetchedAt: number): Promise<void>;
}

export function createRevalidation(storage: StorageBudget, options: { organizationId: string; now: () => number }): Revalidation {
  const { organizationId: org, now } = options;
  const key = `sv:${fnv1a(org, 0x811c9dc5)}`;
  let recent: { at: number; read: Promise<RowCheck | null> } | null = null;

  const decode = (v: Record<string, unknown> | undefined): RowCheck | null => {
    if (!v || v.o !== org || typeof v.at !== 'number' || typeof v.h !== 'string' || v.h.length % STAMP_CHARS !== 0) return null;
    const stamps = new Set<string>();
    for (let i = 0; i < v.h.length; i += STAMP_CHARS) stamps.add(v.h.slice(i, i + STAMP_CHARS));
    return { at: v.at, stamps };
  };

  function latest(): Promise<RowCheck | null> {
    if (recent && now() - recent.at < REUSE_MS) return recent.read;
    const read = storage.get(key).then((r) => (r.ok ? decode(r.value?.value) : null));
    recent = { at: now(), read };
    return read;
  }

  return {
    latest,
    async confirmedAt(customer, savedAt) {
      const stamp = rowStamp(customer);
      if (stamp === null || now() - savedAt >= CONFIRM_KEEP_MS) return savedAt;
      const check = await latest();
      if (!check || check.at <= savedAt || check.at > now()) return savedAt;
      return check.stamps.has(stamp) ? check.at : savedAt;
    },
    async record(rows, fetchedAt) {
      const existing = await latest();
      if (existing && existing.at >= fetchedAt) return;
      const stamps = rows.map(rowStamp).filter((s): s is string => s !== null);
      let h = stamps.join('');
      // 200 stamps take 2.8 KB; the cut only guards a future larger page.
      while (h.length > 0 && storageValueBytes({ o: org, at: fetchedAt, h }) > STORAGE_VALUE_MAX_BYTES) h = h.slice(0, h.length - STAMP_CHARS);
      const check: RowCheck = { at: fetchedAt, stamps: new Set(stamps.slice(0, h.length / STAMP_CHARS)) };
      recent = { at: now(), read: Promise.resolve(check) };
      await storage.set({ key, group: 'snapshot', value: { o: org, at: fetchedAt, h } }, 'normal');
    },
  };
}
