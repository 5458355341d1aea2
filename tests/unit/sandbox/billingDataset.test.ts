import { FILLER_CUSTOMER_COUNT, generateBillingDataset } from '../../../src/sandbox/billing/dataset';
import { BILLING_FIXTURES as F, TICKET_NUMBERS } from '../../../src/sandbox/billing/fixtures';

const ID = /^\d{19}$/;
const DATE_OR_EMPTY = /^(\d{4}-\d{2}-\d{2})?$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{4}$/;

describe('generateBillingDataset', () => {
  const dataset = generateBillingDataset();

  it('is deterministic for a seed and differs between seeds', () => {
    expect(JSON.stringify(generateBillingDataset({ seed: 7 }))).toBe(JSON.stringify(generateBillingDataset({ seed: 7 })));
    const other = generateBillingDataset({ seed: 8 });
    expect(other.customers.map((c) => c.display_name)).not.toEqual(generateBillingDataset({ seed: 7 }).customers.map((c) => c.display_name));
    // Anchors keep their ids whatever the seed, so tests can name them.
    expect(other.customers.some((c) => c.customer_id === F.bowmanCustomerId)).toBe(true);
  });

  it('has about sixty customers in USD, JPY, EUR and GBP, with unique ids of 19 digits', () => {
    expect(dataset.customers.length).toBeGreaterThanOrEqual(55);
    expect(new Set(dataset.customers.map((c) => c.currency_code))).toEqual(new Set(['USD', 'JPY', 'EUR', 'GBP']));
    const ids = [
      ...dataset.customers.map((c) => c.customer_id),
      ...dataset.subscriptions.map((s) => s.subscription_id),
      ...dataset.invoices.map((i) => i.invoice_id),
      ...dataset.transactions.map((t) => t.transaction_id),
      ...dataset.items.map((i) => i.item_id),
    ];
    for (const id of ids) expect(id).toMatch(ID);
    expect(new Set(ids).size).toBe(ids.length);
    const names = dataset.customers.map((c) => c.display_name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  it('uses Billing date and datetime forms, with "" for unset dates', () => {
    for (const s of dataset.subscriptions) {
      for (const key of ['created_at', 'activated_at', 'current_term_starts_at', 'current_term_ends_at', 'next_billing_at', 'expires_at', 'cancelled_at'] as const) {
        expect(s[key]).toMatch(DATE_OR_EMPTY);
      }
      expect(s.created_time).toMatch(DATETIME);
    }
    for (const activities of Object.values(dataset.activities)) for (const a of activities) expect(a.activity_time).toMatch(DATETIME);
    expect(dataset.subscriptions.some((s) => s.expires_at === '')).toBe(true);
  });

  it('covers every subscription and invoice status', () => {
    const subscriptionStatuses = new Set(dataset.subscriptions.map((s) => s.status));
    for (const status of ['live', 'trial', 'dunning', 'unpaid', 'non_renewing', 'cancelled', 'expired', 'trial_expired', 'future', 'paused', 'creation_failed']) {
      expect(subscriptionStatuses).toContain(status);
    }
    const invoiceStatuses = new Set(dataset.invoices.map((i) => i.status));
    for (const status of ['paid', 'sent', 'overdue', 'partially_paid', 'void', 'draft', 'unpaid', 'viewed']) expect(invoiceStatuses).toContain(status);
  });

  it('keeps subscription dates consistent with their status', () => {
    const today = dataset.today;
    for (const s of dataset.subscriptions) {
      expect(s.created_at <= today).toBe(true);
      if (s.status === 'live' || s.status === 'dunning') {
        expect(s.current_term_starts_at <= today && today < s.current_term_ends_at).toBe(true);
        expect(s.next_billing_at > today).toBe(true);
      }
      if (s.status === 'cancelled') {
        expect(s.cancelled_at !== '' && s.cancelled_at <= today).toBe(true);
        expect(s.next_billing_at).toBe('');
      }
      if (s.status === 'expired') expect(s.expires_at !== '' && s.expires_at <= today).toBe(true);
      if (s.status === 'non_renewing') expect(s.expires_at > today).toBe(true);
      if (s.status === 'future') {
        expect(s.activated_at).toBe('');
        expect(s.next_billing_at > today).toBe(true);
      }
      const times = (dataset.activities[s.subscription_id] ?? []).map((a) => a.activity_time);
      expect(times).toEqual([...times].sort());
      expect(dataset.activities[s.subscription_id]?.[0]?.description).toBe('Subscription created');
    }
  });

  it('generates relative to a configurable today', () => {
    const shifted = generateBillingDataset({ today: '2030-01-15' });
    expect(shifted.today).toBe('2030-01-15');
    expect(shifted.invoices.every((i) => i.invoice_date <= '2030-01-15')).toBe(true);
    expect(shifted.invoices.some((i) => i.invoice_date > '2027-01-01')).toBe(true);
  });

  it('applies credit notes to some paid invoices', () => {
    const credited = dataset.invoices.filter((i) => i.credits_applied > 0);
    expect(credited.length).toBeGreaterThan(0);
    for (const invoice of credited) {
      expect(invoice.credits[0]?.credited_amount).toBe(invoice.credits_applied);
      if (invoice.status === 'paid') expect(invoice.payment_made + invoice.credits_applied).toBeCloseTo(invoice.total, 2);
    }
  });

  it('keeps invoice amounts consistent with their status', () => {
    for (const invoice of dataset.invoices) {
      if (invoice.status === 'paid' || invoice.status === 'void') expect(invoice.balance).toBe(0);
      if (invoice.status === 'overdue') expect(invoice.due_date < dataset.today).toBe(true);
      expect(invoice.total).toBeCloseTo(invoice.sub_total + invoice.tax_total, 2);
      if (invoice.currency_code === 'JPY') expect(Number.isInteger(invoice.total)).toBe(true);
    }
  });

  it('has Japanese customers with kanji names and integer yen amounts', () => {
    const yamada = dataset.customers.find((c) => c.customer_id === F.yamadaCustomerId);
    expect(yamada).toMatchObject({ display_name: '株式会社山田商事', last_name: '山田', first_name: '太郎', currency_code: 'JPY', price_precision: 0 });
    const japanese = dataset.customers.filter((c) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(c.display_name));
    expect(japanese.length).toBeGreaterThanOrEqual(5);
    for (const s of dataset.subscriptions.filter((sub) => sub.currency_code === 'JPY')) expect(Number.isInteger(s.amount)).toBe(true);
  });

  it('holds the named cases: shared email, 40 subscriptions, hostile text, empty addresses, balances', () => {
    const shared = dataset.customers.filter((c) => c.email.toLowerCase() === F.northwindEmail);
    expect(shared).toHaveLength(3);
    expect(dataset.subscriptions.filter((s) => s.customer_id === F.initechCustomerId)).toHaveLength(40);
    const hostile = dataset.customers.find((c) => c.customer_id === F.hostileCustomerId)!;
    expect(hostile.display_name).toBe('<img src=x onerror=alert(1)>');
    expect(hostile.company_name).toMatch(/[\u0600-\u06ff]/);
    const empty = dataset.customers.find((c) => c.customer_id === F.noAddressCustomerId)!;
    expect(empty.billing_address.street).toBe('');
    expect(empty.shipping_address.city).toBe('');
    expect(dataset.customers.some((c) => c.unused_credits > 0)).toBe(true);
    expect(dataset.customers.some((c) => c.outstanding_receivable_amount > 0)).toBe(true);
    expect(Object.values(dataset.contactPersons).some((persons) => persons.length > 1)).toBe(true);
    expect(dataset.customers.some((c) => c.payment_terms_label === 'Net 15')).toBe(true);
  });

  it('refers to Desk tickets from invoice reference numbers', () => {
    const references = dataset.invoices.map((i) => i.reference_number);
    for (const number of [TICKET_NUMBERS.bowman, TICKET_NUMBERS.yamada, TICKET_NUMBERS.northwind]) expect(references).toContain(`DESK-${number}`);
    expect(dataset.bulkInvoices[0]).toMatchObject({ customerId: F.globexCustomerId, referenceNumber: `DESK-${TICKET_NUMBERS.globex}` });
    const stored = dataset.invoices.filter((i) => i.customer_id === F.globexCustomerId).length;
    expect(stored + dataset.bulkInvoices[0]!.count).toBe(5000);
  });

  it('has a catalog, quotes, every transaction type and activities per subscription', () => {
    expect(dataset.items.length).toBeGreaterThan(4);
    expect(dataset.plans.length).toBeGreaterThan(4);
    expect(dataset.estimates.length).toBeGreaterThan(0);
    expect(new Set(dataset.transactions.map((t) => t.type))).toEqual(new Set(['invoice', 'payment', 'credit', 'refund']));
    for (const s of dataset.subscriptions) expect(dataset.activities[s.subscription_id]?.length ?? 0).toBeGreaterThan(0);
    const invoiceActivity = Object.values(dataset.activities).flat().find((a) => a.description.startsWith('Invoice created - '));
    expect(invoiceActivity?.description).toMatch(/^Invoice created - INV-\d{6}$/);
  });

  it('offers organizations with admin and non-admin roles and currencies USD, JPY and EUR', () => {
    expect(new Set(dataset.organizations.map((o) => o.currency_code))).toEqual(new Set(['USD', 'JPY', 'EUR']));
    expect(dataset.organizations.some((o) => o.user_role.toLowerCase() === 'admin')).toBe(true);
    expect(dataset.organizations.some((o) => o.user_role.toLowerCase() !== 'admin')).toBe(true);
  });
});

describe('generated customers for large-portal replays (fillerCustomers)', () => {
  it('makes as many customers as asked, each with its own email and name, the same world for the same seed', () => {
    const small = generateBillingDataset();
    const large = generateBillingDataset({ fillerCustomers: 600 });
    const anchors = small.customers.length - FILLER_CUSTOMER_COUNT;
    expect(large.customers).toHaveLength(anchors + 600);
    // Only the anchors share an email (on purpose: the picker); no generated customer adds a shared one.
    const shared = (d: typeof small) => {
      const emails = d.customers.map((c) => c.email.toLowerCase()).filter(Boolean);
      return emails.length - new Set(emails).size;
    };
    expect(shared(large)).toBe(shared(small));
    expect(new Set(large.customers.map((c) => c.display_name.toLowerCase())).size).toBe(large.customers.length);
    const again = generateBillingDataset({ fillerCustomers: 600 });
    expect(again.customers.map((c) => c.customer_id)).toEqual(large.customers.map((c) => c.customer_id));
    // Every generated customer is a whole one: its subscriptions and invoices point at it.
    const ids = new Set(large.customers.map((c) => c.customer_id));
    expect(large.subscriptions.every((s) => ids.has(s.customer_id))).toBe(true);
    expect(large.subscriptions.length).toBeGreaterThan(small.subscriptions.length * 5);
  });
});
