/**
 * Putting an invoice's payment link into the agent's reply (SPEC B11), shared by the invoice detail's
 * actions, the first screen's one-click button and the offer after creating an invoice.
 */
import type { BillingApi, InvoiceSummary } from '../../billing/types';
import { httpsUrl } from '../../host/guards';
import type { DeskHost } from '../../host/types';
import type { I18n } from '../../i18n/i18n';

type PayableFields = Pick<InvoiceSummary, 'status' | 'balance'>;

/** Paid, void and draft invoices have nothing to pay (Billing gives no payment page for them). */
export function payable(invoice: PayableFields): boolean {
  const status = invoice.status.toLowerCase();
  if (status === 'paid' || status === 'void' || status === 'draft') return false;
  return invoice.balance === null || invoice.balance > 0;
}

/** Asks Billing for the invoice's hosted payment page; rejects when the link is not https. */
export async function paymentLinkFor(api: Pick<BillingApi, 'createInvoicePaymentLink'>, invoiceId: string): Promise<string> {
  // Only https links leave the widget (SPEC C5).
  const url = httpsUrl(await api.createInvoicePaymentLink(invoiceId));
  if (!url) throw new Error('Billing gave a payment link that is not https');
  return url;
}

/**
 * Inserts the reply sentence and the link into Desk's reply editor. Resolves false when Desk refused
 * (no reply editor open); a Billing failure rejects with the Billing error.
 */
export async function insertPaymentLink(
  host: Pick<DeskHost, 'insertIntoReply' | 'notify'>,
  i18n: Pick<I18n, 't'>,
  invoice: Pick<InvoiceSummary, 'number'>,
  url: string,
): Promise<boolean> {
  const result = await host.insertIntoReply({ text: i18n.t('actions.invoiceActions.replyText', { number: invoice.number }), url });
  if (!result.ok) return false;
  host.notify(i18n.t('actions.invoiceActions.inserted'), 'success');
  return true;
}

/** The newest invoice that still has something to pay, of those given (rows of the first list page). */
export function latestUnpaid<T extends PayableFields & Pick<InvoiceSummary, 'date'>>(invoices: readonly T[]): T | null {
  let best: T | null = null;
  for (const invoice of invoices) if (payable(invoice) && (!best || (invoice.date ?? '') > (best.date ?? ''))) best = invoice;
  return best;
}
