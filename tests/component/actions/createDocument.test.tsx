import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { DocumentInput } from '../../../src/billing/types';
import { createBillingCache } from '../../../src/integration/cache/billingCache';
import { writeKey } from '../../../src/integration/writes/pendingWrite';
import type { WrittenDocument } from '../../../src/integration/writes/writeGuard';
import { CreateDocumentForm } from '../../../src/panel/actions';
import { CUSTOMER_ID, isGet, isPost, JAPANESE_CUSTOMER_ID, json, setupActions } from './harness';

const TODAY = '2026-11-27';
// Whole-form tests with many user events: more than vitest's 5 s default on a loaded machine.
vi.setConfig({ testTimeout: 30_000 });

async function setup(
  options: { ticketNumber?: string | null; locale?: string; customerId?: string; kind?: 'invoice' | 'quote'; withoutQuoteList?: boolean } = {},
) {
  const t = await setupActions(options.locale ? { locale: options.locale } : {});
  // A connection that may not read quotes cannot check whether a lost quote landed.
  if (options.withoutQuoteList) t.refuse(isGet('/estimates'), () => json(403, { code: 1, message: 'You are not authorized to perform this operation' }), Infinity);
  const api = t.api;
  const customerId = options.customerId ?? CUSTOMER_ID;
  const customer = await t.api.getCustomer(customerId);
  const onCreated = vi.fn<(doc: WrittenDocument) => void>();
  const ticketNumber = options.ticketNumber === undefined ? '104233' : options.ticketNumber;
  t.renderUi(
    <CreateDocumentForm
      host={t.host}
      api={api}
      kind={options.kind ?? 'invoice'}
      customer={customer}
      baseCurrency={t.org.currency_code}
      ticketNumber={ticketNumber}
      today={TODAY}
      onCreated={onCreated}
    />,
  );
  // The dataset already holds older invoices with these references: only new ones count.
  const existing = new Set(t.sandbox.dataset.invoices.map((i) => i.invoice_id));
  const invoicesWith = (reference: string) =>
    t.sandbox.dataset.invoices.filter(
      (i) => !existing.has(i.invoice_id) && i.customer_id === customerId && i.reference_number === reference,
    );
  const user = userEvent.setup();
  await screen.findByRole('list', { name: /items and plans found|見つかった商品とプラン/i });
  return { ...t, customer, onCreated, invoicesWith, user };
}

async function addSetupLine(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Add On-site setup' }));
}

describe('CreateDocumentForm (invoice from a ticket)', () => {
  it('builds lines from the catalog, previews the total and creates exactly one invoice with the ticket reference', async () => {
    const t = await setup();
    expect(t.invoicesWith('DESK-104233')).toHaveLength(0);
    await addSetupLine(t.user);
    await t.user.click(screen.getByRole('button', { name: 'Add Training session (2 h)' }));
    const qty = screen.getByLabelText('Quantity of Training session (2 h)');
    await t.user.clear(qty);
    await t.user.type(qty, '2');
    expect(screen.getByLabelText('Price of On-site setup (USD)')).toHaveValue('149');
    expect(screen.getByRole('status', { name: 'Total (before tax)' })).toHaveTextContent('$749.00');
    expect(screen.getByText('DESK-104233')).toBeInTheDocument();

    await t.user.click(screen.getByRole('button', { name: 'Create invoice' }));

    await screen.findByText(/was created for Bowman Furniture/);
    expect(t.confirmations).toHaveLength(1);
    expect(t.confirmations[0]!.content).toContain('Bowman Furniture');
    expect(t.confirmations[0]!.content).toContain('Lines: 2');
    expect(t.confirmations[0]!.content).toContain('$749.00');
    expect(t.confirmations[0]!.content).toContain('DESK-104233');
    const created = t.invoicesWith('DESK-104233');
    expect(created).toHaveLength(1);
    expect(created[0]!.total).toBe(749);
    expect(t.posts('/invoices')).toBe(1);
    expect(t.onCreated).toHaveBeenCalledWith(expect.objectContaining({ kind: 'invoice', number: created[0]!.number }));
    expect(t.notifications().at(-1)).toMatchObject({ icon: 'success' });
    // Nothing is left pending in Desk storage.
    expect([...t.sim.storage.values()].filter((r) => r.queriableValue === 'write')).toHaveLength(0);
  });

  it('a double click creates one invoice and the button is disabled while it is sent', async () => {
    const t = await setup();
    await addSetupLine(t.user);
    t.sandbox.faults.latencyMs = 30;
    const button = screen.getByRole('button', { name: 'Create invoice' });
    await t.user.dblClick(button);
    expect(screen.getByRole('button', { name: 'Creating invoice…' })).toBeDisabled();
    await screen.findByText(/was created for/, undefined, { timeout: 3000 });
    expect(t.confirmations).toHaveLength(1);
    expect(t.posts('/invoices')).toBe(1);
    expect(t.invoicesWith('DESK-104233')).toHaveLength(1);
  });

  it('two clicks in the same tick (before React disables the button) still send one POST', async () => {
    const t = await setup();
    await addSetupLine(t.user);
    const button = screen.getByRole('button', { name: 'Create invoice' });
    fireEvent.click(button);
    fireEvent.click(button);
    fireEvent.submit(button.closest('form')!);
    await screen.findByText(/was created for/);
    expect(t.confirmations).toHaveLength(1);
    expect(t.posts('/invoices')).toBe(1);
    expect(t.invoicesWith('DESK-104233')).toHaveLength(1);
  });

  it('does nothing when the agent cancels the confirmation', async () => {
    const t = await setup();
    t.state.answer = false;
    await addSetupLine(t.user);
    await t.user.click(screen.getByRole('button', { name: 'Create invoice' }));
    await waitFor(() => expect(t.confirmations).toHaveLength(1));
    expect(screen.getByRole('button', { name: 'Create invoice' })).toBeEnabled();
    expect(t.posts('/invoices')).toBe(0);
    expect(t.invoicesWith('DESK-104233')).toHaveLength(0);
  });

  it('shows per-line problems and no lines before asking anything', async () => {
    const t = await setup();
    await t.user.click(screen.getByRole('button', { name: 'Create invoice' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Add at least one item or plan.');
    await addSetupLine(t.user);
    const qty = screen.getByLabelText('Quantity of On-site setup');
    await t.user.clear(qty);
    await t.user.type(qty, '0');
    const price = screen.getByLabelText('Price of On-site setup (USD)');
    await t.user.clear(price);
    await t.user.type(price, 'abc');
    await t.user.click(screen.getByRole('button', { name: 'Create invoice' }));
    expect(await screen.findByText('Enter a quantity greater than 0.')).toBeInTheDocument();
    expect(screen.getByText('Type the price in digits, for example 1500.50.')).toBeInTheDocument();
    expect(qty).toHaveAttribute('aria-invalid', 'true');
    expect(qty).toHaveAccessibleDescription('Enter a quantity greater than 0.');
    expect(t.confirmations).toHaveLength(0);
    expect(t.posts('/invoices')).toBe(0);
  });

  it('a refused POST (400) creates nothing, explains why, keeps the lines, and the retry creates one', async () => {
    const t = await setup();
    await addSetupLine(t.user);
    const qty = screen.getByLabelText('Quantity of On-site setup');
    await t.user.clear(qty);
    await t.user.type(qty, '3');
    t.refuse(isPost('/invoices'), () => json(400, { code: 4, message: 'Invalid value passed for rate' }));
    await t.user.click(screen.getByRole('button', { name: 'Create invoice' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Zoho Billing refused the request.');
    expect(alert).toHaveTextContent('Zoho Billing said: Invalid value passed for rate');
    expect(alert).toHaveTextContent('No invoice was created.');
    expect(t.invoicesWith('DESK-104233')).toHaveLength(0);
    expect(screen.getByLabelText('Quantity of On-site setup')).toHaveValue('3');
    expect([...t.sim.storage.values()].filter((r) => r.queriableValue === 'write')).toHaveLength(0);

    await t.user.click(screen.getByRole('button', { name: 'Create invoice' }));
    await screen.findByText(/was created for/);
    expect(t.invoicesWith('DESK-104233')).toHaveLength(1);
    expect(t.invoicesWith('DESK-104233')[0]!.total).toBe(447);
  });

  it('a POST that landed but timed out is found, not sent again', async () => {
    const t = await setup();
    await addSetupLine(t.user);
    t.intercept(isPost('/invoices'), async () => new Response('Gateway Timeout', { status: 504, headers: { 'Content-Type': 'text/plain' } }));
    await t.user.click(screen.getByRole('button', { name: 'Create invoice' }));
    await screen.findByText(/was created for/);
    expect(t.posts('/invoices')).toBe(1);
    expect(t.invoicesWith('DESK-104233')).toHaveLength(1);
    expect(t.onCreated).toHaveBeenCalledTimes(1);
  });

  it('timeout, Billing still unreachable for the check, then retry: still one invoice', async () => {
    const t = await setup();
    await addSetupLine(t.user);
    t.intercept(isPost('/invoices'), async () => new Response('Gateway Timeout', { status: 504 }));
    // The snapshot before the POST answers; the check right after it does not.
    const original = t.sim.transport;
    let gets = 0;
    t.sim.transport = async (request) => {
      if (isGet('/invoices')(request)) {
        gets += 1;
        if (gets === 2) return new Response('Bad gateway', { status: 502 });
      }
      return original(request);
    };
    await t.user.click(screen.getByRole('button', { name: 'Create invoice' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('did not confirm whether the invoice was created');
    expect(t.invoicesWith('DESK-104233')).toHaveLength(1);
    expect([...t.sim.storage.values()].filter((r) => r.queriableValue === 'write')).toHaveLength(1);

    await t.user.click(screen.getByRole('button', { name: 'Check and try again' }));
    await screen.findByText(/was created for/);
    expect(t.posts('/invoices')).toBe(1);
    expect(t.invoicesWith('DESK-104233')).toHaveLength(1);
    expect([...t.sim.storage.values()].filter((r) => r.queriableValue === 'write')).toHaveLength(0);
  });

  it('after a reload mid-request, the pending record makes the next attempt check before POSTing', async () => {
    const t = await setup();
    const [entry] = await t.api.listCatalog('On-site setup');
    const input: DocumentInput = {
      customerId: CUSTOMER_ID,
      date: TODAY,
      referenceNumber: 'DESK-104233',
      lines: [{ productId: entry!.id, name: entry!.name, ...(entry!.description ? { description: entry!.description } : {}), price: 149, quantity: 1 }],
    };
    // The previous session wrote its record, sent the POST (which landed) and was reloaded.
    await t.host.storage.set({
      key: writeKey('invoice', input),
      group: 'write',
      value: { startedAt: new Date().toISOString(), reference: 'DESK-104233', customerId: CUSTOMER_ID, kind: 'invoice', date: TODAY, knownIds: [] },
    });
    const landed = await t.api.createInvoice(input);
    const postsBefore = t.posts('/invoices');

    await addSetupLine(t.user);
    await t.user.click(screen.getByRole('button', { name: 'Create invoice' }));
    await screen.findByText(new RegExp(`Invoice ${landed.number} was created`));
    expect(t.posts('/invoices')).toBe(postsBefore);
    expect(t.invoicesWith('DESK-104233')).toHaveLength(1);
    expect([...t.sim.storage.values()].filter((r) => r.queriableValue === 'write')).toHaveLength(0);
  });

  it('after a reload whose POST never landed, it checks first and then creates one', async () => {
    const t = await setup();
    const [entry] = await t.api.listCatalog('On-site setup');
    const input: DocumentInput = {
      customerId: CUSTOMER_ID,
      date: TODAY,
      referenceNumber: 'DESK-104233',
      lines: [{ productId: entry!.id, name: entry!.name, ...(entry!.description ? { description: entry!.description } : {}), price: 149, quantity: 1 }],
    };
    await t.host.storage.set({
      key: writeKey('invoice', input),
      group: 'write',
      value: { startedAt: new Date().toISOString(), reference: 'DESK-104233', customerId: CUSTOMER_ID, kind: 'invoice', date: TODAY, knownIds: [] },
    });
    t.sandbox.calls.length = 0;
    await addSetupLine(t.user);
    await t.user.click(screen.getByRole('button', { name: 'Create invoice' }));
    await screen.findByText(/was created for/);
    const invoiceCalls = t.sandbox.calls.filter((c) => c.path.endsWith('/invoices')).map((c) => c.method);
    expect(invoiceCalls[0]).toBe('GET');
    expect(invoiceCalls.filter((m) => m === 'POST')).toHaveLength(1);
    expect(t.invoicesWith('DESK-104233')).toHaveLength(1);
  });
});

describe('CreateDocumentForm over the panel cache', () => {
  it('with billing.writer a cached invoice list cannot hide a landed invoice', async () => {
    const t = await setupActions();
    const billing = createBillingCache(t.api, { organizationId: t.org.organization_id });
    const customer = await billing.api.getCustomer(CUSTOMER_ID);
    // The panel has already shown this customer's invoices (same call the check makes).
    await billing.read('listInvoices', { customerId: CUSTOMER_ID, page: 1, perPage: 50 });
    const existing = new Set(t.sandbox.dataset.invoices.map((i) => i.invoice_id));
    t.renderUi(
      <CreateDocumentForm
        host={t.host}
        api={billing.writer}
        kind="invoice"
        customer={customer}
        baseCurrency={t.org.currency_code}
        ticketNumber="104233"
        today={TODAY}
      />,
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add On-site setup' }));
    t.intercept(isPost('/invoices'), async () => new Response('Gateway Timeout', { status: 504 }));
    await user.click(screen.getByRole('button', { name: 'Create invoice' }));
    await screen.findByText(/was created for/);
    expect(t.posts('/invoices')).toBe(1);
    expect(t.sandbox.dataset.invoices.filter((i) => !existing.has(i.invoice_id))).toHaveLength(1);
  });
});

describe('CreateDocumentForm (other launches)', () => {
  it('from a contact: no ticket reference, the agent may type one', async () => {
    const t = await setup({ ticketNumber: null });
    expect(screen.queryByText(/DESK-/)).not.toBeInTheDocument();
    await addSetupLine(t.user);
    await t.user.type(screen.getByLabelText('Reference (optional)'), 'PO-7781');
    await t.user.click(screen.getByRole('button', { name: 'Create invoice' }));
    await screen.findByText(/was created for/);
    expect(t.confirmations[0]!.content).toContain('Reference: PO-7781');
    expect(t.invoicesWith('PO-7781')).toHaveLength(1);
  });

  it('creates a quote with the ticket reference', async () => {
    const t = await setup({ kind: 'quote' });
    const before = t.sandbox.dataset.estimates.length;
    await t.user.click(screen.getByRole('button', { name: 'Add Pro Monthly' }));
    await t.user.click(screen.getByRole('button', { name: 'Create quote' }));
    await screen.findByText(/Quote .* was created for Bowman Furniture/);
    expect(t.sandbox.dataset.estimates).toHaveLength(before + 1);
    expect(t.sandbox.dataset.estimates.at(-1)).toMatchObject({ customer_id: CUSTOMER_ID, reference_number: 'DESK-104233' });
    expect(t.posts('/estimates')).toBe(1);
  });

  it('a quote that landed but whose answer was lost is found through listQuotes, not sent again', async () => {
    const t = await setup({ kind: 'quote' });
    const before = t.sandbox.dataset.estimates.length;
    await t.user.click(screen.getByRole('button', { name: 'Add Pro Monthly' }));
    t.intercept(isPost('/estimates'), async () => new Response('Gateway Timeout', { status: 504, headers: { 'Content-Type': 'text/plain' } }));
    await t.user.click(screen.getByRole('button', { name: 'Create quote' }));
    await screen.findByText(/Quote .* was created for/);
    expect(t.sandbox.dataset.estimates).toHaveLength(before + 1);
    expect(t.posts('/estimates')).toBe(1);
  });

  it('a quote whose answer was lost cannot be checked without listQuotes: the agent is told, and only an explicit "Create anyway" sends again', async () => {
    const t = await setup({ kind: 'quote', withoutQuoteList: true });
    const before = t.sandbox.dataset.estimates.length;
    await t.user.click(screen.getByRole('button', { name: 'Add Pro Monthly' }));
    t.refuse(isPost('/estimates'), () => new Response('Gateway Timeout', { status: 504 }));
    await t.user.click(screen.getByRole('button', { name: 'Create quote' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("Check the customer's quotes in Zoho Billing");
    expect([...t.sim.storage.values()].filter((r) => r.queriableValue === 'write')).toHaveLength(1);

    // First the agent backs out of "Create anyway": nothing is sent.
    t.state.answer = true;
    const answers = [true, false];
    t.sim.confirmAnswer = async (o) => {
      t.confirmations.push({ title: String((o as Record<string, unknown>).title), content: '', okText: String((o as Record<string, unknown>).okText) });
      return answers.shift() ?? true;
    };
    await t.user.click(screen.getByRole('button', { name: 'Check and try again' }));
    await waitFor(() => expect(t.confirmations.at(-1)?.okText).toBe('Create anyway'));
    expect(t.posts('/estimates')).toBe(0);

    await t.user.click(screen.getByRole('button', { name: 'Check and try again' }));
    await screen.findByText(/Quote .* was created for/);
    expect(t.sandbox.dataset.estimates).toHaveLength(before + 1);
    expect(t.posts('/estimates')).toBe(1);
    expect([...t.sim.storage.values()].filter((r) => r.queriableValue === 'write')).toHaveLength(0);
  });

  it('searches the catalog and removes lines', async () => {
    const t = await setup();
    await t.user.type(screen.getByRole('searchbox', { name: 'Search items and plans' }), 'migration{Enter}');
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Add On-site setup' })).not.toBeInTheDocument());
    await t.user.click(screen.getByRole('button', { name: 'Add Data migration' }));
    const lines = screen.getByRole('list', { name: 'Lines' });
    expect(within(lines).getByText('Data migration')).toBeInTheDocument();
    await t.user.click(screen.getByRole('button', { name: 'Remove Data migration' }));
    expect(screen.queryByRole('list', { name: 'Lines' })).not.toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Total (before tax)' })).toHaveTextContent('$0.00');
  });

  it('speaks Japanese and shows yen without decimals', async () => {
    const t = await setup({ locale: 'ja', customerId: JAPANESE_CUSTOMER_ID });
    await t.user.click(screen.getByRole('button', { name: 'On-site setup を追加' }));
    const price = screen.getByLabelText('On-site setup の単価（JPY）');
    await t.user.clear(price);
    await t.user.type(price, '１５０００');
    expect(screen.getByRole('status', { name: '合計（税抜）' }).textContent).toMatch(/[¥￥]15,000$/);
    await t.user.click(screen.getByRole('button', { name: '請求書を作成' }));
    await screen.findByText(/株式会社山田商事 の請求書 .* を作成しました。/);
    expect(t.invoicesWith('DESK-104233')).toHaveLength(1);
  });
});
