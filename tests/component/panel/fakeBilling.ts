/** An in-memory BillingApi for panel tests: normalised records, a call log, switchable failures. */
import { CALL_NAMES } from '../../../src/billing/callTable';
import { BillingError, type BillingErrorKind } from '../../../src/billing/errors';
import type {
  BillingApi,
  Customer,
  CustomerSummary,
  InvoiceDetail,
  InvoiceSummary,
  Page,
  Subscription,
  SubscriptionActivity,
  SubscriptionDetail,
  Transaction,
} from '../../../src/billing/types';

export function customer(id: string, displayName: string, email: string, overrides: Partial<Customer> = {}): Customer {
  return {
    id,
    displayName,
    companyName: '',
    email,
    firstName: '',
    lastName: '',
    phone: '+1 555 0100',
    status: 'active',
    currencyCode: 'USD',
    unusedCredits: 25,
    outstanding: 120.5,
    updatedTime: null,
    mobile: '',
    billingAddress: { attention: '', street: '1 Main St', street2: '', city: 'Springfield', state: 'IL', zip: '62701', country: 'USA', phone: '', fax: '' },
    shippingAddress: null,
    paymentTerms: 15,
    paymentTermsLabel: 'Net 15',
    contactPersons: [],
    createdTime: null,
    ...overrides,
  };
}

export function subscription(id: string, customerId: string, overrides: Partial<SubscriptionDetail> = {}): SubscriptionDetail {
  return {
    id,
    number: `SUB-${id}`,
    name: 'Pro plan',
    planName: 'Pro plan',
    planCode: 'pro',
    status: 'live',
    amount: 49,
    currencyCode: 'USD',
    interval: 1,
    intervalUnit: 'months',
    activatedAt: '2026-01-01',
    createdAt: '2026-01-01',
    currentTermStartsAt: '2026-11-01',
    currentTermEndsAt: '2026-11-30',
    nextBillingAt: '2026-12-01',
    lastBillingAt: '2026-11-01',
    expiresAt: null,
    cancelledAt: null,
    autoCollect: true,
    createdTime: null,
    plan: { code: 'pro', name: 'Pro plan', quantity: 1, price: 49, total: 49 },
    addons: [{ code: 'seats', name: 'Extra seats', quantity: 3, price: 5, total: 15 }],
    couponCode: 'WELCOME10',
    couponDiscount: 4.9,
    remainingBillingCycles: -1,
    endOfTerm: false,
    card: { lastFour: '4242', gateway: 'stripe', expiryMonth: 12, expiryYear: 2028 },
    paymentTermsLabel: '',
    customerId,
    ...overrides,
  };
}

export function invoice(id: string, customerId: string, overrides: Partial<InvoiceDetail> = {}): InvoiceDetail {
  return {
    id,
    number: `INV-${id}`,
    status: 'paid',
    date: '2026-11-01',
    dueDate: '2026-11-16',
    total: 64,
    balance: 0,
    currencyCode: 'USD',
    customerId,
    referenceNumber: null,
    transactionType: 'renewal',
    lines: [{ id: `${id}-l1`, name: 'Pro plan', description: 'November', code: 'pro', quantity: 1, price: 64, total: 64 }],
    subTotal: 64,
    taxTotal: 0,
    paymentMade: 64,
    creditsApplied: 0,
    writeOffAmount: 0,
    payments: [{ id: `${id}-p1`, mode: 'Credit card', date: '2026-11-02', amount: 64, referenceNumber: 'ch_1' }],
    invoiceUrl: null,
    notes: '',
    ...overrides,
  };
}

export interface FakeBillingData {
  customers: Customer[];
  subscriptions: SubscriptionDetail[];
  invoices: InvoiceDetail[];
  activities: Record<string, SubscriptionActivity[]>;
  transactions: Record<string, Transaction[]>;
}

export interface FakeBilling {
  api: BillingApi;
  data: FakeBillingData;
  calls: Array<{ name: string; args: unknown[] }>;
  /** Every call fails with this kind while set. */
  fail: BillingErrorKind | null;
  /** Awaited before answering (hold a call to test slow answers). */
  before: ((name: string, args: unknown[]) => Promise<void> | void) | null;
  count(name?: string): number;
}

function summaryOf(c: Customer): CustomerSummary {
  const { id, displayName, companyName, email, firstName, lastName, phone, status, currencyCode, unusedCredits, outstanding, updatedTime } = c;
  return { id, displayName, companyName, email, firstName, lastName, phone, status, currencyCode, unusedCredits, outstanding, updatedTime };
}

function strip(i: InvoiceDetail): InvoiceSummary {
  const { id, number, status, date, dueDate, total, balance, currencyCode, customerId, referenceNumber, transactionType } = i;
  return { id, number, status, date, dueDate, total, balance, currencyCode, customerId, referenceNumber, transactionType };
}

function paged<T>(items: T[], page = 1, perPage: number): Page<T> {
  return { items: items.slice((page - 1) * perPage, page * perPage), page, hasMore: items.length > page * perPage };
}

export function createFakeBilling(data: Partial<FakeBillingData> = {}, perPage = 50): FakeBilling {
  const d: FakeBillingData = {
    customers: data.customers ?? [],
    subscriptions: data.subscriptions ?? [],
    invoices: data.invoices ?? [],
    activities: data.activities ?? {},
    transactions: data.transactions ?? {},
  };
  const fake: FakeBilling = {
    data: d,
    calls: [],
    fail: null,
    before: null,
    count: (name) => (name ? fake.calls.filter((c) => c.name === name).length : fake.calls.length),
    api: undefined as unknown as BillingApi,
  };
  const run = async <T,>(name: string, args: unknown[], answer: () => T): Promise<T> => {
    fake.calls.push({ name, args });
    if (fake.before) await fake.before(name, args);
    if (fake.fail) throw new BillingError(fake.fail, `fake ${fake.fail}`, fake.fail === 'rate-limited' ? { retryAfterMs: 60_000 } : {});
    return answer();
  };
  const notFound = () => new BillingError('not-found', 'no such record');
  const findCustomer = (id: string) => {
    const c = d.customers.find((x) => x.id === id);
    if (!c) throw notFound();
    return c;
  };
  const subsOf = (customerId: string): Subscription[] => d.subscriptions.filter((s) => s.customerId === customerId);
  // Every call of the table answers; one this fake does not model (a write added later) refuses.
  const modelled: Partial<BillingApi> = {
    listOrganizations: (...a) => run('listOrganizations', a, () => []),
    findCustomersByEmail: (...a) =>
      run('findCustomersByEmail', a, () =>
        d.customers.filter((c) => c.email.toLowerCase() === a[0].toLowerCase() || c.contactPersons.some((p) => p.email.toLowerCase() === a[0].toLowerCase())).map(summaryOf),
      ),
    searchCustomers: (...a) =>
      run('searchCustomers', a, () => {
        const q = a[0].toLowerCase();
        const hits = d.customers.filter((c) => [c.displayName, c.companyName, c.email].some((v) => v.toLowerCase().includes(q)));
        return paged(hits.map(summaryOf), a[1], perPage);
      }),
    listCustomers: (...a) => run('listCustomers', a, () => paged(d.customers.map(summaryOf), a[0], 200)),
    getCustomer: (...a) => run('getCustomer', a, () => findCustomer(a[0])),
    listContactPersons: (...a) => run('listContactPersons', a, () => findCustomer(a[0]).contactPersons),
    listSubscriptions: (...a) => run('listSubscriptions', a, () => paged(subsOf(a[0]), a[1], perPage)),
    getSubscription: (...a) =>
      run('getSubscription', a, () => {
        const s = d.subscriptions.find((x) => x.id === a[0]);
        if (!s) throw notFound();
        return s;
      }),
    listSubscriptionActivities: (...a) => run('listSubscriptionActivities', a, () => d.activities[a[0]] ?? []),
    listTransactions: (...a) => run('listTransactions', a, () => paged(d.transactions[a[0]] ?? [], a[1], perPage)),
    listInvoices: (...a) =>
      run('listInvoices', a, () => {
        const q = a[0];
        const rows = d.invoices
          .filter((i) => (!q.customerId || i.customerId === q.customerId) && (!q.subscriptionId || i.id.startsWith(`${q.subscriptionId}-`)))
          .sort((x, y) => (y.date ?? '').localeCompare(x.date ?? ''))
          .map(strip);
        return paged(rows, q.page, q.perPage ?? perPage);
      }),
    getInvoice: (...a) =>
      run('getInvoice', a, () => {
        const i = d.invoices.find((x) => x.id === a[0]);
        if (!i) throw notFound();
        return i;
      }),
    getInvoicePdf: (...a) => run('getInvoicePdf', a, () => new Blob()),
    createInvoicePaymentLink: (...a) => run('createInvoicePaymentLink', a, () => ({ url: 'https://pay.test/x', expiresAt: '2026-11-27T15:05:00+00:00' })),
    createCardUpdateLink: (...a) => run('createCardUpdateLink', a, () => ({ url: 'https://pay.test/card', expiresAt: '2026-11-27T15:05:00+00:00' })),
    markInvoiceOpen: (...a) => run('markInvoiceOpen', a, () => undefined),
    listCatalog: (...a) => run('listCatalog', a, () => []),
    createCustomer: (...a) => run('createCustomer', a, () => customer('new', a[0].displayName, a[0].email)),
    updateCustomerAddresses: (...a) => run('updateCustomerAddresses', a, () => a[0]),
    createInvoice: (...a) => run('createInvoice', a, () => invoice('new', a[0].customerId)),
    listQuotes: (...a) => run('listQuotes', a, () => paged([], a[0].page, perPage)),
    createQuote: (...a) =>
      run('createQuote', a, () => ({ id: 'q', number: 'QT-1', status: 'draft', date: null, total: null, currencyCode: null, referenceNumber: null })),
  };
  const api: Record<string, unknown> = { ...modelled };
  for (const name of CALL_NAMES) {
    api[name] ??= (...a: unknown[]) => run(name, a, () => Promise.reject(new BillingError('rejected', `${name} is not modelled by the fake`)));
  }
  fake.api = api as unknown as BillingApi;
  return fake;
}
