/**
 * Zod schemas for the Zoho Billing wire shapes (billing-api.md §11–§12) and their mapping to the
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
import { z } from 'zod';
import { httpsUrl } from '../host/guards';
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

export type Schema<T> = z.ZodType<T, z.ZodTypeDef, unknown>;

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
// Field schemas (each accepts anything, including a missing key)

const zText = z.unknown().transform(toText);
const zOptText = z.unknown().transform(toOptText);
const zIdField = z.unknown().transform(toId);
const zNum = z.unknown().transform(toNumber);
const zCurrency = z.unknown().transform(toCurrency);
const zStatus = z.unknown().transform(toStatus);
const zBool = z.unknown().transform(toBool);
const zDate = z.unknown().transform(toDate);
const zDateTime = z.unknown().transform(toDateTime);
const zUrl = z.unknown().transform(httpsUrl);

/** A nested object that is parsed on its own: a broken one becomes null instead of breaking its parent. */
function zNested<T>(schema: Schema<T>) {
  return z.unknown().transform((v): T | null => {
    const r = schema.safeParse(v);
    return r.success ? r.data : null;
  });
}

/** A nested list whose rows are parsed one by one (bad rows dropped). */
function zRows<T>(schema: Schema<T>) {
  return z.unknown().transform((v): T[] => parseRows(v, schema).items);
}

function missingId(ctx: z.RefinementCtx, what: string): never {
  ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${what} without an id` });
  return z.NEVER;
}

// ---------------------------------------------------------------------------------------------
// Lists

export interface ParsedRows<T> {
  items: T[];
  /** Rows that were not objects or had no identity id. */
  dropped: number;
}

/** Parses each row on its own so one bad row never loses the rest. A non-array gives no rows. */
export function parseRows<T>(value: unknown, row: Schema<T>): ParsedRows<T> {
  if (!Array.isArray(value)) return { items: [], dropped: 0 };
  const items: T[] = [];
  let dropped = 0;
  for (const raw of value) {
    const r = row.safeParse(raw);
    if (r.success) items.push(r.data);
    else dropped += 1;
  }
  return { items, dropped };
}

// ---------------------------------------------------------------------------------------------
// Envelope and pagination (§3.1, §3.2)

/** `{code, message}` around every JSON answer; code is 0 on success. Read leniently, checked by the client. */
export const envelopeSchema = z
  .object({
    code: zNum,
    message: zText,
  })
  .passthrough();

export const pageContextSchema = z
  .object({
    page: zNum,
    per_page: zNum,
    has_more_page: zBool,
    report_name: zOptText,
    applied_filter: zOptText,
    sort_column: zOptText,
    sort_order: zOptText,
  })
  .passthrough();

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

export const organizationSchema: Schema<Organization> = z
  .object({
    organization_id: zIdField,
    name: zText,
    currency_code: zCurrency,
    user_role: zOptText,
    is_default_org: zBool,
  })
  .passthrough()
  .transform((r, ctx): Organization => {
    if (r.organization_id === null) return missingId(ctx, 'organization');
    return {
      id: r.organization_id,
      name: r.name || r.organization_id,
      currencyCode: r.currency_code,
      role: r.user_role,
      isAdmin: r.user_role !== null && ADMIN_ROLES.has(r.user_role.toLowerCase()),
      isDefault: r.is_default_org === true,
    };
  });

// ---------------------------------------------------------------------------------------------
// Customers (§5, §12.2, §12.3)

export const addressSchema: Schema<Address | null> = z
  .object({
    attention: zText,
    street: zText,
    address: zText,
    street2: zText,
    city: zText,
    state: zText,
    zip: zText,
    country: zText,
    phone: zText,
    fax: zText,
  })
  .passthrough()
  .transform((r): Address | null => {
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
  });

export const contactPersonSchema: Schema<ContactPerson> = z
  .object({
    contactperson_id: zIdField,
    contact_person_id: zIdField,
    first_name: zText,
    last_name: zText,
    email: zText,
    phone: zText,
    mobile: zText,
  })
  .passthrough()
  .transform((r, ctx): ContactPerson => {
    const id = r.contactperson_id ?? r.contact_person_id;
    if (id === null) return missingId(ctx, 'contact person');
    return { id, firstName: r.first_name, lastName: r.last_name, email: r.email, phone: r.phone || r.mobile };
  });

/** The SPEC says `contact_persons`, real clients read `contactpersons` (§5.3): read whichever is a list. */
export function contactPersonsOf(r: Record<string, unknown>): ContactPerson[] {
  const raw = Array.isArray(r.contact_persons) ? r.contact_persons : r.contactpersons;
  return parseRows(raw, contactPersonSchema).items;
}

const customerFields = {
  customer_id: zIdField,
  display_name: zText,
  customer_name: zText,
  first_name: zText,
  last_name: zText,
  company_name: zText,
  email: zText,
  phone: zText,
  mobile: zText,
  status: zStatus,
  currency_code: zCurrency,
  unused_credits: zNum,
  unused_credits_receivable_amount: zNum,
  outstanding: zNum,
  outstanding_receivable_amount: zNum,
};

type CustomerRow = {
  [K in keyof typeof customerFields]: z.output<(typeof customerFields)[K]>;
};

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
  };
}

export const customerSummarySchema: Schema<CustomerSummary> = z
  .object(customerFields)
  .passthrough()
  .transform((r, ctx): CustomerSummary => {
    if (r.customer_id === null) return missingId(ctx, 'customer');
    return summaryOf(r, r.customer_id);
  });

export const customerSchema: Schema<Customer> = z
  .object({
    ...customerFields,
    billing_address: zNested(addressSchema),
    shipping_address: zNested(addressSchema),
    payment_terms: zNum,
    payment_terms_label: zText,
    created_time: zDateTime,
  })
  .passthrough()
  .transform((r, ctx): Customer => {
    if (r.customer_id === null) return missingId(ctx, 'customer');
    return {
      ...summaryOf(r, r.customer_id),
      mobile: r.mobile,
      billingAddress: r.billing_address,
      shippingAddress: r.shipping_address,
      paymentTerms: r.payment_terms,
      paymentTermsLabel: r.payment_terms_label,
      contactPersons: contactPersonsOf(r),
      createdTime: r.created_time,
    };
  });

// ---------------------------------------------------------------------------------------------
// Subscriptions (§6, §12.4–§12.6)

export const subscriptionLineSchema: Schema<SubscriptionLine | null> = z
  .object({
    plan_code: zText,
    addon_code: zText,
    code: zText,
    name: zText,
    quantity: zNum,
    price: zNum,
    total: zNum,
  })
  .passthrough()
  .transform((r): SubscriptionLine | null => {
    const code = r.plan_code || r.addon_code || r.code;
    if (code === '' && r.name === '') return null;
    return { code, name: r.name, quantity: r.quantity, price: r.price, total: r.total };
  });

const nonNullLine: Schema<SubscriptionLine> = subscriptionLineSchema.transform((l, ctx): SubscriptionLine => {
  if (l === null) return missingId(ctx, 'subscription line');
  return l;
});

const cardSchema = z
  .object({
    card_id: zIdField,
    last_four_digits: zText,
    payment_gateway: zText,
    expiry_month: zNum,
    expiry_year: zNum,
  })
  .passthrough()
  .transform((r): SubscriptionDetail['card'] => {
    if (r.card_id === null && r.last_four_digits === '') return null;
    return {
      lastFour: r.last_four_digits,
      gateway: r.payment_gateway,
      expiryMonth: r.expiry_month,
      expiryYear: r.expiry_year,
    };
  });

const couponSchema = z
  .object({ coupon_code: zText, discount_amount: zNum })
  .passthrough();

const subscriptionFields = {
  subscription_id: zIdField,
  subscription_number: zText,
  name: zText,
  plan_name: zText,
  plan_code: zText,
  plan: zNested(subscriptionLineSchema),
  status: zStatus,
  amount: zNum,
  currency_code: zCurrency,
  interval: zNum,
  interval_unit: zText,
  activated_at: zDate,
  created_at: zDate,
  current_term_starts_at: zDate,
  current_term_ends_at: zDate,
  next_billing_at: zDate,
  last_billing_at: zDate,
  expires_at: zDate,
  cancelled_at: zDate,
  auto_collect: zBool,
  created_time: zDateTime,
};

type SubscriptionRow = {
  [K in keyof typeof subscriptionFields]: z.output<(typeof subscriptionFields)[K]>;
};

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

export const subscriptionSchema: Schema<Subscription> = z
  .object(subscriptionFields)
  .passthrough()
  .transform((r, ctx): Subscription => {
    if (r.subscription_id === null) return missingId(ctx, 'subscription');
    return subscriptionOf(r, r.subscription_id);
  });

export const subscriptionDetailSchema: Schema<SubscriptionDetail> = z
  .object({
    ...subscriptionFields,
    addons: zRows(nonNullLine),
    coupon: zNested(couponSchema),
    remaining_billing_cycles: zNum,
    end_of_term: zBool,
    card: zNested(cardSchema),
    payment_terms_label: zText,
    customer_id: zIdField,
    customer: zNested(z.object({ customer_id: zIdField }).passthrough()),
  })
  .passthrough()
  .transform((r, ctx): SubscriptionDetail => {
    if (r.subscription_id === null) return missingId(ctx, 'subscription');
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
  });

export const activitySchema: Schema<SubscriptionActivity> = z
  .object({
    activity_id: zIdField,
    description: zText,
    activity_time: zDateTime,
    commented_by: zText,
  })
  .passthrough()
  .transform((r, ctx): SubscriptionActivity => {
    if (r.activity_id === null) return missingId(ctx, 'activity');
    return { id: r.activity_id, description: r.description, time: r.activity_time, by: r.commented_by };
  });

// ---------------------------------------------------------------------------------------------
// Transactions (§7.2)

export const transactionSchema: Schema<Transaction> = z
  .object({
    transaction_id: zIdField,
    type: zStatus,
    transaction_type: zStatus,
    date: zDate,
    amount: zNum,
    status: zStatus,
    reference_id: zText,
    currency_code: zCurrency,
  })
  .passthrough()
  .transform((r, ctx): Transaction => {
    if (r.transaction_id === null) return missingId(ctx, 'transaction');
    return {
      id: r.transaction_id,
      type: r.type || r.transaction_type,
      date: r.date,
      amount: r.amount,
      status: r.status,
      referenceId: r.reference_id,
      currencyCode: r.currency_code,
    };
  });

// ---------------------------------------------------------------------------------------------
// Invoices (§8, §12.7, §12.8)

const invoiceFields = {
  invoice_id: zIdField,
  number: zText,
  invoice_number: zText,
  status: zStatus,
  invoice_date: zDate,
  date: zDate,
  due_date: zDate,
  total: zNum,
  balance: zNum,
  currency_code: zCurrency,
  customer_id: zIdField,
  reference_number: zOptText,
  transaction_type: zOptText,
};

type InvoiceRow = {
  [K in keyof typeof invoiceFields]: z.output<(typeof invoiceFields)[K]>;
};

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

export const invoiceSummarySchema: Schema<InvoiceSummary> = z
  .object(invoiceFields)
  .passthrough()
  .transform((r, ctx): InvoiceSummary => {
    if (r.invoice_id === null) return missingId(ctx, 'invoice');
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

const invoiceLineSchema: Schema<InvoiceLine> = z
  .object({
    item_id: zIdField,
    line_item_id: zIdField,
    name: zText,
    description: zText,
    code: zText,
    quantity: zNum,
    price: zNum,
    rate: zNum,
    item_total: zNum,
    total: zNum,
  })
  .passthrough()
  .transform(
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

const invoicePaymentSchema: Schema<InvoicePayment> = z
  .object({
    payment_id: zIdField,
    invoice_payment_id: zIdField,
    payment_mode: zText,
    date: zDate,
    amount: zNum,
    reference_number: zText,
  })
  .passthrough()
  .transform(
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

export const invoiceDetailSchema: Schema<InvoiceDetail> = z
  .object({
    ...invoiceFields,
    invoice_items: z.unknown(),
    line_items: z.unknown(),
    payments: z.unknown(),
    sub_total: zNum,
    tax_total: zNum,
    payment_made: zNum,
    credits_applied: zNum,
    write_off_amount: zNum,
    invoice_url: zUrl,
    notes: zText,
  })
  .passthrough()
  .transform((r, ctx): InvoiceDetail => {
    if (r.invoice_id === null) return missingId(ctx, 'invoice');
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
  });

/** `POST /hostedpages/invoicepayment` → `hostedpage.url` (§8.1). */
export const hostedPageSchema = z
  .object({ hostedpage_id: zIdField, url: zUrl, status: zStatus })
  .passthrough();

// ---------------------------------------------------------------------------------------------
// Catalog (items and plans) for invoice and quote lines

const INACTIVE = 'inactive';

export const catalogItemSchema: Schema<CatalogEntry & { active: boolean }> = z
  .object({
    item_id: zIdField,
    name: zText,
    description: zText,
    rate: zNum,
    price: zNum,
    status: zStatus,
    currency_code: zCurrency,
  })
  .passthrough()
  .transform((r, ctx) => {
    if (r.item_id === null) return missingId(ctx, 'item');
    return {
      kind: 'item' as const,
      id: r.item_id,
      name: r.name || r.item_id,
      description: r.description,
      price: r.rate ?? r.price,
      currencyCode: r.currency_code,
      active: r.status !== INACTIVE,
    };
  });

export const catalogPlanSchema: Schema<CatalogEntry & { active: boolean }> = z
  .object({
    plan_code: zIdField,
    name: zText,
    description: zText,
    recurring_price: zNum,
    price: zNum,
    status: zStatus,
    currency_code: zCurrency,
  })
  .passthrough()
  .transform((r, ctx) => {
    if (r.plan_code === null) return missingId(ctx, 'plan');
    return {
      kind: 'plan' as const,
      id: r.plan_code,
      name: r.name || r.plan_code,
      description: r.description,
      price: r.recurring_price ?? r.price,
      currencyCode: r.currency_code,
      active: r.status !== INACTIVE,
    };
  });

// ---------------------------------------------------------------------------------------------
// Quotes (estimates, §9)

export const quoteSchema: Schema<Quote> = z
  .object({
    estimate_id: zIdField,
    estimate_number: zText,
    number: zText,
    status: zStatus,
    date: zDate,
    estimate_date: zDate,
    total: zNum,
    currency_code: zCurrency,
    reference_number: zOptText,
  })
  .passthrough()
  .transform((r, ctx): Quote => {
    if (r.estimate_id === null) return missingId(ctx, 'quote');
    return {
      id: r.estimate_id,
      number: r.estimate_number || r.number,
      status: r.status,
      date: r.date ?? r.estimate_date,
      total: r.total,
      currencyCode: r.currency_code,
      referenceNumber: r.reference_number,
    };
  });
