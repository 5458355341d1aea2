/**
 * Issue 12/15: readers follow the cache (no remount after a write or Refresh), and a Retry supersedes what
 * is still hanging instead of joining it.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { BillingError } from '../../../src/billing/errors';
import { createBillingCache, type CacheEvent } from '../../../src/integration/cache/billingCache';
import { PanelEnvProvider } from '../../../src/panel/panelEnv';
import { useBillingRead } from '../../../src/panel/useBilling';
import { createFakeBilling, customer, invoice } from './fakeBilling';
import { createFakeHost } from './fakeHost';
import { renderPanel, ticketFor } from './scenario';

function InvoiceNumbers({ customerId, onMount }: { customerId: string; onMount: () => void }) {
  useEffect(onMount, [onMount]);
  const list = useBillingRead('listInvoices', { customerId, page: 1 });
  if (list.status !== 'ready') return <p>loading</p>;
  return (
    <ul aria-label="numbers">
      {list.value.items.map((i) => (
        <li key={i.id}>{i.number}</li>
      ))}
    </ul>
  );
}

describe('readers subscribe to the cache', () => {
  it('a write through the cache re-renders its readers with the new data, once invalidated, never remounted', async () => {
    const billing = createFakeBilling({ customers: [customer('c1', 'One', 'one@x.test')], invoices: [invoice('i1', 'c1', { number: 'INV-1' })] });
    const cache = createBillingCache(billing.api, { organizationId: 'org1' });
    const events: CacheEvent[] = [];
    cache.subscribe((e) => events.push(e));
    const { host } = createFakeHost();
    let mounts = 0;
    const onMount = () => {
      mounts += 1;
    };
    render(
      <PanelEnvProvider env={{ host, billing: cache, isAdmin: false, ticketNumber: null, organization: { id: 'org1', name: 'Org', dataCenter: 'US', currencyCode: 'USD' } }}>
        <InvoiceNumbers customerId="c1" onMount={onMount} />
      </PanelEnvProvider>,
    );
    expect(await screen.findByText('INV-1')).toBeInTheDocument();
    billing.data.invoices.push(invoice('i2', 'c1', { number: 'INV-2', date: '2026-11-20' }));
    await act(() => cache.api.createInvoice({ customerId: 'c1', date: '2026-11-20', referenceNumber: 'PO-1', lines: [] }));
    expect(await screen.findByText('INV-2')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'numbers' })).getAllByRole('listitem')).toHaveLength(2);
    expect(mounts).toBe(1);
    expect(billing.count('listInvoices')).toBe(2);
    expect(events.filter((e) => e.type === 'invalidated')).toHaveLength(1);
  });

  it('Refresh re-reads every tab in place: the Invoices tab keeps its "This ticket" filter and shows the new invoice', async () => {
    const user = userEvent.setup();
    const { billing } = renderPanel({ ticket: ticketFor('101') });
    await screen.findByRole('heading', { name: /Ada Lovelace/ });
    await user.click(screen.getByRole('tab', { name: 'Invoices' }));
    await screen.findByRole('list', { name: 'Invoices' });
    await user.click(screen.getByRole('button', { name: 'This ticket' }));
    expect(screen.queryByText('INV-0009')).toBeNull();
    const reads = billing.count('listInvoices');
    billing.data.invoices.push(invoice('i9', 'c-ada', { number: 'INV-0009', date: '2026-11-20', referenceNumber: 'DESK-104233' }));
    await user.click(screen.getByRole('button', { name: 'Refresh billing data' }));
    expect(await screen.findByText('INV-0009')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'This ticket' })).toHaveAttribute('aria-pressed', 'true');
    expect(billing.count('listInvoices')).toBeGreaterThan(reads);
  });
});

describe('the 429 cool-down', () => {
  it('says until when Billing is busy, and a ticket switch meanwhile shows the same instant without calling', async () => {
    const clock = Date.now();
    const billing = createFakeBilling({ customers: [customer('c-bob', 'Bob Builder', 'bob@build.test')] });
    billing.fail = 'rate-limited'; // with Retry-After: 60 s
    const { desk } = renderPanel({ ticket: ticketFor('102') }, billing, { now: () => clock });
    const alert = await screen.findByRole('alert');
    const said = /Try again at (\d{1,2}:\d\d:\d\d)/.exec(alert.textContent ?? '')?.[1];
    expect(said).toBeDefined();
    const spent = billing.count();
    act(() => desk.emit('ticketChanged', {}));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(`Try again at ${said}`));
    expect(billing.count()).toBe(spent);
  });
});

describe('Retry starts a fresh request', () => {
  it('after one search failed (Desk timeout) while another still hangs, Retry does not join the hanging one', async () => {
    const user = userEvent.setup();
    const billing = (() => {
      const b = createFakeBilling({
        customers: [customer('c-ada', 'Ada Lovelace', 'ada@acme.test', { companyName: 'Acme Corp' })],
      });
      return b;
    })();
    const hanging: Array<() => void> = [];
    let broken = true;
    billing.before = (name, args) => {
      if (!broken) return;
      // One search comes back as a timeout; every other call hangs (the Desk proxy never answers).
      if (name === 'findCustomersByEmail' && args[0] === 'ada.personal@mail.test') {
        throw new BillingError('network', "Zoho Desk's connection did not answer within 45 seconds.");
      }
      return new Promise<void>((resolve) => hanging.push(resolve));
    };
    renderPanel({ kind: 'account', pageAccountId: 'acc-acme' }, billing);
    expect(await screen.findByRole('alert')).toHaveTextContent(/could not be reached/);
    const sentBefore = billing.count();
    broken = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: /Ada Lovelace/ })).toBeInTheDocument();
    // Every search of the retry went out again (none waited for a hanging one).
    expect(billing.calls.slice(sentBefore).filter((c) => c.name === 'findCustomersByEmail').map((c) => c.args[0])).toEqual(
      expect.arrayContaining(['ada.personal@mail.test', 'ada@acme.test']),
    );
    hanging.splice(0).forEach((release) => release());
  });

  it('a ticket switch supersedes calls still queued for the old ticket', async () => {
    const billing = createFakeBilling({ customers: [customer('c-bob', 'Bob Builder', 'bob@build.test')] });
    const hanging: Array<() => void> = [];
    let broken = true;
    billing.before = () => (broken ? new Promise<void>((resolve) => hanging.push(resolve)) : undefined);
    // One call at a time: the old ticket's hanging call would otherwise hold the only slot.
    const { desk } = renderPanel({ ticket: ticketFor('102') }, billing, { maxConcurrent: 1 });
    await waitFor(() => expect(hanging).toHaveLength(1));
    broken = false;
    act(() => desk.emit('ticketChanged', {}));
    expect(await screen.findByRole('heading', { name: /Bob Builder/ })).toBeInTheDocument();
    hanging.splice(0).forEach((release) => release());
  });
});
