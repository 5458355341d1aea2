/**
 * The customer's billing problem, named first (issue 20): what is wrong, found in data the panel already
 * holds. Pure: no Billing call, no clock (the caller passes the agent's today), so every boundary is a test.
 *
 * What each kind is read from, and why (Zoho's files, subscription.yml / invoices.yml / customers.yml):
 * - paymentFailed: a `payment` transaction with status `failure` in the last 30 days. Transactions are not
 *   on the first screen (customer, first subscriptions page, first invoices page): they are used only when
 *   the panel already holds them (the Activity tab read them), never fetched for this. Transaction rows carry
 *   no gateway reason (`transaction_id, reference_id, date, type, status, amount` only), so `reason` is set
 *   only by a source that has one (e.g. a declined collect's `gateway_error_message`).
 * - dunning: a subscription list row with status `dunning` or `unpaid` (Billing's state after a failed
 *   renewal charge: on the first screen, this is how a failed payment usually shows).
 * - card: the card expired, or expires before the next renewal. List rows carry no card (only
 *   `GET /subscriptions/{id}` has `card{expiry_month, expiry_year}`), so this uses subscription details the
 *   panel already holds (the agent opened the subscription); a first screen alone cannot say it.
 * - overdue: an invoice row with status `overdue`, or still payable past its `due_date`.
 * - trialEnding: status `trial` ending within 7 days; the trial ends at the first billing (`next_billing_at`;
 *   the list documents no `trial_ends_at`), else at `current_term_ends_at`.
 * - ending: status `non_renewing` ending within 14 days, at `current_term_ends_at` (else `expires_at`).
 */
import type { InvoiceSummary, Subscription, SubscriptionDetail, Transaction } from '../billing/types';
import { latestUnpaid, payable } from './actions/paymentLink';

/** Most urgent first: the order the line picks from. */
export const PROBLEM_KINDS = ['paymentFailed', 'dunning', 'card', 'overdue', 'trialEnding', 'ending'] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

/** How far back a failed payment counts, and how far ahead an ending trial or subscription (days, inclusive). */
export const FAILED_PAYMENT_DAYS = 30;
export const TRIAL_ENDING_DAYS = 7;
export const NON_RENEWING_DAYS = 14;

export type Problem =
  | {
      kind: 'paymentFailed';
      key: string;
      date: string;
      amount: number | null;
      currencyCode: string | null;
      /** The gateway's words, when the source carries them (transaction rows do not). */
      reason: string | null;
      /** What the customer can pay now, to recover: the newest payable invoice of the first page. */
      invoice: InvoiceSummary | null;
    }
  | { kind: 'dunning'; key: string; subscription: Subscription; invoice: InvoiceSummary | null }
  | {
      kind: 'card';
      key: string;
      subscription: Subscription;
      lastFour: string;
      /** The last day the card is valid (its expiry month's last day). */
      validThrough: string;
      expired: boolean;
      /** The renewal the card will not reach (null when already expired and no renewal is known). */
      renewsOn: string | null;
    }
  | { kind: 'overdue'; key: string; invoice: InvoiceSummary; dueDate: string | null; daysOverdue: number | null }
  | { kind: 'trialEnding'; key: string; subscription: Subscription; endsOn: string; days: number }
  | { kind: 'ending'; key: string; subscription: Subscription; endsOn: string; days: number };

export type ProblemOf<K extends ProblemKind> = Extract<Problem, { kind: K }>;

export interface ProblemFacts {
  /** The agent's today, YYYY-MM-DD. */
  today: string;
  subscriptions: readonly Subscription[];
  invoices: readonly InvoiceSummary[];
  /** Transactions the panel already holds for this customer; none is normal on a first screen. */
  transactions?: readonly Transaction[] | undefined;
  /** Subscription details the panel already holds (for their card). */
  details?: readonly SubscriptionDetail[] | undefined;
  /** The customer's currency: transactions carry none of their own. */
  currencyCode?: string | null | undefined;
}

const DAY_MS = 86_400_000;

/** Days from a to b (both YYYY-MM-DD); null when either is not a date. */
export function daysBetween(a: string, b: string): number | null {
  const pa = Date.parse(`${a}T00:00:00Z`);
  const pb = Date.parse(`${b}T00:00:00Z`);
  if (!Number.isFinite(pa) || !Number.isFinite(pb)) return null;
  return Math.round((pb - pa) / DAY_MS);
}

/** The last day of a card's expiry month, YYYY-MM-DD; null when month or year is not usable. */
export function cardValidThrough(month: number | null, year: number | null): string | null {
  if (month === null || year === null || !Number.isInteger(month) || !Number.isInteger(year) || month < 1 || month > 12) return null;
  // Two-digit years happen in card data ("27" for 2027).
  const fullYear = year < 100 ? 2000 + year : year;
  const last = new Date(Date.UTC(fullYear, month, 0));
  return last.toISOString().slice(0, 10);
}

const FAILED = new Set(['failure', 'failed', 'declined']);
/** Statuses that will charge the card again. */
const CHARGED = new Set(['live', 'trial', 'future', 'dunning', 'unpaid']);

function failedPayments(facts: ProblemFacts, recover: InvoiceSummary | null): ProblemOf<'paymentFailed'>[] {
  const out: ProblemOf<'paymentFailed'>[] = [];
  for (const t of facts.transactions ?? []) {
    if (t.type !== 'payment' || !FAILED.has(t.status) || !t.date) continue;
    const ago = daysBetween(t.date, facts.today);
    if (ago === null || ago < 0 || ago > FAILED_PAYMENT_DAYS) continue;
    out.push({ kind: 'paymentFailed', key: `payment:${t.id}`, date: t.date, amount: t.amount, currencyCode: facts.currencyCode ?? null, reason: null, invoice: recover });
  }
  // Newest first: the one the customer is most likely writing about.
  return out.sort((a, b) => (a.date === b.date ? 0 : b.date > a.date ? 1 : -1));
}

function cardProblems(facts: ProblemFacts): ProblemOf<'card'>[] {
  const out: ProblemOf<'card'>[] = [];
  const rows = new Map(facts.subscriptions.map((s) => [s.id, s]));
  for (const detail of facts.details ?? []) {
    // The list row is the newer truth about status; the detail gives the card.
    const subscription = rows.get(detail.id) ?? detail;
    if (!CHARGED.has(subscription.status) || subscription.autoCollect === false || !detail.card) continue;
    const validThrough = cardValidThrough(detail.card.expiryMonth, detail.card.expiryYear);
    if (!validThrough) continue;
    const expired = validThrough < facts.today;
    const renewsOn = subscription.nextBillingAt;
    if (!expired && !(renewsOn && validThrough < renewsOn)) continue;
    out.push({ kind: 'card', key: `card:${detail.id}`, subscription, lastFour: detail.card.lastFour, validThrough, expired, renewsOn });
  }
  return out;
}

/** Every problem found, most urgent first (kind order, then the soonest or oldest within a kind). */
export function detectProblems(facts: ProblemFacts): Problem[] {
  const recover = latestUnpaid(facts.invoices);
  const problems: Problem[] = [...failedPayments(facts, recover)];

  for (const s of facts.subscriptions) {
    if (s.status === 'dunning' || s.status === 'unpaid') problems.push({ kind: 'dunning', key: `dunning:${s.id}`, subscription: s, invoice: recover });
  }
  problems.push(...cardProblems(facts));

  const overdue: ProblemOf<'overdue'>[] = [];
  for (const invoice of facts.invoices) {
    if (!payable(invoice)) continue;
    const late = invoice.dueDate ? daysBetween(invoice.dueDate, facts.today) : null;
    if (invoice.status !== 'overdue' && !(late !== null && late > 0)) continue;
    overdue.push({ kind: 'overdue', key: `overdue:${invoice.id}`, invoice, dueDate: invoice.dueDate, daysOverdue: late !== null && late > 0 ? late : null });
  }
  // The longest overdue first.
  overdue.sort((a, b) => (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0));
  problems.push(...overdue);

  const ending: Array<ProblemOf<'trialEnding'> | ProblemOf<'ending'>> = [];
  for (const s of facts.subscriptions) {
    if (s.status === 'trial') {
      const endsOn = s.nextBillingAt || s.currentTermEndsAt;
      const days = endsOn ? daysBetween(facts.today, endsOn) : null;
      if (endsOn && days !== null && days >= 0 && days <= TRIAL_ENDING_DAYS) ending.push({ kind: 'trialEnding', key: `trial:${s.id}`, subscription: s, endsOn, days });
    } else if (s.status === 'non_renewing') {
      const endsOn = s.currentTermEndsAt || s.expiresAt;
      const days = endsOn ? daysBetween(facts.today, endsOn) : null;
      if (endsOn && days !== null && days >= 0 && days <= NON_RENEWING_DAYS) ending.push({ kind: 'ending', key: `ending:${s.id}`, subscription: s, endsOn, days });
    }
  }
  ending.sort((a, b) => a.days - b.days);
  problems.push(...ending);

  const rank = (p: Problem) => PROBLEM_KINDS.indexOf(p.kind);
  // Stable: within a kind the order above stands.
  return problems.map((p, i) => [p, i] as const).sort(([a, i], [b, j]) => rank(a) - rank(b) || i - j).map(([p]) => p);
}
