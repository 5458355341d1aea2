/**
 * Schemas of the Billing records the panel's first screen does not read: subscription detail and its
 * activity, transactions, invoice detail, hosted payment pages, the catalog and quotes (billing-api.md
 * §6–§9, §12). Same policy as schemas.ts (tolerant fields, a row without its id is refused); kept apart
 * so they load with the calls that use them (laterCalls.ts), not with the panel's first script.
 */
import { httpsUrl } from '../host/guards';
import { toBool, toCurrency, toDate, toDateTime, toId, toNumber, toOptText, toStatus, toText } from './coerce';
import { asIs, nested, reader, record, refuse, rows, type Schema } from './read';
import { invoiceFields, invoiceSummaryOf, subscriptionFields, subscriptionLineSchema, subscriptionOf } from './schemas';
import type {
  CatalogEntry,
  InvoiceDetail,
  InvoiceLine,
  InvoicePayment,
  Quote,
  ReplyLink,
  SubscriptionActivity,
  SubscriptionDetail,
  SubscriptionLine,
  Transaction,
} from './types';

// ---------------------------------------------------------------------------------------------
// Subscriptions (§6.5, §12.5, §12.6)

/** A line inside a list of lines: an empty one counts as a bad row there. */
const nonNullLine: Schema<SubscriptionLine> = reader((value) => {
  const r = subscriptionLineSchema.safeParse(value);
  return (r.success ? r.data : null) ?? refuse('subscription line without a code or name');
});

const cardSchema = record(
  {
    card_id: toId,
    last_four_digits: toText,
    payment_gateway: toText,
    expiry_month: toNumber,
    expiry_year: toNumber,
  },
  (r): SubscriptionDetail['card'] => {
    if (r.card_id === null && r.last_four_digits === '') return null;
    return {
      ...(r.card_id === null ? {} : { id: r.card_id }),
      lastFour: r.last_four_digits,
      gateway: r.payment_gateway,
      expiryMonth: r.expiry_month,
      expiryYear: r.expiry_year,
    };
  },
);

const couponSchema = record(
  { coupon_code: toText, discount_amount: toNumber },
  (r) => r,
);

export const subscriptionDetailSchema: Schema<SubscriptionDetail> = record(
  {
    ...subscriptionFields,
    addons: rows(nonNullLine),
    coupon: nested(couponSchema),
    remaining_billing_cycles: toNumber,
    end_of_term: toBool,
    card: nested(cardSchema),
    payment_terms_label: toText,
    customer_id: toId,
    customer: nested(record({ customer_id: toId }, (r) => r)),
  },
  (r): SubscriptionDetail => {
    if (r.subscription_id === null) return refuse('subscription without an id');
    return {
      ...subscriptionOf(r, r.subscription_id),
      plan: r.plan,
      addons: r.addons,
      couponCode: r.coupon?.coupon_code ?? '',
      couponDiscount: r.coupon?.discount_amount ?? null,
      remainingBillingCycles: r.remaining_billing_cycles,
      endOfTerm: r.end_of_term,
      card: r.card ?? null,
      paymentTermsLabel: r.payment_terms_label,
      customerId: r.customer_id ?? r.customer?.customer_id ?? null,
    };
  },
);

export const activitySchema: Schema<SubscriptionActivity> = record(
  {
    activity_id: toId,
    description: toText,
    activity_time: toDateTime,
    commented_by: toText,
  },
  (r): SubscriptionActivity => {
    if (r.activity_id === null) return refuse('activity without an id');
    return { id: r.activity_id, description: r.description, time: r.activity_time, by: r.commented_by };
  },
);

// ---------------------------------------------------------------------------------------------
// Transactions (§7.2)

export const transactionSchema: Schema<Transaction> = record(
  {
    transaction_id: toId,
    type: toStatus,
    transaction_type: toStatus,
    date: toDate,
    amount: toNumber,
    status: toStatus,
    reference_id: toText,
    currency_code: toCurrency,
  },
  (r): Transaction => {
    if (r.transaction_id === null) return refuse('transaction without an id');
    return {
      id: r.transaction_id,
      type: r.type || r.transaction_type,
      date: r.date,
      amount: r.amount,
      status: r.status,
      referenceId: r.reference_id,
      currencyCode: r.currency_code,
    };
  },
);

// ---------------------------------------------------------------------------------------------
// Invoices (§8.4, §12.8)

/** Lines and payments have no use without their row, so a missing id is made up from the position. */
function linesOf(raw: unknown): InvoiceLine[] {
  if (!Array.isArray(raw)) return [];
  const lines: InvoiceLine[] = [];
  raw.forEach((row, index) => {
    const r = invoiceLineSchema.safeParse(row);
    if (r.success) lines.push({ ...r.data, id: r.data.id || `line-${index + 1}` });
  });
  return lines;
}

const invoiceLineSchema: Schema<InvoiceLine> = record(
  {
    item_id: toId,
    line_item_id: toId,
    name: toText,
    description: toText,
    code: toText,
    quantity: toNumber,
    price: toNumber,
    rate: toNumber,
    item_total: toNumber,
    total: toNumber,
  },
  (r): InvoiceLine => ({
      id: r.item_id ?? r.line_item_id ?? '',
      name: r.name,
      description: r.description,
      code: r.code,
      quantity: r.quantity,
      // The SPEC disagrees with itself on `price` vs `rate` (§8.4).
      price: r.price ?? r.rate,
      total: r.item_total ?? r.total,
    }),
);

const invoicePaymentSchema: Schema<InvoicePayment> = record(
  {
    payment_id: toId,
    invoice_payment_id: toId,
    payment_mode: toText,
    date: toDate,
    amount: toNumber,
    reference_number: toText,
  },
  (r): InvoicePayment => ({
      id: r.payment_id ?? r.invoice_payment_id ?? '',
      mode: r.payment_mode,
      date: r.date,
      amount: r.amount,
      referenceNumber: r.reference_number,
    }),
);

function paymentsOf(raw: unknown): InvoicePayment[] {
  if (!Array.isArray(raw)) return [];
  const payments: InvoicePayment[] = [];
  raw.forEach((row, index) => {
    const r = invoicePaymentSchema.safeParse(row);
    if (r.success) payments.push({ ...r.data, id: r.data.id || `payment-${index + 1}` });
  });
  return payments;
}

/** `invoice.subscriptions[{subscription_id}]` (ids as strings or numbers; a bad row is dropped). */
function subscriptionIdsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const ids: string[] = [];
  for (const row of value) {
    const id = typeof row === 'object' && row !== null ? toId((row as Record<string, unknown>).subscription_id) : null;
    if (id !== null && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

export const invoiceDetailSchema: Schema<InvoiceDetail> = record(
  {
    ...invoiceFields,
    invoice_items: asIs,
    line_items: asIs,
    payments: asIs,
    sub_total: toNumber,
    tax_total: toNumber,
    payment_made: toNumber,
    credits_applied: toNumber,
    write_off_amount: toNumber,
    invoice_url: httpsUrl,
    notes: toText,
    subscriptions: asIs,
  },
  (r): InvoiceDetail => {
    if (r.invoice_id === null) return refuse('invoice without an id');
    return {
      ...invoiceSummaryOf(r, r.invoice_id),
      lines: linesOf(Array.isArray(r.invoice_items) ? r.invoice_items : r.line_items),
      subTotal: r.sub_total,
      taxTotal: r.tax_total,
      paymentMade: r.payment_made,
      creditsApplied: r.credits_applied,
      writeOffAmount: r.write_off_amount,
      payments: paymentsOf(r.payments),
      invoiceUrl: r.invoice_url,
      notes: r.notes,
      subscriptionIds: subscriptionIdsOf(r.subscriptions),
    };
  },
);

/** A hosted page's answer (`hostedpage{url, expiring_time, …}`, hosted-pages.yml): only an https url is a link. */
export const hostedPageSchema: Schema<ReplyLink> = record(
  { hostedpage_id: toId, url: httpsUrl, status: toStatus, expiring_time: toDateTime },
  (r): ReplyLink => {
    if (r.url === null) return refuse('hosted page without an https url');
    return { url: r.url, expiresAt: r.expiring_time };
  },
);

// ---------------------------------------------------------------------------------------------
// Catalog (items and plans) for invoice and quote lines

const INACTIVE = 'inactive';

export const catalogItemSchema: Schema<CatalogEntry & { active: boolean }> = record(
  {
    item_id: toId,
    name: toText,
    description: toText,
    rate: toNumber,
    price: toNumber,
    status: toStatus,
    currency_code: toCurrency,
  },
  (r) => {
    if (r.item_id === null) return refuse('item without an id');
    return {
      kind: 'item' as const,
      id: r.item_id,
      name: r.name || r.item_id,
      description: r.description,
      price: r.rate ?? r.price,
      currencyCode: r.currency_code,
      active: r.status !== INACTIVE,
    };
  },
);

export const catalogPlanSchema: Schema<CatalogEntry & { active: boolean }> = record(
  {
    plan_code: toId,
    name: toText,
    description: toText,
    recurring_price: toNumber,
    price: toNumber,
    status: toStatus,
    currency_code: toCurrency,
  },
  (r) => {
    if (r.plan_code === null) return refuse('plan without an id');
    return {
      kind: 'plan' as const,
      id: r.plan_code,
      name: r.name || r.plan_code,
      description: r.description,
      price: r.recurring_price ?? r.price,
      currencyCode: r.currency_code,
      active: r.status !== INACTIVE,
    };
  },
);

// ---------------------------------------------------------------------------------------------
// Quotes (estimates, §9)

export const quoteSchema: Schema<Quote> = record(
  {
    estimate_id: toId,
    estimate_number: toText,
    number: toText,
    status: toStatus,
    date: toDate,
    estimate_date: toDate,
    total: toNumber,
    currency_code: toCurrency,
    reference_number: toOptText,
  },
  (r): Quote => {
    if (r.estimate_id === null) return refuse('quote without an id');
    return {
      id: r.estimate_id,
      number: r.estimate_number || r.number,
      status: r.status,
      date: r.date ?? r.estimate_date,
      total: r.total,
      currencyCode: r.currency_code,
      referenceNumber: r.reference_number,
    };
  },
);
