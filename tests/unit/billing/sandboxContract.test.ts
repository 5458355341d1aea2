/**
 * The client against the whole in-process stack: the REAL Desk host adapter over the fake ZOHODESK,
 * answered by the Billing sandbox's msw handlers. It checks that the client and the sandbox agree on
 * the wire (paths, query, org header, envelopes, faults), not the sandbox's data.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createBillingClient } from '../../../src/billing/billingClient';
import { BillingError, type BillingErrorKind } from '../../../src/billing/errors';
import type { BillingApi } from '../../../src/billing/types';
import { createSandboxHost, type SandboxHost } from '../../../src/sandbox/desk/sandboxHost';

let stack: SandboxHost;
let api: BillingApi;
let orgId: string;

async function failure(promise: Promise<unknown>): Promise<BillingError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(BillingError);
    return e as BillingError;
  }
  throw new Error('expected the call to fail');
}

beforeEach(async () => {
  stack = await createSandboxHost({ location: 'ticket' });
  const orgs = await createBillingClient({ request: stack.host.request, dataCenter: 'US', organizationId: null }).listOrganizations();
  const org = orgs.find((o) => o.isAdmin && o.isDefault) ?? orgs[0];
  if (!org) throw new Error('the sandbox has no organization');
  orgId = org.id;
  api = createBillingClient({ request: stack.host.request, dataCenter: 'US', organizationId: orgId });
});

function customerWithSubscriptionsAndInvoices() {
  const { dataset } = stack.sandbox;
  const c = dataset.customers.find(
    (x) =>
      dataset.subscriptions.some((s) => s.customer_id === x.customer_id) &&
      dataset.invoices.some((i) => i.customer_id === x.customer_id && i.invoice_items.length > 0),
  );
  if (!c) throw new Error('no suitable customer in the sandbox');
  return c;
}

describe('client ⇄ sandbox over the real host adapter', () => {
  it('reads a customer\'s whole picture', async () => {
    const wire = customerWithSubscriptionsAndInvoices();
    const found = await api.findCustomersByEmail(wire.email.toUpperCase());
    expect(found.map((c) => c.id)).toContain(wire.customer_id);

    const customer = await api.getCustomer(wire.customer_id);
    expect(customer.displayName).toBe(wire.display_name);
    expect(customer.currencyCode).toBe(wire.currency_code);

    const subs = await api.listSubscriptions(wire.customer_id);
    const wireSubs = stack.sandbox.dataset.subscriptions.filter((s) => s.customer_id === wire.customer_id);
    // Cancelled and expired included: the client asks for SubscriptionStatus.All.
    expect(subs.items.map((s) => s.id).sort()).toEqual(wireSubs.map((s) => s.subscription_id).sort());

    const first = subs.items[0];
    if (!first) throw new Error('no subscription');
    expect((await api.getSubscription(first.id)).id).toBe(first.id);
    await api.listSubscriptionActivities(first.id);

    const invoices = await api.listInvoices({ customerId: wire.customer_id });
    expect(invoices.items.length).toBeGreaterThan(0);
    const dates = invoices.items.map((i) => i.date ?? '');
    expect(dates).toEqual([...dates].sort().reverse());

    const withLines = stack.sandbox.dataset.invoices.find((i) => i.customer_id === wire.customer_id && i.invoice_items.length > 0);
    if (!withLines) throw new Error('no invoice with lines');
    const detail = await api.getInvoice(withLines.invoice_id);
    expect(detail.lines).toHaveLength(withLines.invoice_items.length);
    const pdf = await api.getInvoicePdf(withLines.invoice_id);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.size).toBeGreaterThan(0);
    // The fixture customer has unpaid invoices (the panel's "Outstanding"): the payment link is always exercised.
    const unpaid = stack.sandbox.dataset.invoices.find((i) => i.customer_id === wire.customer_id && !['paid', 'void'].includes(i.status));
    if (!unpaid) throw new Error(`the sandbox customer ${wire.customer_id} has no unpaid invoice to make a payment link for`);
    expect((await api.createInvoicePaymentLink(unpaid.invoice_id)).url).toMatch(/^https:\/\/billing\.zoho\.com\/hostedpage\//);
    const subscription = stack.sandbox.dataset.subscriptions.find((x) => x.customer_id === wire.customer_id);
    if (subscription) expect((await api.createCardUpdateLink(subscription.subscription_id)).url).toMatch(/^https:\/\/billing\.zoho\.com\/hostedpage\//);

    await api.listTransactions(wire.customer_id);
    await api.listContactPersons(wire.customer_id);
    expect((await api.listCatalog()).length).toBeGreaterThan(0);

    // Every Billing call but the organization list carried the org header (the sandbox answers 400 otherwise).
    expect(stack.sandbox.calls.filter((c) => c.status >= 400).map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual([]);
  });

  it('writes a customer, its addresses, an invoice and a quote', async () => {
    const created = await api.createCustomer({
      displayName: 'Contract Test Co',
      firstName: 'Ada',
      lastName: 'Tester',
      email: 'ada+contract@test.example',
      companyName: 'Contract Test Co',
      phone: '',
      billingAddress: { street: '1 Test St', city: 'Testville', country: 'U.S.A' },
      shippingAddress: null,
    });
    expect((await api.findCustomersByEmail('ada+contract@test.example')).map((c) => c.id)).toEqual([created.id]);

    const updated = await api.updateCustomerAddresses(created, null, { street: '2 Ship Rd', city: 'Port' });
    expect(updated.shippingAddress?.street).toBe('2 Ship Rd');
    expect(updated.displayName).toBe('Contract Test Co');

    const item = (await api.listCatalog()).find((e) => e.kind === 'item');
    if (!item) throw new Error('no catalog item');
    const doc = {
      customerId: created.id,
      date: '2026-11-27',
      referenceNumber: 'DESK-999001',
      lines: [{ productId: item.id, name: item.name, price: 10, quantity: 2 }],
    };
    const invoice = await api.createInvoice(doc);
    expect(invoice.referenceNumber).toBe('DESK-999001');
    const listed = await api.listInvoices({ customerId: created.id });
    expect(listed.items.map((i) => i.id)).toContain(invoice.id);

    const quote = await api.createQuote(doc);
    expect(quote.id).not.toBe('');
  });

  it('refuses a payment page for a paid invoice (the panel offers the invoice page first)', async () => {
    const paid = stack.sandbox.dataset.invoices.find((i) => i.status === 'paid');
    if (!paid) throw new Error('no paid invoice in the sandbox');
    expect((await failure(api.createInvoicePaymentLink(paid.invoice_id))).kind).toBe('rejected');
  });

  it.each<[string, BillingErrorKind]>([
    ['forbidden', 'forbidden'],
    ['not-found', 'not-found'],
    ['rate-limited', 'rate-limited'],
    ['server-error', 'server'],
    ['code-nonzero', 'rejected'],
    ['html-error', 'server'],
    ['malformed-json', 'malformed'],
  ])('sandbox fault "%s" → %s', async (mode, kind) => {
    stack.sandbox.faults.mode = mode as typeof stack.sandbox.faults.mode;
    stack.sandbox.faults.retryAfterSeconds = 7;
    const e = await failure(api.findCustomersByEmail('ben.george@bowman.example'));
    expect(e.kind).toBe(kind);
    if (kind === 'rate-limited') expect(e.retryAfterMs).toBe(7000);
  });

  it('passes on the Desk connection\'s "not authorised" with where to authorise', async () => {
    stack.sim.faults.notAuthorised = true;
    const e = await failure(api.listOrganizations());
    expect(e.kind).toBe('not-authorised');
    expect(e.authUrl).toMatch(/^https:\/\//);
  });

  it('turns a Desk proxy rejection into a network error', async () => {
    stack.sim.faults.hostReject = true;
    expect((await failure(api.getCustomer('2468013000000051001'))).kind).toBe('network');
  });
});
