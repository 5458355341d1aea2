// emailInvoice (issue 20 "E-mail the invoice to the customer's billing contact"), added as README "Add a Billing
// call" says: one call-table entry, one body builder, its sandbox handler, and this test of the exact request.
import { createBillingClient, ORGANIZATION_HEADER } from '../../../src/billing/billingClient';
import { BillingError } from '../../../src/billing/errors';
import { createBillingCache } from '../../../src/integration/cache/billingCache';
import { createSandboxHost } from '../../../src/sandbox/desk/sandboxHost';
import { fakeRequest, ok, type FakeRequest } from './fakeRequest';
import { fixtures } from './fixtures';

const ORG = '60012345678';
const INVOICE = '2468013000000081107';
const CUSTOMER = '2468013000000051001';
const SENT = ok({ code: 0, message: 'Your invoice has been sent.' });
const EMAIL = { to: [' ben.george@bowman.example '], subject: 'Invoice INV-000255', body: 'Please find your invoice attached.' };

const client = (fake: FakeRequest) => createBillingClient({ request: fake.request, dataCenter: 'US', organizationId: ORG });

describe('emailInvoice: the request', () => {
  it('is POST /invoices/{invoice_id}/email with exactly to_mail_ids, subject and body (invoices.yml "Email an invoice")', async () => {
    const fake = fakeRequest().on(`POST /invoices/${INVOICE}/email`, SENT);
    await expect(client(fake).emailInvoice(INVOICE, EMAIL)).resolves.toBeUndefined();
    expect(fake.calls).toHaveLength(1);
    const [call] = fake.calls;
    expect(call?.method).toBe('POST');
    expect(call?.url).toBe(`https://www.zohoapis.com/billing/v1/invoices/${INVOICE}/email`);
    expect(call?.headers).toEqual({ [ORGANIZATION_HEADER]: ORG, 'Content-Type': 'application/json' });
    expect(call?.body).toEqual({ to_mail_ids: ['ben.george@bowman.example'], subject: 'Invoice INV-000255', body: 'Please find your invoice attached.' });
  });

  it('sends cc_mail_ids only when there are copies', async () => {
    const fake = fakeRequest().on(`POST /invoices/${INVOICE}/email`, SENT);
    await client(fake).emailInvoice(INVOICE, { ...EMAIL, cc: ['', 'accounts@bowman.example'] });
    expect(fake.calls[0]?.body).toMatchObject({ cc_mail_ids: ['accounts@bowman.example'] });
  });

  it.each([
    ['no recipient', { ...EMAIL, to: [' '] }],
    ['a recipient that is no address', { ...EMAIL, to: ['ben.george'] }],
    ['no subject', { ...EMAIL, subject: ' ' }],
    ['no text', { ...EMAIL, body: '' }],
  ])('refuses %s before any call', async (_, email) => {
    const fake = fakeRequest();
    await expect(client(fake).emailInvoice(INVOICE, email)).rejects.toMatchObject({ kind: 'rejected' });
    expect(fake.calls).toEqual([]);
  });

  it("Billing's refusal is a BillingError", async () => {
    const fake = fakeRequest().on(`POST /invoices/${INVOICE}/email`, ok({ code: 1002, message: 'Invoice does not exist.' }, 404));
    const error = await client(fake).emailInvoice(INVOICE, EMAIL).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BillingError);
    expect(error).toMatchObject({ kind: 'not-found' });
  });
});

describe('emailInvoice: what it changes', () => {
  it("drops the invoice, the invoice lists and its customer's reads (the customer learned from the invoice)", async () => {
    const fake = fakeRequest()
      .on(`GET /invoices/${INVOICE}`, ok(fixtures.invoiceDetail()))
      .on('GET /invoices', ok(fixtures.invoicesList()))
      .on(`GET /customers/${CUSTOMER}`, ok(fixtures.customerDetail()))
      .on(`POST /invoices/${INVOICE}/email`, SENT);
    const cache = createBillingCache(client(fake), { organizationId: ORG, now: () => 1_000_000 });
    const readAll = async () => {
      await cache.read('getInvoice', INVOICE);
      await cache.read('listInvoices', { customerId: CUSTOMER });
      await cache.read('getCustomer', CUSTOMER);
    };
    await readAll();
    await cache.api.emailInvoice(INVOICE, EMAIL);
    await readAll();
    expect(fake.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      `GET /invoices/${INVOICE}`,
      'GET /invoices',
      `GET /customers/${CUSTOMER}`,
      `POST /invoices/${INVOICE}/email`,
      `GET /invoices/${INVOICE}`,
      'GET /invoices',
      `GET /customers/${CUSTOMER}`,
    ]);
  });
});

describe('emailInvoice: the sandbox', () => {
  it('accepts the documented body, and a draft becomes sent', async () => {
    const stack = await createSandboxHost({ location: 'ticket' });
    const orgs = await createBillingClient({ request: stack.host.request, dataCenter: 'US', organizationId: null }).listOrganizations();
    const org = orgs.find((o) => o.isDefault) ?? orgs[0];
    const draft = stack.sandbox.dataset.invoices.find((i) => i.status === 'draft');
    if (!org || !draft) throw new Error('the sandbox has no organization or no draft invoice');
    const api = createBillingClient({ request: stack.host.request, dataCenter: 'US', organizationId: org.id });
    await api.emailInvoice(draft.invoice_id, EMAIL);
    expect((await api.getInvoice(draft.invoice_id)).status).toBe('sent');
  });

  it('refuses a body with a property invoices.yml does not document', async () => {
    const stack = await createSandboxHost({ location: 'ticket' });
    const orgs = await createBillingClient({ request: stack.host.request, dataCenter: 'US', organizationId: null }).listOrganizations();
    const org = orgs.find((o) => o.isDefault) ?? orgs[0];
    const invoice = stack.sandbox.dataset.invoices[0];
    if (!org || !invoice) throw new Error('the sandbox has no organization or no invoice');
    const res = await stack.host.request({
      method: 'POST',
      url: `https://www.zohoapis.com/billing/v1/invoices/${invoice.invoice_id}/email`,
      headers: { [ORGANIZATION_HEADER]: org.id, 'Content-Type': 'application/json' },
      body: { to_mail_ids: ['a@b.example'], subject: 's', body: 'b', send_attachment: true },
    });
    expect(res.ok ? res.value.status : 'host error').toBe(400);
  });
});
