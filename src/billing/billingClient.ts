/**
 * Zoho Billing client: the reads of the panel's first screen (customer search, customer, subscriptions,
 * invoices, organizations) over the one transport (transport.ts), mapped to the normalised model through
 * schemas.ts. Every other call (details, PDF, payment link, catalog, quotes, writes) is in laterCalls.ts,
 * loaded on first use over the same transport. Error classification lives in errors.ts and PDF decoding
 * in pdf.ts.
 */
import { BillingError } from './errors';
import type { LaterCalls } from './laterCalls';
import { emptyPage, MAX_PER_PAGE, pageNumber, perPage } from './pagination';
import {
  contactPersonSchema,
  customerSchema,
  customerSummarySchema,
  invoiceSummarySchema,
  organizationSchema,
  subscriptionSchema,
} from './schemas';
import { createTransport, type BillingClientOptions } from './transport';
import type { BillingApi, InvoiceListQuery } from './types';

export { ORGANIZATION_HEADER, type BillingClientOptions } from './transport';

/** First screen of invoices: enough for the tab without spending a 200-row answer on every panel open. */
export const DEFAULT_INVOICES_PER_PAGE = 50;
export const DEFAULT_SEARCH_PER_PAGE = 50;

// ---------------------------------------------------------------------------------------------

export function createBillingClient(options: BillingClientOptions): BillingApi {
  const transport = createTransport(options);
  const { json, rowsOf, oneOf, list } = transport;

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
