import { beforeEach, describe, expect, it } from 'vitest';
import { actionCalls, type ActionCalls } from '../../../src/billing/actionCalls';
import { BillingError } from '../../../src/billing/errors';
import { createTransport } from '../../../src/billing/transport';
import { BILLING_FIXTURES as B } from '../../../src/sandbox/billing/fixtures';
import { createSandboxHost, type SandboxHost } from '../../../src/sandbox/desk/sandboxHost';

const LIVE = '2468013000000100005';
const NON_RENEWING = '2468013000000100065';
const CANCELLED = '2468013000000100078';
const PAID = '2468013000000100011';
const CARD = '2468013000000100006';

let stack: SandboxHost;
let calls: ActionCalls;
beforeEach(async () => {
  stack = await createSandboxHost({ location: 'ticket' });
  calls = actionCalls(createTransport({ request: stack.host.request, dataCenter: 'US', organizationId: B.primaryOrgId }));
});

async function refusal(p: Promise<unknown>): Promise<BillingError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BillingError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

const sub = (id: string) => stack.sandbox.dataset.subscriptions.find((s) => s.subscription_id === id)!;

describe('the sandbox keeps Billing’s state rules for the actions', () => {
  it('reactivates only a non-renewing subscription', async () => {
    expect((await refusal(calls.reactivateSubscription(LIVE))).kind).toBe('rejected');
    expect((await refusal(calls.reactivateSubscription(CANCELLED))).kind).toBe('rejected');
    expect((await calls.reactivateSubscription(NON_RENEWING)).status).toBe('live');
  });

  it('cancel at the end makes it non-renewing, now makes it cancelled; an ended one cannot be cancelled', async () => {
    expect((await calls.cancelSubscription(LIVE, true)).status).toBe('non_renewing');
    expect((await refusal(calls.cancelSubscription(LIVE, true))).kind).toBe('rejected');
    expect((await calls.cancelSubscription(LIVE, false)).status).toBe('cancelled');
    expect((await refusal(calls.cancelSubscription(CANCELLED, false))).kind).toBe('rejected');
  });

  it('postpones only forward', async () => {
    const next = sub(LIVE).next_billing_at;
    await expect(calls.postponeRenewal(LIVE, next, { min: '2000-01-01', max: '2100-01-01' })).rejects.toThrow(BillingError);
    expect((await calls.postponeRenewal(LIVE, '2027-01-10', { min: '2000-01-01', max: '2100-01-01' })).nextBillingAt).toBe('2027-01-10');
    expect(sub(LIVE).next_billing_at).toBe('2027-01-10');
  });

  it('collects only a balance with the customer’s card; a decline answers failure and changes nothing', async () => {
    expect((await refusal(calls.collectInvoice(PAID, CARD))).kind).toBe('rejected');
    expect((await refusal(calls.collectInvoice(B.bowmanTicketInvoiceId, 'not-a-card'))).kind).toBe('rejected');
    stack.sandbox.faults.actions = { cardDeclines: true };
    expect(await calls.collectInvoice(B.bowmanTicketInvoiceId, CARD)).toMatchObject({ status: 'failure', gatewayMessage: 'Your card has insufficient funds.' });
    const invoice = stack.sandbox.dataset.invoices.find((i) => i.invoice_id === B.bowmanTicketInvoiceId)!;
    expect(invoice).toMatchObject({ balance: 149, status: 'overdue' });
    stack.sandbox.faults.actions = { cardDeclines: false };
    expect(await calls.collectInvoice(B.bowmanTicketInvoiceId, CARD)).toMatchObject({ status: 'success', amount: 149 });
    expect(invoice).toMatchObject({ balance: 0, status: 'paid' });
  });

  it('churn reasons on, required, and off', async () => {
    expect((await calls.getChurnSettings()).required).toBe(false);
    stack.sandbox.faults.actions = { churnReasons: 'required' };
    expect(await calls.getChurnSettings()).toMatchObject({ required: true, reasons: expect.arrayContaining([{ id: expect.any(String), label: 'Too expensive' }]) });
    stack.sandbox.faults.actions = { churnReasons: 'off' };
    expect(await calls.getChurnSettings()).toEqual({ required: false, reasons: [] });
  });

  it('refuses a key Zoho’s files do not define', async () => {
    const res = await stack.host.request({
      method: 'POST',
      url: `https://www.zohoapis.com/billing/v1/subscriptions/${LIVE}/postpone`,
      headers: { 'X-com-zoho-subscriptions-organizationid': B.primaryOrgId },
      body: { renewal_at: '2027-01-10', prorate: true },
    });
    expect(res.ok && res.value.status).toBe(400);
    expect(sub(LIVE).next_billing_at).not.toBe('2027-01-10');
  });
});
