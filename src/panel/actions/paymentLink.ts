/**
 * Links for the customer in the agent's reply (SPEC B11, issue 20): the invoice's payment link, shared by
 * the invoice detail's actions, the first screen's one-click button, the problem line and the offer after
 * creating an invoice; and the card update link of a subscription.
 *
 * A reply is often read hours later, and Zoho's hosted pages "expire within one hour" (hosted-pages.yml).
 * So an invoice's link is its own page (`invoice_url`, which takes payment online and does not expire)
 * whenever Billing gives one, and a hosted payment page only when it does not. Billing's payment links
 * (`/paymentlinks`, with an expiry the agent picks) are not in Zoho's OpenAPI files, so nothing is sent
 * to them. Whenever a link expires, the inserted text and the agent's notice say until when.
 */
import type { BillingApi, InvoiceSummary, ReplyLink } from '../../billing/types';
import { httpsUrl } from '../../host/guards';
import type { DeskHost } from '../../host/types';
import type { I18n, MessageKey } from '../../i18n/i18n';

type PayableFields = Pick<InvoiceSummary, 'status' | 'balance'>;
type Words = Pick<I18n, 't' | 'dateTime' | 'locale' | 'timeZone' | 'language'>;

/** Paid, void and draft invoices have nothing to pay (Billing gives no payment page for them). */
export function payable(invoice: PayableFields): boolean {
  const status = invoice.status.toLowerCase();
  if (status === 'paid' || status === 'void' || status === 'draft') return false;
  return invoice.balance === null || invoice.balance > 0;
}

export type PaymentLinkApi = Pick<BillingApi, 'getInvoice' | 'createInvoicePaymentLink'>;

/**
 * The invoice's link that lasts (its own page) when Billing has one, else a hosted payment page with its
 * expiry. `known`: the invoice detail already at hand (its `invoiceUrl`), which spares the read.
 */
export async function paymentLinkFor(api: PaymentLinkApi, invoiceId: string, known?: { invoiceUrl: string | null }): Promise<ReplyLink> {
  const own = httpsUrl(known ? known.invoiceUrl : (await api.getInvoice(invoiceId)).invoiceUrl);
  if (own) return { url: own, expiresAt: null };
  return hostedLink(await api.createInvoicePaymentLink(invoiceId));
}

/** A hosted page's link; only https links leave the widget (SPEC C5). */
export function hostedLink(page: ReplyLink): ReplyLink {
  const url = httpsUrl(page.url);
  if (!url) throw new Error('Billing gave a link that is not https');
  return { url, expiresAt: page.expiresAt };
}

/** "Dec 8, 2026, 2:05 PM (GMT+9)": the time with its zone, since the customer may read it elsewhere. */
export function untilWhen(i18n: Pick<I18n, 'dateTime' | 'locale' | 'timeZone' | 'language'>, instant: string): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  let zone = '';
  try {
    const parts = new Intl.DateTimeFormat(i18n.locale, { timeZone: i18n.timeZone, timeZoneName: 'short' }).formatToParts(at);
    zone = parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
  } catch {
    zone = '';
  }
  if (!zone) return i18n.dateTime(instant);
  return i18n.language === 'ja' ? `${i18n.dateTime(instant)}（${zone}）` : `${i18n.dateTime(instant)} (${zone})`;
}

export type LinkKind = 'payment' | 'card';

/** What goes into the reply: the sentence, the link, and until when it works when it expires. */
export function replyContent(i18n: Words, kind: LinkKind, subject: string, link: ReplyLink): { text: string; url: string; after?: string } {
  const text = kind === 'payment' ? i18n.t('actions.invoiceActions.replyText', { number: subject }) : i18n.t('actions.cardLink.replyText', { plan: subject });
  if (!link.expiresAt) return { text, url: link.url };
  return { text, url: link.url, after: i18n.t('actions.links.replyExpiry', { time: untilWhen(i18n, link.expiresAt) }) };
}

/** Whole sentences per case, so each language joins them its own way. */
const NOTICES: Record<LinkKind, Record<'inserted' | 'copied' | 'copyFallback', readonly [lasting: MessageKey, until: MessageKey]>> = {
  payment: {
    inserted: ['actions.invoiceActions.inserted', 'actions.invoiceActions.insertedUntil'],
    copied: ['actions.invoiceActions.copied', 'actions.invoiceActions.copiedUntil'],
    copyFallback: ['actions.invoiceActions.copyFallback', 'actions.invoiceActions.copyFallbackUntil'],
  },
  card: {
    inserted: ['actions.cardLink.inserted', 'actions.cardLink.insertedUntil'],
    copied: ['actions.cardLink.copied', 'actions.cardLink.copiedUntil'],
    copyFallback: ['actions.cardLink.copyFallback', 'actions.cardLink.copyFallbackUntil'],
  },
};

/** The agent's notice after the link went into the reply or the clipboard (or is shown to copy by hand), with its expiry. */
export function linkNotice(i18n: Words, kind: LinkKind, done: 'inserted' | 'copied' | 'copyFallback', link: ReplyLink): string {
  const [lasting, until] = NOTICES[kind][done];
  return link.expiresAt ? i18n.t(until, { time: untilWhen(i18n, link.expiresAt) }) : i18n.t(lasting);
}

/**
 * Inserts the reply sentence and the link into Desk's reply editor. Resolves false when Desk refused
 * (no reply editor open); a Billing failure rejects with the Billing error.
 */
export async function insertLink(
  host: Pick<DeskHost, 'insertIntoReply' | 'notify'>,
  i18n: Words,
  kind: LinkKind,
  subject: string,
  link: ReplyLink,
): Promise<boolean> {
  const result = await host.insertIntoReply(replyContent(i18n, kind, subject, link));
  if (!result.ok) return false;
  host.notify(linkNotice(i18n, kind, 'inserted', link), 'success');
  return true;
}

/** The invoice's payment link into the reply (see insertLink). */
export function insertPaymentLink(host: Pick<DeskHost, 'insertIntoReply' | 'notify'>, i18n: Words, invoice: Pick<InvoiceSummary, 'number'>, link: ReplyLink): Promise<boolean> {
  return insertLink(host, i18n, 'payment', invoice.number, link);
}

/** The newest invoice that still has something to pay, of those given (rows of the first list page). */
export function latestUnpaid<T extends PayableFields & Pick<InvoiceSummary, 'date'>>(invoices: readonly T[]): T | null {
  let best: T | null = null;
  for (const invoice of invoices) if (payable(invoice) && (!best || (invoice.date ?? '') > (best.date ?? ''))) best = invoice;
  return best;
}
