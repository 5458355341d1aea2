import { toBillingError } from '../billing/errors';
import type { InvoiceSummary, Subscription, SubscriptionActivity, Transaction } from '../billing/types';
import type { BillingCache } from '../integration/billingCache';
import { sortSubscriptions } from './subscriptionOrder';

export type TimelineEvent =
  | { kind: 'activity'; key: string; sortAt: string; at: string | null; description: string; by: string; subscription: string }
  | { kind: 'money'; key: string; sortAt: string; date: string | null; transaction: Transaction }
  | { kind: 'milestone'; key: string; sortAt: string; date: string | null; milestone: 'started' | 'cancelled' | 'ended'; subscription: string };

/** How many subscriptions' histories one tab open may fetch, and how many at once (SPEC C3). */
export const MAX_SUBSCRIPTIONS_IN_TIMELINE = 5;


export interface Timeline {
  events: TimelineEvent[];
  /** Some subscriptions' histories were left out to save Billing calls (C3). */
  partial: boolean;
}
const ACTIVITY_CONCURRENCY = 3;

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

const newestFirst = (x: TimelineEvent, y: TimelineEvent): number => (x.sortAt < y.sortAt ? 1 : x.sortAt > y.sortAt ? -1 : 0);

export function mergeTimeline(
  histories: Array<{ subscription: Subscription; activities: SubscriptionActivity[] }>,
  transactions: Transaction[],
): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const { subscription, activities } of histories) {
    for (const a of activities) {
      events.push({
        kind: 'activity',
        key: `a:${subscription.id}:${a.id}`,
        sortAt: sortKey(a.time),
        at: a.time,
        description: a.description,
        by: a.by,
        subscription: subscription.planName || subscription.name || subscription.number,
      });
    }
  }
  for (const t of transactions) {
    events.push({ kind: 'money', key: `t:${t.id}`, sortAt: sortKey(t.date), date: t.date, transaction: t });
  }
  return events.sort(newestFirst);
}

/** The customer's history: subscription activities and money events, newest first (SPEC B4). */
export async function loadTimeline(billing: BillingCache, customerId: string, everySubscription = false): Promise<Timeline> {
  // Money events do not gate the subscription histories: both go out in the same round trip.
  const settledTransactions = Promise.allSettled([billing.read('listTransactions', customerId, 1)]).then(([t]) => t);
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
  const transactions = await settledTransactions;
  if (subs.status === 'rejected' && transactions.status === 'rejected') throw toBillingError(subs.reason);
  const ok = histories.flatMap((h) => (h.status === 'fulfilled' ? [h.value] : []));
  const firstFailure = histories.find((h) => h.status === 'rejected');
  if (ok.length === 0 && firstFailure && transactions.status === 'rejected') throw toBillingError(firstFailure.reason);
  return { events: mergeTimeline(ok, transactions.status === 'fulfilled' ? transactions.value.value.items : []), partial: partial || histories.length !== ok.length };
}

/**
 * The timeline that needs no extra Billing call: subscription milestones and invoices from the first
 * pages the panel already holds. Shown at once while the detailed history loads (SPEC B4, C3).
 */
export function quickTimeline(subscriptions: Subscription[], invoices: InvoiceSummary[]): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const sub of subscriptions) {
    const name = sub.planName || sub.name || sub.number;
    const started = sub.activatedAt ?? sub.createdAt;
    if (started) events.push({ kind: 'milestone', key: `m:${sub.id}:started`, sortAt: sortKey(started), date: started, milestone: 'started', subscription: name });
    if (sub.cancelledAt)
      events.push({ kind: 'milestone', key: `m:${sub.id}:cancelled`, sortAt: sortKey(sub.cancelledAt), date: sub.cancelledAt, milestone: 'cancelled', subscription: name });
    if (sub.status === 'expired' && sub.expiresAt)
      events.push({ kind: 'milestone', key: `m:${sub.id}:ended`, sortAt: sortKey(sub.expiresAt), date: sub.expiresAt, milestone: 'ended', subscription: name });
  }
  for (const inv of invoices) {
    const transaction: Transaction = {
      id: inv.id, type: 'invoice', date: inv.date, amount: inv.total, status: inv.status, referenceId: inv.number, currencyCode: inv.currencyCode,
    };
    events.push({ kind: 'money', key: `i:${inv.id}`, sortAt: sortKey(inv.date), date: inv.date, transaction });
  }
  return events.sort(newestFirst);
}
