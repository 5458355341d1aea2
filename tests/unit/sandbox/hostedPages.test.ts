/** The sandbox's hosted pages (hosted-pages.yml): only the documented bodies, pages that expire within the hour. */
import { createBillingSandbox } from '../../../src/sandbox/billing/sandbox';
import { BILLING_FIXTURES as F } from '../../../src/sandbox/billing/fixtures';
import { BILLING_BASE_URLS, ORG_HEADER } from '../../../src/sandbox/billing/handlers';

type Body = Record<string, unknown>;

async function post(path: string, body: unknown) {
  const sandbox = createBillingSandbox();
  const response = await sandbox.handle(
    new Request(`${BILLING_BASE_URLS[0]}${path}`, { method: 'POST', headers: { [ORG_HEADER]: F.primaryOrgId, 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  );
  return { status: response.status, body: (await response.json()) as Body, sandbox };
}

const subscriptionOf = (customerId: string) => createBillingSandbox().dataset.subscriptions.find((s) => s.customer_id === customerId)!.subscription_id;
const seconds = (instant: string) => Date.parse(instant.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) / 1000;

describe('POST /hostedpages/updatecard', () => {
  it('answers 200 with a page for the subscription that expires an hour after it was made', async () => {
    const id = subscriptionOf(F.tanakaCustomerId);
    const { status, body } = await post('/hostedpages/updatecard', { subscription_id: id });
    expect(status).toBe(200);
    const page = body.hostedpage as Body;
    expect(page).toMatchObject({ status: 'fresh', action: 'Update Card' });
    expect(Object.keys(page).sort()).toEqual(['action', 'created_time', 'expiring_time', 'hostedpage_id', 'status', 'url']);
    expect(String(page.url)).toMatch(/^https:\/\/billing\.zoho\.com\/hostedpage\//);
    expect(seconds(String(page.expiring_time)) - seconds(String(page.created_time))).toBe(3600);
  });

  it('accepts the documented optional keys, and refuses anything else or no subscription', async () => {
    const id = subscriptionOf(F.tanakaCustomerId);
    expect((await post('/hostedpages/updatecard', { subscription_id: id, redirect_url: 'https://x.example', payment_gateways: [{ payment_gateway: 'stripe' }] })).status).toBe(200);
    expect((await post('/hostedpages/updatecard', { subscription_id: id, customer_id: F.tanakaCustomerId })).status).toBe(400);
    expect((await post('/hostedpages/updatecard', {})).status).toBe(400);
    expect((await post('/hostedpages/updatecard', { subscription_id: F.unknownSubscriptionId })).status).toBe(404);
  });
});

describe('POST /hostedpages/invoicepayment', () => {
  it('expires within the hour, not the next day', async () => {
    const { status, body } = await post('/hostedpages/invoicepayment', { invoice_id: F.bowmanTicketInvoiceId });
    expect(status).toBe(201);
    const page = body.hostedpage as Body;
    expect(seconds(String(page.expiring_time)) - seconds(String(page.created_time))).toBe(3600);
  });
});
