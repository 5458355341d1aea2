import { toBillingError } from '../billing/errors';
import type { Subscription, SubscriptionActivity, Transaction } from '../billing/types';
import type { BillingCache } from '../integration/billingCache';

export type TimelineEvent =
  | { kind: 'activity'; key: string; sortAt: string; at: string | null; description: string; by: string; subscription: string }
  | { kind: 'money'; key: string; sortAt: string; date: string | null; transaction: Transaction };

/** How many subscriptions' histories one tab open may fetch, and how many at once (SPEC C3). */
export const MAX_SUBSCRIPTIONS_IN_TIMELINE = 5;

/** Running subscriptions first: their history is what agents are asked about. */
const RANK: Record<string, number> = { live: 0, unpaid: 0, dunning: 0, non_renewing: 1, trial: 1, future: 2, paused: 2 };

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
  return events.sort((x, y) => (x.sortAt < y.sortAt ? 1 : x.sortAt > y.sortAt ? -1 : 0));
}

/** The customer's history: subscription activities and money events, newest first (SPEC B4). */
export async function loadTimeline(billing: BillingCache, customerId: string, everySubscription = false): Promise<Timeline> {
  const [subs, transactions] = await Promise.allSettled([
    billing.read('listSubscriptions', customerId, 1),
    billing.read('listTransactions', customerId, 1),
  ]);
  if (subs.status === 'rejected' && transactions.status === 'rejected') throw toBillingError(subs.reason);
  const all = subs.status === 'fulfilled' ? subs.value.value.items : [];
  const ranked = [...all].sort((a, b) => (RANK[a.status] ?? 3) - (RANK[b.status] ?? 3));
  const subscriptions = everySubscription ? ranked : ranked.slice(0, MAX_SUBSCRIPTIONS_IN_TIMELINE);
  const partial = all.length > subscriptions.length || (subs.status === 'fulfilled' && subs.value.value.hasMore);
  const histories = await mapLimit(subscriptions, ACTIVITY_CONCURRENCY, async (subscription) => ({
    subscription,
    activities: (await billing.read('listSubscriptionActivities', subscription.id)).value,
  }));
  const ok = histories.flatMap((h) => (h.status === 'fulfilled' ? [h.value] : []));
  const firstFailure = histories.find((h) => h.status === 'rejected');
  if (ok.length === 0 && firstFailure && transactions.status === 'rejected') throw toBillingError(firstFailure.reason);
  return { events: mergeTimeline(ok, transactions.status === 'fulfilled' ? transactions.value.value.items : []), partial: partial || histories.length !== ok.length };
}
