import type { Subscription } from '../billing/types';

/** Running or needing attention, in the order an agent cares about them (SPEC B5). */
const RUNNING = ['live', 'trial', 'dunning', 'unpaid', 'non_renewing', 'future', 'paused'];
/** Finished for good: these never renew, whatever dates Billing still carries. */
const ENDED = new Set(['cancelled', 'cancelled_from_dunning', 'expired', 'trial_expired', 'creation_failed']);

export function hasEnded(status: string): boolean {
  return ENDED.has(status);
}

/** 0… for running ones in RUNNING's order, then unknown statuses, ended ones last. */
export function subscriptionRank(status: string): number {
  const i = RUNNING.indexOf(status);
  if (i >= 0) return i;
  return ENDED.has(status) ? RUNNING.length + 1 : RUNNING.length;
}

/** Stable: within a rank Billing's own order stands. */
export function sortSubscriptions<T extends Pick<Subscription, 'status'>>(subscriptions: readonly T[]): T[] {
  return [...subscriptions].sort((a, b) => subscriptionRank(a.status) - subscriptionRank(b.status));
}

/** The subscription an agent means by "their plan": the first running one. */
export function currentSubscription<T extends Pick<Subscription, 'status'>>(subscriptions: readonly T[]): T | null {
  const first = sortSubscriptions(subscriptions)[0];
  return first && first.status !== 'paused' && subscriptionRank(first.status) < RUNNING.length ? first : null;
}

/** When an ended subscription stopped: cancelled, else expired, else the end of its last term. */
export function endedOn(s: Pick<Subscription, 'cancelledAt' | 'expiresAt' | 'currentTermEndsAt'>): string | null {
  return s.cancelledAt || s.expiresAt || s.currentTermEndsAt || null;
}
