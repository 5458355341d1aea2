/**
 * Every request body we send to Billing, exactly as Zoho's OpenAPI files define it, each a named builder
 * of `bodies` below (the call table's entries name them; this module loads with laterCalls.ts, on first
 * use). Documents (billing-api.md §12.10, §12.12): invoices are `invoice_items[{product_id, rate, price,
 * quantity}]`, quotes are `line_items[{item_id, rate, quantity}]`. Every amount in a body is in the
 * document's currency, which is the customer's currency; `exchange_rate` is only sent when the caller
 * knows it.
 */
import { BillingError } from './errors';
import { toDate } from './coerce';
import type { Address, Customer, CustomerInput, DocumentInput, DocumentLineInput } from './types';

/** Refuses a document Billing would get wrong (NaN becomes null in JSON) before any call is made. */
function check(input: DocumentInput): void {
  const problems: string[] = [];
  if (input.customerId.trim() === '') problems.push('no customer');
  if (toDate(input.date) === null) problems.push(`date "${input.date}" is not YYYY-MM-DD`);
  if (input.lines.length === 0) problems.push('no lines');
  input.lines.forEach((line, i) => {
    if (line.productId.trim() === '') problems.push(`line ${i + 1} has no product`);
    if (!Number.isFinite(line.price) || line.price < 0) problems.push(`line ${i + 1} has no valid price`);
    if (!Number.isFinite(line.quantity) || line.quantity <= 0) problems.push(`line ${i + 1} has no valid quantity`);
  });
  if (input.exchangeRate !== undefined && !(Number.isFinite(input.exchangeRate) && input.exchangeRate > 0)) {
    problems.push('the exchange rate is not a positive number');
  }
  if (problems.length > 0) {
    throw new BillingError('rejected', 'The document is incomplete', { detail: problems.join('; ') });
  }
}

function lineText(line: DocumentLineInput): Record<string, unknown> {
  return line.description !== undefined && line.description !== '' ? { name: line.name, description: line.description } : { name: line.name };
}

function common(input: DocumentInput): Record<string, unknown> {
  const body: Record<string, unknown> = {
    customer_id: input.customerId,
    date: input.date,
    reference_number: input.referenceNumber,
  };
  if (input.exchangeRate !== undefined) body.exchange_rate = input.exchangeRate;
  if (input.notes !== undefined && input.notes !== '') body.notes = input.notes;
  return body;
}

/**
 * `POST /invoices` (SPEC create-an-invoice-request). Each line REQUIRES `product_id`, `rate` and `quantity`
 * while the line's property list names `price`, not `rate`: both are sent with the same value.
 */
export function invoiceBody(input: DocumentInput): Record<string, unknown> {
  check(input);
  return {
    ...common(input),
    invoice_items: input.lines.map((line) => ({
      product_id: line.productId,
      ...lineText(line),
      rate: line.price,
      price: line.price,
      quantity: line.quantity,
    })),
  };
}

/** `POST /estimates` (SPEC create-an-estimate-request): `line_items`, each requiring `item_id`, `rate`, `quantity`. */
export function quoteBody(input: DocumentInput): Record<string, unknown> {
  check(input);
  return {
    ...common(input),
    line_items: input.lines.map((line) => ({
      item_id: line.productId,
      ...lineText(line),
      rate: line.price,
      quantity: line.quantity,
    })),
  };
}

const ADDRESS_KEYS = ['attention', 'street', 'street2', 'city', 'state', 'zip', 'country', 'phone', 'fax'] as const;

function addressBody(a: Partial<Address>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ADDRESS_KEYS) {
    const value = a[key];
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

/** `POST /customers`: display_name and email are the two fields Billing requires (§5.4). */
export function customerBody(input: CustomerInput): Record<string, unknown> {
  const fullName = [input.firstName, input.lastName].map((s) => s.trim()).filter(Boolean).join(' ');
  const body: Record<string, unknown> = {
    display_name: input.displayName.trim() || input.companyName.trim() || fullName || input.email.trim(),
    email: input.email.trim(),
  };
  const optional: [string, string][] = [
    ['first_name', input.firstName],
    ['last_name', input.lastName],
    ['company_name', input.companyName],
    ['phone', input.phone],
  ];
  for (const [key, value] of optional) if (value.trim() !== '') body[key] = value.trim();
  if (input.billingAddress) body.billing_address = addressBody(input.billingAddress);
  if (input.shippingAddress) body.shipping_address = addressBody(input.shippingAddress);
  return body;
}

export interface AddressesInput {
  customer: Customer;
  billing: Partial<Address> | null;
  shipping: Partial<Address> | null;
}

/** `PUT /customers/{id}` with new addresses: Billing requires display_name and email on update too (§5.4), sent back unchanged. */
export function customerAddressesBody({ customer, billing, shipping }: AddressesInput): Record<string, unknown> {
  const body: Record<string, unknown> = { display_name: customer.displayName, email: customer.email };
  if (billing) body.billing_address = addressBody(billing);
  if (shipping) body.shipping_address = addressBody(shipping);
  return body;
}

/** `POST /hostedpages/invoicepayment` (hosted-pages.yml `record-invoice-payment-for-a-subscription-request`). */
export function invoicePaymentBody(invoiceId: string): Record<string, unknown> {
  return { invoice_id: invoiceId };
}

/** An invoice e-mail as the agent wrote it: addresses, subject and text. */
export interface InvoiceEmail {
  to: readonly string[];
  cc?: readonly string[];
  subject: string;
  body: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/**
 * `POST /invoices/{invoice_id}/email` (invoices.yml "Email an invoice"): `to_mail_ids` (required, e-mail
 * addresses), `cc_mail_ids` (sent only when there are any), `subject` and `body` (both required). An
 * e-mail Billing could not send is refused here, before any call.
 */
export function invoiceEmailBody(input: InvoiceEmail): Record<string, unknown> {
  const to = input.to.map((a) => a.trim()).filter(Boolean);
  const cc = (input.cc ?? []).map((a) => a.trim()).filter(Boolean);
  const problems: string[] = [];
  if (to.length === 0) problems.push('no recipient');
  for (const address of [...to, ...cc]) if (!EMAIL.test(address)) problems.push(`"${address}" is not an e-mail address`);
  if (input.subject.trim() === '') problems.push('no subject');
  if (input.body.trim() === '') problems.push('no text');
  if (problems.length > 0) throw new BillingError('rejected', 'The e-mail is incomplete', { detail: problems.join('; ') });
  return { to_mail_ids: to, ...(cc.length > 0 ? { cc_mail_ids: cc } : {}), subject: input.subject.trim(), body: input.body };
}

/** `POST /hostedpages/updatecard` (hosted-pages.yml `update-card-for-a-subscription-request`: subscription_id required). */
export function cardUpdateBody(subscriptionId: string): Record<string, unknown> {
  return { subscription_id: subscriptionId };
}

/** The named body builders (the call table's `request().body.builder`). */
export const bodies = {
  invoiceEmail: invoiceEmailBody,
  customer: customerBody,
  customerAddresses: customerAddressesBody,
  invoice: invoiceBody,
  quote: quoteBody,
  invoicePayment: invoicePaymentBody,
  cardUpdate: cardUpdateBody,
};

export type Bodies = typeof bodies;
