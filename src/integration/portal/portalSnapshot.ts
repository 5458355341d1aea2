/**
 * The portal-shared customer snapshot (SPEC E1): what one agent read from Billing, kept in Desk
 * storage (shared by every agent of the portal) so the next agent opening that customer needs no
 * Billing call. Rows, all in group 'snapshot', keys scoped by organization:
 *   sc:<org>:<customer>      header, balances, addresses, contact persons (one row)
 *   ss:<org>:<customer>:<k>  first subscriptions page, chunk k (up to 3 rows)
 *   si:<org>:<customer>:<k>  first invoices page, chunk k (up to 3 rows)
 *   se:<org>:<email hash>    email → customer id(s) (search answers with at least one customer); the
 *                            customers themselves come from their sc: rows, so a link never shows
 *                            balances older than the customer's own row (or after its tombstone)
 *   sv:<org>                 the latest batched check of Billing's customer rows (portalRevalidation.ts):
 *                            a customer row it confirms unchanged counts as read at the check
 * Each value is ≤ 5.1 KB: tuples instead of objects (snapshotCodec.ts), lists split into chunks; a
 * customer's contact persons are cut to what fits; a first page that needs more than 3 rows is not
 * shared at all (agents read it from Billing), so nobody is ever shown a shortened page as complete.
 * Chunks of one list carry the same revision; a reader that finds mixed revisions treats it as missing.
 * Invalidation writes tombstones (see storageBudget.ts): nobody reads the pre-write state as fresh.
 *
 * Revalidation by the customer: a list row records the customer's balances (and status) it was saved
 * with. While the shared customer row still shows those, and for at most LIST_KEEP_MS, the list counts
 * as checked when the customer row was: refreshing the customer (1 call) revalidates both first pages.
 * New invoices, payments and credits move the balances, so they refresh the lists; a change that moves
 * no balance (a subscription cancelled, say) shows within LIST_KEEP_MS, or at once after a Refresh.
 */
import type { Customer, CustomerSummary, InvoiceSummary, Page, Subscription } from '../../billing/types';
import type { JsonObject, JsonValue, StoredItem } from '../../host/types';
import { fnv1a, STORAGE_VALUE_MAX_BYTES, storageValueBytes } from '../../host/storageRules';
import {
  chunk,
  CUSTOMER_SUMMARY,
  INVOICE,
  MAX_CONTACT_PERSONS,
  pack,
  packCustomer,
  SUBSCRIPTION,
  unpack,
  unpackAll,
  unpackCustomer,
} from './snapshotCodec';
import { balancesOf, type Revalidation } from './portalRevalidation';
import type { StorageBudget } from './storageBudget';
import { PORTAL } from '../../host/timeWindows';

export const MAX_LIST_CHUNKS = 3;
const LIST_KEEP_MS = PORTAL.listKeepMs;
/**
 * How long an email → customer link is trusted. Like a saved link (customerLinks.ts, kept until it
 * fails) it only says which customer; the customer's own row carries the data and its age. Creating
 * or editing a customer here drops the link at once.
 */
const EMAIL_LINK_KEEP_MS = PORTAL.emailLinkKeepMs;

/** How long one widget reuses a row it just read (one open reads a customer row for the link and the detail). */
const REUSE_MS = PORTAL.rowReuseMs;

export interface Shared<T> {
  value: T;
  /** When the agent who wrote it had it from Billing (ms since epoch). */
  fetchedAt: number;
  /**
   * A list whose customer row has not moved on since it was saved: the next customer refresh decides
   * (same balances: the list is current; changed: it is refreshed). Its own refresh would be a waste.
   */
  awaitsCustomer?: boolean;
}

export type SharedList = 'subscriptions' | 'invoices';

export interface SnapshotStore {
  customer(customerId: string): Promise<Shared<Customer> | null>;
  list(which: 'subscriptions', customerId: string): Promise<Shared<Page<Subscription>> | null>;
  list(which: 'invoices', customerId: string): Promise<Shared<Page<InvoiceSummary>> | null>;
  email(email: string): Promise<Shared<CustomerSummary[]> | null>;
  saveCustomer(customer: Customer, fetchedAt: number): Promise<void>;
  /** `balances`: balancesOf(the customer) as this widget knew it when the page arrived, if it did. */
  saveList(which: 'subscriptions', customerId: string, page: Page<Subscription>, fetchedAt: number, balances?: string | null): Promise<void>;
  saveList(which: 'invoices', customerId: string, page: Page<InvoiceSummary>, fetchedAt: number, balances?: string | null): Promise<void>;
  saveEmail(email: string, customers: CustomerSummary[], fetchedAt: number): Promise<void>;
  /** Tombstones for everything kept about this customer (urgent writes). */
  invalidateCustomer(customerId: string): Promise<void>;
  invalidateEmail(email: string): Promise<void>;
}

const idPart = (id: string) => (/^[A-Za-z0-9_]{1,24}$/.test(id) ? id : `h${fnv1a(id, 0x811c9dc5)}${fnv1a(id, 0x5bd1e995)}`);
const emailPart = (email: string) => {
  const e = email.trim().toLowerCase();
  return `${fnv1a(e, 0x811c9dc5)}${fnv1a(e, 0x5bd1e995)}`;
};
const LIST_PREFIX: Record<SharedList, string> = { subscriptions: 'ss', invoices: 'si' };
const LIST_SPEC = { subscriptions: SUBSCRIPTION, invoices: INVOICE } as const;

export function createSnapshotStore(
  storage: StorageBudget,
  options: { organizationId: string; now?: () => number; revalidation?: Revalidation },
): SnapshotStore {
  const org = options.organizationId;
  const now = options.now ?? Date.now;
  const orgPart = fnv1a(org, 0x811c9dc5);
  const customerKey = (id: string) => `sc:${orgPart}:${idPart(id)}`;
  const listKey = (which: SharedList, id: string, k: number) => `${LIST_PREFIX[which]}:${orgPart}:${idPart(id)}:${k}`;
  const emailKey = (email: string) => `se:${orgPart}:${emailPart(email)}`;

  /**
   * This organization's row, tombstone or not; 'unknown' when storage could not be read. One open
   * reads a customer's row twice (email link, then the detail): a read is reused for a moment.
   */
  const recent = new Map<string, { at: number; read: Promise<Record<string, unknown> | null | 'unknown'> }>();
  function raw(key: string): Promise<Record<string, unknown> | null | 'unknown'> {
    const hit = recent.get(key);
    if (hit && now() - hit.at < REUSE_MS) return hit.read;
    const read = storage.get(key).then((r) => {
      if (!r.ok) return 'unknown' as const;
      const v = r.value?.value;
      return v && v.o === org && typeof v.at === 'number' ? v : null;
    });
    recent.set(key, { at: now(), read });
    if (recent.size > 50) recent.delete(recent.keys().next().value as string);
    return read;
  }

  /** A row's value when it is live (not a tombstone) and not from the future. */
  async function row(key: string): Promise<Record<string, unknown> | null> {
    const v = await raw(key);
    return v === 'unknown' || v === null || v.gone === 1 || (v.at as number) > now() ? null : v;
  }

  const item = (key: string, value: JsonObject): StoredItem => ({ key, group: 'snapshot', value: { o: org, ...value } });

  /**
   * A save never replaces something newer: an answer fetched before another agent's write (its
   * tombstone) or before a fresher save stays out, so the pre-write state cannot come back as fresh.
   */
  async function save(items: StoredItem[], fetchedAt: number) {
    const first = items[0];
    if (!first) return;
    const existing = await raw(first.key);
    if (existing === 'unknown' || (existing !== null && (existing.at as number) > fetchedAt)) return;
    for (const i of items) recent.delete(i.key);
    await Promise.all(items.map((i) => storage.set(i, 'normal')));
  }
  const invalidate = async (keys: string[]) => {
    const at = now();
    for (const key of keys) recent.delete(key);
    await Promise.all(keys.map((key) => storage.set(item(key, { at, gone: 1 }), 'urgent')));
  };

  async function readCustomer(customerId: string): Promise<Shared<Customer> | null> {
    const v = await row(customerKey(customerId));
    const customer = v ? unpackCustomer(v.c) : null;
    if (!v || !customer || customer.id !== customerId) return null;
    const savedAt = v.at as number;
    // A later portal-wide check that saw this very row counts as a read (the check's time is the age shown).
    const fetchedAt = options.revalidation ? await options.revalidation.confirmedAt(customer, savedAt) : savedAt;
    return { value: customer, fetchedAt };
  }

  async function readList(which: SharedList, customerId: string) {
    const first = await row(listKey(which, customerId, 0));
    if (!first || typeof first.n !== 'number' || first.n < 1 || first.n > MAX_LIST_CHUNKS || typeof first.r !== 'string') return null;
    const rest = await Promise.all(Array.from({ length: first.n - 1 }, (_, i) => row(listKey(which, customerId, i + 1))));
    const tuples: unknown[] = [];
    for (const part of [first, ...rest]) {
      if (!part || part.r !== first.r || !Array.isArray(part.x)) return null;
      tuples.push(...part.x);
    }
    const items = unpackAll<Subscription | InvoiceSummary>(LIST_SPEC[which] as never, tuples);
    if (!items || typeof first.p !== 'number') return null;
    let fetchedAt = first.at as number;
    let awaitsCustomer = false;
    if (typeof first.b === 'string' && now() - fetchedAt < LIST_KEEP_MS) {
      const customer = await readCustomer(customerId);
      if (customer && customer.fetchedAt > fetchedAt) {
        if (balancesOf(customer.value) === first.b) fetchedAt = customer.fetchedAt;
      } else awaitsCustomer = customer !== null;
    }
    return { value: { items, page: first.p, hasMore: first.m === 1 }, fetchedAt, awaitsCustomer };
  }

  async function saveList(
    which: SharedList,
    customerId: string,
    page: Page<Subscription> | Page<InvoiceSummary>,
    fetchedAt: number,
    balances: string | null = null,
  ) {
    const spec = LIST_SPEC[which];
    const tuples = (page.items as Array<Subscription & InvoiceSummary>).map((x) => pack(spec as never, x));
    const r = `${fetchedAt.toString(36)}${fnv1a(JSON.stringify(tuples), 0x811c9dc5)}`;
    const envelope = (x: JsonValue[], k: number) => ({ o: org, at: fetchedAt, r, k, n: MAX_LIST_CHUNKS, b: balances, p: page.page, m: page.hasMore ? 1 : 0, x });
    const chunks = chunk(tuples, (x) => storageValueBytes(envelope(x, 0)), STORAGE_VALUE_MAX_BYTES, MAX_LIST_CHUNKS);
    if (!chunks) {
      // Too large to share whole: make sure an older shared copy is not served instead.
      await save([item(listKey(which, customerId, 0), { at: fetchedAt, gone: 1 })], fetchedAt);
      return;
    }
    // Written side by side; a reader that meets chunks of two revisions treats the list as missing.
    const rows = chunks.map((x, k) =>
      item(listKey(which, customerId, k), {
        at: fetchedAt,
        r,
        k,
        ...(k === 0 ? { n: chunks.length, ...(balances ? { b: balances } : {}) } : {}),
        p: page.page,
        m: page.hasMore ? 1 : 0,
        x,
      }),
    );
    await save(rows, fetchedAt);
  }

  return {
    customer: readCustomer,
    list: readList as SnapshotStore['list'],
    async email(email) {
      const v = await row(emailKey(email));
      if (!v || v.e !== email.trim().toLowerCase() || !Array.isArray(v.ids) || v.ids.length === 0) return null;
      const ids = v.ids.filter((id): id is string => typeof id === 'string');
      const customers = await Promise.all(ids.map(readCustomer));
      // Every linked customer must be shared and live: otherwise ask Billing (it may have changed).
      if (customers.some((c) => c === null) || ids.length !== v.ids.length) return null;
      const found = customers as Array<Shared<Customer>>;
      // Just the summary fields, as a search answer has them.
      const summaries = found.flatMap(({ value }) => unpack(CUSTOMER_SUMMARY, pack(CUSTOMER_SUMMARY, value)) ?? []);
      const linkAt = v.at as number;
      const dataAt = Math.min(...found.map((c) => c.fetchedAt));
      const trusted = now() - linkAt < EMAIL_LINK_KEEP_MS;
      // A trusted link is refreshed with its customer (the detail read that follows), not on its own.
      return { value: summaries, fetchedAt: trusted ? dataAt : Math.min(linkAt, dataAt), awaitsCustomer: trusted };
    },
    async saveCustomer(customer, fetchedAt) {
      // Contact persons are cut until the row fits; the rest of the record always does.
      for (let contacts = MAX_CONTACT_PERSONS; contacts >= 0; contacts -= 2) {
        const value = { at: fetchedAt, c: packCustomer(customer, contacts) };
        if (storageValueBytes({ o: org, ...value }) <= STORAGE_VALUE_MAX_BYTES) {
          await save([item(customerKey(customer.id), value)], fetchedAt);
          return;
        }
      }
    },
    saveList: saveList as SnapshotStore['saveList'],
    async saveEmail(email, customers, fetchedAt) {
      const e = email.trim().toLowerCase();
      if (customers.length === 0) return;
      const value = { at: fetchedAt, e, ids: customers.map((c) => c.id) };
      if (storageValueBytes({ o: org, ...value }) <= STORAGE_VALUE_MAX_BYTES) await save([item(emailKey(e), value)], fetchedAt);
    },
    invalidateCustomer: (customerId) =>
      invalidate([customerKey(customerId), listKey('subscriptions', customerId, 0), listKey('invoices', customerId, 0)]),
    invalidateEmail: (email) => invalidate([emailKey(email.trim().toLowerCase())]),
  };
}
