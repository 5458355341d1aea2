/**
 * What the sandbox answers for a stored record: the properties Zoho's OpenAPI files document for that answer, plus
 * the ones real answers are known to carry (tests/contract/allowList.ts names each with its evidence). The dataset
 * keeps more than any one answer shows (list-only fields, filing keys), so a detail, a list row and a create answer
 * of the same record each say only what Zoho's answer says. tests/unit/contract/contract.test.ts holds every answer
 * to that.
 */
import type {
  WireAddress,
  WireContactPerson,
  WireCustomer,
  WireEstimate,
  WireInvoice,
  WireItem,
  WirePlan,
  WireSubscription,
} from './wire';

function omit<T extends object, K extends keyof T>(record: T, keys: readonly K[]): Omit<T, K> {
  const out = { ...record };
  for (const key of keys) delete out[key];
  return out;
}

function pick<T extends object, K extends keyof T>(record: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) out[key] = record[key];
  return out;
}

/** customers.yml: `has_attachment` is on list rows only. */
export const customerAnswer = (c: WireCustomer) => omit(c, ['has_attachment']);

/** contact-persons.yml list rows, and `fax` (billing-api.md §5.3). */
const CONTACT_PERSON_KEYS = ['contactperson_id', 'first_name', 'last_name', 'email', 'phone', 'mobile', 'fax'] as const;
export const contactPersonAnswer = (p: WireContactPerson) => pick(p, CONTACT_PERSON_KEYS);

/** The contact persons a subscription embeds: the FIX/PD recorded keys (billing-api.md §6.5). */
const SUBSCRIPTION_CONTACT_KEYS = ['contactperson_id', 'first_name', 'last_name', 'email', 'phone', 'mobile', 'zcrm_contact_id'] as const;

/**
 * subscription.yml's detail, with what FIX/PD recorded. Not answered: the list row's `customer_id`, `customer_name`,
 * `email`, `plan_name` and `plan_code` (the detail nests `customer` and `plan`), and dates no source shows on a
 * detail (`starts_at`, trial, pause and resume dates).
 */
export function subscriptionAnswer(s: WireSubscription) {
  const detail = omit(s, [
    'customer_id', 'customer_name', 'email', 'plan_name', 'plan_code', 'starts_at', 'trial_starts_at', 'trial_ends_at', 'pause_date', 'resume_date',
  ]);
  return {
    ...detail,
    addons: s.addons.map((a) => omit(a, ['description'])),
    contactpersons: s.contactpersons.map((p) => pick(p, SUBSCRIPTION_CONTACT_KEYS)),
  };
}

/** An invoice's addresses: invoices.yml's keys and `street` (billing-api.md §8.3, §12.8). */
const INVOICE_ADDRESS_KEYS = ['street', 'city', 'state', 'zip', 'country', 'fax'] as const;
const invoiceAddress = (a: WireAddress) => pick(a, INVOICE_ADDRESS_KEYS);

/** `GET /invoices/{id}`: invoices.yml's detail (shape A) with billing-api.md §8.3's fields; no list-only `has_attachment`. */
export function invoiceAnswer(i: WireInvoice) {
  return {
    ...omit(i, ['has_attachment', 'subscriptions']),
    billing_address: invoiceAddress(i.billing_address),
    shipping_address: invoiceAddress(i.shipping_address),
  };
}

/**
 * `POST /invoices` answers in invoices.yml's `create-an-invoice-response`, the Books-style shape B
 * (`invoice_number`, `date`, `last_modified_time`), not the detail's shape A.
 */
export function createdInvoiceAnswer(i: WireInvoice) {
  return {
    invoice_id: i.invoice_id,
    invoice_number: i.number,
    date: i.invoice_date,
    due_date: i.due_date,
    payment_expected_date: i.payment_expected_date,
    ach_payment_initiated: i.ach_payment_initiated,
    status: i.status,
    reference_number: i.reference_number,
    customer_id: i.customer_id,
    customer_name: i.customer_name,
    invoice_items: i.invoice_items.map((item) => omit(item, ['code'])),
    sub_total: i.sub_total,
    tax_total: i.tax_total,
    total: i.total,
    payment_made: i.payment_made,
    credits_applied: i.credits_applied,
    write_off_amount: i.write_off_amount,
    balance: i.balance,
    currency_code: i.currency_code,
    exchange_rate: i.exchange_rate,
    price_precision: i.price_precision,
    salesperson_id: i.salesperson_id,
    salesperson_name: i.salesperson_name,
    invoice_url: i.invoice_url,
    billing_address: invoiceAddress(i.billing_address),
    shipping_address: invoiceAddress(i.shipping_address),
    custom_fields: i.custom_fields,
    notes: i.notes,
    terms: i.terms,
    can_send_in_mail: i.can_send_in_mail,
    has_attachment: i.has_attachment,
    created_time: i.created_time,
    last_modified_time: i.updated_time,
  };
}

/** quotes.yml `create-an-estimate-response`: no symbol, no list-row dates and flags, no line ids. */
export function createdEstimateAnswer(e: WireEstimate) {
  return {
    ...omit(e, ['currency_symbol', 'accepted_date', 'declined_date', 'has_attachment', 'is_viewed_by_client']),
    line_items: e.line_items.map((line) => omit(line, ['line_item_id'])),
  };
}

/** items.yml list rows. */
export const itemAnswer = (item: WireItem) => omit(item, ['created_time', 'updated_time']);

/** plans.yml list rows (the dataset's `plan_id` and `product_name` are its own). */
export const planAnswer = (plan: WirePlan) => omit(plan, ['plan_id', 'product_name']);
