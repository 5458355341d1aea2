/**
 * Schemas for the Zoho Billing wire shapes (billing-api.md §11–§12) and their mapping to the
 * normalised model in types.ts.
 *
 * Policy: tolerant where the reference is unsure (every object passes unknown keys through, almost every
 * field is optional, unknown statuses survive as lower-case text, both spellings of renamed keys are read),
 * strict where a wrong value would mislead an agent: money is a finite number or null (never NaN), a
 * currency is three letters or null, a date is a real YYYY-MM-DD or null, an instant is ISO-8601 with a
 * colon offset or null. A field that fails its check becomes null/"" instead of failing the whole row;
 * only a row without its identity id is dropped — one bad row never loses the rest of a list.
 *
 * The records the panel's first screen reads (customer, subscriptions and invoices lists, organizations)
 * are here; the ones only opened later (details, activity, transactions, catalog, quotes, written
 * documents) are in detailSchemas.ts, which loads with the calls that use them. Coercions: coerce.ts.
 */
import { toBool, toCurrency, toDate, toDateTime, toId, toNumber, toOptText, toStatus, toText } from './coerce';
import { nested, parseRows, record, refuse, type Row, type Schema } from './read';
import type {
  Address,
  ContactPerson,
  Customer,
  CustomerSummary,
  InvoiceSummary,
  Organization,
  Subscription,
  SubscriptionLine,
} from './types';

export { parseRows, type ParsedRows, type Schema } from './read';
export { toBool, toCurrency, toDate, toDateTime, toId, toNumber, toOptText, toStatus, toText } from './coerce';

// ---------------------------------------------------------------------------------------------
// Envelope and pagination (§3.1, §3.2)

/** `{code, message}` around every JSON answer; code is 0 on success. Read leniently, checked by the client. */
export const envelopeSchema = record(
  {
    code: toNumber,
    message: toText,
  },
  (r) => r,
);

export const pageContextSchema = record(
  {
    page: toNumber,
    per_page: toNumber,
    has_more_page: toBool,
    report_name: toOptText,
    applied_filter: toOptText,
    sort_column: toOptText,
    sort_order: toOptText,
  },
  (r) => r,
);

export interface PageInfo {
  page: number;
  hasMore: boolean;
}

/** A missing or unreadable page_context means "no further page": never guess that more exist. */
export function pageInfo(rawPageContext: unknown, requestedPage: number): PageInfo {
  const r = pageContextSchema.safeParse(rawPageContext);
  if (!r.success) return { page: requestedPage, hasMore: false };
  const page = r.data.page;
  return {
    page: page !== null && Number.isInteger(page) && page >= 1 ? page : requestedPage,
    hasMore: r.data.has_more_page === true,
  };
}

// ---------------------------------------------------------------------------------------------
// Organizations (§2, §12.1)

/**
 * Roles that count as "admin of this org" (SPEC A2). Billing documents only "admin" vs non-admin roles
 * (accountant, staff, custom); "administrator" and "owner" are accepted too because a spelling variant
 * must not hide the org from its real admin, and a wrong guess costs little: Billing itself still answers
 * 403 to a user without permission, which the panel shows as "forbidden".
 */
const ADMIN_ROLES = new Set(['admin', 'administrator', 'owner']);

export const organizationSchema: Schema<Organization> = record(
  {
    organization_id: toId,
    name: toText,
    currency_code: toCurrency,
    user_role: toOptText,
    is_default_org: toBool,
  },
  (r): Organization => {
    if (r.organization_id === null) return refuse('organization without an id');
    return {
      id: r.organization_id,
      name: r.name || r.organization_id,
      currencyCode: r.currency_code,
      role: r.user_role,
      isAdmin: r.user_role !== null && ADMIN_ROLES.has(r.user_role.toLowerCase()),
      isDefault: r.is_default_org === true,
    };
  },
);

// ---------------------------------------------------------------------------------------------
// Customers (§5, §12.2, §12.3)

export const addressSchema: Schema<Address | null> = record(
  {
    attention: toText,
    street: toText,
    address: toText,
    street2: toText,
    city: toText,
    state: toText,
    zip: toText,
    country: toText,
    phone: toText,
    fax: toText,
  },
  (r): Address | null => {
    const a: Address = {
      attention: r.attention,
      // Some Zoho Finance payloads name the first line `address` instead of `street`.
      street: r.street || r.address,
      street2: r.street2,
      city: r.city,
      state: r.state,
      zip: r.zip,
      country: r.country,
      phone: r.phone,
      fax: r.fax,
    };
    // Billing sends an all-blank object for "no address"; the UI should see that as none.
    return Object.values(a).some((s) => s !== '') ? a : null;
  },
);

export const contactPersonSchema: Schema<ContactPerson> = record(
  {
    contactperson_id: toId,
    contact_person_id: toId,
    first_name: toText,
    last_name: toText,
    email: toText,
    phone: toText,
    mobile: toText,
  },
  (r): ContactPerson => {
    const id = r.contactperson_id ?? r.contact_person_id;
    if (id === null) return refuse('contact person without an id');
    return { id, firstName: r.first_name, lastName: r.last_name, email: r.email, phone: r.phone || r.mobile };
  },
);

/** The SPEC says `contact_persons`, real clients read `contactpersons` (§5.3): read whichever is a list. */
export function contactPersonsOf(r: Record<string, unknown>): ContactPerson[] {
  const raw = Array.isArray(r.contact_persons) ? r.contact_persons : r.contactpersons;
  return parseRows(raw, contactPersonSchema).items;
}

const customerFields = {
  customer_id: toId,
  display_name: toText,
  customer_name: toText,
  first_name: toText,
  last_name: toText,
  company_name: toText,
  email: toText,
  phone: toText,
  mobile: toText,
  status: toStatus,
  currency_code: toCurrency,
  unused_credits: toNumber,
  unused_credits_receivable_amount: toNumber,
  outstanding: toNumber,
  outstanding_receivable_amount: toNumber,
  updated_time: toDateTime,
};

type CustomerRow = Row<typeof customerFields>;

function summaryOf(r: CustomerRow, id: string): CustomerSummary {
  const fullName = [r.first_name, r.last_name].filter((s) => s !== '').join(' ');
  return {
    id,
    displayName: r.display_name || r.customer_name || fullName || r.company_name || r.email || id,
    companyName: r.company_name,
    email: r.email,
    firstName: r.first_name,
    lastName: r.last_name,
    phone: r.phone || r.mobile,
    status: r.status,
    currencyCode: r.currency_code,
    // The receivable fields are what the customer owes / may spend; the plain ones are older and vaguer (§5.3).
    unusedCredits: r.unused_credits_receivable_amount ?? r.unused_credits,
    outstanding: r.outstanding_receivable_amount ?? r.outstanding,
    updatedTime: r.updated_time,
  };
}

export const customerSummarySchema: Schema<CustomerSummary> = record(customerFields, (r): CustomerSummary => {
  if (r.customer_id === null) return refuse('customer without an id');
  return summaryOf(r, r.customer_id);
});

export const customerSchema: Schema<Customer> = record(
  {
    ...customerFields,
    billing_address: nested(addressSchema),
    shipping_address: nested(addressSchema),
    payment_terms: toNumber,
    payment_terms_label: toText,
    created_time: toDateTime,
  },
  (r, raw): Customer => {
    if (r.customer_id === null) return refuse('customer without an id');
    return {
      ...summaryOf(r, r.customer_id),
      mobile: r.mobile,
      billingAddress: r.billing_address,
      shippingAddress: r.shipping_address,
      paymentTerms: r.payment_terms,
      paymentTermsLabel: r.payment_terms_label,
      contactPersons: contactPersonsOf(raw),
      createdTime: r.created_time,
    };
  },
);

// ---------------------------------------------------------------------------------------------
// Subscriptions (§6, §12.4–§12.6)

export const subscriptionLineSchema: Schema<SubscriptionLine | null> = record(
  {
    plan_code: toText,
    addon_code: toText,
    code: toText,
    name: toText,
    quantity: toNumber,
    price: toNumber,
    total: toNumber,
  },
  (r): SubscriptionLine | null => {
    const code = r.plan_code || r.addon_code || r.code;
    if (code === '' && r.name === '') return null;
    return { code, name: r.name, quantity: r.quantity, price: r.price, total: r.total };
  },
);

export const subscriptionFields = {
  subscription_id: toId,
  subscription_number: toText,
  name: toText,
  plan_name: toText,
  plan_code: toText,
  plan: nested(subscriptionLineSchema),
  status: toStatus,
  amount: toNumber,
  currency_code: toCurrency,
  interval: toNumber,
  interval_unit: toText,
  activated_at: toDate,
  created_at: toDate,
  current_term_starts_at: toDate,
  current_term_ends_at: toDate,
  next_billing_at: toDate,
  last_billing_at: toDate,
  expires_at: toDate,
  cancelled_at: toDate,
  auto_collect: toBool,
  created_time: toDateTime,
};

export type SubscriptionRow = Row<typeof subscriptionFields>;

export function subscriptionOf(r: SubscriptionRow, id: string): Subscription {
  return {
    id,
    number: r.subscription_number,
    name: r.name,
    // List rows carry plan_name; the detail nests the plan (§6.4, §6.5).
    planName: r.plan_name || r.plan?.name || '',
    planCode: r.plan_code || r.plan?.code || '',
    status: r.status,
    amount: r.amount,
    currencyCode: r.currency_code,
    interval: r.interval,
    intervalUnit: r.interval_unit,
    activatedAt: r.activated_at,
    createdAt: r.created_at,
    currentTermStartsAt: r.current_term_starts_at,
    currentTermEndsAt: r.current_term_ends_at,
    nextBillingAt: r.next_billing_at,
    lastBillingAt: r.last_billing_at,
    expiresAt: r.expires_at,
    cancelledAt: r.cancelled_at,
    autoCollect: r.auto_collect,
    createdTime: r.created_time,
  };
}

export const subscriptionSchema: Schema<Subscription> = record(subscriptionFields, (r): Subscription => {
  if (r.subscription_id === null) return refuse('subscription without an id');
  return subscriptionOf(r, r.subscription_id);
});

// ---------------------------------------------------------------------------------------------
// Invoices (§8, §12.7, §12.8)

export const invoiceFields = {
  invoice_id: toId,
  number: toText,
  invoice_number: toText,
  status: toStatus,
  invoice_date: toDate,
  date: toDate,
  due_date: toDate,
  total: toNumber,
  balance: toNumber,
  currency_code: toCurrency,
  customer_id: toId,
  reference_number: toOptText,
  transaction_type: toOptText,
};

export type InvoiceRow = Row<typeof invoiceFields>;

/** Shape A (`number`, `invoice_date`) and the Books-style shape B (`invoice_number`, `date`) both occur (§8.2). */
export function invoiceSummaryOf(r: InvoiceRow, id: string): InvoiceSummary {
  return {
    id,
    number: r.number || r.invoice_number,
    status: r.status,
    date: r.invoice_date ?? r.date,
    dueDate: r.due_date,
    total: r.total,
    balance: r.balance,
    currencyCode: r.currency_code,
    customerId: r.customer_id,
    referenceNumber: r.reference_number,
    transactionType: r.transaction_type === null ? null : r.transaction_type.toLowerCase(),
  };
}

export const invoiceSummarySchema: Schema<InvoiceSummary> = record(invoiceFields, (r): InvoiceSummary => {
  if (r.invoice_id === null) return refuse('invoice without an id');
  return invoiceSummaryOf(r, r.invoice_id);
});

