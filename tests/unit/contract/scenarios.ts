/**
 * The scenarios the contract tests run: between them, every call of the Billing client and every form a write can
 * take (customer with and without each address, invoice and quote lines of each kind, with and without
 * description, notes and exchange rate, the payment link and its fallback, opening a draft, …). Everything they
 * send and everything the sandbox answers is checked against Zoho's files (contract.test.ts).
 *
 * HOW TO ADD A SCENARIO FOR A NEW CALL (a new entry of src/billing/callTable.ts): add an entry below whose `run`
 * makes the call through `c.api` (the real client) once per form its request can take, e.g. one per optional body
 * part. contract.test.ts fails until (a) the entry's method and path are in Zoho's files, (b) every client call and
 * every Zoho call of the table is made by some scenario, and (c) what it sends and what the sandbox answers are in
 * Zoho's files, or in tests/contract/allowList.ts with evidence. Use the sandbox's own data (`c.stack.sandbox.dataset`) to
 * find records, and keep scenarios independent of each other's writes.
 */
import { BillingError } from '../../../src/billing/errors';
import type { CatalogEntry, DocumentInput } from '../../../src/billing/types';
import { BILLING_FIXTURES as F } from '../../../src/sandbox/billing/fixtures';
import type { Captured } from './capture';

export interface Scenario {
  name: string;
  run(c: Captured): Promise<void>;
}

/** A call that may be refused (the test is about what was sent, not whether Billing agreed). */
async function settle(promise: Promise<unknown>): Promise<void> {
  try {
    await promise;
  } catch (e) {
    if (!(e instanceof BillingError)) throw e;
  }
}

async function catalog(c: Captured): Promise<{ item: CatalogEntry; plan: CatalogEntry }> {
  const all = await c.api.listCatalog();
  const item = all.find((e) => e.kind === 'item');
  const plan = all.find((e) => e.kind === 'plan');
  if (!item || !plan) throw new Error('the sandbox catalog has no item or no plan');
  return { item, plan };
}

function unpaidInvoiceOf(c: Captured, customerId: string): string {
  const found = c.stack.sandbox.dataset.invoices.find((i) => i.customer_id === customerId && !['paid', 'void', 'draft'].includes(i.status));
  if (!found) throw new Error(`no unpaid invoice for ${customerId}`);
  return found.invoice_id;
}

/** Every line form the document forms send: a catalog item or a plan, with and without a description. */
async function documentInputs(c: Captured, customerId: string): Promise<DocumentInput[]> {
  const { item, plan } = await catalog(c);
  const base = { customerId, date: '2026-11-27', referenceNumber: 'DESK-104233' };
  return [
    { ...base, lines: [{ productId: item.id, name: item.name, price: 10, quantity: 2 }] },
    { ...base, lines: [{ productId: item.id, name: item.name, description: 'Setup visit', price: 149.5, quantity: 3 }] },
    { ...base, lines: [{ productId: plan.id, name: plan.name, description: plan.description || 'Plan', price: 49, quantity: 1 }] },
    {
      ...base,
      referenceNumber: '',
      notes: 'Thanks for your business.',
      exchangeRate: 0.0067,
      lines: [
        { productId: item.id, name: item.name, price: 12000, quantity: 3 },
        { productId: plan.id, name: plan.name, price: 5000, quantity: 1 },
      ],
    },
  ];
}

const ADDRESS = { attention: 'Accounts', street: '1 Test St', street2: 'Suite 2', city: 'Testville', state: 'CA', zip: '94103', country: 'U.S.A', phone: '+1 555 0100', fax: '' };

export const SCENARIOS: Scenario[] = [
  {
    name: 'organizations',
    async run(c) {
      await c.clientFor(null).listOrganizations();
    },
  },
  {
    name: 'find, search and list customers',
    async run(c) {
      await c.api.findCustomersByEmail(F.bowmanEmail);
      await c.api.findCustomersByEmail(F.northwindEmail.toUpperCase());
      await c.api.searchCustomers('Bowman');
      await c.api.searchCustomers('山田', 2);
      await c.api.listCustomers();
      await c.api.listCustomers(2);
    },
  },
  {
    name: "a customer's picture",
    async run(c) {
      for (const id of [F.bowmanCustomerId, F.yamadaCustomerId, F.noAddressCustomerId, F.hostileCustomerId]) {
        await c.api.getCustomer(id);
        await c.api.listContactPersons(id);
        const subs = await c.api.listSubscriptions(id);
        for (const s of subs.items.slice(0, 3)) {
          await c.api.getSubscription(s.id);
          await c.api.listSubscriptionActivities(s.id);
          await c.api.listInvoices({ subscriptionId: s.id });
        }
        await c.api.listTransactions(id);
        await c.api.listInvoices({ customerId: id });
        await c.api.listQuotes({ customerId: id });
      }
      await c.api.listSubscriptions(F.initechCustomerId, 1);
      await c.api.listInvoices({ customerId: F.globexCustomerId, page: 3, perPage: 200 });
      await c.api.listInvoices({ customerId: F.bowmanCustomerId, searchText: 'DESK-104233' });
    },
  },
  {
    name: 'invoice detail and PDF',
    async run(c) {
      const withLines = c.stack.sandbox.dataset.invoices.filter((i) => i.invoice_items.length > 0).slice(0, 5);
      for (const inv of withLines) await c.api.getInvoice(inv.invoice_id);
      await c.api.getInvoicePdf(F.bowmanTicketInvoiceId);
    },
  },
  {
    name: 'payment link, and a refusal for a paid invoice',
    async run(c) {
      await c.api.createInvoicePaymentLink(unpaidInvoiceOf(c, F.bowmanCustomerId));
      const paid = c.stack.sandbox.dataset.invoices.find((i) => i.status === 'paid');
      if (!paid) throw new Error('no paid invoice');
      await settle(c.api.createInvoicePaymentLink(paid.invoice_id));
    },
  },
  {
    name: 'card update link for a subscription (hosted page)',
    async run(c) {
      const subscription = c.stack.sandbox.dataset.subscriptions.find((x) => x.customer_id === F.tanakaCustomerId);
      if (!subscription) throw new Error('no subscription for the card case');
      await c.api.createCardUpdateLink(subscription.subscription_id);
    },
  },
  {
    name: 'catalog',
    async run(c) {
      await c.api.listCatalog();
      await c.api.listCatalog('setup');
    },
  },
  {
    name: 'create a customer, each address form',
    async run(c) {
      const person = { firstName: 'Ada', lastName: 'Tester', companyName: 'Contract Co', phone: '+1 555 0100' };
      await c.api.createCustomer({ displayName: 'Contract A', email: 'a@contract.test', ...person, billingAddress: null, shippingAddress: null });
      await c.api.createCustomer({ displayName: 'Contract B', email: 'b@contract.test', ...person, billingAddress: ADDRESS, shippingAddress: null });
      await c.api.createCustomer({ displayName: 'Contract C', email: 'c@contract.test', ...person, billingAddress: null, shippingAddress: { street: '2 Ship Rd', city: 'Port' } });
      await c.api.createCustomer({ displayName: 'Contract D', email: 'd@contract.test', ...person, billingAddress: ADDRESS, shippingAddress: ADDRESS });
      // Only what Billing requires: the names, company and phone left empty.
      await c.api.createCustomer({ displayName: '', email: 'e@contract.test', firstName: '', lastName: '', companyName: 'Only Company', phone: '', billingAddress: null, shippingAddress: null });
    },
  },
  {
    name: "update a customer's addresses, each form",
    async run(c) {
      const customer = await c.api.getCustomer(F.noAddressCustomerId);
      await c.api.updateCustomerAddresses(customer, ADDRESS, null);
      await c.api.updateCustomerAddresses(customer, null, { street: '2 Ship Rd', city: 'Port', zip: '1000' });
      await c.api.updateCustomerAddresses(customer, ADDRESS, ADDRESS);
    },
  },
  {
    name: 'create invoices and quotes, each line form',
    async run(c) {
      for (const input of await documentInputs(c, F.bowmanCustomerId)) {
        await c.api.createInvoice(input);
        await c.api.createQuote(input);
      }
      // quotes.yml types a line's quantity as a float (invoices.yml: integer).
      const [first] = await documentInputs(c, F.bowmanCustomerId);
      if (first) await c.api.createQuote({ ...first, lines: first.lines.map((l) => ({ ...l, quantity: 1.5 })) });
      for (const input of await documentInputs(c, F.yamadaCustomerId)) {
        await c.api.createInvoice({ ...input, lines: input.lines.map((l) => ({ ...l, price: Math.round(l.price) })) });
      }
    },
  },
  {
    name: 'open a draft invoice',
    async run(c) {
      const [input] = await documentInputs(c, F.bowmanCustomerId);
      if (!input) throw new Error('no document input');
      const draft = await c.api.createInvoice(input);
      await c.api.markInvoiceOpen(draft.id);
    },
  },
  {
    name: 'email an invoice, with and without cc',
    async run(c) {
      const id = unpaidInvoiceOf(c, F.bowmanCustomerId);
      await c.api.emailInvoice(id, { to: [F.bowmanEmail], subject: 'Your invoice', body: 'Please find your invoice.' });
      await c.api.emailInvoice(id, { to: [F.bowmanEmail], cc: ['accounts@bowman.example'], subject: '請求書', body: 'ご確認ください。' });
    },
  },
  {
    name: 'the Japanese organization, in yen',
    async run(c) {
      const jp = c.clientFor(F.japanOrgId);
      await jp.listCatalog();
      await settle(jp.findCustomersByEmail(F.yamadaEmail));
    },
  },
];
