/**
 * Which actions Billing allows for a subscription or an invoice in its status (billing-actions.md §2.1–2.3,
 * §2.9), and why an action an agent might look for is absent. Pure: the panel renders these, the
 * mutation tests run over them.
 */
import type { InvoiceDetail, SubscriptionDetail } from '../../billing/types';

export type SubscriptionAction = 'cancel' | 'reactivate' | 'postpone';

/** Why an action is not offered here, as a key of `acting.absent.*`. */
export type AbsentReason =
  | 'reactivateOnlyNonRenewing'
  | 'endedCannotChange'
  | 'postponeNoRenewal'
  | 'alreadyEnding'
  | 'collectNoBalance'
  | 'collectNoCard'
  | 'collectStatus';

const RUNNING = new Set(['live', 'trial', 'future', 'dunning', 'unpaid', 'non_renewing']);
const ENDED = new Set(['cancelled', 'expired', 'cancelled_from_dunning', 'trial_expired', 'creation_failed']);

export interface SubscriptionOffer {
  cancel: { atEnd: boolean; now: boolean } | null;
  reactivate: boolean;
  postpone: boolean;
  /** Explanations for the absent actions an agent would expect on this subscription, in order. */
  absent: AbsentReason[];
}

export function subscriptionOffer(s: Pick<SubscriptionDetail, 'status' | 'nextBillingAt'>): SubscriptionOffer {
  const status = s.status;
  if (ENDED.has(status) || !RUNNING.has(status)) {
    return { cancel: null, reactivate: false, postpone: false, absent: ['endedCannotChange'] };
  }
  const nonRenewing = status === 'non_renewing';
  // A trial or live subscription with a renewal date can move it forward; Billing's own rule is "only forward".
  const postpone = (status === 'live' || status === 'trial') && s.nextBillingAt !== null && s.nextBillingAt !== '';
  const absent: AbsentReason[] = [];
  if (nonRenewing) absent.push('alreadyEnding');
  else absent.push('reactivateOnlyNonRenewing');
  if (!postpone && !nonRenewing) absent.push('postponeNoRenewal');
  return {
    // Ending at the term's end twice is meaningless: a non-renewing subscription may only be ended now.
    cancel: { atEnd: !nonRenewing, now: true },
    reactivate: nonRenewing,
    postpone,
    absent,
  };
}

const COLLECTABLE = new Set(['sent', 'overdue', 'partially_paid', 'unpaid']);

/** Collect now: an open invoice with a balance, and a card on file to charge. */
export function collectOffer(invoice: Pick<InvoiceDetail, 'status' | 'balance'>, cardId: string | null): { offered: boolean; absent: AbsentReason | null } {
  if (!COLLECTABLE.has(invoice.status)) return { offered: false, absent: invoice.status === 'paid' || invoice.status === 'void' ? null : 'collectStatus' };
  if (invoice.balance === null || invoice.balance <= 0) return { offered: false, absent: 'collectNoBalance' };
  if (cardId === null) return { offered: false, absent: 'collectNoCard' };
  return { offered: true, absent: null };
}
