/**
 * msw handlers that behave like Zoho Billing (billing-api.md) over the sandbox dataset: the same
 * envelopes, status codes, error codes, pagination and quirks (default LIVE-only subscription
 * filter, HTTP 400 for an unknown customer id, 404 for an unknown subscription), plus switchable
 * faults. One catch-all handler per data-center host keeps faults, latency and call recording
 * in one place.
 * Long on purpose (sandbox only, never shipped): one handler per Billing endpoint behind the single
 * catch-all, so faults, latency and the call log stay in one place.
 */
import { http, HttpResponse, type RequestHandler } from 'msw';
import { routeAction, type ActionFaults } from './actionHandlers';
import { invoiceRow } from './invoiceRow';
import { addDays, dateTime, instantAt } from './calendar';
import { address, compareText } from './dataset';
import { convertPrice, CURRENCIES, currencyOf, roundMoney } from './money';
import { checkInvoiceBody, checkQuoteBody, ShapeError } from './requestShapes';
import { bulkInvoicesFor, findBulkInvoice } from './bulkInvoices';
import { invoicePdf } from './pdf';
import {
  contactPersonAnswer,
  createdEstimateAnswer,
  createdInvoiceAnswer,
  customerAnswer,
  invoiceAnswer,
  itemAnswer,
  planAnswer,
  subscriptionAnswer,
} from './answers';
import type {
  BillingDataset,
  WireAddress,
  WireCustomer,
  WireEstimate,
  WireInvoice,
  WireInvoiceItem,
  WireOrganization,
  WireSubscription,
} from './wire';

export interface BillingFaults {
  mode:
    | 'none'
    | 'forbidden'
    | 'not-found'
    | 'gone'
    | 'rate-limited'
    | 'server-error'
    | 'malformed-json'
    | 'html-error'
    | 'code-nonzero'
    | 'timeout';
  /** Sent as Retry-After on 429 when not null. */
  retryAfterSeconds: number | null;
  /** Added to every answer (simulated proxy latency). */
  latencyMs: number;
  /** In 'timeout' mode, how long a call hangs before the 504 (tests shorten it; default TIMEOUT_HANG_MS). */
  timeoutMs?: number;
  organizations: 'many' | 'one' | 'none' | 'non-admin';
  /** The agent actions' switches (a declining card, churn reasons); defaults in actionHandlers.ts. */
  actions?: Partial<ActionFaults>;
}

export interface RecordedCall {
  method: string;
  url: string;
  path: string;
  /** 0 for a call still hanging in 'timeout' mode (recorded when it arrives). */
  status: number;
  at: number;
}

export function defaultFaults(): BillingFaults {
  return { mode: 'none', retryAfterSeconds: null, latencyMs: 0, organizations: 'many' };
}

/** How long a 'timeout' call hangs beyond the latency: longer than any client timeout we use. */
export const TIMEOUT_HANG_MS = 30_000;

export const BILLING_TLDS = ['com', 'eu', 'in', 'com.au', 'jp', 'ca', 'sa', 'com.cn'] as const;
export const BILLING_BASE_URLS = BILLING_TLDS.map((tld) => `https://www.zohoapis.${tld}/billing/v1`);

export const ORG_HEADER = 'X-com-zoho-subscriptions-organizationid';

export interface BillingHandlerContext {
  dataset(): BillingDataset;
  faults(): BillingFaults;
  record(call: RecordedCall): void;
  /** Resolves after `ms`, or early when the sandbox is reset; rejects when `signal` aborts. */
  wait(ms: number, signal: AbortSignal | null): Promise<void>;
  now(): number;
}

// ---------------------------------------------------------------------------------------------
// Envelope helpers

type Json = Record<string, unknown>;

const zohoJson = (body: Json, status = 200, headers: Record<string, string> = {}): Response =>
  HttpResponse.json(body, { status, headers: { 'Content-Type': 'application/json;charset=UTF-8', ...headers } });

const success = (key: string, value: unknown, extra: Json = {}, status = 200): Response =>
  zohoJson({ code: 0, message: 'success', [key]: value, ...extra }, status);

const failure = (status: number, code: number, message: string, headers: Record<string, string> = {}): Response =>
  zohoJson({ code, message }, status, headers);

const invalidUrl = (): Response => failure(404, 5, 'Invalid URL Passed');

class BadRequest extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------
// Row shapes (list rows are a subset of the detail record; billing-api.md §12.2 / 12.4 / 12.7)

const CUSTOMER_ROW_KEYS = [
  'customer_id', 'display_name', 'salutation', 'first_name', 'last_name', 'email', 'company_name', 'phone', 'mobile', 'website',
  'department', 'designation', 'status', 'currency_code', 'currency_symbol', 'unused_credits', 'outstanding',
  'outstanding_receivable_amount', 'is_gapps_customer', 'has_attachment', 'tags', 'created_time', 'updated_time',
] as const;
const SUBSCRIPTION_ROW_KEYS = [
  'subscription_id', 'name', 'status', 'customer_id', 'customer_name', 'email', 'plan_name',
  'amount', 'sub_total', 'currency_code', 'currency_symbol', 'interval', 'interval_unit', 'auto_collect', 'created_at',
  'activated_at', 'current_term_starts_at', 'current_term_ends_at', 'last_billing_at', 'next_billing_at', 'expires_at',
  'reference_id', 'salesperson_id', 'salesperson_name', 'created_time', 'updated_time',
] as const;
const INVOICE_ROW_KEYS = [
  'invoice_id', 'number', 'status', 'invoice_date', 'due_date', 'customer_id', 'customer_name', 'email', 'total', 'balance',
  'currency_code', 'currency_symbol', 'has_attachment', 'reference_number', 'created_time', 'updated_time',
] as const;
const ESTIMATE_ROW_KEYS = [
  'estimate_id', 'customer_name', 'customer_id', 'status', 'estimate_number', 'reference_number', 'date', 'currency_id',
  'currency_code', 'total', 'created_time', 'last_modified_time', 'accepted_date', 'declined_date', 'expiry_date',
  'has_attachment', 'is_viewed_by_client',
] as const;
/** customers.yml `list-of-transactions-response`: these six and nothing else (no customer_id, no currency). */
const TRANSACTION_ROW_KEYS = ['transaction_id', 'reference_id', 'date', 'type', 'status', 'amount'] as const;

function pick<T extends object, K extends keyof T>(record: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) out[key] = record[key];
  return out;
}

// ---------------------------------------------------------------------------------------------
// Query helpers

interface Paging {
  page: number;
  perPage: number;
}

function paging(query: URLSearchParams): Paging {
  const page = Number.parseInt(query.get('page') ?? '1', 10);
  const perPage = Number.parseInt(query.get('per_page') ?? '200', 10);
  return {
    page: Number.isFinite(page) && page > 0 ? page : 1,
    // 200 is the documented default and the largest page Zoho's own tools ask for.
    perPage: Number.isFinite(perPage) && perPage > 0 ? Math.min(perPage, 200) : 200,
  };
}

function paginate<T>(rows: T[], { page, perPage }: Paging, context: Json): { rows: T[]; page_context: Json } {
  const start = (page - 1) * perPage;
  return {
    rows: rows.slice(start, start + perPage),
    page_context: { page, per_page: perPage, has_more_page: start + perPage < rows.length, ...context },
  };
}

function sortRows<T>(rows: T[], value: (row: T) => string | number, order: 'A' | 'D', tieBreak: (row: T) => string): T[] {
  const direction = order === 'D' ? -1 : 1;
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    const primary = typeof va === 'number' && typeof vb === 'number' ? va - vb : compareText(String(va), String(vb));
    return primary !== 0 ? primary * direction : compareText(tieBreak(a), tieBreak(b)) * direction;
  });
}

function sortOrder(query: URLSearchParams, fallback: 'A' | 'D'): 'A' | 'D' {
  const order = query.get('sort_order');
  return order === 'A' || order === 'D' ? order : fallback;
}

async function readJson(request: Request): Promise<Json> {
  const text = await request.text();
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Zoho Finance APIs answer a broken body with code 4 ("Invalid value passed for JSONString").
    throw new BadRequest(400, 4, 'Invalid value passed for JSONString');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new BadRequest(400, 4, 'Invalid value passed for JSONString');
  return parsed as Json;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
const num = (value: unknown): number | null => {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isFinite(n) ? n : null;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// ---------------------------------------------------------------------------------------------
// The router

interface Route {
  method: string;
  segments: string[];
  query: URLSearchParams;
  request: Request;
  url: URL;
  dataset: BillingDataset;
  org: WireOrganization | null;
  now: number;
}

function currentOrganizations(dataset: BillingDataset, faults: BillingFaults): WireOrganization[] {
  const ids = dataset.organizationSets[faults.organizations] ?? [];
  const pool = dataset.organizations;
  return ids.flatMap((id) => pool.filter((org) => org.organization_id === id)).map((org) => {
    // In the 'one' set the only org is also the default one.
    if (faults.organizations === 'one') return { ...org, is_default_org: true };
    return org;
  });
}

function findCustomer(dataset: BillingDataset, id: string): WireCustomer {
  const customer = dataset.customers.find((c) => c.customer_id === id);
  // Recorded behaviour: an unknown customer id is HTTP 400 with code 3004 (billing-api.md §12.11).
  if (!customer) throw new BadRequest(400, 3004, 'Please enter a valid reference for the customer');
  return customer;
}

function findSubscription(dataset: BillingDataset, id: string): WireSubscription {
  const subscription = dataset.subscriptions.find((s) => s.subscription_id === id);
  if (!subscription) throw new BadRequest(404, 1002, 'Subscription ID does not exist.');
  return subscription;
}

function findInvoice(dataset: BillingDataset, id: string): WireInvoice {
  const invoice = dataset.invoices.find((i) => i.invoice_id === id) ?? findBulkInvoice(dataset, id);
  if (!invoice) throw new BadRequest(404, 1002, 'Invoice does not exist.');
  return invoice;
}

function allocateId(dataset: BillingDataset): string {
  const id = `2468013000000${String(dataset.nextId).padStart(6, '0')}`;
  dataset.nextId += 1;
  return id;
}

function nowDateTime(dataset: BillingDataset, now: number): string {
  // "Now" on the sandbox's fixed today, at the current wall-clock time of day.
  const secondOfDay = Math.floor((now / 1000) % 86_400);
  return dateTime(dataset.today, secondOfDay);
}

/** hosted-pages.yml: "These Hosted Pages will expire within one hour." */
const HOSTED_PAGE_SECONDS = 3_600;


// --- organizations -----------------------------------------------------------------------------

function listOrganizations(route: Route, faults: BillingFaults): Response {
  return success('organizations', currentOrganizations(route.dataset, faults));
}

// --- customers -------------------------------------------------------------------------------

/** Every `filter_by` value customers.yml lists for `GET /customers` (its description), and nothing else. */
const CUSTOMER_FILTERS: Record<string, (c: WireCustomer, dataset: BillingDataset) => boolean> = {
  'Status.All': () => true,
  'Status.Active': (c) => c.status === 'active',
  'Status.Inactive': (c) => c.status === 'inactive',
  'Status.Gapps': (c) => c.is_gapps_customer,
  'Status.Crm': (c) => c.is_linked_with_zohocrm,
  'Status.NonSubscribers': (c, dataset) => !dataset.subscriptions.some((s) => s.customer_id === c.customer_id),
  'Status.PortalEnabled': (c) => c.is_portal_enabled,
  'Status.PortalDisabled': (c) => !c.is_portal_enabled,
};

function listCustomers(route: Route): Response {
  const { query, dataset } = route;
  const filterBy = query.get('filter_by') ?? 'Status.All';
  const filter = CUSTOMER_FILTERS[filterBy];
  if (!filter) throw new BadRequest(400, 2, 'Invalid value passed for filter_by');
  let rows = dataset.customers.filter((c) => filter(c, dataset));
  const email = query.get('email');
  if (email !== null) {
    const wanted = email.trim().toLowerCase();
    rows = rows.filter((c) => c.email.toLowerCase() === wanted);
  }
  const text = query.get('search_text');
  if (text !== null && text.trim() !== '') {
    const needle = text.trim().toLowerCase();
    rows = rows.filter((c) =>
      [c.display_name, c.company_name, c.email, c.first_name, c.last_name, `${c.first_name} ${c.last_name}`, `${c.last_name} ${c.first_name}`]
        .some((field) => field.toLowerCase().includes(needle)),
    );
  }
  const sortColumn = query.get('sort_column') ?? 'customer_id';
  const order = sortOrder(query, 'A');
  const key: Record<string, (c: WireCustomer) => string | number> = {
    customer_id: (c) => c.customer_id,
    display_name: (c) => c.display_name.toLowerCase(),
    created_time: (c) => c.created_time,
    outstanding_receivable_amount: (c) => c.outstanding_receivable_amount,
  };
  rows = sortRows(rows, key[sortColumn] ?? key.customer_id!, order, (c) => c.customer_id);
  const page = paginate(rows, paging(query), {
    report_name: 'All Contacts',
    applied_filter: filterBy,
    sort_column: key[sortColumn] ? sortColumn : 'customer_id',
    sort_order: order,
  });
  return success('customers', page.rows.map((c) => pick(c, CUSTOMER_ROW_KEYS)), { page_context: page.page_context });
}

function addressFrom(value: unknown, base: WireAddress): WireAddress {
  if (!value || typeof value !== 'object') return base;
  const patch: Partial<WireAddress> = {};
  for (const key of Object.keys(base) as (keyof WireAddress)[]) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined && field !== null) patch[key] = str(field);
  }
  return { ...base, ...patch };
}

const CUSTOMER_TEXT_FIELDS = ['display_name', 'salutation', 'first_name', 'last_name', 'email', 'company_name', 'phone', 'mobile', 'website', 'department', 'designation', 'notes'] as const;

function validateCustomerBody(body: Json, dataset: BillingDataset, selfId: string | null): void {
  const displayName = str(body.display_name).trim();
  if (displayName === '') throw new BadRequest(400, 4, 'Please enter the display name of the customer.');
  const email = str(body.email).trim();
  if (email === '') throw new BadRequest(400, 4, 'Please enter the email address of the customer.');
  if (!EMAIL.test(email)) throw new BadRequest(400, 4, 'Invalid value passed for email');
  const clash = dataset.customers.find((c) => c.customer_id !== selfId && c.display_name.toLowerCase() === displayName.toLowerCase());
  if (clash) throw new BadRequest(400, 3062, `The customer "${displayName}" already exists. Please specify a different name.`);
  if (body.currency_code !== undefined && !CURRENCIES[str(body.currency_code)]) throw new BadRequest(400, 4, 'Invalid value passed for currency_code');
}

function createCustomer(route: Route, body: Json): Response {
  const { dataset, org } = route;
  validateCustomerBody(body, dataset, null);
  const info = currencyOf(str(body.currency_code) || org?.currency_code || 'USD');
  const id = allocateId(dataset);
  const created = nowDateTime(dataset, route.now);
  const terms = num(body.payment_terms) ?? 0;
  const primaryContactId = allocateId(dataset);
  const customer: WireCustomer = {
    customer_id: id,
    display_name: str(body.display_name).trim(),
    salutation: str(body.salutation),
    first_name: str(body.first_name),
    last_name: str(body.last_name),
    email: str(body.email).trim(),
    company_name: str(body.company_name),
    phone: str(body.phone),
    mobile: str(body.mobile),
    website: str(body.website),
    department: str(body.department),
    designation: str(body.designation),
    status: 'active',
    source: 'api',
    is_portal_enabled: body.is_portal_enabled === true,
    currency_id: info.id,
    currency_code: info.code,
    currency_symbol: info.symbol,
    price_precision: info.precision,
    unused_credits: 0,
    outstanding: 0,
    outstanding_receivable_amount: 0,
    unused_credits_receivable_amount: 0,
    unused_credits_receivable_amount_bcy: 0,
    unused_credits_payable_amount: 0,
    unused_credits_payable_amount_bcy: 0,
    payment_terms: terms,
    payment_terms_label: str(body.payment_terms_label) || (terms === 0 ? 'Due On Receipt' : `Net ${terms}`),
    payment_reminder_enabled: true,
    ach_supported: false,
    can_add_card: true,
    can_add_bank_account: false,
    is_gapps_customer: false,
    is_linked_with_zohocrm: false,
    zcrm_account_id: '',
    zcrm_contact_id: '',
    primary_contactperson_id: primaryContactId,
    pricebook_id: '',
    billing_address: addressFrom(body.billing_address, address(null)),
    shipping_address: addressFrom(body.shipping_address, address(null)),
    custom_fields: Array.isArray(body.custom_fields)
      ? body.custom_fields.map((field, index) => ({ index: index + 1, label: str((field as Json).label), value: str((field as Json).value), data_type: 'string' }))
      : [],
    tags: [],
    notes: str(body.notes),
    default_templates: { invoice_template_id: '', creditnote_template_id: '' },
    has_attachment: false,
    created_time: created,
    updated_time: created,
  };
  dataset.customers.push(customer);
  dataset.contactPersons[id] = [
    {
      contactperson_id: primaryContactId,
      salutation: customer.salutation,
      first_name: customer.first_name,
      last_name: customer.last_name,
      email: customer.email,
      phone: customer.phone,
      mobile: customer.mobile,
      fax: '',
      designation: customer.designation,
      department: customer.department,
      is_primary_contact: true,
      zcrm_contact_id: '',
    },
  ];
  return zohoJson({ code: 0, message: 'The customer has been created', customer: customerAnswer(customer) }, 201);
}

function updateCustomer(route: Route, id: string, body: Json): Response {
  const { dataset } = route;
  const customer = findCustomer(dataset, id);
  // The SPEC marks display_name and email as required on update too.
  validateCustomerBody(body, dataset, id);
  for (const field of CUSTOMER_TEXT_FIELDS) {
    if (body[field] !== undefined) customer[field] = str(body[field]).trim();
  }
  const terms = num(body.payment_terms);
  if (terms !== null) {
    customer.payment_terms = terms;
    customer.payment_terms_label = str(body.payment_terms_label) || (terms === 0 ? 'Due On Receipt' : `Net ${terms}`);
  }
  customer.billing_address = addressFrom(body.billing_address, customer.billing_address);
  customer.shipping_address = addressFrom(body.shipping_address, customer.shipping_address);
  customer.updated_time = nowDateTime(dataset, route.now);
  const primary = dataset.contactPersons[id]?.find((p) => p.is_primary_contact);
  if (primary) {
    primary.first_name = customer.first_name;
    primary.last_name = customer.last_name;
    primary.email = customer.email;
  }
  for (const subscription of dataset.subscriptions) {
    if (subscription.customer_id !== id) continue;
    subscription.customer_name = customer.display_name;
    subscription.email = customer.email;
    subscription.customer = {
      ...subscription.customer,
      display_name: customer.display_name,
      email: customer.email,
      company_name: customer.company_name,
      billing_address: customer.billing_address,
      shipping_address: customer.shipping_address,
    };
  }
  return zohoJson({ code: 0, message: 'Customer information has been saved.', customer: customerAnswer(customer) });
}

// --- subscriptions ---------------------------------------------------------------------------

const SUBSCRIPTION_FILTERS: Record<string, readonly string[] | null> = {
  All: null,
  ACTIVE: ['live', 'non_renewing', 'dunning', 'unpaid', 'trial'],
  LIVE: ['live'],
  FUTURE: ['future'],
  TRIAL: ['trial'],
  PAST_DUE: ['dunning'],
  UNPAID: ['unpaid'],
  NON_RENEWING: ['non_renewing'],
  CANCELLED_FROM_DUNNING: ['cancelled_from_dunning'],
  CANCELLED: ['cancelled', 'cancelled_from_dunning'],
  EXPIRED: ['expired'],
  TRIAL_EXPIRED: ['trial_expired'],
  CREATION_FAILED: ['creation_failed'],
  IN_PROGRESS: [],
  PAUSED: ['paused'],
};

function listSubscriptions(route: Route): Response {
  const { query, dataset } = route;
  // Like the real API: without filter_by only LIVE subscriptions come back (billing-api.md §6.2).
  const filterBy = query.get('filter_by') ?? 'SubscriptionStatus.LIVE';
  const match = /^SubscriptionStatus\.(\w+)$/.exec(filterBy);
  const modeMatch = /^SubscriptionMode\.(ONLINE|OFFLINE)$/.exec(filterBy);
  let rows = dataset.subscriptions;
  if (match) {
    const statuses = SUBSCRIPTION_FILTERS[match[1]!];
    if (statuses === undefined) throw new BadRequest(400, 2, 'Invalid value passed for filter_by');
    if (statuses !== null) rows = rows.filter((s) => statuses.includes(s.status));
  } else if (modeMatch) {
    rows = rows.filter((s) => s.auto_collect === (modeMatch[1] === 'ONLINE'));
  } else {
    throw new BadRequest(400, 2, 'Invalid value passed for filter_by');
  }
  const customerId = query.get('customer_id');
  if (customerId !== null) rows = rows.filter((s) => s.customer_id === customerId);
  const reference = query.get('reference_contains');
  if (reference) rows = rows.filter((s) => s.reference_id.toLowerCase().includes(reference.toLowerCase()));
  const sortColumn = query.get('sort_column') ?? 'created_time';
  const order = sortOrder(query, 'A');
  const key: Record<string, (s: WireSubscription) => string | number> = {
    created_time: (s) => s.created_time,
    activated_at: (s) => s.activated_at,
    next_billing_at: (s) => s.next_billing_at,
    amount: (s) => s.amount,
    name: (s) => s.name.toLowerCase(),
    customer_name: (s) => s.customer_name.toLowerCase(),
  };
  rows = sortRows(rows, key[sortColumn] ?? key.created_time!, order, (s) => s.subscription_id);
  const page = paginate(rows, paging(query), {
    applied_filter: filterBy,
    sort_column: key[sortColumn] ? sortColumn : 'created_time',
    sort_order: order,
  });
  return success('subscriptions', page.rows.map((s) => pick(s, SUBSCRIPTION_ROW_KEYS)), { page_context: page.page_context });
}

// --- invoices --------------------------------------------------------------------------------

const INVOICE_FILTERS: Record<string, readonly string[] | null> = {
  'Status.All': null,
  'Status.Sent': ['sent'],
  'Status.Draft': ['draft'],
  'Status.OverDue': ['overdue'],
  'Status.Paid': ['paid'],
  'Status.PartiallyPaid': ['partially_paid'],
  'Status.Void': ['void'],
  'Status.Unpaid': ['unpaid', 'sent', 'viewed', 'overdue', 'partially_paid'],
  'Status.Viewed': ['viewed'],
};

function invoicesOf(dataset: BillingDataset, customerId: string | null, subscriptionId: string | null): WireInvoice[] {
  let stored = dataset.invoices;
  if (customerId !== null) stored = stored.filter((inv) => inv.customer_id === customerId);
  if (subscriptionId !== null) stored = stored.filter((inv) => inv.subscriptions.some((s) => s.subscription_id === subscriptionId));
  const bulkCustomers = dataset.bulkInvoices
    .filter((spec) => (customerId === null || spec.customerId === customerId) && (subscriptionId === null || spec.subscriptionIds.includes(subscriptionId)))
    .map((spec) => spec.customerId);
  if (bulkCustomers.length === 0) return stored;
  const bulk = bulkCustomers.flatMap((id) => bulkInvoicesFor(dataset, id));
  const filteredBulk = subscriptionId === null ? bulk : bulk.filter((inv) => inv.subscriptions.some((s) => s.subscription_id === subscriptionId));
  return [...stored, ...filteredBulk];
}

function listInvoices(route: Route): Response {
  const { query, dataset } = route;
  const filterBy = query.get('filter_by') ?? 'Status.All';
  const statuses = INVOICE_FILTERS[filterBy];
  if (statuses === undefined) throw new BadRequest(400, 2, 'Invalid value passed for filter_by');
  let rows = invoicesOf(dataset, query.get('customer_id'), query.get('subscription_id'));
  if (statuses !== null) rows = rows.filter((inv) => statuses.includes(inv.status));
  const text = query.get('search_text');
  if (text) {
    const needle = text.toLowerCase();
    rows = rows.filter((inv) => [inv.number, inv.reference_number, inv.customer_name].some((v) => v.toLowerCase().includes(needle)));
  }
  const sortColumn = query.get('sort_column') ?? 'created_time';
  const order = sortOrder(query, 'D');
  const key: Record<string, (inv: WireInvoice) => string | number> = {
    created_time: (inv) => inv.created_time,
    date: (inv) => inv.invoice_date,
    invoice_date: (inv) => inv.invoice_date,
    due_date: (inv) => inv.due_date,
    total: (inv) => inv.total,
    balance: (inv) => inv.balance,
    invoice_number: (inv) => inv.number,
    number: (inv) => inv.number,
    customer_name: (inv) => inv.customer_name.toLowerCase(),
  };
  rows = sortRows(rows, key[sortColumn] ?? key.created_time!, order, (inv) => inv.invoice_id);
  const page = paginate(rows, paging(query), {
    report_name: 'Invoices',
    applied_filter: filterBy,
    sort_column: key[sortColumn] ? sortColumn : 'created_time',
    sort_order: order,
  });
  return success('invoices', page.rows.map((inv) => pick(inv, INVOICE_ROW_KEYS)), { page_context: page.page_context });
}

function wantsPdf(route: Route): boolean {
  const accept = route.query.get('accept');
  if (accept !== null) return accept.toLowerCase() === 'pdf';
  return (route.request.headers.get('Accept') ?? '').toLowerCase().includes('application/pdf');
}

function invoiceDocument(invoice: WireInvoice): string[] {
  const money = (value: number) => `${invoice.currency_code} ${value.toFixed(invoice.price_precision)}`;
  return [
    `Invoice ${invoice.number}`,
    `Customer: ${invoice.customer_name}`,
    `Date: ${invoice.invoice_date}   Due: ${invoice.due_date}`,
    `Reference: ${invoice.reference_number || '-'}`,
    '',
    ...invoice.invoice_items.map((item) => `${item.name}  x${item.quantity}  ${money(item.item_total)}`),
    '',
    `Total: ${money(invoice.total)}`,
    `Balance due: ${money(invoice.balance)}`,
  ];
}

function getInvoice(route: Route, id: string): Response {
  const invoice = findInvoice(route.dataset, id);
  if (wantsPdf(route)) {
    return new HttpResponse(invoicePdf(invoiceDocument(invoice)), {
      status: 200,
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="${invoice.number}.pdf"`,
      },
    });
  }
  if (route.query.get('accept') === 'html') {
    const escape = (value: string) => value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
    const html = `<!doctype html><html><body>${invoiceDocument(invoice).map((line) => `<p>${escape(line)}</p>`).join('')}</body></html>`;
    return new HttpResponse(html, { status: 200, headers: { 'Content-Type': 'text/html;charset=UTF-8' } });
  }
  return success('invoice', invoiceAnswer(invoice));
}

interface ResolvedLine {
  productId: string;
  name: string;
  description: string;
  code: string;
  price: number;
  quantity: number;
}

/** Lines of an invoice or quote body whose shape requestShapes.ts has checked (`rate`; invoices may repeat it as `price`). */
function resolveLines(dataset: BillingDataset, raw: unknown): ResolvedLine[] {
  if (!Array.isArray(raw) || raw.length === 0) throw new BadRequest(400, 4, 'Please add at least one line item.');
  return raw.map((entry, index) => {
    if (!entry || typeof entry !== 'object') throw new BadRequest(400, 4, `Invalid value passed for line item ${index + 1}`);
    const line = entry as Json;
    const productId = str(line.product_id ?? line.item_id);
    const item = productId ? dataset.items.find((i) => i.item_id === productId) : undefined;
    const plan = productId && !item ? dataset.plans.find((p) => p.plan_id === productId || p.plan_code === productId) : undefined;
    if (productId && !item && !plan) throw new BadRequest(400, 1002, 'Item does not exist.');
    const name = str(line.name) || item?.name || plan?.name || '';
    if (!productId && !name) throw new BadRequest(400, 4, 'Please select an item for every line.');
    const price = num(line.rate ?? line.price);
    if (price === null || price < 0) throw new BadRequest(400, 4, 'Invalid value passed for rate');
    const quantity = num(line.quantity ?? 1);
    if (quantity === null || quantity <= 0) throw new BadRequest(400, 4, 'Invalid value passed for quantity');
    return {
      productId: item?.item_id ?? plan?.product_id ?? productId,
      name,
      description: str(line.description),
      code: plan?.plan_code ?? str(line.code),
      price,
      quantity,
    };
  });
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Base-currency units per one unit of the document's currency: the body's own, else 1 in the base
 * currency, else the sandbox's rate between the two (a real org applies its own rate for that currency).
 */
function exchangeRate(route: Route, body: Json, currency: string): number {
  const sent = num(body.exchange_rate);
  if (sent !== null) return sent;
  const base = route.org?.currency_code ?? 'USD';
  if (base === currency) return 1;
  return currencyOf(base).perUsd / currencyOf(currency).perUsd;
}

function createInvoice(route: Route, body: Json): Response {
  const { dataset, query } = route;
  checkInvoiceBody(body);
  const customer = findCustomer(dataset, str(body.customer_id));
  const lines = resolveLines(dataset, body.invoice_items);
  const date = str(body.date);
  if (!DAY.test(date)) throw new BadRequest(400, 4, 'Invalid value passed for date');
  const reference = str(body.reference_number);
  if (reference.length > 100) throw new BadRequest(400, 4, 'Reference number cannot exceed 100 characters.');
  const info = currencyOf(customer.currency_code);
  const terms = num(body.payment_terms) ?? customer.payment_terms;
  const items: WireInvoiceItem[] = lines.map((line) => ({
    item_id: allocateId(dataset),
    product_id: line.productId,
    name: line.name,
    description: line.description,
    code: line.code,
    price: line.price,
    quantity: line.quantity,
    discount_amount: 0,
    item_total: roundMoney(line.price * line.quantity, info.precision),
    tax_id: '',
    tax_name: '',
    tax_percentage: 0,
  }));
  const total = roundMoney(items.reduce((sum, item) => sum + item.item_total, 0), info.precision);
  const created = nowDateTime(dataset, route.now);
  const status = query.get('send') === 'true' ? 'sent' : 'draft';
  const id = allocateId(dataset);
  const invoice = invoiceRow(customer, {
    invoice_id: id,
    number: `INV-${String(dataset.nextInvoiceNumber++).padStart(6, '0')}`,
    status,
    invoice_date: date,
    due_date: str(body.due_date) || addDays(date, terms),
    transaction_type: 'one_time',
    reference_number: reference,
    invoice_items: items,
    sub_total: total,
    tax_total: 0,
    total,
    payment_made: 0,
    balance: total,
    exchange_rate: exchangeRate(route, body, info.code),
    invoice_url: `https://zohosecurepay.com/billing/zylkercloud/secure?CInvoiceID=2-${id}`,
    custom_fields: Array.isArray(body.custom_fields)
      ? body.custom_fields.map((field, index) => ({ index: index + 1, label: str((field as Json).label), value: str((field as Json).value), data_type: 'string' }))
      : [],
    notes: str(body.notes),
    terms: str(body.terms),
    created_time: created,
  });
  dataset.invoices.push(invoice);
  // Drafts are not receivables yet.
  if (status !== 'draft') becomeReceivable(dataset, invoice, customer);
  return zohoJson({ code: 0, message: 'The invoice has been created.', invoice: createdInvoiceAnswer(invoice) }, 201);
}

/** An invoice that leaves draft: a transaction row and the customer's outstanding amount, as in Billing. */
function becomeReceivable(dataset: BillingDataset, invoice: WireInvoice, customer: WireCustomer): void {
  const info = currencyOf(invoice.currency_code);
  dataset.transactions.push({
    transaction_id: allocateId(dataset),
    reference_id: invoice.invoice_id,
    customer_id: customer.customer_id,
    date: invoice.invoice_date,
    type: 'invoice',
    status: invoice.status,
    amount: invoice.total.toFixed(info.precision),
  });
  customer.outstanding_receivable_amount = roundMoney(customer.outstanding_receivable_amount + invoice.balance, info.precision);
}

/** `POST /invoices/{id}/converttoopen`: only a draft can be opened (SPEC invoices.yml "Convert to open"). */
function convertToOpen(route: Route, id: string): Response {
  const invoice = findInvoice(route.dataset, id);
  if (invoice.status !== 'draft') throw new BadRequest(400, 4, 'Only draft invoices can be converted to open.');
  invoice.status = 'sent';
  invoice.updated_time = nowDateTime(route.dataset, route.now);
  becomeReceivable(route.dataset, invoice, findCustomer(route.dataset, invoice.customer_id));
  return zohoJson({ code: 0, message: 'Invoice status has been changed to Open.' });
}

const EMAIL_BODY_KEYS = new Set(['to_mail_ids', 'cc_mail_ids', 'subject', 'body']);
const isEmailList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((a) => typeof a === 'string' && /^[^\s@]+@[^\s@]+$/.test(a));

/**
 * `POST /invoices/{id}/email` (invoices.yml "Email an invoice"): exactly `email-an-invoice-request`,
 * `to_mail_ids` (non-empty), `subject` and `body` required, `cc_mail_ids` optional, nothing else. A
 * draft becomes sent (and owed), as when Billing e-mails it.
 */
function emailInvoice(route: Route, id: string, body: Json): Response {
  const invoice = findInvoice(route.dataset, id);
  const extra = Object.keys(body).filter((key) => !EMAIL_BODY_KEYS.has(key));
  if (extra.length > 0) throw new BadRequest(400, 4, `Invalid parameter(s): ${extra.join(', ')}`);
  if (!isEmailList(body.to_mail_ids) || body.to_mail_ids.length === 0) throw new BadRequest(400, 4, 'Please enter a valid email address in To.');
  if (body.cc_mail_ids !== undefined && !isEmailList(body.cc_mail_ids)) throw new BadRequest(400, 4, 'Please enter a valid email address in CC.');
  if (typeof body.subject !== 'string' || body.subject.trim() === '') throw new BadRequest(400, 4, 'Subject cannot be empty.');
  if (typeof body.body !== 'string' || body.body.trim() === '') throw new BadRequest(400, 4, 'Body cannot be empty.');
  if (invoice.status === 'draft') {
    invoice.status = 'sent';
    invoice.updated_time = nowDateTime(route.dataset, route.now);
    becomeReceivable(route.dataset, invoice, findCustomer(route.dataset, invoice.customer_id));
  }
  return zohoJson({ code: 0, message: 'Your invoice has been sent.' });
}

// --- estimates (quotes) ------------------------------------------------------------------------

function createEstimate(route: Route, body: Json): Response {
  const { dataset } = route;
  checkQuoteBody(body);
  const customer = findCustomer(dataset, str(body.customer_id));
  const lines = resolveLines(dataset, body.line_items);
  const date = str(body.date) || dataset.today;
  if (!DAY.test(date)) throw new BadRequest(400, 4, 'Invalid value passed for date');
  const info = currencyOf(customer.currency_code);
  const lineItems = lines.map((line) => ({
    item_id: line.productId,
    line_item_id: allocateId(dataset),
    name: line.name,
    description: line.description,
    rate: line.price,
    quantity: line.quantity,
    item_total: roundMoney(line.price * line.quantity, info.precision),
  }));
  const total = roundMoney(lineItems.reduce((sum, l) => sum + l.item_total, 0), info.precision);
  const created = nowDateTime(dataset, route.now);
  const estimate: WireEstimate = {
    estimate_id: allocateId(dataset),
    estimate_number: `QT-${String(dataset.nextEstimateNumber++).padStart(6, '0')}`,
    status: 'draft',
    customer_id: customer.customer_id,
    customer_name: customer.display_name,
    date,
    expiry_date: str(body.expiry_date) || addDays(date, 30),
    reference_number: str(body.reference_number),
    currency_id: info.id,
    currency_code: info.code,
    currency_symbol: info.symbol,
    line_items: lineItems,
    sub_total: total,
    total,
    notes: str(body.notes),
    has_attachment: false,
    is_viewed_by_client: false,
    accepted_date: '',
    declined_date: '',
    created_time: created,
    last_modified_time: created,
  };
  dataset.estimates.push(estimate);
  return zohoJson({ code: 0, message: 'The estimate has been created.', estimate: createdEstimateAnswer(estimate) }, 201);
}

function listEstimates(route: Route): Response {
  const { query, dataset } = route;
  const filterBy = query.get('filter_by') ?? 'Status.All';
  const status = /^Status\.(\w+)$/.exec(filterBy)?.[1]?.toLowerCase();
  if (!status) throw new BadRequest(400, 2, 'Invalid value passed for filter_by');
  let rows = status === 'all' ? dataset.estimates : dataset.estimates.filter((e) => e.status === status);
  rows = sortRows(rows, (e) => e.created_time, sortOrder(query, 'D'), (e) => e.estimate_id);
  const page = paginate(rows, paging(query), { applied_filter: filterBy, sort_column: 'created_time', sort_order: sortOrder(query, 'D') });
  return success('estimates', page.rows.map((e) => pick(e, ESTIMATE_ROW_KEYS)), { page_context: page.page_context });
}

// --- hosted payment page -----------------------------------------------------------------------

function createPaymentPage(route: Route, body: Json): Response {
  const { dataset, url } = route;
  const invoiceId = str(body.invoice_id);
  if (!invoiceId) throw new BadRequest(400, 4, 'Please send the invoice_id.');
  const invoice = findInvoice(dataset, invoiceId);
  if (invoice.status === 'paid') throw new BadRequest(400, 1040, 'This invoice has already been paid.');
  if (invoice.status === 'void') throw new BadRequest(400, 1041, 'Payments cannot be collected for a void invoice.');
  // Assumed, like paid and void: a customer cannot see or pay a draft, so Billing has no page for one.
  if (invoice.status === 'draft') throw new BadRequest(400, 1041, 'Payments cannot be collected for a draft invoice.');
  const tld = url.hostname.replace(/^www\.zohoapis\./, '');
  const id = allocateId(dataset);
  const page = {
    hostedpage_id: id,
    invoice_id: invoice.invoice_id,
    status: 'fresh',
    url: `https://billing.zoho.${tld}/hostedpage/2-${id}${invoice.invoice_id.slice(-6)}/checkout`,
    action: 'Invoice payment',
    // Real instants, not the world's "today": the panel compares a page's end with the clock.
    expiring_time: instantAt(route.now + HOSTED_PAGE_SECONDS * 1000),
    created_time: instantAt(route.now),
  };
  dataset.hostedPages.push(page);
  const { invoice_id: _omit, ...wire } = page;
  return zohoJson({ code: 0, message: 'success', hostedpage: wire }, 201);
}

const CARD_PAGE_KEYS = new Set(['subscription_id', 'redirect_url', 'payment_gateways']);

/**
 * `POST /hostedpages/updatecard` (hosted-pages.yml "Update card for a subscription"): the body's
 * `update-card-for-a-subscription-request` is `subscription_id` (required), `redirect_url` and
 * `payment_gateways`, nothing else; 200 with `hostedpage`, which expires within the hour.
 */
function createCardPage(route: Route, body: Json): Response {
  const { dataset, url } = route;
  for (const key of Object.keys(body)) if (!CARD_PAGE_KEYS.has(key)) throw new BadRequest(400, 4, `Invalid value passed for ${key}.`);
  const subscriptionId = str(body.subscription_id);
  if (!subscriptionId) throw new BadRequest(400, 4, 'Please send the subscription_id.');
  const subscription = dataset.subscriptions.find((s) => s.subscription_id === subscriptionId);
  if (!subscription) throw new BadRequest(404, 1002, 'Subscription does not exist.');
  const tld = url.hostname.replace(/^www\.zohoapis\./, '');
  const id = allocateId(dataset);
  const page = {
    hostedpage_id: id,
    subscription_id: subscriptionId,
    status: 'fresh',
    url: `https://billing.zoho.${tld}/hostedpage/2-${id}${subscriptionId.slice(-6)}/updatecard`,
    action: 'Update Card',
    expiring_time: instantAt(route.now + HOSTED_PAGE_SECONDS * 1000),
    created_time: instantAt(route.now),
  };
  dataset.hostedPages.push(page);
  const { subscription_id: _omit, ...wire } = page;
  return zohoJson({ code: 0, message: 'Hosted page has been created successfully.', hostedpage: wire }, 200);
}

// --- catalog -----------------------------------------------------------------------------------

/**
 * Items and plans are priced in the organization's base currency, like Billing's. The dataset keeps
 * USD list prices; the Japanese org sees them in yen. No currency_code on the rows, as in the SPEC.
 */
function baseCurrency(route: Route): string {
  return route.org?.currency_code ?? 'USD';
}

function listItems(route: Route): Response {
  const { query, dataset } = route;
  const text = (query.get('search_text') ?? query.get('name_contains') ?? '').toLowerCase();
  const rows = dataset.items.filter((i) => i.status === 'active' && (!text || i.name.toLowerCase().includes(text) || i.description.toLowerCase().includes(text)));
  const page = paginate(rows, paging(query), { applied_filter: 'Status.Active', sort_column: 'name', sort_order: 'A' });
  const base = baseCurrency(route);
  return success('items', page.rows.map((item) => itemAnswer({ ...item, rate: convertPrice(item.rate, base) })), { page_context: page.page_context });
}

function listPlans(route: Route): Response {
  const { query, dataset } = route;
  const text = (query.get('search_text') ?? '').toLowerCase();
  const rows = dataset.plans.filter((p) => p.status === 'active' && (!text || p.name.toLowerCase().includes(text) || p.plan_code.includes(text)));
  const page = paginate(rows, paging(query), { applied_filter: 'PlanStatus.ACTIVE', sort_column: 'name', sort_order: 'A' });
  const base = baseCurrency(route);
  return success(
    'plans',
    page.rows.map((plan) => planAnswer({ ...plan, recurring_price: convertPrice(plan.recurring_price, base), setup_fee: plan.setup_fee && convertPrice(plan.setup_fee, base) })),
    { page_context: page.page_context },
  );
}

// --- transactions ------------------------------------------------------------------------------

function listTransactions(route: Route): Response {
  const { query, dataset } = route;
  const filterBy = query.get('filter_by') ?? 'TransactionType.All';
  const type = /^TransactionType\.(All|INVOICE|PAYMENT|CREDIT|REFUND)$/i.exec(filterBy)?.[1]?.toLowerCase();
  if (!type) throw new BadRequest(400, 2, 'Invalid value passed for filter_by');
  const customerId = query.get('customer_id');
  let rows = dataset.transactions.filter((t) => (customerId === null || t.customer_id === customerId) && (type === 'all' || t.type === type));
  rows = sortRows(rows, (t) => t.date, 'D', (t) => t.transaction_id);
  const page = paginate(rows, paging(query), { applied_filter: filterBy, sort_column: 'date', sort_order: 'D' });
  return success('transactions', page.rows.map((t) => pick(t, TRANSACTION_ROW_KEYS)), { page_context: page.page_context });
}

// --- dispatch ----------------------------------------------------------------------------------

async function route(r: Route, faults: BillingFaults): Promise<Response> {
  const action = await routeAction(r, faults);
  if (action) return action;
  const [resource, id, sub, ...rest] = r.segments;
  const method = r.method;
  if (rest.length > 0) return invalidUrl();
  switch (resource) {
    case 'organizations':
      if (method === 'GET' && id === undefined) return listOrganizations(r, faults);
      if (method === 'GET' && id !== undefined && sub === undefined) {
        const org = currentOrganizations(r.dataset, faults).find((o) => o.organization_id === id);
        return org ? success('organization', org) : failure(404, 1002, 'Organization does not exist.');
      }
      break;
    case 'customers':
      if (id === undefined) {
        if (method === 'GET') return listCustomers(r);
        if (method === 'POST') return createCustomer(r, await readJson(r.request));
      } else if (sub === undefined) {
        if (method === 'GET') return success('customer', customerAnswer(findCustomer(r.dataset, id)));
        if (method === 'PUT') {
          findCustomer(r.dataset, id);
          return updateCustomer(r, id, await readJson(r.request));
        }
      } else if (sub === 'contactpersons' && method === 'GET') {
        findCustomer(r.dataset, id);
        return success('contact_persons', (r.dataset.contactPersons[id] ?? []).map(contactPersonAnswer));
      }
      break;
    case 'subscriptions':
      if (method !== 'GET') break;
      if (id === undefined) return listSubscriptions(r);
      if (sub === undefined) return success('subscription', subscriptionAnswer(findSubscription(r.dataset, id)));
      if (sub === 'recentactivities') {
        findSubscription(r.dataset, id);
        return success('activities', r.dataset.activities[id] ?? []);
      }
      break;
    case 'invoices':
      if (id === undefined) {
        if (method === 'GET') return listInvoices(r);
        if (method === 'POST') return createInvoice(r, await readJson(r.request));
      } else if (sub === undefined && method === 'GET') {
        return getInvoice(r, id);
      } else if (sub === 'converttoopen' && method === 'POST') {
        return convertToOpen(r, id);
      } else if (sub === 'email' && method === 'POST') {
        return emailInvoice(r, id, await readJson(r.request));
      }
      break;
    case 'estimates':
      if (id === undefined && method === 'GET') return listEstimates(r);
      if (id === undefined && method === 'POST') return createEstimate(r, await readJson(r.request));
      if (id !== undefined && sub === undefined && method === 'GET') {
        const estimate = r.dataset.estimates.find((e) => e.estimate_id === id);
        return estimate ? success('estimate', estimate) : failure(404, 1002, 'Estimate does not exist.');
      }
      break;
    case 'hostedpages':
      if (id === 'invoicepayment' && sub === undefined && method === 'POST') return createPaymentPage(r, await readJson(r.request));
      if (id === 'updatecard' && sub === undefined && method === 'POST') return createCardPage(r, await readJson(r.request));
      break;
    case 'items':
      if (id === undefined && method === 'GET') return listItems(r);
      break;
    case 'plans':
      if (id === undefined && method === 'GET') return listPlans(r);
      break;
    case 'transactions':
      if (id === undefined && method === 'GET') return listTransactions(r);
      break;
    default:
      break;
  }
  return invalidUrl();
}

// --- faults ------------------------------------------------------------------------------------

const BAD_GATEWAY_PAGE =
  '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>ZGS</center></body></html>';

function faultResponse(faults: BillingFaults): Response | null {
  switch (faults.mode) {
    case 'forbidden':
      return failure(403, 57, 'You are not authorized to perform this operation');
    case 'not-found':
      return failure(404, 1002, 'The requested resource does not exist.');
    case 'gone':
      // What Billing answers for a record deleted since it was linked (billing-api.md: 400 + code 3004).
      return failure(400, 3004, 'Please enter a valid reference for the customer');
    case 'rate-limited':
      return failure(
        429,
        44,
        'Your request has been blocked as it has exceeded the maximum number of requests per minute.',
        faults.retryAfterSeconds === null ? {} : { 'Retry-After': String(faults.retryAfterSeconds) },
      );
    case 'server-error':
      return failure(500, 1000, 'Internal server error. Please try again later.');
    case 'code-nonzero':
      return zohoJson({ code: 1000, message: 'Internal error' }, 200);
    case 'html-error':
      return new HttpResponse(BAD_GATEWAY_PAGE, { status: 502, headers: { 'Content-Type': 'text/html' } });
    case 'malformed-json':
      return new HttpResponse('{"code":0,"message":"success","customers":[{"customer_id":"2468013000000051001","display_name":"Bow', {
        status: 200,
        headers: { 'Content-Type': 'application/json;charset=UTF-8' },
      });
    default:
      return null;
  }
}

// --- handler -----------------------------------------------------------------------------------

export function createBillingHandlers(context: BillingHandlerContext): RequestHandler[] {
  const resolve = async (request: Request, base: string): Promise<Response> => {
    const url = new URL(request.url);
    const faults = context.faults();
    const call = { method: request.method, url: request.url, path: url.pathname, at: context.now() };

    if (faults.mode === 'timeout') {
      context.record({ ...call, status: 0 });
      await context.wait(Math.max(0, faults.latencyMs) + Math.max(0, faults.timeoutMs ?? TIMEOUT_HANG_MS), request.signal);
      return new HttpResponse('Gateway Timeout', { status: 504, headers: { 'Content-Type': 'text/plain' } });
    }
    if (faults.latencyMs > 0) await context.wait(faults.latencyMs, request.signal);

    let response = faultResponse(faults);
    if (!response) {
      const dataset = context.dataset();
      const segments = url.pathname.slice(new URL(base).pathname.length).split('/').filter(Boolean);
      const isOrgList = segments[0] === 'organizations' && request.method === 'GET';
      const orgId = request.headers.get(ORG_HEADER);
      const org = orgId ? (currentOrganizations(dataset, faults).find((o) => o.organization_id === orgId.trim()) ?? null) : null;
      if (!isOrgList && !orgId) {
        response = failure(403, 6041, `Please send the organization id in the ${ORG_HEADER} header.`);
      } else if (!isOrgList && !org) {
        response = failure(403, 6041, 'You are not associated with this organization.');
      } else {
        try {
          response = await route(
            { method: request.method, segments, query: url.searchParams, request, url, dataset, org, now: context.now() },
            faults,
          );
        } catch (error) {
          if (!(error instanceof BadRequest || error instanceof ShapeError)) throw error;
          response = failure(error.status, error.code, error.message);
        }
      }
    }
    context.record({ ...call, status: response.status });
    return response;
  };
  return BILLING_BASE_URLS.map((base) => http.all(`${base}/*`, ({ request }) => resolve(request, base)));
}
