import { describe, expect, it } from 'vitest';
import { createBillingClient, ORGANIZATION_HEADER } from '../../../src/billing/billingClient';
import { BillingError, type BillingErrorKind } from '../../../src/billing/errors';
import type { Customer, DocumentInput } from '../../../src/billing/types';
import { fakeRequest, hostFailure, ok, type FakeRequest } from './fakeRequest';
import { fixtures } from './fixtures';

const ORG = '60012345678';
const NOW = Date.UTC(2026, 10, 27, 3, 0, 0);

function client(fake: FakeRequest, organizationId: string | null = ORG, dropped?: (r: string, n: number) => void) {
  return createBillingClient({
    request: fake.request,
    dataCenter: 'US',
    organizationId,
    now: () => NOW,
    ...(dropped ? { onDroppedRows: dropped } : {}),
  });
}

async function failure(promise: Promise<unknown>): Promise<BillingError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(BillingError);
    return e as BillingError;
  }
  throw new Error('expected the call to fail');
}

function onlyCall(fake: FakeRequest) {
  expect(fake.calls).toHaveLength(1);
  const call = fake.calls[0];
  if (!call) throw new Error('no call');
  return call;
}

describe('requests', () => {
  it('lists organizations without the org header', async () => {
    const fake = fakeRequest().on('GET /organizations', ok(fixtures.organizationsList()));
    const orgs = await client(fake, null).listOrganizations();
    expect(orgs.map((o) => o.name)).toEqual(['Zylker Cloud Ltd']);
    const call = onlyCall(fake);
    expect(call.url).toBe('https://www.zohoapis.com/billing/v1/organizations');
    expect(Object.keys(call.headers ?? {}).map((h) => h.toLowerCase())).not.toContain(ORGANIZATION_HEADER.toLowerCase());
  });

  it('sends the org header on org-scoped calls, to the data center host', async () => {
    const fake = fakeRequest().on('GET /customers/2468013000000051001', ok(fixtures.customerDetail()));
    const c = await createBillingClient({ request: fake.request, dataCenter: 'JP', organizationId: ORG }).getCustomer(
      '2468013000000051001',
    );
    expect(c.displayName).toBe('Bowman Furniture');
    const call = onlyCall(fake);
    expect(call.parsed.host).toBe('www.zohoapis.jp');
    expect(call.method).toBe('GET');
    expect(call.headers?.[ORGANIZATION_HEADER]).toBe(ORG);
  });

  it('makes no request at all without an organization', async () => {
    const fake = fakeRequest().on('GET /customers', ok(fixtures.customersList()));
    const api = client(fake, null);
    const calls: Promise<unknown>[] = [
      api.findCustomersByEmail('ben.george@bowman.example'),
      api.getCustomer('1'),
      api.listSubscriptions('1'),
      api.listInvoices({ customerId: '1' }),
      api.getInvoicePdf('1'),
      api.createInvoicePaymentLink('1'),
      api.listCatalog(),
    ];
    for (const p of calls) expect((await failure(p)).kind).toBe('not-configured');
    expect((await failure(client(fake, '  ').getCustomer('1'))).kind).toBe('not-configured');
    expect(fake.calls).toHaveLength(0);
  });

  it('encodes a hostile email in the query', async () => {
    const fake = fakeRequest().on('GET /customers', ok({ code: 0, message: 'success', customers: [] }));
    await client(fake).findCustomersByEmail(' a+b@x.com ');
    const call = onlyCall(fake);
    expect(call.url).toContain('email=a%2Bb%40x.com');
    expect(call.parsed.searchParams.get('email')).toBe('a+b@x.com');
  });

  it('encodes an id containing "/", "?" and "#" as one path segment', async () => {
    const fake = fakeRequest().on('GET /customers/12%2F34%3Fx%3D1%23y', ok(fixtures.customerDetail()));
    await client(fake).getCustomer('12/34?x=1#y');
    const call = onlyCall(fake);
    expect(call.path).toBe('/customers/12%2F34%3Fx%3D1%23y');
    expect(call.parsed.search).toBe('');
  });

  it('refuses ids that would address another endpoint', async () => {
    const fake = fakeRequest();
    for (const id of ['', ' ', '.', '..']) {
      expect((await failure(client(fake).getCustomer(id))).kind).toBe('not-found');
    }
    expect(fake.calls).toHaveLength(0);
  });

  it('finds customers by email, keeping only exact matches', async () => {
    const body = fixtures.customersList();
    const other = { customer_id: '9', display_name: 'Other', email: 'someone@else.example' };
    (body.customers as unknown[]).push(other);
    const fake = fakeRequest().on('GET /customers', ok(body));
    const found = await client(fake).findCustomersByEmail('Ben.George@Bowman.example');
    expect(found.map((c) => c.id)).toEqual(['2468013000000051001']);
    expect(await client(fakeRequest()).findCustomersByEmail('   ')).toEqual([]);
  });

  it('searches customers with search_text and a page', async () => {
    const body = { ...fixtures.customersList(), page_context: { page: 2, per_page: 50, has_more_page: true } };
    const fake = fakeRequest().on('GET /customers', ok(body));
    const page = await client(fake).searchCustomers('Bowman & Sons', 2);
    expect(page).toMatchObject({ page: 2, hasMore: true });
    expect(page.items[0]?.outstanding).toBe(149);
    const q = onlyCall(fake).parsed.searchParams;
    expect(q.get('search_text')).toBe('Bowman & Sons');
    expect(q.get('page')).toBe('2');
    expect(onlyCall(fake).url).toContain('search_text=Bowman%20%26%20Sons');
  });

  it('lists every subscription of a customer (filter SubscriptionStatus.All, 200 per page)', async () => {
    const fake = fakeRequest().on('GET /subscriptions', ok(fixtures.subscriptionsList()));
    const page = await client(fake).listSubscriptions('2468013000000051001');
    expect(page).toMatchObject({ page: 1, hasMore: false });
    expect(page.items[0]?.planName).toBe('Pro Monthly');
    const q = onlyCall(fake).parsed.searchParams;
    expect(q.get('customer_id')).toBe('2468013000000051001');
    expect(q.get('filter_by')).toBe('SubscriptionStatus.All');
    expect(q.get('per_page')).toBe('200');
    expect(q.get('page')).toBe('1');
  });

  it('reads a subscription, its activities and the contact persons (either key)', async () => {
    const fake = fakeRequest()
      .on('GET /subscriptions/2468013000000073082', ok(fixtures.subscriptionDetail()))
      .on('GET /subscriptions/2468013000000073082/recentactivities', ok(fixtures.subscriptionActivities()))
      .on(
        'GET /customers/1/contactpersons',
        ok({ code: 0, message: 'success', contact_persons: [{ contactperson_id: '5', first_name: 'A', email: 'a@x.example' }] }),
      )
      .on(
        'GET /customers/2/contactpersons',
        ok({ code: 0, message: 'success', contactpersons: [{ contactperson_id: 6, first_name: 'B' }, { first_name: 'no id' }] }),
      );
    const api = client(fake);
    expect((await api.getSubscription('2468013000000073082')).card?.lastFour).toBe('4242');
    expect((await api.listSubscriptionActivities('2468013000000073082')).map((a) => a.time)).toEqual([
      '2025-03-05T00:04:51-08:00',
      '2025-03-05T00:05:10-08:00',
      '2025-03-06T11:40:00-08:00',
    ]);
    expect((await api.listContactPersons('1')).map((p) => p.id)).toEqual(['5']);
    expect((await api.listContactPersons('2')).map((p) => p.id)).toEqual(['6']);
  });

  it('lists transactions with TransactionType.All', async () => {
    const fake = fakeRequest().on(
      'GET /transactions',
      ok({
        code: 0,
        message: 'success',
        transactions: [{ transaction_id: '1', type: 'invoice', date: '2025-03-05', amount: '107.00', status: 'paid' }],
      }),
    );
    const page = await client(fake).listTransactions('2468013000000051001');
    expect(page.items[0]?.amount).toBe(107);
    const q = onlyCall(fake).parsed.searchParams;
    expect(q.get('customer_id')).toBe('2468013000000051001');
    expect(q.get('filter_by')).toBe('TransactionType.All');
  });

  it('lists invoices newest first, every status, 50 per page by default', async () => {
    const fake = fakeRequest().on('GET /invoices', ok(fixtures.invoicesList()));
    const page = await client(fake).listInvoices({ customerId: '2468013000000051001' });
    expect(page.items.map((i) => i.number)).toEqual(['INV-000241', 'INV-000255']);
    const q = onlyCall(fake).parsed.searchParams;
    expect(Object.fromEntries(q)).toEqual({
      customer_id: '2468013000000051001',
      filter_by: 'Status.All',
      sort_column: 'date',
      sort_order: 'D',
      page: '1',
      per_page: '50',
    });
  });

  it('lists a subscription\'s invoices with the given page size (capped at 200)', async () => {
    const fake = fakeRequest().on('GET /invoices', ok(fixtures.invoicesList()));
    await client(fake).listInvoices({ subscriptionId: 'S1', page: 3, perPage: 500 });
    const q = onlyCall(fake).parsed.searchParams;
    expect(q.get('subscription_id')).toBe('S1');
    expect(q.has('customer_id')).toBe(false);
    expect(q.get('page')).toBe('3');
    expect(q.get('per_page')).toBe('200');
  });

  it('refuses to list every invoice of the organization', async () => {
    const fake = fakeRequest();
    expect((await failure(client(fake).listInvoices({}))).kind).toBe('rejected');
    expect(fake.calls).toHaveLength(0);
  });

  it('reads an invoice detail', async () => {
    const fake = fakeRequest().on('GET /invoices/2468013000000081107', ok(fixtures.invoiceDetail()));
    const inv = await client(fake).getInvoice('2468013000000081107');
    expect(inv.lines[0]?.name).toBe('On-site setup');
    expect(inv.invoiceUrl?.startsWith('https://zohosecurepay.com/')).toBe(true);
  });

  it('accepts a body the host left as a JSON string', async () => {
    const fake = fakeRequest().on('GET /invoices/1', ok(JSON.stringify(fixtures.invoiceDetail())));
    expect((await client(fake).getInvoice('1')).number).toBe('INV-000255');
  });

  it('reports rows dropped for lack of an id and keeps the rest', async () => {
    const body = fixtures.invoicesList();
    (body.invoices as unknown[]).push({ number: 'INV-X' }, null);
    const fake = fakeRequest().on('GET /invoices', ok(body));
    const dropped: [string, number][] = [];
    const page = await client(fake, ORG, (r, n) => dropped.push([r, n])).listInvoices({ customerId: '1' });
    expect(page.items).toHaveLength(2);
    expect(dropped).toEqual([['invoices', 2]]);
  });
});

describe('error classification', () => {
  const errors = fixtures.errors();
  const [notExist1002, badRef3004, notAuth57, tooMany44] = errors;

  it.each<[string, number, unknown, BillingErrorKind, number | undefined]>([
    ['HTTP 401', 401, notAuth57, 'not-authorised', 57],
    ['code 57 on HTTP 400', 400, notAuth57, 'not-authorised', 57],
    ['HTTP 403', 403, { code: 1, message: 'no permission' }, 'forbidden', 1],
    ['HTTP 403 with code 57 (status decides)', 403, notAuth57, 'forbidden', 57],
    ['HTTP 401 with another code', 401, { code: 14, message: 'invalid header' }, 'not-authorised', 14],
    ['HTTP 404 (recorded 1002)', 404, notExist1002, 'not-found', 1002],
    ['HTTP 400 with 3004 (recorded)', 400, badRef3004, 'not-found', 3004],
    ['HTTP 400 with 1002', 400, notExist1002, 'not-found', 1002],
    ['HTTP 400 with another code', 400, { code: 4, message: 'Invalid value passed for customer_id' }, 'rejected', 4],
    ['HTTP 405', 405, { code: 9, message: 'Method not allowed' }, 'rejected', 9],
    ['HTTP 429', 429, tooMany44, 'rate-limited', 44],
    ['HTTP 500', 500, { code: 1000, message: 'Internal error' }, 'server', 1000],
    ['HTTP 502 with an HTML page', 502, '<html><body>Bad gateway</body></html>', 'server', undefined],
    ['HTTP 503 with no body', 503, '', 'server', undefined],
  ])('%s → %s', async (_name, status, body, kind, code) => {
    const fake = fakeRequest().on('GET /customers/1', ok(body, status));
    const e = await failure(client(fake).getCustomer('1'));
    expect(e.kind).toBe(kind);
    expect(e.status).toBe(status);
    expect(e.code).toBe(code);
  });

  it('carries Billing\'s message as plain detail on a rejection', async () => {
    const fake = fakeRequest().on('GET /customers/1', ok({ code: 4, message: 'Invalid value passed for customer_id' }, 400));
    const e = await failure(client(fake).getCustomer('1'));
    expect(e.detail).toBe('Invalid value passed for customer_id');
  });

  it.each<[string, unknown, BillingErrorKind]>([
    ['code 1000 on HTTP 200', { code: 1000, message: 'Internal error' }, 'rejected'],
    ['code 57 on HTTP 200', { code: 57, message: 'You are not authorized to perform this operation' }, 'not-authorised'],
    ['code 1002 on HTTP 200', { code: 1002, message: 'Customer does not exist.' }, 'not-found'],
    ['code 44 on HTTP 200', { code: 44, message: 'blocked' }, 'rate-limited'],
    ['code "5" as text on HTTP 200', { code: '5', message: 'odd', customer: { customer_id: '1' } }, 'rejected'],
  ])('%s → %s', async (_name, body, kind) => {
    const fake = fakeRequest().on('GET /customers/1', ok(body, 200));
    const e = await failure(client(fake).getCustomer('1'));
    expect(e.kind).toBe(kind);
    expect(e.status).toBe(200);
  });

  it.each<[string, unknown, number]>([
    ['an HTML page', '<!DOCTYPE html><html><body>Sign in</body></html>', 200],
    ['text that is not JSON', 'Service temporarily unavailable', 200],
    ['an empty string', '', 200],
    ['no body', null, 200],
    ['undefined body', undefined, 200],
    ['a list', [{ customer_id: '1' }], 200],
    ['a number', 42, 200],
    ['a success envelope without the resource', { code: 0, message: 'success' }, 200],
    ['a resource that is not an object', { code: 0, message: 'success', customer: 'Bowman' }, 200],
    ['a resource without its id', { code: 0, message: 'success', customer: { display_name: 'Bowman' } }, 200],
    ['an unreadable code', { code: 'abc', message: 'x', customer: { customer_id: '1' } }, 200],
    ['a redirect', { code: 0, message: 'x' }, 302],
  ])('%s → malformed', async (_name, body, status) => {
    const fake = fakeRequest().on('GET /customers/1', ok(body, status));
    expect((await failure(client(fake).getCustomer('1'))).kind).toBe('malformed');
  });

  it('reads a list key that is not a list as malformed', async () => {
    const fake = fakeRequest().on('GET /invoices', ok({ code: 0, message: 'success', invoices: { invoice_id: '1' } }));
    expect((await failure(client(fake).listInvoices({ customerId: '1' }))).kind).toBe('malformed');
  });

  it('honours Retry-After in seconds', async () => {
    const fake = fakeRequest().on('GET /customers/1', ok(tooMany44, 429, { 'Retry-After': '30' }));
    const e = await failure(client(fake).getCustomer('1'));
    expect(e.kind).toBe('rate-limited');
    expect(e.retryAfterMs).toBe(30_000);
    expect(e.transient).toBe(true);
  });

  it('honours Retry-After as an HTTP date, in any header case', async () => {
    const at = new Date(NOW + 90_000).toUTCString();
    const fake = fakeRequest().on('GET /customers/1', ok(tooMany44, 429, { 'retry-after': at }));
    expect((await failure(client(fake).getCustomer('1'))).retryAfterMs).toBe(90_000);
  });

  it('treats a Retry-After date in the past as "now" and a garbage one as absent', async () => {
    const past = new Date(NOW - 60_000).toUTCString();
    let fake = fakeRequest().on('GET /customers/1', ok(tooMany44, 429, { 'Retry-After': past }));
    expect((await failure(client(fake).getCustomer('1'))).retryAfterMs).toBe(0);
    fake = fakeRequest().on('GET /customers/1', ok(tooMany44, 429, { 'Retry-After': 'soon-ish' }));
    expect((await failure(client(fake).getCustomer('1'))).retryAfterMs).toBeUndefined();
    fake = fakeRequest().on('GET /customers/1', ok(tooMany44, 429));
    expect((await failure(client(fake).getCustomer('1'))).retryAfterMs).toBeUndefined();
  });

  it('passes the host\'s "not authorised" on with its authorisation URL', async () => {
    const authUrl = 'https://accounts.zoho.com/oauth/v2/auth?resume=1';
    const fake = fakeRequest(hostFailure({ kind: 'not-authorised', message: 'Connection not authorised', authUrl }));
    const e = await failure(client(fake).listOrganizations());
    expect(e.kind).toBe('not-authorised');
    expect(e.authUrl).toBe(authUrl);
  });

  it.each(['network', 'rejected', 'not-in-context'] as const)('host failure "%s" → network', async (kind) => {
    const fake = fakeRequest(hostFailure({ kind, message: 'proxy down' }));
    const e = await failure(client(fake).getCustomer('1'));
    expect(e.kind).toBe('network');
    expect(e.transient).toBe(true);
  });

  it('host "malformed" → malformed', async () => {
    const fake = fakeRequest(hostFailure({ kind: 'malformed', message: 'unreadable SDK answer' }));
    expect((await failure(client(fake).getCustomer('1'))).kind).toBe('malformed');
  });

  it('a request function that throws → network', async () => {
    const fake = fakeRequest(() => {
      throw new Error('boom');
    });
    expect((await failure(client(fake).getCustomer('1'))).kind).toBe('network');
  });
});

describe('invoice PDF', () => {
  it('asks for a blob with accept=pdf and returns the PDF', async () => {
    const pdf = new Blob(['%PDF-1.4 test'], { type: 'application/pdf' });
    const fake = fakeRequest().on('GET /invoices/2468013000000081107', () =>
      ok(pdf, 200, { 'Content-Type': 'application/pdf' }),
    );
    const blob = await client(fake).getInvoicePdf('2468013000000081107');
    expect(blob.type).toBe('application/pdf');
    expect(await blob.text()).toBe('%PDF-1.4 test');
    const call = onlyCall(fake);
    expect(call.responseType).toBe('blob');
    expect(call.parsed.searchParams.get('accept')).toBe('pdf');
    expect(call.headers?.[ORGANIZATION_HEADER]).toBe(ORG);
  });

  it('gives an untyped blob the PDF type', async () => {
    const fake = fakeRequest().on('GET /invoices/1', () => ok(new Blob(['%PDF-1.7'])));
    expect((await client(fake).getInvoicePdf('1')).type).toBe('application/pdf');
  });

  it('wraps bytes and binary strings into a PDF blob without changing a byte', async () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0xe2, 0xe3, 0xcf, 0xd3]);
    let fake = fakeRequest().on('GET /invoices/1', () => ok(bytes));
    let blob = await client(fake).getInvoicePdf('1');
    expect(blob.type).toBe('application/pdf');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);

    fake = fakeRequest().on('GET /invoices/1', () => ok(bytes.buffer));
    blob = await client(fake).getInvoicePdf('1');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);

    fake = fakeRequest().on('GET /invoices/1', () => ok(String.fromCharCode(...bytes)));
    blob = await client(fake).getInvoicePdf('1');
    expect(blob.type).toBe('application/pdf');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
  });

  it.each<[string, unknown, number, BillingErrorKind]>([
    ['HTTP 404 with an error body', fixtures.errors()[0], 404, 'not-found'],
    ['HTTP 404 with an error blob', new Blob([JSON.stringify(fixtures.errors()[0])], { type: 'application/json' }), 404, 'not-found'],
    ['HTTP 429', '', 429, 'rate-limited'],
    ['HTTP 500', new Blob(['oops']), 500, 'server'],
    ['a JSON error blob on HTTP 200', new Blob([JSON.stringify({ code: 1002, message: 'no' })], { type: 'application/json' }), 200, 'not-found'],
    ['a parsed error object on HTTP 200', { code: 1000, message: 'Internal error' }, 200, 'rejected'],
    ['an HTML blob on HTTP 200', new Blob(['<html>login</html>'], { type: 'text/html' }), 200, 'malformed'],
    ['an HTML string on HTTP 200', '<html>login</html>', 200, 'malformed'],
    ['an empty blob', new Blob([]), 200, 'malformed'],
    ['an empty string', '', 200, 'malformed'],
    ['a success envelope without a PDF', { code: 0, message: 'success' }, 200, 'malformed'],
    ['nothing', null, 200, 'malformed'],
  ])('%s → %s', async (_name, body, status, kind) => {
    const fake = fakeRequest().on('GET /invoices/1', () => ok(body, status));
    expect((await failure(client(fake).getInvoicePdf('1'))).kind).toBe(kind);
  });
});

describe('hosted pages for a reply', () => {
  const hosted = {
    code: 0,
    message: 'success',
    hostedpage: {
      hostedpage_id: '2-abc',
      status: 'fresh',
      url: 'https://billing.zoho.com/hostedpage/2-abc/checkout',
      action: 'Invoice payment',
      expiring_time: '2026-11-27T15:05:00-0800',
      created_time: '2026-11-27T14:05:00-0800',
    },
  };

  it('creates a hosted payment page for the invoice, with when it expires', async () => {
    const fake = fakeRequest().on('POST /hostedpages/invoicepayment', ok(hosted, 201));
    expect(await client(fake).createInvoicePaymentLink('2468013000000081107')).toEqual({
      url: 'https://billing.zoho.com/hostedpage/2-abc/checkout',
      expiresAt: '2026-11-27T15:05:00-08:00',
    });
    const call = onlyCall(fake);
    expect(call.body).toEqual({ invoice_id: '2468013000000081107' });
    expect(call.responseType).toBeUndefined();
    expect(call.headers?.[ORGANIZATION_HEADER]).toBe(ORG);
  });

  it('creates a card update page for the subscription: POST /hostedpages/updatecard with only subscription_id', async () => {
    const fake = fakeRequest().on('POST /hostedpages/updatecard', ok({ ...hosted, hostedpage: { ...hosted.hostedpage, url: 'https://billing.zoho.com/hostedpage/2-c/updatecard', action: 'Update Card' } }));
    expect(await client(fake).createCardUpdateLink('903000000079200')).toEqual({
      url: 'https://billing.zoho.com/hostedpage/2-c/updatecard',
      expiresAt: '2026-11-27T15:05:00-08:00',
    });
    expect(onlyCall(fake).body).toEqual({ subscription_id: '903000000079200' });
  });

  it('a page without an https url is malformed, not a link; an unreadable expiry is unknown', async () => {
    let fake = fakeRequest().on('POST /hostedpages/invoicepayment', ok({ ...hosted, hostedpage: { ...hosted.hostedpage, url: 'http://x.example' } }));
    expect((await failure(client(fake).createInvoicePaymentLink('1'))).kind).toBe('malformed');
    fake = fakeRequest().on('POST /hostedpages/updatecard', ok({ ...hosted, hostedpage: { ...hosted.hostedpage, expiring_time: 'soon' } }));
    expect((await client(fake).createCardUpdateLink('1')).expiresAt).toBeNull();
  });

  it("reports Billing's refusal as it is, with no second call", async () => {
    const fake = fakeRequest().on('POST /hostedpages/invoicepayment', ok({ code: 1, message: 'Payment gateway not configured' }, 400));
    const e = await failure(client(fake).createInvoicePaymentLink('1'));
    expect(e.kind).toBe('rejected');
    expect(e.detail).toBe('Payment gateway not configured');
    expect(fake.calls).toHaveLength(1);
  });
});

describe('catalog', () => {
  const items = {
    code: 0,
    message: 'success',
    items: [
      { item_id: '2468013000000045027', name: 'On-site setup', description: 'Setup visit', rate: 149, status: 'active' },
      { item_id: '2', name: 'Old thing', rate: '10', status: 'inactive' },
      { item_id: '3', name: 'ＳＥＴＵＰ（全角）', rate: 'abc', status: 'active' },
      { name: 'no id' },
    ],
  };
  const plans = {
    code: 0,
    message: 'success',
    plans: [
      { plan_code: 'pro-monthly', name: 'Pro Monthly', description: 'Setup included', recurring_price: '100.00', status: 'active' },
      { plan_code: 'basic', name: 'Basic', recurring_price: 10, status: 'active' },
    ],
  };

  it('merges items and plans, drops inactive ones and filters by the search text', async () => {
    const fake = fakeRequest().on('GET /items', ok(items)).on('GET /plans', ok(plans));
    const all = await client(fake).listCatalog();
    expect(all.map((e) => `${e.kind}:${e.id}`)).toEqual(['item:2468013000000045027', 'item:3', 'plan:pro-monthly', 'plan:basic']);
    expect(all.find((e) => e.id === 'pro-monthly')?.price).toBe(100);
    expect(all.find((e) => e.id === '3')?.price).toBeNull();
    expect(all[0]).toEqual({
      kind: 'item',
      id: '2468013000000045027',
      name: 'On-site setup',
      description: 'Setup visit',
      price: 149,
      currencyCode: null,
    });
    const setup = await client(fake).listCatalog('setup');
    expect(setup.map((e) => e.id)).toEqual(['2468013000000045027', '3', 'pro-monthly']);
  });

  it('keeps the items when the plans cannot be read, and fails only when neither can', async () => {
    let fake = fakeRequest().on('GET /items', ok(items)).on('GET /plans', ok({ code: 57, message: 'scope' }, 401));
    expect((await client(fake).listCatalog()).every((e) => e.kind === 'item')).toBe(true);
    fake = fakeRequest().on('GET /items', ok('', 500)).on('GET /plans', ok('', 500));
    expect((await failure(client(fake).listCatalog())).kind).toBe('server');
  });
});

describe('writes', () => {
  const created = { code: 0, message: 'The customer has been created', customer: fixtures.customerDetail().customer };

  it('creates a customer', async () => {
    const fake = fakeRequest().on('POST /customers', ok(created, 201));
    const c = await client(fake).createCustomer({
      displayName: 'Acme Dental Clinic',
      firstName: 'Lena',
      lastName: 'Ortiz',
      email: 'lena.ortiz@acmedental.example',
      companyName: 'Acme Dental Clinic',
      phone: '',
      billingAddress: { attention: 'Accounts', street: '12 King St', city: 'London', zip: 'EC2V 8AA', country: 'United Kingdom' },
      shippingAddress: null,
    });
    expect(c.id).toBe('2468013000000051001');
    const call = onlyCall(fake);
    expect(call.method).toBe('POST');
    expect(call.headers?.[ORGANIZATION_HEADER]).toBe(ORG);
    expect(call.responseType).toBeUndefined();
    expect(call.body).toEqual({
      display_name: 'Acme Dental Clinic',
      email: 'lena.ortiz@acmedental.example',
      first_name: 'Lena',
      last_name: 'Ortiz',
      company_name: 'Acme Dental Clinic',
      billing_address: { attention: 'Accounts', street: '12 King St', city: 'London', zip: 'EC2V 8AA', country: 'United Kingdom' },
    });
    // Same keys as the recorded request shape (§12.9).
    const recorded = fixtures.createCustomerRequest();
    for (const key of Object.keys(call.body as object)) expect(recorded).toHaveProperty(key);
  });

  it('updates addresses, sending display name and email back unchanged', async () => {
    const fake = fakeRequest()
      .on('GET /customers/2468013000000051001', ok(fixtures.customerDetail()))
      .on('PUT /customers/2468013000000051001', ok({ code: 0, message: 'Customer information has been saved.', customer: fixtures.customerDetail().customer }));
    const api = client(fake);
    const before: Customer = {
      ...(await api.getCustomer('2468013000000051001')),
      contactPersons: [{ id: '5', firstName: 'A', lastName: 'B', email: 'a@b.example', phone: '' }],
    };
    const after = await api.updateCustomerAddresses(before, null, { street: '1 New Rd', city: 'Oakland' });
    expect(after.contactPersons).toEqual(before.contactPersons);
    const put = fake.calls[1];
    expect(put?.method).toBe('PUT');
    expect(put?.body).toEqual({
      display_name: 'Bowman Furniture',
      email: 'ben.george@bowman.example',
      shipping_address: { street: '1 New Rd', city: 'Oakland' },
    });
  });

  it('makes no call when there is no address to update', async () => {
    const fake = fakeRequest().on('GET /customers/1', ok({ code: 0, message: 'success', customer: { customer_id: '1' } }));
    const api = client(fake);
    const c = await api.getCustomer('1');
    expect(await api.updateCustomerAddresses(c, null, null)).toBe(c);
    expect(fake.calls).toHaveLength(1);
  });

  const doc: DocumentInput = {
    customerId: '2468013000000051001',
    date: '2025-03-20',
    referenceNumber: 'DESK-104233',
    lines: [
      { productId: '2468013000000045027', name: 'On-site setup', description: 'Setup visit for ticket #104233', price: 149, quantity: 1 },
    ],
    notes: 'Thanks for your business.',
  };

  it('creates an invoice without sending it', async () => {
    const fake = fakeRequest().on('POST /invoices', ok({ code: 0, message: 'The invoice has been created.', invoice: fixtures.invoiceDetail().invoice }, 201));
    const inv = await client(fake).createInvoice(doc);
    expect(inv.referenceNumber).toBe('DESK-104233');
    const call = onlyCall(fake);
    expect(call.parsed.searchParams.get('send')).toBe('false');
    const recorded = fixtures.createInvoiceRequest();
    // SPEC create-an-invoice-request: each line requires rate and lists price; both carry the same value.
    const [line] = recorded.invoice_items as Array<Record<string, unknown>>;
    expect(call.body).toEqual({
      customer_id: recorded.customer_id,
      date: recorded.date,
      reference_number: recorded.reference_number,
      invoice_items: [{ ...line, rate: line!.price }],
      notes: recorded.notes,
    });
  });

  it('opens a draft invoice with POST /invoices/{id}/converttoopen', async () => {
    const fake = fakeRequest().on('POST /invoices/77/converttoopen', ok({ code: 0, message: 'Invoice status has been changed to Open.' }));
    await client(fake).markInvoiceOpen('77');
    expect(onlyCall(fake).parsed.pathname).toMatch(/\/invoices\/77\/converttoopen$/);
  });

  it('sends exchange_rate only when the document has one', async () => {
    const fake = fakeRequest().on('POST /invoices', ok({ code: 0, message: 'The invoice has been created.', invoice: fixtures.invoiceDetail().invoice }, 201));
    await client(fake).createInvoice({ ...doc, exchangeRate: 1 });
    expect((onlyCall(fake).body as Record<string, unknown>).exchange_rate).toBe(1);
    const without = fakeRequest().on('POST /invoices', ok({ code: 0, message: 'The invoice has been created.', invoice: fixtures.invoiceDetail().invoice }, 201));
    await client(without).createInvoice(doc);
    expect(onlyCall(without).body).not.toHaveProperty('exchange_rate');
  });

  it("creates a quote in the quote shape (SPEC create-an-estimate-request), not the invoice's", async () => {
    const fake = fakeRequest().on(
      'POST /estimates',
      ok({ code: 0, message: 'The quote has been created.', estimate: { estimate_id: '77', estimate_number: 'QT-00001', status: 'draft', date: '2025-03-20', total: 149, currency_code: 'USD', reference_number: 'DESK-104233' } }, 201),
    );
    const q = await client(fake).createQuote(doc);
    expect(q).toEqual({ id: '77', number: 'QT-00001', status: 'draft', date: '2025-03-20', total: 149, currencyCode: 'USD', referenceNumber: 'DESK-104233' });
    expect(onlyCall(fake).body).toEqual({
      customer_id: '2468013000000051001',
      date: '2025-03-20',
      reference_number: 'DESK-104233',
      line_items: [{ item_id: '2468013000000045027', name: 'On-site setup', description: 'Setup visit for ticket #104233', rate: 149, quantity: 1 }],
      notes: 'Thanks for your business.',
    });
  });

  it.each<[string, Partial<DocumentInput>]>([
    ['a NaN price', { lines: [{ productId: '1', name: 'x', price: Number.NaN, quantity: 1 }] }],
    ['a zero quantity', { lines: [{ productId: '1', name: 'x', price: 1, quantity: 0 }] }],
    ['a negative price', { lines: [{ productId: '1', name: 'x', price: -1, quantity: 1 }] }],
    ['a zero exchange rate', { exchangeRate: 0 }],
    ['no lines', { lines: [] }],
    ['a bad date', { date: '20/03/2025' }],
    ['no customer', { customerId: ' ' }],
  ])('refuses a document with %s before any call', async (_name, change) => {
    const fake = fakeRequest();
    const api = client(fake);
    expect((await failure(api.createInvoice({ ...doc, ...change }))).kind).toBe('rejected');
    expect((await failure(api.createQuote({ ...doc, ...change }))).kind).toBe('rejected');
    expect(fake.calls).toHaveLength(0);
  });

  it('never retries a failed write', async () => {
    const fake = fakeRequest().on('POST /invoices', ok('', 503));
    expect((await failure(client(fake).createInvoice(doc))).kind).toBe('server');
    expect(fake.calls).toHaveLength(1);
  });
});

describe('a misbehaving transport', () => {
  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['a string', 'ok'],
    ['ok without a value', { ok: true }],
    ['a value without a status', { ok: true, value: { body: {} } }],
    ['a failure without an error', { ok: false }],
  ])('%s → malformed, never a TypeError', async (_name, result) => {
    const request = (async () => result) as unknown as Parameters<typeof createBillingClient>[0]['request'];
    const api = createBillingClient({ request, dataCenter: 'US', organizationId: ORG });
    expect((await failure(api.getCustomer('1'))).kind).toBe('malformed');
  });
});
