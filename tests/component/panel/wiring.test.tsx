/** The write actions mounted in the real panel, over the whole sandbox (real adapter, fake SDK, real client). */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { BILLING_FIXTURES } from '../../../src/sandbox/billing/fixtures';
import { DESK_FIXTURES as D } from '../../../src/sandbox/desk/deskFixtures';
import { getCustomerLink } from '../../../src/integration/records/customerLinks';
import { renderSandboxPanel } from './sandboxHarness';

const ORG = BILLING_FIXTURES.primaryOrgId;
const BOWMAN = '2468013000000051001';

describe('write actions in the panel', () => {
  it('no match on a contact page: Create customer prefills from Desk, links the new customer and shows it', async () => {
    const user = userEvent.setup();
    const world = await renderSandboxPanel({ location: 'contact', contactId: D.noMatchContactId });
    const before = world.sandbox.dataset.customers.length;
    await screen.findByText(/^No Billing customer for/);
    await user.click(screen.getByRole('button', { name: 'Create customer' }));

    const region = await screen.findByRole('region', { name: 'Create a Billing customer' });
    const form = await within(region).findByRole('form');
    expect(within(form).getByRole('textbox', { name: /Email/ })).toHaveValue('peter.novak@nomatch.example');
    await user.click(within(form).getByRole('button', { name: 'Create customer' }));

    expect(await screen.findByRole('heading', { level: 1, name: /Peter Novak/ })).toBeInTheDocument();
    expect(screen.getByText('Created from Desk')).toBeInTheDocument();
    expect(world.sandbox.dataset.customers).toHaveLength(before + 1);
    const created = world.sandbox.dataset.customers.at(-1)!;
    expect(created.email).toBe('peter.novak@nomatch.example');
    await waitFor(async () => {
      const link = await getCustomerLink(world.host, 'contact', D.noMatchContactId, ORG);
      expect(link.ok && link.value).toMatchObject({ customerId: created.customer_id, method: 'created' });
    });
  });

  it('Cancel on the create-customer form returns to the no-match state', async () => {
    const user = userEvent.setup();
    await renderSandboxPanel({ location: 'contact', contactId: D.noMatchContactId });
    await screen.findByText(/^No Billing customer for/);
    await user.click(screen.getByRole('button', { name: 'Create customer' }));
    const region = await screen.findByRole('region', { name: 'Create a Billing customer' });
    await waitFor(() => expect(region).toHaveFocus());
    await user.click(await within(region).findByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText(/^No Billing customer for/)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Create a Billing customer' })).toBeNull();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Create customer' })).toHaveFocus());
  });

  it('no match on an account page: the form starts from the account (company), and the customer is linked to it', async () => {
    const user = userEvent.setup();
    const world = await renderSandboxPanel({ location: 'account', accountId: D.noMatchAccountId });
    await screen.findByText(/^No Billing customer for Vandelay/);
    await user.click(screen.getByRole('button', { name: 'Create customer' }));
    const form = await within(await screen.findByRole('region', { name: 'Create a Billing customer' })).findByRole('form');
    expect(within(form).getByRole('textbox', { name: 'Company' })).toHaveValue('Vandelay Industries');
    await user.type(within(form).getByRole('textbox', { name: /Email/ }), 'art@vandelay.example');
    await user.click(within(form).getByRole('button', { name: 'Create customer' }));
    expect(await screen.findByRole('heading', { level: 1, name: /Vandelay/ })).toBeInTheDocument();
    const created = world.sandbox.dataset.customers.at(-1)!;
    expect(created).toMatchObject({ email: 'art@vandelay.example', company_name: 'Vandelay Industries' });
    await waitFor(async () => {
      const link = await getCustomerLink(world.host, 'account', D.noMatchAccountId, ORG);
      expect(link.ok && link.value).toMatchObject({ customerId: created.customer_id, method: 'created' });
    });
  });

  it('ticket: New invoice creates exactly one invoice with the ticket reference, and "This ticket" lists it', async () => {
    const user = userEvent.setup();
    const world = await renderSandboxPanel({ location: 'ticket', ticketId: D.singleMatchTicketId });
    await screen.findByRole('heading', { level: 1, name: /Bowman/ });
    const existing = new Set(world.sandbox.dataset.invoices.map((i) => i.invoice_id));

    // On a ticket the forms are in the action row's "⋯" menu (the row's button is the payment link).
    await user.click(screen.getByRole('button', { name: 'More actions' }));
    await user.click(within(screen.getByRole('menu', { name: 'More actions' })).getByRole('menuitem', { name: 'New invoice' }));
    const region = await screen.findByRole('region', { name: 'Create an invoice' });
    expect(screen.queryByRole('tablist')).toBeNull();
    await user.click(await within(region).findByRole('button', { name: 'Add Pro Monthly' }));
    expect(within(region).getByText('DESK-104233')).toBeInTheDocument();
    await user.click(within(region).getByRole('button', { name: 'Create invoice' }));
    await within(region).findByText(/Invoice .* was created for Bowman/);

    const added = world.sandbox.dataset.invoices.filter((i) => !existing.has(i.invoice_id));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ customer_id: BOWMAN, reference_number: 'DESK-104233' });
    const number = added[0]!.number;

    await user.click(within(region).getByRole('button', { name: 'Close' }));
    expect(await screen.findByRole('tab', { name: 'Invoices', selected: true })).toBeInTheDocument();
    await screen.findByRole('list', { name: 'Invoices' });
    await user.click(screen.getByRole('button', { name: 'This ticket' }));
    const rows = within(screen.getByRole('list', { name: 'Invoices' })).getAllByRole('listitem');
    expect(rows.some((r) => r.textContent?.includes(number))).toBe(true);
    expect(world.sandbox.dataset.invoices.filter((i) => !existing.has(i.invoice_id))).toHaveLength(1);
  });

  it('contact page: New quote opens in place, creates one quote, and Close brings the tabs back', async () => {
    const user = userEvent.setup();
    const world = await renderSandboxPanel({ location: 'contact', contactId: D.singleMatchContactId });
    await screen.findByRole('heading', { level: 1, name: /Bowman/ });
    const before = world.sandbox.dataset.estimates.length;
    await user.click(screen.getByRole('button', { name: 'New quote' }));
    const region = await screen.findByRole('region', { name: 'Create a quote' });
    await user.click(await within(region).findByRole('button', { name: 'Add Pro Monthly' }));
    await user.click(within(region).getByRole('button', { name: 'Create quote' }));
    await within(region).findByText(/Quote .* was created for Bowman/);
    expect(world.sandbox.dataset.estimates).toHaveLength(before + 1);
    await user.click(within(region).getByRole('button', { name: 'Close' }));
    expect(await screen.findByRole('tablist')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'New quote' })).toHaveFocus());
  });

  it('ticket: an unpaid invoice offers "Insert payment link", which puts the link into the reply', async () => {
    const user = userEvent.setup();
    const world = await renderSandboxPanel({ location: 'ticket', ticketId: D.singleMatchTicketId });
    await screen.findByRole('heading', { level: 1, name: /Bowman/ });
    await user.click(screen.getByRole('tab', { name: 'Invoices' }));
    const list = await screen.findByRole('list', { name: 'Invoices' });
    const payable = world.sandbox.dataset.invoices
      .filter((i) => i.customer_id === BOWMAN && !['paid', 'void', 'draft'].includes(i.status) && i.balance > 0)
      .map((i) => i.number)
      .find((n) => within(list).queryByRole('button', { name: `Open invoice ${n}` }) !== null);
    expect(payable).toBeDefined();
    await user.click(within(list).getByRole('button', { name: `Open invoice ${payable}` }));

    const actions = await screen.findByRole('group', { name: `Actions for invoice ${payable}` }, { timeout: 5000 });
    await user.click(within(actions).getByRole('button', { name: 'Insert payment link' }));
    await within(actions).findByText('Payment link inserted into the reply.');
    expect(world.sim.log.inserted).toHaveLength(1);
    const value = String((world.sim.log.inserted[0] as { value?: unknown }).value ?? '');
    // The invoice's own page, which lasts (the sandbox gives every invoice one): no hosted page that expires.
    const own = world.sandbox.dataset.invoices.find((i) => i.number === payable)!.invoice_url;
    const link = own.replace(/&/g, '&amp;');
    expect(value).not.toContain('hostedpage');
    // The link is there as readable text (not only inside an href), after the invoice's sentence.
    expect(value).toContain(`>${link}</a>`);
    expect(value).toContain(`invoice ${payable}`);
  });

  it('contact page: invoice actions are there but without "Insert payment link"', async () => {
    const user = userEvent.setup();
    await renderSandboxPanel({ location: 'contact', contactId: D.singleMatchContactId });
    await screen.findByRole('heading', { level: 1, name: /Bowman/ });
    await user.click(screen.getByRole('tab', { name: 'Invoices' }));
    const list = await screen.findByRole('list', { name: 'Invoices' });
    await user.click(within(list).getAllByRole('button', { name: /^Open invoice / })[0]!);
    const actions = await screen.findByRole('group', { name: /^Actions for invoice / }, { timeout: 5000 });
    expect(within(actions).getByRole('button', { name: 'Download PDF' })).toBeInTheDocument();
    expect(within(actions).queryByRole('button', { name: 'Insert payment link' })).toBeNull();
  });

  it('Overview: Edit addresses saves in Billing and the Overview shows the new address', async () => {
    const user = userEvent.setup();
    const world = await renderSandboxPanel({ location: 'contact', contactId: D.singleMatchContactId });
    await screen.findByRole('heading', { level: 1, name: /Bowman/ });
    await user.click(await screen.findByRole('button', { name: 'Edit addresses' }));
    const region = await screen.findByRole('region', { name: 'Edit the addresses' });
    const billing = await within(region).findByRole('group', { name: 'Billing address' });
    const street = within(billing).getByRole('textbox', { name: 'Street' });
    await user.clear(street);
    await user.type(street, '77 Harbour Road');
    await user.click(within(region).getByRole('button', { name: 'Save addresses' }));

    expect(await screen.findByText('77 Harbour Road')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Edit the addresses' })).toBeNull();
    expect(screen.getByRole('tab', { name: 'Overview', selected: true })).toBeInTheDocument();
    const customer = world.sandbox.dataset.customers.find((c) => c.customer_id === BOWMAN);
    expect(customer?.billing_address.street).toBe('77 Harbour Road');
  });
});
