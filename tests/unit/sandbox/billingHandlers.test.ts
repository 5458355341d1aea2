import { createBillingSandbox, type BillingSandbox } from '../../../src/sandbox/billing/sandbox';
import { BILLING_FIXTURES as F, TICKET_NUMBERS } from '../../../src/sandbox/billing/fixtures';
import { BILLING_BASE_URLS, ORG_HEADER } from '../../../src/sandbox/billing/handlers';

type Body = Record<string, unknown>;

interface CallOptions {
  method?: string;
  body?: unknown;
  org?: string | null;
  base?: string;
  headers?: Record<string, string>;
}

async function call(sandbox: BillingSandbox, path: string, options: CallOptions = {}): Promise<{ status: number; body: Body; response: Response }> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  const org = options.org === undefined ? F.primaryOrgId : options.org;
  if (org !== null) headers[ORG_HEADER] = org;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await sandbox.handle(
    new Request(`${options.base ?? BILLING_BASE_URLS[0]}${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
    }),
  );
  const text = await response.clone().text();
  let body: Body = {};
  try {
    body = JSON.parse(text) as Body;
  } catch {
    body = { raw: text };
  }
  return { status: response.status, body, response };
}

const rows = (body: Body, key: string) => body[key] as Body[];
const pageContext = (body: Body) => body.page_context as { page: number; per_page: number; has_more_page: boolean; applied_filter: string };

describe('Billing sandbox handlers', () => {
  let sandbox: BillingSandbox;
  beforeEach(() => {
    sandbox = createBillingSandbox();
  });

  describe('organizations and the org header', () => {
    it('lists organizations without an org header, on every data center host', async () => {
      expect(BILLING_BASE_URLS).toHaveLength(8);
      for (const base of BILLING_BASE_URLS) {
        const { status, body } = await call(sandbox, '/organizations', { org: null, base });
        expect(status).toBe(200);
        expect(body.code).toBe(0);
        expect(rows(body, 'organizations').length).toBe(3);
      }
    });

    it('follows the organizations switch', async () => {
      const roles = async () => rows((await call(sandbox, '/organizations', { org: null })).body, 'organizations').map((o) => String(o.user_role).toLowerCase());
      expect((await roles()).filter((r) => r === 'admin')).toHaveLength(2);
      sandbox.faults.organizations = 'one';
      expect(await roles()).toEqual(['admin']);
      sandbox.faults.organizations = 'none';
      expect(await roles()).toEqual([]);
      sandbox.faults.organizations = 'non-admin';
      const nonAdmin = await roles();
      expect(nonAdmin.length).toBeGreaterThan(0);
      expect(nonAdmin).not.toContain('admin');
    });

    it('refuses resource calls without the org header or for an org outside the current set', async () => {
      const missing = await call(sandbox, '/customers', { org: null });
      expect(missing.status).toBe(403);
      expect(missing.body.code).not.toBe(0);
      const unknown = await call(sandbox, '/customers', { org: '999' });
      expect(unknown.status).toBe(403);
      expect(typeof unknown.body.code).toBe('number');
      sandbox.faults.organizations = 'one';
      expect((await call(sandbox, '/customers', { org: F.japanOrgId })).status).toBe(403);
      expect((await call(sandbox, '/customers', { org: F.primaryOrgId })).status).toBe(200);
    });
  });

  describe('customers', () => {
    it('finds customers by exact email, case-insensitively', async () => {
      const { body } = await call(sandbox, `/customers?email=${encodeURIComponent('ACCOUNTS@northwind.example')}`);
      expect(body.code).toBe(0);
      expect(rows(body, 'customers').map((c) => c.customer_id).sort()).toEqual([...F.northwindCustomerIds].sort());
      const partial = await call(sandbox, '/customers?email=northwind.example');
      expect(rows(partial.body, 'customers')).toHaveLength(0);
    });

    it('searches name, company and email with search_text', async () => {
      const byName = await call(sandbox, `/customers?search_text=${encodeURIComponent('山田')}`);
      expect(rows(byName.body, 'customers').map((c) => c.customer_id)).toContain(F.yamadaCustomerId);
      const byEmail = await call(sandbox, '/customers?search_text=bowman.example');
      expect(rows(byEmail.body, 'customers').map((c) => c.customer_id)).toEqual([F.bowmanCustomerId]);
      const byCompany = await call(sandbox, '/customers?search_text=umbrella');
      expect(rows(byCompany.body, 'customers')).toHaveLength(2);
    });

    it('pages the customer list with page_context.has_more_page', async () => {
      const first = await call(sandbox, '/customers?page=1&per_page=25');
      expect(rows(first.body, 'customers')).toHaveLength(25);
      expect(pageContext(first.body)).toMatchObject({ page: 1, per_page: 25, has_more_page: true });
      const seen = new Set<unknown>();
      for (let page = 1; ; page += 1) {
        const { body } = await call(sandbox, `/customers?page=${page}&per_page=25`);
        for (const c of rows(body, 'customers')) seen.add(c.customer_id);
        if (!pageContext(body).has_more_page) break;
      }
      expect(seen.size).toBe(sandbox.dataset.customers.length);
    });

    it("filters the list by every filter_by value customers.yml lists, and refuses any other", async () => {
      const count = async (filter: string) => rows((await call(sandbox, `/customers?filter_by=${filter}&page=1&per_page=200`)).body, 'customers').length;
      const all = await count('Status.All');
      expect(all).toBe(sandbox.dataset.customers.length);
      expect((await count('Status.Active')) + (await count('Status.Inactive'))).toBe(all);
      expect((await count('Status.PortalEnabled')) + (await count('Status.PortalDisabled'))).toBe(all);
      const subscribers = new Set(sandbox.dataset.subscriptions.map((s) => s.customer_id));
      expect(await count('Status.NonSubscribers')).toBe(sandbox.dataset.customers.filter((c) => !subscribers.has(c.customer_id)).length);
      expect(await count('Status.Crm')).toBe(sandbox.dataset.customers.filter((c) => c.is_linked_with_zohocrm).length);
      expect(await count('Status.Gapps')).toBe(sandbox.dataset.customers.filter((c) => c.is_gapps_customer).length);
      const wrong = await call(sandbox, '/customers?filter_by=Status.Modified');
      expect(wrong.status).toBe(400);
    });

    it('list rows carry updated_time, and editing a customer moves it (what the portal row check compares)', async () => {
      const before = rows((await call(sandbox, '/customers?filter_by=Status.All&page=1&per_page=200')).body, 'customers');
      const bowman = before.find((c) => c.customer_id === F.bowmanCustomerId)!;
      expect(typeof bowman.updated_time).toBe('string');
      await call(sandbox, `/customers/${F.bowmanCustomerId}`, { method: 'PUT', body: { display_name: 'Bowman Furniture', email: F.bowmanEmail, billing_address: { street: '9 New St' } } });
      const after = rows((await call(sandbox, '/customers?filter_by=Status.All&page=1&per_page=200')).body, 'customers');
      expect(after.find((c) => c.customer_id === F.bowmanCustomerId)!.updated_time).not.toBe(bowman.updated_time);
    });

    it('returns list rows with balances and a detail with addresses', async () => {
      const list = await call(sandbox, `/customers?email=${F.bowmanEmail}`);
      const row = rows(list.body, 'customers')[0]!;
      expect(row).toMatchObject({ customer_id: F.bowmanCustomerId, display_name: 'Bowman Furniture', currency_code: 'USD', unused_credits: 25 });
      expect(row.billing_address).toBeUndefined();
      const detail = await call(sandbox, `/customers/${F.bowmanCustomerId}`);
      const customer = detail.body.customer as Body;
      expect(customer.payment_terms_label).toBe('Net 15');
      expect((customer.billing_address as Body).city).toBe('San Francisco');
      expect(customer.outstanding_receivable_amount).toBeGreaterThan(0);
    });

    it('answers an unknown customer id with HTTP 400 and code 3004', async () => {
      const { status, body } = await call(sandbox, `/customers/${F.unknownCustomerId}`);
      expect(status).toBe(400);
      expect(body.code).toBe(3004);
    });

    it('lists contact persons under contact_persons', async () => {
      const { body } = await call(sandbox, `/customers/${F.bowmanCustomerId}/contactpersons`);
      const persons = rows(body, 'contact_persons');
      expect(persons.length).toBeGreaterThan(1);
      expect(persons.map((p) => p.email)).toContain('rosa.alvarez@bowman.example');
    });

    it('creates a customer (201) that later reads find, and validates display_name and email', async () => {
      const created = await call(sandbox, '/customers', {
        method: 'POST',
        body: { display_name: 'Peter Novak', email: 'peter.novak@nomatch.example', first_name: 'Peter', last_name: 'Novak', billing_address: { city: 'Praha', country: 'Czech Republic' } },
      });
      expect(created.status).toBe(201);
      const customer = created.body.customer as Body;
      expect(String(customer.customer_id)).toMatch(/^\d{19}$/);
      expect((customer.billing_address as Body).city).toBe('Praha');
      const found = await call(sandbox, '/customers?email=peter.novak@nomatch.example');
      expect(rows(found.body, 'customers').map((c) => c.customer_id)).toEqual([customer.customer_id]);

      const noName = await call(sandbox, '/customers', { method: 'POST', body: { email: 'x@y.example' } });
      expect(noName.status).toBe(400);
      expect(noName.body.code).not.toBe(0);
      const badEmail = await call(sandbox, '/customers', { method: 'POST', body: { display_name: 'X', email: 'not-an-email' } });
      expect(badEmail.status).toBe(400);
      const duplicate = await call(sandbox, '/customers', { method: 'POST', body: { display_name: 'bowman furniture', email: 'a@b.example' } });
      expect(duplicate.status).toBe(400);
    });

    it('defaults a new customer to the currency of the org it is created in', async () => {
      const created = await call(sandbox, '/customers', { method: 'POST', org: F.japanOrgId, body: { display_name: '新規 顧客', email: 'new@example.jp' } });
      expect((created.body.customer as Body).currency_code).toBe('JPY');
    });

    it('updates addresses with PUT and shows them in later reads', async () => {
      const updated = await call(sandbox, `/customers/${F.noAddressCustomerId}`, {
        method: 'PUT',
        body: { display_name: 'Acme Dental Clinic', email: F.noAddressEmail, shipping_address: { street: '12 King St', city: 'London', zip: 'EC2V 8AA' } },
      });
      expect(updated.status).toBe(200);
      const detail = await call(sandbox, `/customers/${F.noAddressCustomerId}`);
      expect((detail.body.customer as Body).shipping_address).toMatchObject({ street: '12 King St', city: 'London', zip: 'EC2V 8AA', country: '' });
      const missing = await call(sandbox, `/customers/${F.unknownCustomerId}`, { method: 'PUT', body: { display_name: 'x', email: 'x@y.example' } });
      expect(missing.status).toBe(400);
      expect(missing.body.code).toBe(3004);
    });
  });

  describe('subscriptions', () => {
    it('returns only LIVE subscriptions without filter_by, everything with SubscriptionStatus.All', async () => {
      const live = await call(sandbox, `/subscriptions?customer_id=${F.initechCustomerId}`);
      expect(pageContext(live.body).applied_filter).toBe('SubscriptionStatus.LIVE');
      const liveRows = rows(live.body, 'subscriptions');
      expect(liveRows.length).toBeGreaterThan(0);
      expect(liveRows.every((s) => s.status === 'live')).toBe(true);
      const all = await call(sandbox, `/subscriptions?customer_id=${F.initechCustomerId}&filter_by=SubscriptionStatus.All`);
      expect(rows(all.body, 'subscriptions')).toHaveLength(40);
      expect(new Set(rows(all.body, 'subscriptions').map((s) => s.status)).size).toBeGreaterThanOrEqual(11);
      const pastDue = await call(sandbox, `/subscriptions?customer_id=${F.initechCustomerId}&filter_by=SubscriptionStatus.PAST_DUE`);
      expect(rows(pastDue.body, 'subscriptions').every((s) => s.status === 'dunning')).toBe(true);
    });

    it('pages subscriptions', async () => {
      const page = await call(sandbox, `/subscriptions?customer_id=${F.initechCustomerId}&filter_by=SubscriptionStatus.All&per_page=15&page=3`);
      expect(rows(page.body, 'subscriptions')).toHaveLength(10);
      expect(pageContext(page.body).has_more_page).toBe(false);
    });

    it('answers details, recent activities, and 404 code 1002 for an unknown id', async () => {
      const list = await call(sandbox, `/subscriptions?customer_id=${F.bowmanCustomerId}&filter_by=SubscriptionStatus.All`);
      const id = String(rows(list.body, 'subscriptions')[0]!.subscription_id);
      const detail = await call(sandbox, `/subscriptions/${id}`);
      const subscription = detail.body.subscription as Body;
      expect(subscription.subscription_id).toBe(id);
      expect((subscription.plan as Body).plan_code).toBeTruthy();
      expect(Array.isArray(subscription.addons)).toBe(true);
      const activities = await call(sandbox, `/subscriptions/${id}/recentactivities`);
      const list2 = rows(activities.body, 'activities');
      expect(list2.length).toBeGreaterThan(0);
      expect(list2[0]).toEqual(expect.objectContaining({ activity_id: expect.any(String), description: expect.any(String), activity_time: expect.any(String), commented_by: expect.any(String) }));
      const unknown = await call(sandbox, `/subscriptions/${F.unknownSubscriptionId}`);
      expect(unknown.status).toBe(404);
      expect(unknown.body).toEqual({ code: 1002, message: 'Subscription ID does not exist.' });
    });
  });

  describe('invoices', () => {
    it('lists shape-A rows with reference_number, filtered by customer', async () => {
      const { body } = await call(sandbox, `/invoices?customer_id=${F.bowmanCustomerId}&filter_by=Status.All`);
      const invoices = rows(body, 'invoices');
      expect(invoices.length).toBeGreaterThan(2);
      expect(invoices.every((i) => i.customer_id === F.bowmanCustomerId)).toBe(true);
      const ticketInvoice = invoices.find((i) => i.reference_number === `DESK-${TICKET_NUMBERS.bowman}`);
      expect(ticketInvoice).toMatchObject({ invoice_id: F.bowmanTicketInvoiceId, status: 'overdue', currency_code: 'USD' });
      expect(ticketInvoice!.number).toMatch(/^INV-\d+$/);
      expect(ticketInvoice!.invoice_items).toBeUndefined();
    });

    it('filters by subscription_id and by status, and sorts', async () => {
      const sub = sandbox.dataset.subscriptions.find((s) => s.customer_id === F.bowmanCustomerId && s.status === 'live')!;
      const bySub = await call(sandbox, `/invoices?subscription_id=${sub.subscription_id}`);
      expect(rows(bySub.body, 'invoices').length).toBeGreaterThan(0);
      const paid = await call(sandbox, `/invoices?customer_id=${F.bowmanCustomerId}&filter_by=Status.Paid`);
      expect(rows(paid.body, 'invoices').every((i) => i.status === 'paid')).toBe(true);
      const sorted = await call(sandbox, `/invoices?customer_id=${F.bowmanCustomerId}&sort_column=date&sort_order=D`);
      const dates = rows(sorted.body, 'invoices').map((i) => String(i.invoice_date));
      expect(dates).toEqual([...dates].sort().reverse());
    });

    it('pages through the 5,000 invoices of the very large customer', async () => {
      const first = await call(sandbox, `/invoices?customer_id=${F.globexCustomerId}&filter_by=Status.All&per_page=200&page=1&sort_column=date&sort_order=D`);
      expect(rows(first.body, 'invoices')).toHaveLength(200);
      expect(pageContext(first.body).has_more_page).toBe(true);
      expect(rows(first.body, 'invoices').some((i) => i.reference_number === `DESK-${TICKET_NUMBERS.globex}`)).toBe(true);
      const last = await call(sandbox, `/invoices?customer_id=${F.globexCustomerId}&per_page=200&page=25`);
      expect(rows(last.body, 'invoices')).toHaveLength(200);
      expect(pageContext(last.body).has_more_page).toBe(false);
      const beyond = await call(sandbox, `/invoices?customer_id=${F.globexCustomerId}&per_page=200&page=26`);
      expect(rows(beyond.body, 'invoices')).toHaveLength(0);
      const oversized = await call(sandbox, `/invoices?customer_id=${F.globexCustomerId}&per_page=1000`);
      expect(rows(oversized.body, 'invoices')).toHaveLength(200);
      const id = String(rows(last.body, 'invoices')[0]!.invoice_id);
      const detail = await call(sandbox, `/invoices/${id}`);
      expect((detail.body.invoice as Body).invoice_id).toBe(id);
      expect(((detail.body.invoice as Body).invoice_items as Body[]).length).toBeGreaterThan(0);
    });

    it('answers invoice detail with lines and payments, and 404 for an unknown id', async () => {
      const { body } = await call(sandbox, `/invoices/${F.bowmanTicketInvoiceId}`);
      const invoice = body.invoice as Body;
      expect(invoice).toMatchObject({ reference_number: `DESK-${TICKET_NUMBERS.bowman}`, status: 'overdue', balance: 149 });
      expect((invoice.invoice_items as Body[])[0]).toMatchObject({ name: 'On-site setup', price: 149, quantity: 1 });
      expect(String(invoice.invoice_url)).toMatch(/^https:\/\//);
      const paid = sandbox.dataset.invoices.find((i) => i.status === 'paid' && i.customer_id === F.bowmanCustomerId)!;
      const paidDetail = await call(sandbox, `/invoices/${paid.invoice_id}`);
      expect(((paidDetail.body.invoice as Body).payments as Body[]).length).toBe(1);
      const unknown = await call(sandbox, '/invoices/2468013000000099997');
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe(1002);
    });

    it('serves the invoice PDF for ?accept=pdf and for Accept: application/pdf', async () => {
      const variants: { path: string; headers: Record<string, string> }[] = [
        { path: `/invoices/${F.bowmanTicketInvoiceId}?accept=pdf`, headers: {} },
        { path: `/invoices/${F.bowmanTicketInvoiceId}`, headers: { Accept: 'application/pdf' } },
      ];
      for (const options of variants) {
        const { response } = await call(sandbox, options.path, { headers: options.headers });
        expect(response.status).toBe(200);
        expect(response.headers.get('Content-Type')).toBe('application/pdf');
        expect(response.headers.get('Content-Disposition')).toMatch(/attachment; filename="INV-\d+\.pdf"/);
        const bytes = new Uint8Array(await response.arrayBuffer());
        const text = new TextDecoder().decode(bytes);
        expect(text.startsWith('%PDF-1.4')).toBe(true);
        expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
        const xref = Number(/startxref\n(\d+)/.exec(text)?.[1]);
        expect(text.slice(xref, xref + 4)).toBe('xref');
      }
    });

    it('creates an invoice (201) that keeps the reference and appears in lists', async () => {
      const item = sandbox.dataset.items[0]!;
      const created = await call(sandbox, '/invoices?send=false', {
        method: 'POST',
        body: {
          customer_id: F.yamadaCustomerId,
          date: '2026-11-27',
          reference_number: `DESK-${TICKET_NUMBERS.yamada}`,
          invoice_items: [{ product_id: item.item_id, name: item.name, rate: 15000, price: 15000, quantity: 2 }],
          custom_fields: [{ label: 'Desk Ticket ID', value: TICKET_NUMBERS.yamada }],
        },
      });
      expect(created.status).toBe(201);
      const invoice = created.body.invoice as Body;
      expect(invoice).toMatchObject({ reference_number: `DESK-${TICKET_NUMBERS.yamada}`, total: 30000, currency_code: 'JPY', customer_id: F.yamadaCustomerId });
      const list = await call(sandbox, `/invoices?customer_id=${F.yamadaCustomerId}&filter_by=Status.All`);
      const inList = rows(list.body, 'invoices').filter((i) => i.reference_number === `DESK-${TICKET_NUMBERS.yamada}`);
      expect(inList.map((i) => i.invoice_id)).toContain(invoice.invoice_id);
      const detail = await call(sandbox, `/invoices/${String(invoice.invoice_id)}`);
      // The create answer is invoices.yml's shape B (invoice_number); the detail is shape A (number).
      expect((detail.body.invoice as Body).number).toBe(invoice.invoice_number);
    });

    it('takes the SPEC invoice shape (rate required, price optional) and refuses any other with a Billing code', async () => {
      const item = sandbox.dataset.items[1]!;
      const line = { product_id: item.item_id, rate: 10, quantity: 3 };
      const withRate = await call(sandbox, '/invoices', { method: 'POST', body: { customer_id: F.bowmanCustomerId, date: '2026-11-27', invoice_items: [line] } });
      expect(withRate.status).toBe(201);
      expect((withRate.body.invoice as Body).total).toBe(30);
      const valid = { customer_id: F.bowmanCustomerId, date: '2026-11-27', invoice_items: [line] };
      const cases: Array<[string, unknown, RegExp]> = [
        ['an unknown customer', { ...valid, customer_id: F.unknownCustomerId }, /customer/],
        ['no lines', { ...valid, invoice_items: [] }, /invoice_items/],
        ['no date (required by the SPEC)', { customer_id: F.bowmanCustomerId, invoice_items: [line] }, /date is required/],
        ['price without rate', { ...valid, invoice_items: [{ product_id: item.item_id, price: 10, quantity: 3 }] }, /rate is required/],
        ['the quote shape', { customer_id: F.bowmanCustomerId, date: '2026-11-27', line_items: [{ item_id: item.item_id, rate: 10, quantity: 3 }] }, /line_items/],
        ['item_id instead of product_id', { ...valid, invoice_items: [{ item_id: item.item_id, rate: 10, quantity: 3 }] }, /item_id/],
        ['price and rate that disagree', { ...valid, invoice_items: [{ ...line, price: 11 }] }, /price/],
        ['an unknown top-level key', { ...valid, currency: 'JPY' }, /currency/],
        ['a bad exchange_rate', { ...valid, exchange_rate: 0 }, /exchange_rate/],
        ['an unknown item', { ...valid, invoice_items: [{ ...line, product_id: '2468013000000000001' }] }, /Item/],
        ['a zero quantity', { ...valid, invoice_items: [{ ...line, quantity: 0 }] }, /quantity/],
        ['broken JSON', '{"customer_id": ', /JSONString/],
      ];
      for (const [name, body, message] of cases) {
        const { status, body: answer } = await call(sandbox, '/invoices', { method: 'POST', body });
        expect(status, name).toBe(400);
        expect(answer.code, name).not.toBe(0);
        expect(String(answer.message), name).toMatch(message);
      }
    });

    it('keeps the exchange_rate sent, else 1 in the base currency, else the org rate for the currency', async () => {
      const item = sandbox.dataset.items[0]!;
      const post = (customer_id: string, extra: Body = {}) =>
        call(sandbox, '/invoices', { method: 'POST', body: { customer_id, date: '2026-11-27', invoice_items: [{ product_id: item.item_id, rate: 100, quantity: 1 }], ...extra } });
      expect(((await post(F.bowmanCustomerId)).body.invoice as Body).exchange_rate).toBe(1);
      const yen = (await post(F.yamadaCustomerId)).body.invoice as Body;
      expect(yen).toMatchObject({ currency_code: 'JPY', total: 100 });
      expect(yen.exchange_rate).toBeCloseTo(1 / 150, 10);
      expect(((await post(F.yamadaCustomerId, { exchange_rate: 0.0065 })).body.invoice as Body).exchange_rate).toBe(0.0065);
    });

    it('converttoopen opens a draft (it becomes a receivable) and refuses anything else', async () => {
      const item = sandbox.dataset.items[0]!;
      const created = await call(sandbox, '/invoices?send=false', { method: 'POST', body: { customer_id: F.bowmanCustomerId, date: '2026-11-27', invoice_items: [{ product_id: item.item_id, rate: 100, quantity: 1 }] } });
      const id = String((created.body.invoice as Body).invoice_id);
      expect((created.body.invoice as Body).status).toBe('draft');
      const bowman = () => sandbox.dataset.customers.find((c) => c.customer_id === F.bowmanCustomerId)!;
      const owedBefore = bowman().outstanding_receivable_amount;
      const opened = await call(sandbox, `/invoices/${id}/converttoopen`, { method: 'POST' });
      expect(opened.status).toBe(200);
      expect(opened.body.code).toBe(0);
      expect(((await call(sandbox, `/invoices/${id}`)).body.invoice as Body).status).toBe('sent');
      expect(bowman().outstanding_receivable_amount).toBe(owedBefore + 100);
      const again = await call(sandbox, `/invoices/${id}/converttoopen`, { method: 'POST' });
      expect(again.status).toBe(400);
      expect(again.body.code).not.toBe(0);
    });

    it('refuses the invoice shape on /estimates: quotes take line_items with item_id and rate', async () => {
      const item = sandbox.dataset.items[0]!;
      const before = sandbox.dataset.estimates.length;
      const cases: Array<[string, unknown, RegExp]> = [
        ['the invoice shape', { customer_id: F.bowmanCustomerId, date: '2026-11-27', invoice_items: [{ product_id: item.item_id, price: 100, rate: 100, quantity: 1 }] }, /invoice_items/],
        ['product_id in a line', { customer_id: F.bowmanCustomerId, line_items: [{ product_id: item.item_id, rate: 100, quantity: 1 }] }, /product_id/],
        ['price in a line', { customer_id: F.bowmanCustomerId, line_items: [{ item_id: item.item_id, rate: 100, price: 100, quantity: 1 }] }, /price/],
        ['no rate', { customer_id: F.bowmanCustomerId, line_items: [{ item_id: item.item_id, quantity: 1 }] }, /rate is required/],
        ['no customer', { line_items: [{ item_id: item.item_id, rate: 100, quantity: 1 }] }, /customer_id is required/],
      ];
      for (const [name, body, message] of cases) {
        const { status, body: answer } = await call(sandbox, '/estimates', { method: 'POST', body });
        expect(status, name).toBe(400);
        expect(answer.code, name).toBe(4);
        expect(String(answer.message), name).toMatch(message);
      }
      expect(sandbox.dataset.estimates).toHaveLength(before);
    });

    it('prices items and plans in the organization\'s base currency', async () => {
      const usItems = rows((await call(sandbox, '/items')).body, 'items');
      const jpItems = rows((await call(sandbox, '/items', { org: F.japanOrgId })).body, 'items');
      const onboarding = (list: Body[]) => list.find((i) => i.name === '導入支援サービス')!;
      expect(onboarding(usItems).rate).toBe(500);
      expect(onboarding(jpItems).rate).toBe(75000);
      const jpPlans = rows((await call(sandbox, '/plans', { org: F.japanOrgId })).body, 'plans');
      expect(jpPlans.find((p) => p.plan_code === 'pro-monthly')!.recurring_price).toBe(15000);
      expect(onboarding(usItems)).not.toHaveProperty('currency_code');
    });

    it('creates a quote (201, key estimate) and a payment link', async () => {
      const item = sandbox.dataset.items[0]!;
      const quote = await call(sandbox, '/estimates', { method: 'POST', body: { customer_id: F.bowmanCustomerId, reference_number: 'DESK-104233', line_items: [{ item_id: item.item_id, rate: 100, quantity: 2 }] } });
      expect(quote.status).toBe(201);
      expect(quote.body.estimate).toMatchObject({ reference_number: 'DESK-104233', total: 200, status: 'draft' });
      expect(String((quote.body.estimate as Body).estimate_number)).toMatch(/^QT-/);

      const page = await call(sandbox, '/hostedpages/invoicepayment', { method: 'POST', body: { invoice_id: F.bowmanTicketInvoiceId } });
      expect(page.status).toBeGreaterThanOrEqual(200);
      expect(page.status).toBeLessThan(300);
      expect(String((page.body.hostedpage as Body).url)).toMatch(/^https:\/\/billing\.zoho\.com\/hostedpage\//);
      const paid = sandbox.dataset.invoices.find((i) => i.status === 'paid')!;
      expect((await call(sandbox, '/hostedpages/invoicepayment', { method: 'POST', body: { invoice_id: paid.invoice_id } })).status).toBe(400);
    });
  });

  describe('catalog and transactions', () => {
    it('lists items and plans', async () => {
      const items = rows((await call(sandbox, '/items')).body, 'items');
      expect(items.length).toBeGreaterThan(4);
      expect(items[0]).toEqual(expect.objectContaining({ item_id: expect.any(String), name: expect.any(String), rate: expect.any(Number) }));
      const plans = rows((await call(sandbox, '/plans')).body, 'plans');
      expect(plans[0]).toEqual(expect.objectContaining({ plan_code: expect.any(String), name: expect.any(String), recurring_price: expect.any(Number) }));
    });

    it('lists a customer\'s transactions, filterable by type, with string amounts', async () => {
      const all = rows((await call(sandbox, `/transactions?customer_id=${F.bowmanCustomerId}&filter_by=TransactionType.All`)).body, 'transactions');
      expect(new Set(all.map((t) => t.type))).toEqual(new Set(['invoice', 'payment', 'credit', 'refund']));
      expect(all.every((t) => typeof t.amount === 'string')).toBe(true);
      // Only what customers.yml "List of transactions" documents: no currency (the customer's), no customer_id.
      for (const t of all) expect(Object.keys(t).sort()).toEqual(['amount', 'date', 'reference_id', 'status', 'transaction_id', 'type']);
      const payments = rows((await call(sandbox, `/transactions?customer_id=${F.bowmanCustomerId}&filter_by=TransactionType.PAYMENT`)).body, 'transactions');
      expect(payments.length).toBeGreaterThan(0);
      expect(payments.every((t) => t.type === 'payment')).toBe(true);
    });
  });

  it('answers unknown paths with 404 and records every Billing call', async () => {
    const unknown = await call(sandbox, '/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).not.toBe(0);
    expect(sandbox.calls.map((c) => [c.method, c.path, c.status])).toEqual([['GET', '/billing/v1/nothing-here', 404]]);
    await call(sandbox, '/customers', { org: null });
    expect(sandbox.calls).toHaveLength(2);
    expect(sandbox.calls[1]).toMatchObject({ status: 403, url: `${BILLING_BASE_URLS[0]}/customers` });
  });

  it('reset() restores the dataset, faults and calls', async () => {
    await call(sandbox, '/customers', { method: 'POST', body: { display_name: 'Temp', email: 'temp@example.com' } });
    sandbox.faults.mode = 'forbidden';
    const faults = sandbox.faults;
    sandbox.reset();
    expect(sandbox.faults).toBe(faults);
    expect(sandbox.faults.mode).toBe('none');
    expect(sandbox.calls).toHaveLength(0);
    expect(sandbox.dataset.customers.some((c) => c.display_name === 'Temp')).toBe(false);
  });
});
