/**
 * The Billing calls the panel's first screen does not make: subscription and invoice details, activity,
 * transactions, the invoice PDF, payment links, the catalog, quotes and every write (billing-api.md
 * §5.4, §6–§9). billingClient.ts loads this module the first time one of them is called, so their
 * schemas, request bodies and PDF decoding stay out of the panel's first script (issue 12). Each call
 * goes through the same transport (URL, org header, envelope check, error kinds) as the first-screen reads.
 */
import { isRecord } from '../host/guards';
import type { Transport } from './transport';
import { toId } from './coerce';
import {
  activitySchema,
  catalogItemSchema,
  catalogPlanSchema,
  hostedPageSchema,
  invoiceDetailSchema,
  quoteSchema,
  subscriptionDetailSchema,
  transactionSchema,
} from './detailSchemas';
import { invoiceBody, quoteBody } from './documentBodies';
import { BillingError } from './errors';
import { MAX_PER_PAGE, pageNumber } from './pagination';
import { pdfOf } from './pdf';
import { customerSchema, pageInfo, parseRows } from './schemas';
import type { Address, BillingApi, CatalogEntry, Customer, CustomerInput, InvoiceDetail, Page, Quote, QuoteListQuery } from './types';

export type LaterCallName =
  | 'getSubscription'
  | 'listSubscriptionActivities'
  | 'listTransactions'
  | 'getInvoice'
  | 'getInvoicePdf'
  | 'createInvoicePaymentLink'
  | 'markInvoiceOpen'
  | 'listCatalog'
  | 'createCustomer'
  | 'updateCustomerAddresses'
  | 'createInvoice'
  | 'createQuote'
  | 'listQuotes';
export type LaterCalls = Pick<BillingApi, LaterCallName>;

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

export function laterCalls(transport: Transport): LaterCalls {
  const { json, send, rowsOf, oneOf, list, malformed, now, onDroppedRows } = transport;
  const calls: LaterCalls = {
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
        invoice = await calls.getInvoice(invoiceId);
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
      if (dropped > 0) onDroppedRows?.('estimates', dropped);
      const info = pageInfo(body.page_context, p);
      return { items, page: info.page, hasMore: info.hasMore };
    },
  };
  return calls;
}
