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
 * Longer than the house's ~300 lines on purpose: one schema per Billing record, each next to the coercions
 * it uses, so a reviewer checks a record's tolerance in one place; splitting by record would spread the
 * shared coercions over many files.
 */
import { httpsUrl } from '../host/guards';
import { asIs, nested, parseRows, reader, record, refuse, rows, type Row, type Schema } from './read';
import type {
  Address,
  CatalogEntry,
  ContactPerson,
  Customer,
  CustomerSummary,
  InvoiceDetail,
  InvoiceLine,
  InvoicePayment,
  InvoiceSummary,
  Organization,
  Quote,
  Subscription,
  SubscriptionActivity,
  SubscriptionDetail,
  SubscriptionLine,
  Transaction,
} from './types';

export { parseRows, type ParsedRows, type Schema } from './read';

// ---------------------------------------------------------------------------------------------
// Value coercions (never throw; a value that fails its check becomes null)

/**
 * Ids are decimal strings; a few are typed int64 in the SPEC. A 19-digit number has already lost precision
 * at JSON.parse — nothing can recover it, but it still becomes a string so every id has one type.
 */
export function toId(v: unknown): string | null {
  if (typeof v === 'string') {
    const s = v.trim();
    return s === '' ? null : s;
  }
  if (typeof v === 'number' && Number.isFinite(v)) {
    // String() switches to exponent notation from 1e21 on; BigInt keeps all digits.
    return Number.isInteger(v) && Math.abs(v) >= 1e21 ? BigInt(v).toString() : String(v);
  }
  if (typeof v === 'bigint') return v.toString();
  return null;
}

export function toText(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return String(v);
  return '';
}

/** Text, or null when absent or blank (for fields where "not given" differs from "empty"). */
export function toOptText(v: unknown): string | null {
  const s = toText(v);
  return s === '' ? null : s;
}

const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Money and other quantities: numbers or numeric strings ("20.50"); anything else (NaN, "abc", "") is null. */
export function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') {
    const s = v.trim();
    if (!NUMERIC.test(s)) return null;
    const n = Number(s);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

export function toCurrency(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const s = v.trim();
  return /^[A-Za-z]{3}$/.test(s) ? s.toUpperCase() : null;
}

export function toStatus(v: unknown): string {
  return toText(v).toLowerCase();
}

export function toBool(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (s === 'true') return true;
    if (s === 'false') return false;
  }
  return null;
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** "YYYY-MM-DD" of a real calendar day, else null ("" means "not set" on the wire). */
export function toDate(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const s = v.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  return isRealDate(Number(m[1]), Number(m[2]), Number(m[3])) ? s : null;
}

const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Billing sends "2025-03-05T00:04:51-0800" (no colon in the offset), which not every parser accepts.
 * Normalised to "2025-03-05T00:04:51-08:00". An instant without an offset is ambiguous, hence null.
 */
export function toDateTime(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const m = DATETIME.exec(v.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, sec, frac, zone] = m;
  if (!isRealDate(Number(y), Number(mo), Number(d))) return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(sec ?? '0') > 59) return null;
  let offset = zone ?? 'Z';
  if (offset !== 'Z') {
    const digits = offset.replace(':', '');
    if (Number(digits.slice(1, 3)) > 14 || Number(digits.slice(3, 5)) > 59) return null;
    offset = `${digits.slice(0, 3)}:${digits.slice(3, 5)}`;
  }
  const fraction = frac ? `.${frac.slice(0, 3)}` : '';
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${sec ?? '00'}${fraction}${offset}`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

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

const subscriptionFields = {
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

type SubscriptionRow = Row<typeof subscriptionFields>;

function subscriptionOf(r: SubscriptionRow, id: string): Subscription {
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
// Invoices (§8, §12.7, §12.8)

const invoiceFields = {
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

type InvoiceRow = Row<typeof invoiceFields>;

/** Shape A (`number`, `invoice_date`) and the Books-style shape B (`invoice_number`, `date`) both occur (§8.2). */
function invoiceSummaryOf(r: InvoiceRow, id: string): InvoiceSummary {
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
    };
  },
);

/** `POST /hostedpages/invoicepayment` → `hostedpage.url` (§8.1). */
export const hostedPageSchema = record(
  { hostedpage_id: toId, url: httpsUrl, status: toStatus },
  (r) => r,
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
