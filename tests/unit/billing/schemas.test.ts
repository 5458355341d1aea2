import { describe, expect, it } from 'vitest';
import {
  contactPersonSchema,
  customerSchema,
  customerSummarySchema,
  invoiceSummarySchema,
  organizationSchema,
  pageInfo,
  parseRows,
  subscriptionSchema,
  toCurrency,
  toDate,
  toDateTime,
  toId,
  toNumber,
  toStatus,
} from '../../../src/billing/schemas';
import {
  activitySchema,
  invoiceDetailSchema,
  quoteSchema,
  subscriptionDetailSchema,
  transactionSchema,
} from '../../../src/billing/detailSchemas';
import { httpsUrl as toHttpsUrl } from '../../../src/host/guards';
import { fixtures } from './fixtures';

function first(body: Record<string, unknown>, key: string): Record<string, unknown> {
  const list = body[key] as Record<string, unknown>[];
  const row = list[0];
  if (!row) throw new Error(`fixture has no ${key}`);
  return row;
}

describe('value coercions', () => {
  it.each([
    [107.0, 107],
    [0, 0],
    ['20.50', 20.5],
    [' 12 ', 12],
    ['-3.5', -3.5],
    ['', null],
    ['abc', null],
    ['12abc', null],
    ['1,234.50', null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
    [Number.NEGATIVE_INFINITY, null],
    ['Infinity', null],
    ['NaN', null],
    ['1e400', null],
    [null, null],
    [undefined, null],
    [true, null],
    [{}, null],
  ])('money %j → %j', (input, expected) => {
    expect(toNumber(input)).toBe(expected);
  });

  it.each([
    ['USD', 'USD'],
    ['jpy', 'JPY'],
    [' EUR ', 'EUR'],
    ['US', null],
    ['USDX', null],
    ['$', null],
    ['U$D', null],
    ['', null],
    [840, null],
    [null, null],
  ])('currency %j → %j', (input, expected) => {
    expect(toCurrency(input)).toBe(expected);
  });

  it.each([
    ['2025-03-05', '2025-03-05'],
    ['2024-02-29', '2024-02-29'],
    ['', null],
    ['2025-02-29', null],
    ['2025-13-01', null],
    ['2025-3-5', null],
    ['05/03/2025', null],
    ['2025-03-05T00:04:51-0800', null],
    [20250305, null],
    [null, null],
  ])('date %j → %j', (input, expected) => {
    expect(toDate(input)).toBe(expected);
  });

  it.each([
    ['2025-03-05T00:04:51-0800', '2025-03-05T00:04:51-08:00'],
    ['2015-10-02T10:18:38+0800', '2015-10-02T10:18:38+08:00'],
    ['2025-03-05T00:04:51+05:30', '2025-03-05T00:04:51+05:30'],
    ['2025-03-05T00:04:51Z', '2025-03-05T00:04:51Z'],
    ['2025-03-05T00:04:51.123456-0700', '2025-03-05T00:04:51.123-07:00'],
    ['2025-03-05 00:04:51-0800', '2025-03-05T00:04:51-08:00'],
    ['2025-03-05T00:04:51', null],
    ['2025-03-05', null],
    ['2025-02-30T00:00:00Z', null],
    ['2025-03-05T25:00:00Z', null],
    ['2025-03-05T00:00:00+9900', null],
    ['', null],
    ['yesterday', null],
    [1741161891000, null],
  ])('datetime %j → %j', (input, expected) => {
    expect(toDateTime(input)).toBe(expected);
  });

  it('keeps the instant when adding the colon to the offset', () => {
    const iso = toDateTime('2025-03-05T00:04:51-0800');
    expect(iso).not.toBeNull();
    expect(Date.parse(iso ?? '')).toBe(Date.UTC(2025, 2, 5, 8, 4, 51));
  });

  it('turns ids into strings, numbers included', () => {
    expect(toId('2468013000000051001')).toBe('2468013000000051001');
    expect(toId(60012345678)).toBe('60012345678');
    // A 19-digit number already lost precision in JSON.parse; it still becomes a plain digit string.
    const lost = (JSON.parse('{"id": 2468013000000051001}') as { id: number }).id;
    expect(toId(lost)).toMatch(/^\d{19}$/);
    expect(toId(1e21)).toBe('1000000000000000000000');
    expect(toId('')).toBeNull();
    expect(toId('   ')).toBeNull();
    expect(toId(Number.NaN)).toBeNull();
    expect(toId({})).toBeNull();
    expect(toId(null)).toBeNull();
  });

  it('keeps unknown statuses as lower-case text', () => {
    expect(toStatus('Live')).toBe('live');
    expect(toStatus('PAUSED')).toBe('paused');
    expect(toStatus('some_new_state')).toBe('some_new_state');
    expect(toStatus(undefined)).toBe('');
  });

  it('accepts only https links', () => {
    expect(toHttpsUrl('https://zohosecurepay.com/billing/x')).toBe('https://zohosecurepay.com/billing/x');
    expect(toHttpsUrl('http://zohosecurepay.com/billing/x')).toBeNull();
    expect(toHttpsUrl('javascript:alert(1)')).toBeNull();
    expect(toHttpsUrl('//evil.example/x')).toBeNull();
    expect(toHttpsUrl('not a url')).toBeNull();
    expect(toHttpsUrl(42)).toBeNull();
  });
});

describe('organizations (§12.1)', () => {
  it('maps the recorded organization', () => {
    const org = organizationSchema.parse(first(fixtures.organizationsList(), 'organizations'));
    expect(org).toEqual({
      id: '60012345678',
      name: 'Zylker Cloud Ltd',
      currencyCode: 'GBP',
      role: 'admin',
      isAdmin: true,
      isDefault: true,
    });
  });

  it.each([
    ['Admin', true],
    ['ADMINISTRATOR', true],
    [' owner ', true],
    ['staff', false],
    ['accountant', false],
    ['Staff (Assigned Customers Only)', false],
    ['', false],
  ])('user_role %j → isAdmin %j', (role, isAdmin) => {
    const org = organizationSchema.parse({ organization_id: '1', name: 'X', user_role: role });
    expect(org.isAdmin).toBe(isAdmin);
  });

  it('treats a missing role as not admin, and a numeric org id as a string', () => {
    const org = organizationSchema.parse({ organization_id: 60012345678, name: 'X' });
    expect(org).toMatchObject({ id: '60012345678', role: null, isAdmin: false, isDefault: false, currencyCode: null });
  });
});

describe('customers (§12.2, §12.3)', () => {
  it('maps a list row, preferring the receivable balances', () => {
    const c = customerSummarySchema.parse(first(fixtures.customersList(), 'customers'));
    expect(c).toEqual({
      id: '2468013000000051001',
      displayName: 'Bowman Furniture',
      companyName: 'Bowman Furniture',
      email: 'ben.george@bowman.example',
      firstName: 'Benjamin',
      lastName: 'George',
      phone: '+1 415 555 0134',
      status: 'active',
      currencyCode: 'USD',
      unusedCredits: 25,
      // outstanding is 0 in the row but outstanding_receivable_amount says 149.
      outstanding: 149,
      updatedTime: '2025-01-14T08:02:11-08:00',
    });
  });

  it('falls back to the plain balance fields when the receivable ones are absent or unusable', () => {
    const c = customerSummarySchema.parse({
      customer_id: '1',
      outstanding: '12.50',
      unused_credits: 3,
      outstanding_receivable_amount: 'abc',
    });
    expect(c.outstanding).toBe(12.5);
    expect(c.unusedCredits).toBe(3);
    const none = customerSummarySchema.parse({ customer_id: '1', outstanding: Number.NaN });
    expect(none.outstanding).toBeNull();
    expect(none.unusedCredits).toBeNull();
  });

  it('maps the recorded detail', () => {
    const c = customerSchema.parse(fixtures.customerDetail().customer);
    expect(c.id).toBe('2468013000000051001');
    expect(c.unusedCredits).toBe(25);
    expect(c.outstanding).toBe(149);
    expect(c.mobile).toBe('+1 415 555 0199');
    expect(c.paymentTerms).toBe(15);
    expect(c.paymentTermsLabel).toBe('Net 15');
    expect(c.createdTime).toBe('2024-02-05T10:18:38-08:00');
    expect(c.billingAddress).toEqual({
      attention: 'Benjamin George',
      street: '1200 Harrison St',
      street2: 'Suite 400',
      city: 'San Francisco',
      state: 'California',
      zip: '94103',
      country: 'U.S.A',
      phone: '',
      fax: '',
    });
    expect(c.shippingAddress?.city).toBe('Oakland');
    expect(c.contactPersons).toEqual([]);
  });

  it('reads an all-blank address as no address and a broken one as none', () => {
    const blank = { attention: '', street: '', city: '', state: '', zip: '', country: '', fax: '' };
    const c = customerSchema.parse({ customer_id: '1', billing_address: blank, shipping_address: 'nope' });
    expect(c.billingAddress).toBeNull();
    expect(c.shippingAddress).toBeNull();
  });

  it('reads contact persons under either key', () => {
    const person = { contactperson_id: 7, first_name: 'A', last_name: 'B', email: 'a@b.example', phone: '', mobile: '+1 2' };
    const a = customerSchema.parse({ customer_id: '1', contact_persons: [person] });
    const b = customerSchema.parse({ customer_id: '1', contactpersons: [person, { first_name: 'no id' }] });
    const expected = [{ id: '7', firstName: 'A', lastName: 'B', email: 'a@b.example', phone: '+1 2' }];
    expect(a.contactPersons).toEqual(expected);
    expect(b.contactPersons).toEqual(expected);
  });

  it('makes up a display name when Billing sent none', () => {
    expect(customerSummarySchema.parse({ customer_id: '1', first_name: 'Lena', last_name: 'Ortiz' }).displayName).toBe(
      'Lena Ortiz',
    );
    expect(customerSummarySchema.parse({ customer_id: '1', email: 'x@y.example' }).displayName).toBe('x@y.example');
  });

  it('rejects a row without an id', () => {
    expect(customerSummarySchema.safeParse({ display_name: 'No id' }).success).toBe(false);
    expect(customerSummarySchema.safeParse({ customer_id: '', display_name: 'Blank id' }).success).toBe(false);
    expect(customerSummarySchema.safeParse('customer').success).toBe(false);
    expect(customerSummarySchema.safeParse(null).success).toBe(false);
  });

  it('maps contact persons from the subscription detail key too', () => {
    const sub = fixtures.subscriptionDetail().subscription as Record<string, unknown>;
    const rows = parseRows(sub.contactpersons, contactPersonSchema);
    expect(rows.items).toEqual([
      { id: '2468013000000051003', firstName: 'Benjamin', lastName: 'George', email: 'ben.george@bowman.example', phone: '' },
    ]);
  });
});

describe('subscriptions (§12.4–§12.6)', () => {
  it('maps a list row', () => {
    const s = subscriptionSchema.parse(first(fixtures.subscriptionsList(), 'subscriptions'));
    expect(s).toEqual({
      id: '2468013000000073082',
      number: 'SUB-00042',
      name: 'Bowman Cloud-Pro Monthly',
      planName: 'Pro Monthly',
      planCode: 'pro-monthly',
      status: 'live',
      amount: 107,
      currencyCode: 'USD',
      interval: 1,
      intervalUnit: 'months',
      activatedAt: '2024-02-05',
      createdAt: '2024-02-05',
      currentTermStartsAt: '2025-03-05',
      currentTermEndsAt: '2025-04-05',
      nextBillingAt: '2025-04-05',
      lastBillingAt: '2025-03-05',
      expiresAt: null,
      cancelledAt: null,
      autoCollect: true,
      createdTime: '2024-02-05T10:21:02-08:00',
    });
  });

  it('maps the recorded detail', () => {
    const s = subscriptionDetailSchema.parse(fixtures.subscriptionDetail().subscription);
    expect(s.planName).toBe('Pro Monthly');
    expect(s.planCode).toBe('pro-monthly');
    expect(s.plan).toEqual({ code: 'pro-monthly', name: 'Pro Monthly', quantity: 1, price: 100, total: 100 });
    expect(s.addons).toEqual([{ code: 'extra-seat', name: 'Extra seat', quantity: 2, price: 0, total: 0 }]);
    expect(s.couponCode).toBe('');
    expect(s.couponDiscount).toBe(0);
    expect(s.remainingBillingCycles).toBe(-1);
    expect(s.endOfTerm).toBe(false);
    expect(s.card).toEqual({ id: expect.any(String), lastFour: '4242', gateway: 'stripe', expiryMonth: 9, expiryYear: 2027 });
    expect(s.paymentTermsLabel).toBe('Due On Receipt');
    expect(s.customerId).toBe('2468013000000051001');
    expect(s.cancelledAt).toBeNull();
    expect(s.expiresAt).toBeNull();
  });

  it('survives a detail with broken nested parts', () => {
    const s = subscriptionDetailSchema.parse({
      subscription_id: 99,
      status: 'PAUSED',
      plan: 'pro',
      addons: 'none',
      card: null,
      coupon: [],
      amount: 'abc',
      currency_code: 'dollars',
    });
    expect(s).toMatchObject({
      id: '99',
      status: 'paused',
      plan: null,
      addons: [],
      card: null,
      couponCode: '',
      couponDiscount: null,
      amount: null,
      currencyCode: null,
      customerId: null,
    });
  });

  it('maps recent activities with ISO times', () => {
    const rows = parseRows(fixtures.subscriptionActivities().activities, activitySchema);
    expect(rows.dropped).toBe(0);
    expect(rows.items[0]).toEqual({
      id: '2468013000000091501',
      description: 'Invoice created - INV-000241',
      time: '2025-03-05T00:04:51-08:00',
      by: 'Zoho Billing',
    });
    expect(rows.items).toHaveLength(3);
  });
});

describe('transactions', () => {
  it('reads string amounts and either type key', () => {
    const rows = parseRows(
      [
        { transaction_id: '1', reference_id: 'INV-1', date: '2025-03-05', type: 'Invoice', status: 'paid', amount: '20.50' },
        { transaction_id: 2, date: '', transaction_type: 'payment', amount: 'abc' },
        { type: 'refund', amount: 5 },
      ],
      transactionSchema,
    );
    expect(rows.dropped).toBe(1);
    expect(rows.items).toEqual([
      { id: '1', type: 'invoice', date: '2025-03-05', amount: 20.5, status: 'paid', referenceId: 'INV-1', currencyCode: null },
      { id: '2', type: 'payment', date: null, amount: null, status: '', referenceId: '', currencyCode: null },
    ]);
  });
});

describe('invoices (§12.7, §12.8)', () => {
  it('maps list shape A', () => {
    const body = fixtures.invoicesList();
    const rows = parseRows(body.invoices, invoiceSummarySchema);
    expect(rows.items[1]).toEqual({
      id: '2468013000000081107',
      number: 'INV-000255',
      status: 'overdue',
      date: '2025-03-20',
      dueDate: '2025-04-04',
      total: 149,
      balance: 149,
      currencyCode: 'USD',
      customerId: '2468013000000051001',
      referenceNumber: 'DESK-104233',
      transactionType: 'new',
    });
    // "" reference means none.
    expect(rows.items[0]?.referenceNumber).toBeNull();
  });

  it('maps the Books-style list shape B the same way', () => {
    const row = invoiceSummarySchema.parse({
      invoice_id: 2468013000000081107,
      ach_payment_initiated: false,
      customer_name: 'Bowman Furniture',
      customer_id: '2468013000000051001',
      status: 'PartiallyPaid',
      invoice_number: 'INV-000255',
      reference_number: 'DESK-104233',
      date: '2025-03-20',
      due_date: '2025-04-04',
      currency_code: 'usd',
      total: '149.00',
      balance: '49.5',
      last_modified_time: '2025-04-05T00:00:03-0700',
    });
    expect(row).toMatchObject({
      number: 'INV-000255',
      date: '2025-03-20',
      status: 'partiallypaid',
      currencyCode: 'USD',
      total: 149,
      balance: 49.5,
      transactionType: null,
    });
    expect(row.id).toMatch(/^\d+$/);
  });

  it('prefers invoice_date but falls back to date when invoice_date is blank', () => {
    expect(invoiceSummarySchema.parse({ invoice_id: '1', invoice_date: '', date: '2025-01-02' }).date).toBe('2025-01-02');
    expect(invoiceSummarySchema.parse({ invoice_id: '1', invoice_date: '2025-01-03', date: '2025-01-02' }).date).toBe(
      '2025-01-03',
    );
  });

  it('maps the recorded detail', () => {
    const inv = invoiceDetailSchema.parse(fixtures.invoiceDetail().invoice);
    expect(inv.number).toBe('INV-000255');
    expect(inv.lines).toEqual([
      {
        id: '2468013000000081109',
        name: 'On-site setup',
        description: 'Setup visit for ticket #104233',
        code: 'onsite-setup',
        quantity: 1,
        price: 149,
        total: 149,
      },
    ]);
    expect(inv).toMatchObject({
      subTotal: 149,
      taxTotal: 0,
      total: 149,
      paymentMade: 0,
      creditsApplied: 0,
      writeOffAmount: 0,
      balance: 149,
      payments: [],
      notes: 'Thanks for your business.',
      referenceNumber: 'DESK-104233',
    });
    expect(inv.invoiceUrl).toMatch(/^https:\/\/zohosecurepay\.com\/billing\/bowmancloud\/secure\?CInvoiceID=/);
  });

  it('drops a non-https invoice url and keeps lines and payments without ids', () => {
    const inv = invoiceDetailSchema.parse({
      invoice_id: '1',
      invoice_url: 'http://subscriptions.zoho.com/portal/x',
      invoice_items: [{ name: 'Setup', rate: '10', quantity: '2', item_total: 20 }, 'garbage'],
      payments: [{ payment_mode: 'cash', amount: '5', date: '2025-01-01' }],
    });
    expect(inv.invoiceUrl).toBeNull();
    expect(inv.lines).toEqual([{ id: 'line-1', name: 'Setup', description: '', code: '', quantity: 2, price: 10, total: 20 }]);
    expect(inv.payments).toEqual([{ id: 'payment-1', mode: 'cash', date: '2025-01-01', amount: 5, referenceNumber: '' }]);
  });
});

describe('quotes', () => {
  it('maps an estimate', () => {
    expect(
      quoteSchema.parse({
        estimate_id: '5',
        estimate_number: 'QT-0001',
        status: 'Draft',
        date: '2025-03-20',
        total: 149,
        currency_code: 'USD',
        reference_number: 'DESK-1',
      }),
    ).toEqual({ id: '5', number: 'QT-0001', status: 'draft', date: '2025-03-20', total: 149, currencyCode: 'USD', referenceNumber: 'DESK-1' });
  });
});

describe('rows and pages', () => {
  it('drops and counts rows without an id, keeping the rest', () => {
    const body = fixtures.customersList();
    const good = first(body, 'customers');
    const rows = parseRows(
      [good, { display_name: 'no id' }, null, 'text', 42, [], { ...good, customer_id: 1234, outstanding_receivable_amount: 'abc', outstanding: Number.NaN }],
      customerSummarySchema,
    );
    expect(rows.dropped).toBe(5);
    expect(rows.items.map((c) => c.id)).toEqual(['2468013000000051001', '1234']);
    expect(rows.items[1]?.outstanding).toBeNull();
  });

  it('gives no rows for a non-list', () => {
    expect(parseRows({ customer_id: '1' }, customerSummarySchema)).toEqual({ items: [], dropped: 0 });
  });

  it('reads has_more_page and never guesses that more exist', () => {
    expect(pageInfo({ page: 2, per_page: 200, has_more_page: true }, 2)).toEqual({ page: 2, hasMore: true });
    expect(pageInfo({ page: 1, has_more_page: false }, 1)).toEqual({ page: 1, hasMore: false });
    expect(pageInfo(undefined, 3)).toEqual({ page: 3, hasMore: false });
    expect(pageInfo({ has_more_page: 'yes' }, 1)).toEqual({ page: 1, hasMore: false });
    expect(pageInfo({ has_more_page: 'true', page: 'x' }, 4)).toEqual({ page: 4, hasMore: true });
    expect(pageInfo('garbage', 1)).toEqual({ page: 1, hasMore: false });
  });
});
