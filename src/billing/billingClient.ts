/**
 * Zoho Billing client over the Desk connection (DeskHost.request). It builds every URL itself (so each
 * path segment and query value is encoded exactly once, whatever the SDK does with `data`), checks the
 * `{code, message}` envelope even on HTTP 200, turns every failure into one BillingError kind, and maps
 * wire shapes to the normalised model through schemas.ts.
 *
 * Nothing here retries: a write must happen exactly once (B8), and backing off is the caller's decision
 * (it knows the org-wide budget, C3). Only a rejected payment-link call falls back to a read.
 *
 * This file holds the transport and the reads of the panel's first screen (customer search, customer,
 * subscriptions, invoices, organizations); every other call (details, PDF, payment link, catalog, quotes,
 * writes) is in laterCalls.ts, loaded on first use over the same transport. Error classification lives
 * in errors.ts and PDF decoding in pdf.ts.
 */
import { isRecord } from '../host/guards';
import type { DataCenter, DeskHost, HostRequest, HostResponse } from '../host/types';
import { billingApiBase } from './dataCenters';
import { BillingError, describe, envelopeOf, errorForCode, errorForStatus, hostError, jsonOf } from './errors';
import type { LaterCalls } from './laterCalls';
import { emptyPage, MAX_PER_PAGE, pageNumber, perPage } from './pagination';
import {
  contactPersonSchema,
  customerSchema,
  customerSummarySchema,
  invoiceSummarySchema,
  organizationSchema,
  pageInfo,
  parseRows,
  subscriptionSchema,
  type Schema,
} from './schemas';
import type { BillingApi, InvoiceListQuery, Page } from './types';

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

export interface Call {
  method: HostRequest['method'];
  /** Path segments, each encoded on its own (ids and emails come from outside). */
  path: string[];
  query?: Query;
  body?: unknown;
  /** Every call but GET /organizations carries the org header (§1.2). */
  orgScoped?: boolean;
  responseType?: 'blob';
}

/** What laterCalls.ts needs from the client: the one transport and its row readers. */
export interface Transport {
  send(call: Call): Promise<HostResponse>;
  /** One JSON answer, envelope checked: the body object on success, a BillingError otherwise. */
  json(call: Call): Promise<Record<string, unknown>>;
  rowsOf<T>(body: Record<string, unknown>, key: string, schema: Schema<T>): T[];
  oneOf<T>(body: Record<string, unknown>, key: string, schema: Schema<T>): T;
  list<T>(call: Call, key: string, schema: Schema<T>, page: number): Promise<Page<T>>;
  malformed(what: string): BillingError;
  now(): number;
  onDroppedRows: BillingClientOptions['onDroppedRows'];
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

  const transport: Transport = { json, send, rowsOf, oneOf, list, malformed, now, onDroppedRows: options.onDroppedRows };

  // Every other call is in laterCalls.ts, its own chunk, fetched the first time one is made. A chunk that
  // cannot load (the connection dropped) is a network failure like any other, and the next call tries again.
  let loading: Promise<LaterCalls> | null = null;
  const later = (): Promise<LaterCalls> => {
    loading ??= import('./laterCalls').then(
      (m) => m.laterCalls(transport),
      (e: unknown) => {
        loading = null;
        throw new BillingError('network', 'Part of the panel could not be loaded', { cause: e });
      },
    );
    return loading;
  };

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

    // Loaded on first use (laterCalls.ts).
    getSubscription: (...args) => later().then((calls) => calls.getSubscription(...args)),
    listSubscriptionActivities: (...args) => later().then((calls) => calls.listSubscriptionActivities(...args)),
    listTransactions: (...args) => later().then((calls) => calls.listTransactions(...args)),
    getInvoice: (...args) => later().then((calls) => calls.getInvoice(...args)),
    getInvoicePdf: (...args) => later().then((calls) => calls.getInvoicePdf(...args)),
    createInvoicePaymentLink: (...args) => later().then((calls) => calls.createInvoicePaymentLink(...args)),
    markInvoiceOpen: (...args) => later().then((calls) => calls.markInvoiceOpen(...args)),
    listCatalog: (...args) => later().then((calls) => calls.listCatalog(...args)),
    createCustomer: (...args) => later().then((calls) => calls.createCustomer(...args)),
    updateCustomerAddresses: (...args) => later().then((calls) => calls.updateCustomerAddresses(...args)),
    createInvoice: (...args) => later().then((calls) => calls.createInvoice(...args)),
    createQuote: (...args) => later().then((calls) => calls.createQuote(...args)),
    listQuotes: (...args) => later().then((calls) => calls.listQuotes(...args)),
  };
  return api;
}
