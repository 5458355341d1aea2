/**
 * Zoho Billing client over the Desk connection (DeskHost.request). It builds every URL itself (so each
 * path segment and query value is encoded exactly once, whatever the SDK does with `data`), checks the
 * `{code, message}` envelope even on HTTP 200, turns every failure into one BillingError kind, and maps
 * wire shapes to the normalised model through schemas.ts.
 *
 * Nothing here retries: a write must happen exactly once (B8), and backing off is the caller's decision
 * (it knows the org-wide budget, C3). Only a rejected payment-link call falls back to a read.
 *
 * Error classification lives in errors.ts and PDF decoding in pdf.ts. The file is still longer than the
 * house's ~300 lines because it is one method per Billing endpoint plus the request bodies those methods
 * send; each is short, and splitting the endpoints apart would scatter the one transport they share.
 */
import { isRecord } from '../host/guards';
import type { DataCenter, DeskHost, HostRequest, HostResponse } from '../host/types';
import { billingApiBase } from './dataCenters';
import { invoiceBody, quoteBody } from './documentBodies';
import { BillingError, describe, envelopeOf, errorForCode, errorForStatus, hostError, jsonOf } from './errors';
import { pdfOf } from './pdf';
import { emptyPage, MAX_PER_PAGE, pageNumber, perPage } from './pagination';
import {
  activitySchema,
  catalogItemSchema,
  catalogPlanSchema,
  contactPersonSchema,
  customerSchema,
  customerSummarySchema,
  hostedPageSchema,
  invoiceDetailSchema,
  invoiceSummarySchema,
  organizationSchema,
  pageInfo,
  parseRows,
  quoteSchema,
  subscriptionDetailSchema,
  subscriptionSchema,
  toId,
  transactionSchema,
  type Schema,
} from './schemas';
import type {
  Address,
  BillingApi,
  CatalogEntry,
  Customer,
  CustomerInput,
  InvoiceDetail,
  InvoiceListQuery,
  Page,
  Quote,
  QuoteListQuery,
} from './types';

export interface BillingClientOptions {
  request: DeskHost['request'];
  dataCenter: DataCenter;
  /** Connected organization; null before one is chosen (only listOrganizations works then). */
  organizationId: string | null;
  /** Clock for Retry-After dates (tests). */
  now?: () => number;
  /** Told when list rows were dropped for lack of an id (diagnostics; the rest of the list is kept). */
  onDroppedRows?: (resource: string, count: number) => void;
}

export const ORGANIZATION_HEADER = 'X-com-zoho-subscriptions-organizationid';

/** First screen of invoices: enough for the tab without spending a 200-row answer on every panel open. */
export const DEFAULT_INVOICES_PER_PAGE = 50;
export const DEFAULT_SEARCH_PER_PAGE = 50;

type Query = Record<string, string | number | undefined>;

interface Call {
  method: HostRequest['method'];
  /** Path segments, each encoded on its own (ids and emails come from outside). */
  path: string[];
  query?: Query;
  body?: unknown;
  /** Every call but GET /organizations carries the org header (§1.2). */
  orgScoped?: boolean;
  responseType?: 'blob';
}

// ---------------------------------------------------------------------------------------------
// Request bodies

const ADDRESS_KEYS = ['attention', 'street', 'street2', 'city', 'state', 'zip', 'country', 'phone', 'fax'] as const;

function addressBody(a: Partial<Address>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ADDRESS_KEYS) {
    const value = a[key];
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

function customerBody(input: CustomerInput): Record<string, unknown> {
  const fullName = [input.firstName, input.lastName].map((s) => s.trim()).filter(Boolean).join(' ');
  const body: Record<string, unknown> = {
    // display_name and email are the two fields Billing requires (§5.4).
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

function normalizeForSearch(s: string): string {
  // NFKC folds full-width Latin and half-width kana, which Japanese catalogs mix freely.
  return s.normalize('NFKC').toLowerCase().trim();
}

// ---------------------------------------------------------------------------------------------

export function createBillingClient(options: BillingClientOptions): BillingApi {
  const base = billingApiBase(options.dataCenter);
  const now = options.now ?? (() => Date.now());
  const orgId = options.organizationId === null ? null : options.organizationId.trim() || null;

  function urlOf(call: Call): string {
    // "" would turn GET /customers/{id} into the customer list, and URL parsers resolve "." and ".." (even
    // percent-encoded) to other endpoints: such an id cannot name a record, so no call is made for it.
    if (call.path.some((segment) => /^(?:\s*|\.|\.\.)$/.test(segment))) {
      throw new BillingError('not-found', 'Not a Billing record id');
    }
    const path = call.path.map((segment) => encodeURIComponent(segment)).join('/');
    const query = Object.entries(call.query ?? {})
      .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
      .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
      .join('&');
    return `${base}/${path}${query ? `?${query}` : ''}`;
  }

  async function send(call: Call): Promise<HostResponse> {
    const orgScoped = call.orgScoped ?? true;
    if (orgScoped && orgId === null) {
      throw new BillingError('not-configured', 'No Billing organization is connected');
    }
    const headers: Record<string, string> = {};
    if (orgScoped && orgId !== null) headers[ORGANIZATION_HEADER] = orgId;
    if (call.method === 'POST' || call.method === 'PUT') headers['Content-Type'] = 'application/json';
    const req: HostRequest = { method: call.method, url: urlOf(call), headers };
    if (call.body !== undefined) req.body = call.body;
    if (call.responseType) req.responseType = call.responseType;
    let result: Awaited<ReturnType<DeskHost['request']>> | undefined;
    try {
      result = await options.request(req);
    } catch (e) {
      throw new BillingError('network', e instanceof Error ? e.message : 'The Desk connection failed', { cause: e });
    }
    // The seam is typed, but the value crossed an SDK boundary: check before trusting it.
    if (!isRecord(result)) throw new BillingError('malformed', 'The Desk connection gave no result');
    if (!result.ok) throw hostError(result.error);
    if (!isRecord(result.value) || typeof result.value.status !== 'number') {
      throw new BillingError('malformed', 'The Desk connection gave no HTTP status');
    }
    return result.value;
  }

  /** One JSON answer, envelope checked: the body object on success, a BillingError otherwise. */
  async function json(call: Call): Promise<Record<string, unknown>> {
    const res = await send(call);
    const body = jsonOf(res.body);
    const env = envelopeOf(body);
    if (!(res.status >= 200 && res.status <= 299)) throw errorForStatus(res, env, now());
    if (!isRecord(body)) {
      throw new BillingError('malformed', `Billing answered with ${describe(body)}`, { status: res.status });
    }
    // An answer without `code` is read for its resource; one with a non-zero code is a refusal.
    if (env && env.code !== null && env.code !== 0) throw errorForCode(res.status, env);
    if ('code' in body && (env === null || env.code === null)) {
      throw new BillingError('malformed', 'Billing answered with an unreadable code', { status: res.status });
    }
    return body;
  }

  function malformed(what: string): BillingError {
    return new BillingError('malformed', `Billing's answer has no usable ${what}`);
  }

  function rowsOf<T>(body: Record<string, unknown>, key: string, schema: Schema<T>): T[] {
    const raw = body[key];
    if (!Array.isArray(raw)) throw malformed(key);
    const { items, dropped } = parseRows(raw, schema);
    if (dropped > 0) options.onDroppedRows?.(key, dropped);
    return items;
  }

  function oneOf<T>(body: Record<string, unknown>, key: string, schema: Schema<T>): T {
    const r = schema.safeParse(body[key]);
    if (!r.success) throw malformed(key);
    return r.data;
  }

  async function list<T>(call: Call, key: string, schema: Schema<T>, page: number): Promise<Page<T>> {
    const body = await json(call);
    const items = rowsOf(body, key, schema);
    const info = pageInfo(body.page_context, page);
    return { items, page: info.page, hasMore: info.hasMore };
  }

  const api: BillingApi = {
    async listOrganizations() {
      const body = await json({ method: 'GET', path: ['organizations'], orgScoped: false });
      return rowsOf(body, 'organizations', organizationSchema);
    },

    async findCustomersByEmail(email) {
      const wanted = email.trim();
      if (wanted === '') return [];
      const body = await json({
        method: 'GET',
        path: ['customers'],
        query: { email: wanted, per_page: MAX_PER_PAGE },
      });
      // If Billing ever ignored the filter, the first page of every customer must not pass for matches.
      return rowsOf(body, 'customers', customerSummarySchema).filter(
        (c) => c.email.toLowerCase() === wanted.toLowerCase(),
      );
    },

    async searchCustomers(text, page) {
      const p = pageNumber(page);
      const wanted = text.trim();
      if (wanted === '') return emptyPage(p);
      return list(
        {
          method: 'GET',
          path: ['customers'],
          query: { search_text: wanted, page: p, per_page: DEFAULT_SEARCH_PER_PAGE },
        },
        'customers',
        customerSummarySchema,
        p,
      );
    },

    async listCustomers(page) {
      const p = pageNumber(page);
      // Only what customers.yml documents for this list: `filter_by` (its description) and the paging params.
      return list(
        { method: 'GET', path: ['customers'], query: { filter_by: 'Status.All', page: p, per_page: MAX_PER_PAGE } },
        'customers',
        customerSummarySchema,
        p,
      );
    },

    async getCustomer(id) {
      const body = await json({ method: 'GET', path: ['customers', id] });
      return oneOf(body, 'customer', customerSchema);
    },

    async listContactPersons(customerId) {
      const body = await json({ method: 'GET', path: ['customers', customerId, 'contactpersons'] });
      // SPEC key `contact_persons`, real clients read `contactpersons` (§5.3).
      const key = Array.isArray(body.contact_persons) ? 'contact_persons' : 'contactpersons';
      return rowsOf(body, key, contactPersonSchema);
    },

    async listSubscriptions(customerId, page) {
      const p = pageNumber(page);
      return list(
        {
          method: 'GET',
          path: ['subscriptions'],
          // Without an explicit filter Billing applied SubscriptionStatus.LIVE and hid cancelled ones (§6.2).
          query: { customer_id: customerId, filter_by: 'SubscriptionStatus.All', page: p, per_page: MAX_PER_PAGE },
        },
        'subscriptions',
        subscriptionSchema,
        p,
      );
    },

    async getSubscription(id) {
      const body = await json({ method: 'GET', path: ['subscriptions', id] });
      return oneOf(body, 'subscription', subscriptionDetailSchema);
    },

    async listSubscriptionActivities(subscriptionId) {
      const body = await json({ method: 'GET', path: ['subscriptions', subscriptionId, 'recentactivities'] });
      return rowsOf(body, 'activities', activitySchema);
    },

    async listTransactions(customerId, page) {
      const p = pageNumber(page);
      return list(
        {
          method: 'GET',
          path: ['transactions'],
          query: { customer_id: customerId, filter_by: 'TransactionType.All', page: p, per_page: MAX_PER_PAGE },
        },
        'transactions',
        transactionSchema,
        p,
      );
    },

    async listInvoices(query: InvoiceListQuery) {
      if (!query.customerId && !query.subscriptionId) {
        // Listing every invoice of the org is never what a panel wants, and it is expensive.
        throw new BillingError('rejected', 'listInvoices needs a customer or a subscription');
      }
      const p = pageNumber(query.page);
      return list(
        {
          method: 'GET',
          path: ['invoices'],
          query: {
            customer_id: query.customerId || undefined,
            subscription_id: query.subscriptionId || undefined,
            search_text: query.searchText?.trim() || undefined,
            filter_by: 'Status.All',
            sort_column: 'date',
            sort_order: 'D',
            page: p,
            per_page: perPage(query.perPage, DEFAULT_INVOICES_PER_PAGE),
          },
        },
        'invoices',
        invoiceSummarySchema,
        p,
      );
    },

    async getInvoice(id) {
      const body = await json({ method: 'GET', path: ['invoices', id] });
      return oneOf(body, 'invoice', invoiceDetailSchema);
    },

    async getInvoicePdf(id) {
      const res = await send({ method: 'GET', path: ['invoices', id], query: { accept: 'pdf' }, responseType: 'blob' });
      return pdfOf(res, now());
    },

    async createInvoicePaymentLink(invoiceId) {
      let hostedError: BillingError;
      try {
        const body = await json({
          method: 'POST',
          path: ['hostedpages', 'invoicepayment'],
          body: { invoice_id: invoiceId },
        });
        const page = hostedPageSchema.safeParse(body.hostedpage);
        if (page.success && page.data.url !== null) return page.data.url;
        hostedError = malformed('hostedpage url');
      } catch (e) {
        if (!(e instanceof BillingError)) throw e;
        // Transient failures and an unauthorised Desk connection (no HTTP answer at all) are not helped
        // by spending another call; Billing's own 401/code 57 may just be the missing optional scope.
        const connectionDown = e.kind === 'not-authorised' && e.status === undefined && e.code === undefined;
        if (e.transient || e.kind === 'not-configured' || connectionDown) throw e;
        hostedError = e;
      }
      // Hosted pages need an optional scope (hostedpages.CREATE); the invoice's own page also takes payment.
      let invoice: InvoiceDetail;
      try {
        invoice = await api.getInvoice(invoiceId);
      } catch {
        throw hostedError;
      }
      if (invoice.invoiceUrl === null) throw hostedError;
      return invoice.invoiceUrl;
    },

    async markInvoiceOpen(invoiceId) {
      await json({ method: 'POST', path: ['invoices', invoiceId, 'converttoopen'] });
    },

    async listCatalog(search) {
      const [items, plans] = await Promise.allSettled([
        json({ method: 'GET', path: ['items'], query: { per_page: MAX_PER_PAGE } }).then((b) =>
          rowsOf(b, 'items', catalogItemSchema),
        ),
        json({ method: 'GET', path: ['plans'], query: { per_page: MAX_PER_PAGE } }).then((b) =>
          rowsOf(b, 'plans', catalogPlanSchema),
        ),
      ]);
      // Items and plans need separate optional scopes: one list is better than none, both failing is an error.
      if (items.status === 'rejected' && plans.status === 'rejected') throw items.reason;
      const all = [
        ...(items.status === 'fulfilled' ? items.value : []),
        ...(plans.status === 'fulfilled' ? plans.value : []),
      ].filter((entry) => entry.active);
      const wanted = normalizeForSearch(search ?? '');
      return all
        .filter(
          (entry) =>
            wanted === '' ||
            normalizeForSearch(entry.name).includes(wanted) ||
            normalizeForSearch(entry.description).includes(wanted) ||
            normalizeForSearch(entry.id).includes(wanted),
        )
        .map(({ active: _active, ...entry }): CatalogEntry => entry);
    },

    async createCustomer(input) {
      const body = await json({ method: 'POST', path: ['customers'], body: customerBody(input) });
      return oneOf(body, 'customer', customerSchema);
    },

    async updateCustomerAddresses(customer: Customer, billing, shipping) {
      if (billing === null && shipping === null) return customer;
      const payload: Record<string, unknown> = {
        // Billing requires both on update too (§5.4); sent back unchanged.
        display_name: customer.displayName,
        email: customer.email,
      };
      if (billing) payload.billing_address = addressBody(billing);
      if (shipping) payload.shipping_address = addressBody(shipping);
      const body = await json({ method: 'PUT', path: ['customers', customer.id], body: payload });
      const updated = oneOf(body, 'customer', customerSchema);
      // The update answer does not list contact persons; keep the ones already known.
      return updated.contactPersons.length > 0 ? updated : { ...updated, contactPersons: customer.contactPersons };
    },

    async createInvoice(input) {
      const body = await json({ method: 'POST', path: ['invoices'], query: { send: 'false' }, body: invoiceBody(input) });
      return oneOf(body, 'invoice', invoiceDetailSchema);
    },

    async createQuote(input) {
      const body = await json({ method: 'POST', path: ['estimates'], body: quoteBody(input) });
      return oneOf(body, 'estimate', quoteSchema);
    },

    async listQuotes(query: QuoteListQuery): Promise<Page<Quote>> {
      const p = pageNumber(query.page);
      const body = await json({
        method: 'GET',
        path: ['estimates'],
        query: {
          // Not documented for /estimates: sent in case Billing honours it, and checked on every row below.
          customer_id: query.customerId,
          filter_by: 'Status.All',
          sort_column: 'created_time',
          sort_order: 'D',
          page: p,
          per_page: MAX_PER_PAGE,
        },
      });
      const raw = body.estimates;
      if (!Array.isArray(raw)) throw malformed('estimates');
      // A row without a readable customer_id cannot be shown to belong to this customer: left out.
      const mine = raw.filter((row) => isRecord(row) && toId(row.customer_id) === query.customerId);
      const { items, dropped } = parseRows(mine, quoteSchema);
      if (dropped > 0) options.onDroppedRows?.('estimates', dropped);
      const info = pageInfo(body.page_context, p);
      return { items, page: info.page, hasMore: info.hasMore };
    },
  };
  return api;
}
