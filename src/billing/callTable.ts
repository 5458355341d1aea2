/**
 * Every Zoho Billing call the product makes, one entry each: the one place to read or add a call.
 * From this table come the client's typed functions (`BillingApi`, billingClient.ts), the lazy chunk
 * split (`screen`), the cache's kept reads and their owner (integration/cache), the portal share's
 * parts (`share`), write invalidation (`changes`), the OAuth scopes (with scopes.ts: scripts/scopes.json
 * for `npm run connection` and README "Permissions", both checked against them by
 * tests/unit/billing/callTable.test.ts), and the contract test's list of Zoho paths.
 *
 * An entry (`CallEntry`), written `call<[arguments], Answer>()({ ... })`:
 *  - `method`, `path`: exactly as in Zoho's OpenAPI file, `{placeholders}` included; `request()` gives
 *    their values in order (`params`), the query, and the body as `{ builder, input }`: a named body
 *    builder of documentBodies.ts `bodies`, so every body we send has one home.
 *  - `answer`: `{ one: key, schema }` (one record), `{ rows: key, schema }` (a list), `{ page: key, schema }`
 *    (a paged list: the page number is the query's `page`), `{ none: true }` (only the envelope is
 *    checked) or `{ runner: name }` (laterCalls.ts `runners`, for the few calls that are more than one
 *    request). A first-screen entry names its schema object (schemas.ts); a later one names it by its key
 *    in laterCalls.ts `schemas`, so the detail schemas stay out of the first script.
 *  - `skip(...)`: an answer without a call (an empty search) or a refusal before one; `then(...)`: a
 *    last step on the read answer (keep only exact email matches).
 *  - `screen`: 'first' when the panel's first screen makes it (in the first script), else 'later'
 *    (laterCalls.ts, loaded on first use, with its bodies, schemas and runners).
 *  - `scope`: the OAuth scope Zoho's file names for it (a key of scopes.ts SCOPES).
 *  - `cache` (reads only): the answer is kept, keyed by [organization, call name, arguments]. `owner`
 *    names the customer it belongs to, from the arguments or the answer, or `{ record: id }` for a
 *    subscription or invoice id whose customer the cache learned from an answer's `records`; Refresh and
 *    writes drop a customer's reads by it.
 *  - `share`: which part of the portal-shared snapshot the answer is (only the reads an open makes).
 *  - `changes` (writes only): the customer whose reads (here and in every agent's shared snapshot) go
 *    (`customer`, or `record`: a subscription or invoice id whose customer the cache learned), the email
 *    whose shared look-up goes, and other kept reads to drop (`reads`).
 * A new call is one entry here, its body builder (documentBodies.ts), its sandbox handler and its UI
 * (README "Add a Billing call"). The file is long because it is the whole list: one entry per call, in one
 * place, is the point.
 */
import { toId } from './coerce';
import { emptyPage, MAX_PER_PAGE, pageNumber, perPage } from './pagination';
import { BillingError } from './errors';
import {
  contactPersonSchema,
  customerSchema,
  customerSummarySchema,
  invoiceSummarySchema,
  organizationSchema,
  subscriptionSchema,
  type Schema,
} from './schemas';
import type { Bodies, InvoiceEmail } from './documentBodies';
import type { Scope } from './scopes';
import type { LaterSchemas, Runners } from './laterCalls';
import type {
  Address,
  CatalogEntry,
  ContactPerson,
  Customer,
  CustomerInput,
  CustomerSummary,
  DocumentInput,
  InvoiceDetail,
  InvoiceListQuery,
  InvoiceSummary,
  Organization,
  Page,
  Quote,
  QuoteListQuery,
  ReplyLink,
  Subscription,
  SubscriptionActivity,
  SubscriptionDetail,
  Transaction,
} from './types';

/** First screen of invoices: enough for the tab without spending a 200-row answer on every panel open. */
export const DEFAULT_INVOICES_PER_PAGE = 50;
export const DEFAULT_SEARCH_PER_PAGE = 50;

// ---------------------------------------------------------------------------------------------
// The entry type

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type Query = Record<string, string | number | undefined>;

/** A body as one named builder of documentBodies.ts and its input. */
export type BodyInput = { [K in keyof Bodies]: { builder: K; input: Parameters<Bodies[K]>[0] } }[keyof Bodies];

export interface Request {
  /** Values of the path's `{placeholders}`, in order (each encoded on its own by the transport). */
  params?: readonly string[];
  query?: Query;
  body?: BodyInput;
}

type Item<R> = R extends Page<infer T> ? T : R extends readonly (infer T)[] ? T : never;
/** A later schema's key in laterCalls.ts `schemas`, for an answer of type T. */
type SchemaName<T> = { [K in keyof LaterSchemas]: LaterSchemas[K] extends Schema<T> ? K : never }[keyof LaterSchemas];
type RunnerName<R> = { [K in keyof Runners]: Awaited<ReturnType<Runners[K]>> extends R ? K : never }[keyof Runners];
type SchemaRef<T, S extends Screen> = S extends 'first' ? Schema<T> : Schema<T> | SchemaName<T>;

export type Screen = 'first' | 'later';

export type Answer<R, S extends Screen = Screen> =
  | { one: string; schema: SchemaRef<R, S> }
  /** The first key present is read (Billing spells some lists two ways). */
  | { rows: string | readonly string[]; schema: SchemaRef<Item<R>, S> }
  /** `keep`: rows that may be read at all (checked on the raw row, before its schema). */
  | { page: string; schema: SchemaRef<Item<R>, S>; keep?: (row: Record<string, unknown>, ...args: never[]) => boolean }
  | { none: true }
  | (S extends 'later' ? { runner: RunnerName<R> } : never);

/** Whose reads these are: a customer id, or a subscription / invoice id whose customer the cache learned. */
export type Owner = { customer: string } | { record: string } | null;

/** The portal-shared snapshot's parts (integration/portal): only what an open reads is shared. */
export type SharePart =
  | { kind: 'customer' | 'subscriptions' | 'invoices'; customerId: string }
  | { kind: 'email'; email: string };

export interface CacheSpec<A extends unknown[], R> {
  owner?(args: A, answer: R | undefined): Owner;
  /** Ids of the records (subscriptions, invoices) this answer shows to belong to its owner. */
  records?(answer: R): readonly string[];
}

export interface Changes<A extends unknown[]> {
  /** The customer whose reads go, here and in every agent's shared snapshot. */
  customer?(...args: A): string | null;
  /** Or a subscription or invoice id: its customer (as the cache learned it from answers) is the one whose reads go. */
  record?(...args: A): string;
  /** The email whose shared customer look-up goes. */
  email?(...args: A): string | undefined;
  /** Other kept reads to drop: by call name, and only those whose arguments match when `when` is given. */
  reads?: readonly { call: string; when?(readArgs: readonly unknown[], ...args: A): boolean }[];
}

interface Common<A extends unknown[], R> {
  method: Method;
  path: `/${string}`;
  scope: Scope;
  /** Only GET /organizations goes without the organization header (§1.2). */
  noOrganization?: true;
  /** More Zoho calls the runner makes (the catalog reads items and plans). */
  also?: readonly { method: Method; path: `/${string}`; scope: Scope }[];
  request(...args: A): Request;
  skip?(...args: A): { value: R } | null;
  then?(value: R, ...args: A): R;
  cache?: CacheSpec<A, R>;
  share?(...args: A): SharePart | null;
  changes?: Changes<A>;
}

export type CallEntry<A extends unknown[] = never[], R = unknown> = Common<A, R> &
  ({ screen: 'first'; answer: Answer<R, 'first'> } | { screen: 'later'; answer: Answer<R, 'later'> });

/** Carries the call's signature for `BillingApi`; never set at run time. */
interface Typed<A extends unknown[], R> {
  readonly signature?: (...args: A) => Promise<R>;
}

/** `call<[arguments], Answer>()({ ... })`: the arguments and answer are the client function's signature. */
const call =
  <A extends unknown[], R>() =>
  <E extends CallEntry<A, R>>(entry: E): E & Typed<A, R> =>
    entry;

const pagedQuery = (page: number | undefined, query: Query): Query => ({ ...query, page: pageNumber(page), per_page: MAX_PER_PAGE });
const isFirstPage = (page: unknown) => page === undefined || page === 1;

// ---------------------------------------------------------------------------------------------
// The table

export const CALLS = {
  listOrganizations: call<[], Organization[]>()({
    method: 'GET',
    path: '/organizations',
    scope: 'ZohoSubscriptions.settings.READ',
    noOrganization: true,
    screen: 'first',
    request: () => ({}),
    answer: { rows: 'organizations', schema: organizationSchema },
    cache: {},
  }),

  findCustomersByEmail: call<[email: string], CustomerSummary[]>()({
    method: 'GET',
    path: '/customers',
    scope: 'ZohoSubscriptions.customers.READ',
    screen: 'first',
    skip: (email) => (email.trim() === '' ? { value: [] } : null),
    request: (email) => ({ query: { email: email.trim(), per_page: MAX_PER_PAGE } }),
    answer: { rows: 'customers', schema: customerSummarySchema },
    // If Billing ever ignored the filter, the first page of every customer must not pass for matches.
    then: (rows, email) => rows.filter((c) => c.email.toLowerCase() === email.trim().toLowerCase()),
    cache: {},
    share: (email) => ({ kind: 'email', email }),
  }),

  searchCustomers: call<[text: string, page?: number], Page<CustomerSummary>>()({
    method: 'GET',
    path: '/customers',
    scope: 'ZohoSubscriptions.customers.READ',
    screen: 'first',
    skip: (text, page) => (text.trim() === '' ? { value: emptyPage(pageNumber(page)) } : null),
    request: (text, page) => ({ query: { search_text: text.trim(), page: pageNumber(page), per_page: DEFAULT_SEARCH_PER_PAGE } }),
    answer: { page: 'customers', schema: customerSummarySchema },
    cache: {},
  }),

  /** Every customer, a page of 200 in Billing's own order: only the portal's batched row check reads it. */
  listCustomers: call<[page?: number], Page<CustomerSummary>>()({
    method: 'GET',
    path: '/customers',
    scope: 'ZohoSubscriptions.customers.READ',
    screen: 'first',
    // Only what customers.yml documents for this list: `filter_by` (its description) and the paging params.
    request: (page) => ({ query: pagedQuery(page, { filter_by: 'Status.All' }) }),
    answer: { page: 'customers', schema: customerSummarySchema },
  }),

  getCustomer: call<[id: string], Customer>()({
    method: 'GET',
    path: '/customers/{customer_id}',
    scope: 'ZohoSubscriptions.customers.READ',
    screen: 'first',
    request: (id) => ({ params: [id] }),
    answer: { one: 'customer', schema: customerSchema },
    cache: { owner: ([id]) => ({ customer: id }) },
    share: (...args) => (args.length === 1 ? { kind: 'customer', customerId: args[0] } : null),
  }),

  listContactPersons: call<[customerId: string], ContactPerson[]>()({
    method: 'GET',
    path: '/customers/{customer_id}/contactpersons',
    scope: 'ZohoSubscriptions.customers.READ',
    screen: 'first',
    request: (customerId) => ({ params: [customerId] }),
    // SPEC key `contact_persons`, real clients read `contactpersons` (§5.3).
    answer: { rows: ['contact_persons', 'contactpersons'], schema: contactPersonSchema },
    cache: { owner: ([id]) => ({ customer: id }) },
  }),

  listSubscriptions: call<[customerId: string, page?: number], Page<Subscription>>()({
    method: 'GET',
    path: '/subscriptions',
    scope: 'ZohoSubscriptions.subscriptions.READ',
    screen: 'first',
    // Without an explicit filter Billing applied SubscriptionStatus.LIVE and hid cancelled ones (§6.2).
    request: (customerId, page) => ({ query: pagedQuery(page, { customer_id: customerId, filter_by: 'SubscriptionStatus.All' }) }),
    answer: { page: 'subscriptions', schema: subscriptionSchema },
    cache: { owner: ([id]) => ({ customer: id }), records: (page) => page.items.map((s) => s.id) },
    share: (customerId, page) => (isFirstPage(page) ? { kind: 'subscriptions', customerId } : null),
  }),

  listInvoices: call<[query: InvoiceListQuery], Page<InvoiceSummary>>()({
    method: 'GET',
    path: '/invoices',
    scope: 'ZohoSubscriptions.invoices.READ',
    screen: 'first',
    skip: (query) => {
      // Listing every invoice of the org is never what a panel wants, and it is expensive.
      if (!query.customerId && !query.subscriptionId) throw new BillingError('rejected', 'listInvoices needs a customer or a subscription');
      return null;
    },
    request: (query) => ({
      query: {
        customer_id: query.customerId || undefined,
        subscription_id: query.subscriptionId || undefined,
        search_text: query.searchText?.trim() || undefined,
        filter_by: 'Status.All',
        sort_column: 'date',
        sort_order: 'D',
        page: pageNumber(query.page),
        per_page: perPage(query.perPage, DEFAULT_INVOICES_PER_PAGE),
      },
    }),
    answer: { page: 'invoices', schema: invoiceSummarySchema },
    cache: {
      owner: ([q]) => (q.customerId ? { customer: q.customerId } : q.subscriptionId ? { record: q.subscriptionId } : null),
      records: (page) => page.items.map((i) => i.id),
    },
    share: (...args) => {
      const q = args[0] as Record<string, unknown>;
      const plain = args.length === 1 && Object.keys(q).every((k) => q[k] === undefined || k === 'customerId' || k === 'page');
      return plain && typeof q.customerId === 'string' && isFirstPage(q.page) ? { kind: 'invoices', customerId: q.customerId } : null;
    },
  }),

  getSubscription: call<[id: string], SubscriptionDetail>()({
    method: 'GET',
    path: '/subscriptions/{subscription_id}',
    scope: 'ZohoSubscriptions.subscriptions.READ',
    screen: 'later',
    request: (id) => ({ params: [id] }),
    answer: { one: 'subscription', schema: 'subscriptionDetail' },
    cache: { owner: ([id], s) => (s?.customerId ? { customer: s.customerId } : { record: id }), records: (s) => [s.id] },
  }),

  listSubscriptionActivities: call<[subscriptionId: string], SubscriptionActivity[]>()({
    method: 'GET',
    path: '/subscriptions/{subscription_id}/recentactivities',
    scope: 'ZohoSubscriptions.subscriptions.READ',
    screen: 'later',
    request: (subscriptionId) => ({ params: [subscriptionId] }),
    answer: { rows: 'activities', schema: 'activity' },
    cache: { owner: ([id]) => ({ record: id }) },
  }),

  listTransactions: call<[customerId: string, page?: number], Page<Transaction>>()({
    method: 'GET',
    path: '/transactions',
    scope: 'ZohoSubscriptions.customers.READ',
    screen: 'later',
    request: (customerId, page) => ({ query: pagedQuery(page, { customer_id: customerId, filter_by: 'TransactionType.All' }) }),
    answer: { page: 'transactions', schema: 'transaction' },
    cache: { owner: ([id]) => ({ customer: id }) },
  }),

  getInvoice: call<[id: string], InvoiceDetail>()({
    method: 'GET',
    path: '/invoices/{invoice_id}',
    scope: 'ZohoSubscriptions.invoices.READ',
    screen: 'later',
    request: (id) => ({ params: [id] }),
    answer: { one: 'invoice', schema: 'invoiceDetail' },
    cache: { owner: ([id], i) => (i?.customerId ? { customer: i.customerId } : { record: id }), records: (i) => [i.id] },
  }),

  getInvoicePdf: call<[id: string], Blob>()({
    method: 'GET',
    path: '/invoices/{invoice_id}',
    scope: 'ZohoSubscriptions.invoices.READ',
    screen: 'later',
    request: (id) => ({ params: [id], query: { accept: 'pdf' } }),
    answer: { runner: 'pdf' },
  }),

  /**
   * A hosted payment page for the invoice, with when it expires ("within one hour", hosted-pages.yml).
   * The panel asks for it only when the invoice has no page of its own (`invoice_url`, which lasts).
   */
  createInvoicePaymentLink: call<[invoiceId: string], ReplyLink>()({
    method: 'POST',
    path: '/hostedpages/invoicepayment',
    scope: 'ZohoSubscriptions.hostedpages.CREATE',
    screen: 'later',
    request: (invoiceId) => ({ body: { builder: 'invoicePayment', input: invoiceId } }),
    answer: { one: 'hostedpage', schema: 'hostedPage' },
  }),

  /** A hosted page where the customer updates the subscription's card; it expires within the hour. Changes no record. */
  createCardUpdateLink: call<[subscriptionId: string], ReplyLink>()({
    method: 'POST',
    path: '/hostedpages/updatecard',
    scope: 'ZohoSubscriptions.hostedpages.CREATE',
    screen: 'later',
    request: (subscriptionId) => ({ body: { builder: 'cardUpdate', input: subscriptionId } }),
    answer: { one: 'hostedpage', schema: 'hostedPage' },
  }),

  /** A draft invoice becomes open (payable) without being emailed. */
  markInvoiceOpen: call<[invoiceId: string], void>()({
    method: 'POST',
    path: '/invoices/{invoice_id}/converttoopen',
    scope: 'ZohoSubscriptions.invoices.CREATE',
    screen: 'later',
    request: (invoiceId) => ({ params: [invoiceId] }),
    answer: { none: true },
    // A draft opened is owed: the invoice, every invoice list that may show it and its customer's balances read again.
    changes: {
      record: (invoiceId) => invoiceId,
      reads: [{ call: 'getInvoice', when: ([id], invoiceId) => id === invoiceId }, { call: 'listInvoices' }],
    },
  }),

  /** Billing e-mails the invoice to the given addresses; a draft becomes sent (and owed) by it. */
  emailInvoice: call<[invoiceId: string, email: InvoiceEmail], void>()({
    method: 'POST',
    path: '/invoices/{invoice_id}/email',
    scope: 'ZohoSubscriptions.invoices.CREATE',
    screen: 'later',
    request: (invoiceId, email) => ({ params: [invoiceId], body: { builder: 'invoiceEmail', input: email } }),
    answer: { none: true },
    changes: {
      record: (invoiceId) => invoiceId,
      reads: [{ call: 'getInvoice', when: ([id], invoiceId) => id === invoiceId }, { call: 'listInvoices' }],
    },
  }),

  /** Active items and plans whose name, description or id contains the search (both lists, merged). */
  listCatalog: call<[search?: string], CatalogEntry[]>()({
    method: 'GET',
    path: '/items',
    scope: 'ZohoSubscriptions.items.READ',
    also: [{ method: 'GET', path: '/plans', scope: 'ZohoSubscriptions.plans.READ' }],
    screen: 'later',
    request: () => ({ query: { per_page: MAX_PER_PAGE } }),
    answer: { runner: 'catalog' },
    cache: {},
  }),

  createCustomer: call<[input: CustomerInput], Customer>()({
    method: 'POST',
    path: '/customers',
    scope: 'ZohoSubscriptions.customers.CREATE',
    screen: 'later',
    request: (input) => ({ body: { builder: 'customer', input } }),
    answer: { one: 'customer', schema: customerSchema },
    // Otherwise a kept "no customer for this email" would hide the one just created.
    changes: { email: (input) => input.email, reads: [{ call: 'findCustomersByEmail' }, { call: 'searchCustomers' }] },
  }),

  updateCustomerAddresses: call<[customer: Customer, billing: Partial<Address> | null, shipping: Partial<Address> | null], Customer>()({
    method: 'PUT',
    path: '/customers/{customer_id}',
    scope: 'ZohoSubscriptions.customers.UPDATE',
    screen: 'later',
    skip: (customer, billing, shipping) => (billing === null && shipping === null ? { value: customer } : null),
    request: (customer, billing, shipping) => ({ params: [customer.id], body: { builder: 'customerAddresses', input: { customer, billing, shipping } } }),
    answer: { one: 'customer', schema: customerSchema },
    // The update answer does not list contact persons; keep the ones already known.
    then: (updated, customer) => (updated.contactPersons.length > 0 ? updated : { ...updated, contactPersons: customer.contactPersons }),
    changes: {
      customer: (customer) => customer.id,
      email: (customer) => customer.email,
      reads: [{ call: 'findCustomersByEmail' }, { call: 'searchCustomers' }],
    },
  }),

  createInvoice: call<[input: DocumentInput], InvoiceDetail>()({
    method: 'POST',
    path: '/invoices',
    scope: 'ZohoSubscriptions.invoices.CREATE',
    screen: 'later',
    request: (input) => ({ query: { send: 'false' }, body: { builder: 'invoice', input } }),
    answer: { one: 'invoice', schema: 'invoiceDetail' },
    changes: { customer: (input) => input.customerId },
  }),

  createQuote: call<[input: DocumentInput], Quote>()({
    method: 'POST',
    path: '/estimates',
    scope: 'ZohoSubscriptions.quotes.CREATE',
    screen: 'later',
    request: (input) => ({ body: { builder: 'quote', input } }),
    answer: { one: 'estimate', schema: 'quote' },
    changes: { customer: (input) => input.customerId },
  }),

  /**
   * The customer's quotes, newest first (the write guard's duplicate check for quotes). Not kept: the
   * guard must see Billing as it is now.
   */
  listQuotes: call<[query: QuoteListQuery], Page<Quote>>()({
    method: 'GET',
    path: '/estimates',
    scope: 'ZohoSubscriptions.quotes.READ',
    screen: 'later',
    request: (query) => ({
      query: {
        // quotes.yml documents no customer filter for /estimates: every row's customer_id is checked below.
        filter_by: 'Status.All',
        sort_column: 'created_time',
        sort_order: 'D',
        page: pageNumber(query.page),
        per_page: MAX_PER_PAGE,
      },
    }),
    // A row without a readable customer_id cannot be shown to belong to this customer: left out.
    answer: { page: 'estimates', schema: 'quote', keep: (row, query: QuoteListQuery) => toId(row.customer_id) === query.customerId },
  }),
};

// ---------------------------------------------------------------------------------------------
// What the rest of the product sees

type Table = typeof CALLS;
export type CallName = keyof Table;

/** A method's (bivariant) parameters, as an interface's methods have them: test doubles may narrow them. */
type AsMethod<F extends (...args: never[]) => unknown> = { method(...args: Parameters<F>): ReturnType<F> }['method'];

/** Everything the product asks of Zoho Billing: one typed function per entry (billingClient.ts). */
export type BillingApi = { [N in CallName]: AsMethod<NonNullable<Table[N]['signature']>> };

/** The calls whose answers the cache keeps (entries with `cache`). */
export type ReadCall = { [N in CallName]: Table[N] extends { cache: object } ? N : never }[CallName];
/** The writes (entries with `changes`). */
export type WriteCall = { [N in CallName]: Table[N] extends { changes: object } ? N : never }[CallName];

/** The entries as one loosely typed list, for code that walks them all (the client, the cache, tests). */
export const ENTRIES = CALLS as unknown as Readonly<Record<CallName, CallEntry<unknown[], unknown>>>;
export const CALL_NAMES = Object.keys(CALLS) as CallName[];
