/**
 * The customer's history (SPEC B4): subscription activities, money events and subscription milestones on
 * one timeline, one row per real event. Billing tells the same payment twice (a subscription activity
 * "Payment of $107.00 received" and a payment transaction) and names invoices in transactions only by their
 * internal id: here the two are merged into one row that carries the structured facts (type, invoice number,
 * amount, status) for the agent's language, and Billing's own sentence as a secondary line.
 */
import { toBillingError } from '../billing/errors';
import { MAX_PER_PAGE } from '../billing/pagination';
import type { InvoiceSummary, Subscription, SubscriptionActivity, Transaction } from '../billing/types';
import type { BillingReader } from '../integration/cache/billingCache';
import { isInternalId, readActivity, type ActivityKind } from './activityText';
import { sortSubscriptions } from './subscriptionOrder';

export type EventKind = ActivityKind | 'credit' | 'refund' | 'started' | 'ended' | 'transaction';

export type Opens = { kind: 'invoice'; id: string } | { kind: 'subscription'; id: string };

export interface TimelineEvent {
  key: string;
  /** ISO instant (a calendar date counts as its start in UTC) for ordering. */
  sortAt: string;
  /** The instant, when Billing gave one (activities); else null. */
  at: string | null;
  /** The calendar date ("YYYY-MM-DD"), always set when anything is known about when. */
  date: string | null;
  kind: EventKind;
  /** Invoice number (never an internal id). */
  invoiceNumber: string | null;
  amount: number | null;
  currencyCode: string | null;
  status: string | null;
  /** A date the event names ("trial ends on …", "cancels on …"). */
  onDate: string | null;
  /** A transaction type the panel has no words for, shown humanised. */
  otherType: string | null;
  /** Billing's own sentence, kept as the secondary line. */
  billingText: string | null;
  by: string | null;
  subscription: { id: string; name: string } | null;
  opens: Opens | null;
}

/** How many subscriptions' histories one tab open may fetch, and how many at once (SPEC C3). */
export const MAX_SUBSCRIPTIONS_IN_TIMELINE = 5;
const ACTIVITY_CONCURRENCY = 3;

export interface Timeline {
  events: TimelineEvent[];
  /** Some subscriptions' histories were left out to save Billing calls (C3). */
  partial: boolean;
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<PromiseSettledResult<R>[]> {
  const results: PromiseSettledResult<R>[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      try {
        results[i] = { status: 'fulfilled', value: await fn(items[i] as T) };
      } catch (reason) {
        results[i] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Instants and calendar dates on one axis: a date counts as that day's start in UTC. */
function sortKey(value: string | null): string {
  if (!value) return '';
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(t) ? '' : new Date(t).toISOString();
}

/** The day Billing wrote on an instant ("2025-03-05T00:05:10-08:00" → "2025-03-05"): the organization's day. */
function dayOf(value: string | null): string | null {
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
}

function blank(key: string, kind: EventKind, when: string | null): TimelineEvent {
  return {
    key, sortAt: sortKey(when), at: when && when.length > 10 ? when : null, date: dayOf(when), kind,
    invoiceNumber: null, amount: null, currencyCode: null, status: null, onDate: null, otherType: null,
    billingText: null, by: null, subscription: null, opens: null,
  };
}

const byNewest = (x: TimelineEvent, y: TimelineEvent): number => (x.sortAt < y.sortAt ? 1 : x.sortAt > y.sortAt ? -1 : 0);

const subscriptionName = (s: Subscription) => s.planName || s.name || s.number;
const sameAmount = (a: number | null, b: number | null) => a !== null && b !== null && Math.abs(a - b) < 0.005;

function activityEvent(subscription: Subscription, a: SubscriptionActivity): TimelineEvent {
  const read = readActivity(a.description);
  const e = blank(`a:${subscription.id}:${a.id}`, read.kind, a.time);
  e.invoiceNumber = read.invoiceNumber;
  e.amount = read.amount;
  // Billing writes the amount in the subscription's currency; without that currency the number is not shown.
  e.currencyCode = read.amount === null ? null : subscription.currencyCode;
  if (e.currencyCode === null) e.amount = null;
  e.onDate = read.onDate;
  e.billingText = a.description;
  e.by = a.by || null;
  e.subscription = { id: subscription.id, name: subscriptionName(subscription) };
  e.opens = { kind: 'subscription', id: subscription.id };
  return e;
}

const MONEY_KINDS: Record<string, EventKind> = { invoice: 'invoice', payment: 'payment', credit: 'credit', refund: 'refund' };

/** The invoices the timeline knows, by id and by number, to name an invoice transaction. */
interface KnownInvoices {
  byId: Map<string, InvoiceSummary>;
  byNumber: Map<string, InvoiceSummary>;
}

function knownInvoices(invoices: InvoiceSummary[]): KnownInvoices {
  return { byId: new Map(invoices.map((i) => [i.id, i])), byNumber: new Map(invoices.filter((i) => i.number).map((i) => [i.number, i])) };
}

/**
 * Which invoice an invoice transaction is about. Zoho's files do not say which field names it: its
 * `reference_id` may be the invoice's id or its number, and its `transaction_id` may be the invoice's id.
 * Every reading is tried against the invoices known; a reference that is not an internal id is the
 * number itself even when the invoice is not among them (it then opens nothing: its id is not known).
 */
export function invoiceOfTransaction(t: Pick<Transaction, 'id' | 'referenceId'>, known: KnownInvoices): { number: string | null; id: string | null } {
  const reference = t.referenceId.trim();
  const found = known.byId.get(reference) ?? known.byId.get(t.id) ?? known.byNumber.get(reference);
  if (found) return { number: found.number || null, id: found.id };
  if (reference && !isInternalId(reference)) return { number: reference, id: null };
  // An id we cannot name yet: opened by it, as Billing's reference (its number is looked up, see loadTimeline).
  return { number: null, id: reference || null };
}

/**
 * Zoho's transaction rows carry no currency (customers.yml "List of transactions"): a customer's transactions are
 * in the customer's currency. Without it (the customer could not be read) the number is not shown.
 */
/** A transaction's kind; own keys only: a type named "__proto__" or "constructor" is an unknown type, not Object's. */
function moneyKind(type: string): EventKind {
  const key = type.toLowerCase();
  return Object.hasOwn(MONEY_KINDS, key) ? MONEY_KINDS[key]! : 'transaction';
}

function transactionEvent(t: Transaction, known: KnownInvoices, customerCurrency: string | null): TimelineEvent {
  const kind = moneyKind(t.type);
  const e = blank(`t:${t.id}`, kind, t.date);
  e.currencyCode = customerCurrency ?? t.currencyCode;
  e.amount = e.currencyCode === null ? null : t.amount;
  e.status = t.status || null;
  if (kind === 'transaction') e.otherType = t.type;
  if (kind === 'invoice') {
    // Named by its number (never an id), opened by its id.
    const invoice = invoiceOfTransaction(t, known);
    e.invoiceNumber = invoice.number;
    if (invoice.id) e.opens = { kind: 'invoice', id: invoice.id };
  }
  return e;
}

function invoiceEvent(inv: InvoiceSummary): TimelineEvent {
  const e = blank(`i:${inv.id}`, 'invoice', inv.date);
  e.invoiceNumber = inv.number || null;
  e.amount = inv.total;
  e.currencyCode = inv.currencyCode;
  e.status = inv.status || null;
  e.opens = { kind: 'invoice', id: inv.id };
  return e;
}

function milestones(sub: Subscription): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const add = (kind: EventKind, when: string | null) => {
    if (!when) return;
    const e = blank(`m:${sub.id}:${kind}`, kind, when);
    e.subscription = { id: sub.id, name: subscriptionName(sub) };
    e.opens = { kind: 'subscription', id: sub.id };
    events.push(e);
  };
  add('started', sub.activatedAt ?? sub.createdAt);
  add('cancelled', sub.cancelledAt);
  if (sub.status === 'expired' || sub.status === 'trial_expired') add('ended', sub.expiresAt);
  return events;
}

/** Folds Billing's sentence about an event into the transaction row that carries its facts. */
function absorb(row: TimelineEvent, activity: TimelineEvent): void {
  row.key = `${row.key}+${activity.key}`;
  row.at = activity.at ?? row.at;
  row.sortAt = activity.at ? activity.sortAt : row.sortAt;
  row.invoiceNumber = row.invoiceNumber ?? activity.invoiceNumber;
  row.billingText = activity.billingText;
  row.by = activity.by;
  row.subscription = activity.subscription;
  row.opens = row.opens ?? activity.opens;
}

/**
 * One row per real event. A transaction absorbs the activity that tells the same thing: an invoice by its
 * number (or, unnamed, the only invoice activity of its day), a payment by its day and amount.
 */
export function mergeEvents(activities: TimelineEvent[], money: TimelineEvent[], invoices: InvoiceSummary[]): TimelineEvent[] {
  const left = new Set(activities);
  const take = (row: TimelineEvent, kind: EventKind, match: (a: TimelineEvent) => boolean, onlyOne = false): boolean => {
    const candidates = [...left].filter((a) => a.kind === kind && match(a));
    if (candidates.length === 0 || (onlyOne && candidates.length > 1)) return false;
    const chosen = candidates[0] as TimelineEvent;
    left.delete(chosen);
    absorb(row, chosen);
    return true;
  };
  for (const row of money) {
    if (row.kind === 'invoice') {
      if (row.invoiceNumber) take(row, 'invoice', (a) => a.invoiceNumber === row.invoiceNumber);
      else take(row, 'invoice', (a) => a.date === row.date, true);
    } else if (row.kind === 'payment') {
      // A sentence whose amount could not be read still names a payment of that day, if it is the only one.
      if (!take(row, 'payment', (a) => a.date === row.date && sameAmount(a.amount, row.amount)))
        take(row, 'payment', (a) => a.date === row.date && a.amount === null, true);
    }
  }
  const rows = [...money, ...left];
  // What a row opens: an invoice activity opens its invoice; a payment the invoice of its day and amount.
  const byNumber = new Map(invoices.filter((i) => i.number).map((i) => [i.number, i]));
  const invoiceRows = [...invoices.map(invoiceEvent), ...rows.filter((r) => r.kind === 'invoice' && r.opens?.kind === 'invoice')];
  for (const row of rows) {
    if (row.kind === 'invoice' && row.invoiceNumber && row.opens?.kind !== 'invoice') {
      const inv = byNumber.get(row.invoiceNumber);
      if (inv) row.opens = { kind: 'invoice', id: inv.id };
    }
    if (row.kind === 'payment') {
      const paid = invoiceRows.find((i) => i.date === row.date && sameAmount(i.amount, row.amount));
      if (paid?.opens) row.opens = paid.opens;
    }
  }
  return rows.sort(byNewest);
}

/** The customer's history: subscription activities and money events, newest first (SPEC B4). */
export async function loadTimeline(billing: BillingReader, customerId: string, everySubscription = false): Promise<Timeline> {
  // Money events and the invoice page (for numbers; usually cached) do not gate the subscription histories.
  const settledTransactions = Promise.allSettled([billing.read('listTransactions', customerId, 1)]).then(([t]) => t);
  const settledInvoices = Promise.allSettled([billing.read('listInvoices', { customerId, page: 1 })]).then(([i]) => i);
  // The customer's currency is its transactions' currency (the panel has usually read the customer already).
  const settledCustomer = Promise.allSettled([billing.read('getCustomer', customerId)]).then(([c]) => c);
  const [subs] = await Promise.allSettled([billing.read('listSubscriptions', customerId, 1)]);
  const all = subs.status === 'fulfilled' ? subs.value.value.items : [];
  // Running subscriptions first: their history is what agents are asked about.
  const ranked = sortSubscriptions(all);
  const subscriptions = everySubscription ? ranked : ranked.slice(0, MAX_SUBSCRIPTIONS_IN_TIMELINE);
  const partial = all.length > subscriptions.length || (subs.status === 'fulfilled' && subs.value.value.hasMore);
  const histories = await mapLimit(subscriptions, ACTIVITY_CONCURRENCY, async (subscription) => ({
    subscription,
    activities: (await billing.read('listSubscriptionActivities', subscription.id)).value,
  }));
  const [transactions, invoicePage, customer] = await Promise.all([settledTransactions, settledInvoices, settledCustomer]);
  if (subs.status === 'rejected' && transactions.status === 'rejected') throw toBillingError(subs.reason);
  const ok = histories.flatMap((h) => (h.status === 'fulfilled' ? [h.value] : []));
  const firstFailure = histories.find((h) => h.status === 'rejected');
  if (ok.length === 0 && firstFailure && transactions.status === 'rejected') throw toBillingError(firstFailure.reason);
  let invoices = invoicePage.status === 'fulfilled' ? invoicePage.value.value.items : [];
  const rows = transactions.status === 'fulfilled' ? transactions.value.value.items : [];
  // An invoice transaction not named by the first invoice page (the first screen's, usually cached): ONE
  // read of Billing's largest page of the customer's invoices names them all at once, never a call per row.
  // The transactions page is the newest 200 too, so their invoices are almost always among these.
  let known = knownInvoices(invoices);
  const unnamed = rows.some((t) => moneyKind(t.type) === 'invoice' && invoiceOfTransaction(t, known).number === null);
  if (unnamed && invoicePage.status === 'fulfilled' && invoicePage.value.value.hasMore) {
    const [larger] = await Promise.allSettled([billing.read('listInvoices', { customerId, page: 1, perPage: MAX_PER_PAGE })]);
    if (larger.status === 'fulfilled') {
      const seen = new Set(invoices.map((i) => i.id));
      invoices = [...invoices, ...larger.value.value.items.filter((i) => !seen.has(i.id))];
      known = knownInvoices(invoices);
    }
  }
  const withHistory = new Set(ok.map((h) => h.subscription.id));
  const activities = ok.flatMap(({ subscription, activities: list }) => list.map((a) => activityEvent(subscription, a)));
  // Subscriptions whose history was not fetched still show when they started and ended.
  const marks = all.filter((s) => !withHistory.has(s.id)).flatMap(milestones);
  const currency = customer.status === 'fulfilled' ? customer.value.value.currencyCode : null;
  const money = rows.map((t) => transactionEvent(t, known, currency));
  return { events: mergeEvents([...activities, ...marks], money, invoices), partial: partial || histories.length !== ok.length };
}

/**
 * The timeline that needs no extra Billing call: subscription milestones and invoices from the first
 * pages the panel already holds. Shown at once while the detailed history loads (SPEC B4, C3).
 */
export function quickTimeline(subscriptions: Subscription[], invoices: InvoiceSummary[]): TimelineEvent[] {
  return [...subscriptions.flatMap(milestones), ...invoices.map(invoiceEvent)].sort(byNewest);
}
