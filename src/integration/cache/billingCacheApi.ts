/**
 * The cache's face as a plain BillingApi (billingCache.ts builds it): every read goes through the cache,
 * every write passes straight through and then drops, in this one place, what it changed — in this
 * tab, in every other agent's shared snapshot (tombstones), and in searches a new customer can answer.
 * Which reads belong to one customer is decided here too (`customerOf`), for Refresh and for writes.
 */
import type { BillingApi } from '../../billing/types';
import type { ReadCall, ReadResult } from './billingCacheTypes';

const CUSTOMER_SCOPED: ReadonlySet<ReadCall> = new Set([
  'getCustomer',
  'listContactPersons',
  'listSubscriptions',
  'listTransactions',
]);

/** The customer a read is about, or null (searches, invoices by id, the catalog…). */
export function customerOf(call: ReadCall, args: readonly unknown[]): string | null {
  if (CUSTOMER_SCOPED.has(call) && typeof args[0] === 'string') return args[0];
  if (call === 'listInvoices' && typeof args[0] === 'object' && args[0] !== null) {
    const id = (args[0] as { customerId?: unknown }).customerId;
    return typeof id === 'string' ? id : null;
  }
  return null;
}

const SEARCHES: ReadonlySet<ReadCall> = new Set(['findCustomersByEmail', 'searchCustomers']);

export interface CacheInternals {
  /** A read through the cache; `fresh` asks Billing whatever is kept. */
  read<K extends ReadCall>(call: K, args: readonly unknown[], fresh: boolean): Promise<ReadResult<K>>;
  /** Drops kept answers whose call and arguments match; their readers hear it. */
  invalidateWhere(matches: (call: ReadCall, args: readonly unknown[]) => boolean): void;
  /** After a write: this customer's answers here and in the portal's snapshot, and the email's link. */
  wrote(customerId: string | null, email?: string): void;
}

export function cacheApi(api: BillingApi, cache: CacheInternals, fresh: ReadonlySet<ReadCall>): BillingApi {
  const reader =
    <K extends ReadCall>(call: K) =>
    (...args: Parameters<BillingApi[K]>): Promise<ReadResult<K>> =>
      cache.read(call, args, fresh.has(call));
  /** A new or changed customer can change the answer of any search. */
  const invalidateSearches = () => cache.invalidateWhere((call) => SEARCHES.has(call));
  return {
    listOrganizations: reader('listOrganizations'),
    findCustomersByEmail: reader('findCustomersByEmail'),
    searchCustomers: reader('searchCustomers'),
    // Only the portal's batched check reads the whole list (through the cache's pacing, not kept).
    listCustomers: (page) => api.listCustomers(page),
    getCustomer: reader('getCustomer'),
    listContactPersons: reader('listContactPersons'),
    listSubscriptions: reader('listSubscriptions'),
    getSubscription: reader('getSubscription'),
    listSubscriptionActivities: reader('listSubscriptionActivities'),
    listTransactions: reader('listTransactions'),
    listInvoices: reader('listInvoices'),
    getInvoice: reader('getInvoice'),
    listCatalog: reader('listCatalog'),
    getInvoicePdf: (id) => api.getInvoicePdf(id),
    createInvoicePaymentLink: (id) => api.createInvoicePaymentLink(id),
    markInvoiceOpen: async (id) => {
      const opened = await api.markInvoiceOpen(id);
      // Its status changed: the invoice and every invoice list that may show it read again.
      cache.invalidateWhere((call, args) => (call === 'getInvoice' && args[0] === id) || call === 'listInvoices');
      return opened;
    },
    createCustomer: async (input) => {
      const created = await api.createCustomer(input);
      // Otherwise a kept "no customer for this email" would hide the one just created.
      invalidateSearches();
      cache.wrote(null, input.email);
      return created;
    },
    updateCustomerAddresses: async (customer, billing, shipping) => {
      const updated = await api.updateCustomerAddresses(customer, billing, shipping);
      cache.wrote(customer.id, customer.email);
      invalidateSearches();
      return updated;
    },
    createInvoice: async (input) => {
      const created = await api.createInvoice(input);
      cache.wrote(input.customerId);
      return created;
    },
    createQuote: async (input) => {
      const created = await api.createQuote(input);
      cache.wrote(input.customerId);
      return created;
    },
    // Straight through, uncached: only the write guard reads quotes, and it must see Billing as it is now.
    listQuotes: (query) => api.listQuotes(query),
  };
}
