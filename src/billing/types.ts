/**
 * Normalised Zoho Billing model: what the UI reads. The wire shapes (and their many variants)
 * live in schemas.ts; nothing outside src/billing sees a raw Billing field name.
 *
 * Conventions: ids are strings; money is a number or null when Billing sent nothing usable;
 * dates are "YYYY-MM-DD" or null; instants are ISO-8601 strings with a colon offset or null;
 * statuses are lower-case strings, unknown values kept as they came.
 */

export interface Organization {
  id: string;
  name: string;
  currencyCode: string | null;
  /** Raw user_role from Billing, e.g. "admin". */
  role: string | null;
  isAdmin: boolean;
  isDefault: boolean;
}

export interface Address {
  attention: string;
  street: string;
  street2: string;
  city: string;
  state: string;
  zip: string;
  country: string;
  phone: string;
  fax: string;
}

/** A row of the customer search: already carries name and balances (shown before the detail arrives). */
export interface CustomerSummary {
  id: string;
  displayName: string;
  companyName: string;
  email: string;
  firstName: string;
  lastName: string;
  phone: string;
  status: string;
  currencyCode: string | null;
  unusedCredits: number | null;
  outstanding: number | null;
  /** When the customer's record last changed in Billing (`updated_time`, list rows and detail alike). */
  updatedTime: string | null;
}

export interface ContactPerson {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
}

export interface Customer extends CustomerSummary {
  mobile: string;
  billingAddress: Address | null;
  shippingAddress: Address | null;
  paymentTerms: number | null;
  paymentTermsLabel: string;
  contactPersons: ContactPerson[];
  createdTime: string | null;
}

export interface Subscription {
  id: string;
  number: string;
  name: string;
  planName: string;
  planCode: string;
  status: string;
  amount: number | null;
  currencyCode: string | null;
  interval: number | null;
  intervalUnit: string;
  activatedAt: string | null;
  createdAt: string | null;
  currentTermStartsAt: string | null;
  currentTermEndsAt: string | null;
  nextBillingAt: string | null;
  lastBillingAt: string | null;
  expiresAt: string | null;
  cancelledAt: string | null;
  autoCollect: boolean | null;
  createdTime: string | null;
}

export interface SubscriptionLine {
  code: string;
  name: string;
  quantity: number | null;
  price: number | null;
  total: number | null;
}

export interface SubscriptionDetail extends Subscription {
  plan: SubscriptionLine | null;
  addons: SubscriptionLine[];
  couponCode: string;
  couponDiscount: number | null;
  /** -1 = renews until cancelled. */
  remainingBillingCycles: number | null;
  endOfTerm: boolean | null;
  /** `id`: Billing's card_id, what Collect now charges (never shown). */
  card: { id?: string; lastFour: string; gateway: string; expiryMonth: number | null; expiryYear: number | null } | null;
  paymentTermsLabel: string;
  customerId: string | null;
}

export interface SubscriptionActivity {
  id: string;
  description: string;
  /** ISO instant. */
  time: string | null;
  by: string;
}

export type TransactionType = 'invoice' | 'payment' | 'credit' | 'refund' | string;

export interface Transaction {
  id: string;
  type: TransactionType;
  date: string | null;
  amount: number | null;
  status: string;
  referenceId: string;
  currencyCode: string | null;
}

export interface InvoiceSummary {
  id: string;
  number: string;
  status: string;
  date: string | null;
  dueDate: string | null;
  total: number | null;
  balance: number | null;
  currencyCode: string | null;
  customerId: string | null;
  /** Desk ticket reference (e.g. "DESK-104233") when the list row carries it. */
  referenceNumber: string | null;
  transactionType: string | null;
}

export interface InvoiceLine {
  id: string;
  name: string;
  description: string;
  code: string;
  quantity: number | null;
  price: number | null;
  total: number | null;
}

export interface InvoicePayment {
  id: string;
  mode: string;
  date: string | null;
  amount: number | null;
  referenceNumber: string;
}

export interface InvoiceDetail extends InvoiceSummary {
  lines: InvoiceLine[];
  subTotal: number | null;
  taxTotal: number | null;
  paymentMade: number | null;
  creditsApplied: number | null;
  writeOffAmount: number | null;
  payments: InvoicePayment[];
  /** Customer-facing invoice page with a pay option (https only, else null). */
  invoiceUrl: string | null;
  notes: string;
  /** The subscriptions this invoice bills (its card is the one Collect now charges); empty for one-off invoices. */
  subscriptionIds?: string[];
}

/** A link for the customer, put into a reply or copied. */
export interface ReplyLink {
  url: string;
  /** When it stops working (ISO instant): hosted pages "expire within one hour" (hosted-pages.yml); null: it lasts. */
  expiresAt: string | null;
}

export interface Page<T> {
  items: T[];
  page: number;
  hasMore: boolean;
}

export interface CatalogEntry {
  kind: 'item' | 'plan';
  /** Item id (for invoice lines' product_id) or plan code. */
  id: string;
  name: string;
  description: string;
  /**
   * Catalog price in `currencyCode`, or in the organization's base currency when Billing gives none
   * (items and plans are priced in the base currency): never a price in the customer's currency.
   */
  price: number | null;
  currencyCode: string | null;
}

export interface CustomerInput {
  displayName: string;
  firstName: string;
  lastName: string;
  email: string;
  companyName: string;
  phone: string;
  billingAddress: Partial<Address> | null;
  shippingAddress: Partial<Address> | null;
}

export interface DocumentLineInput {
  productId: string;
  name: string;
  description?: string;
  /** In the document's currency, which is the customer's currency (sent as `rate`). */
  price: number;
  quantity: number;
}

export interface DocumentInput {
  customerId: string;
  /** YYYY-MM-DD */
  date: string;
  referenceNumber: string;
  lines: DocumentLineInput[];
  notes?: string;
  /** Base-currency units per one unit of the document's currency (`exchange_rate`); left out when not known. */
  exchangeRate?: number;
}

export interface Quote {
  id: string;
  number: string;
  status: string;
  date: string | null;
  total: number | null;
  currencyCode: string | null;
  referenceNumber: string | null;
}

export interface InvoiceListQuery {
  customerId?: string;
  subscriptionId?: string;
  /**
   * Billing's `search_text` (invoice number, reference/PO, customer name; billing-api.md §8.2, §8.5).
   * Unverified on Billing: callers still check every row themselves.
   */
  searchText?: string;
  page?: number;
  perPage?: number;
}

export interface QuoteListQuery {
  customerId: string;
  page?: number;
}

/** Everything the product asks of Zoho Billing: one typed function per entry of the call table. */
export type { BillingApi } from './callTable';
