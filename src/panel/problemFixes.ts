/**
 * The fix the problem line offers for each kind of problem: one entry per kind in FIXES, nothing else
 * decides it. Today's fixes are what the panel can already do: put a payment link or a card update link into
 * the reply (ticket pages), open the invoice, open the subscription. To offer an action (collect now,
 * postpone, reactivate), add its Fix variant here, point the kinds it fixes at it in FIXES, and give
 * ProblemLine's `run` and `fixLabel` its case; the line, its order and its words stay as they are.
 */
import type { InvoiceSummary, Subscription } from '../billing/types';
import type { ProblemKind, ProblemOf } from './problems';

export type Fix =
  /** The invoice's payment link into the agent's reply (ticket pages only). */
  | { kind: 'insertLink'; invoice: InvoiceSummary }
  | { kind: 'openInvoice'; invoice: InvoiceSummary }
  | { kind: 'openSubscription'; subscription: Subscription }
  /** A card update page for the subscription into the reply (ticket pages only); it expires within the hour. */
  | { kind: 'cardLink'; subscription: Subscription };

export interface FixContext {
  /** The page has a reply editor (a ticket). */
  canInsert: boolean;
}

const payInvoice = (invoice: InvoiceSummary | null, context: FixContext): Fix | null =>
  invoice ? (context.canInsert ? { kind: 'insertLink', invoice } : { kind: 'openInvoice', invoice }) : null;

const openSubscription = (subscription: Subscription): Fix => ({ kind: 'openSubscription', subscription });

export const FIXES: { [K in ProblemKind]: (problem: ProblemOf<K>, context: FixContext) => Fix | null } = {
  // Recovering a failed payment today means the customer pays the invoice themselves.
  paymentFailed: (p, context) => payInvoice(p.invoice, context),
  dunning: (p, context) => payInvoice(p.invoice, context) ?? openSubscription(p.subscription),
  card: (p, context) => (context.canInsert ? { kind: 'cardLink', subscription: p.subscription } : openSubscription(p.subscription)),
  overdue: (p, context) => payInvoice(p.invoice, context),
  trialEnding: (p) => openSubscription(p.subscription),
  ending: (p) => openSubscription(p.subscription),
};

export function fixFor<K extends ProblemKind>(problem: ProblemOf<K>, context: FixContext): Fix | null {
  return (FIXES[problem.kind] as (p: ProblemOf<K>, c: FixContext) => Fix | null)(problem, context);
}
