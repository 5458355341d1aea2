import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { BillingErrorKind } from '../../../src/billing/errors';
import { connectedSettings } from './fakeHost';
import { renderPanel, standardBilling, ticketFor } from './scenario';

describe('panel states', () => {
  it('shows a loading state while the customer is being found', async () => {
    const billing = standardBilling();
    // Every call waits until released: all of them, not only the last one made.
    let released = false;
    const waiting: Array<() => void> = [];
    billing.before = () => (released ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve)));
    renderPanel({ ticket: ticketFor('102') }, billing);
    expect(await screen.findByText('Finding the Billing customer…')).toBeInTheDocument();
    act(() => {
      released = true;
      waiting.splice(0).forEach((resolve) => resolve());
    });
    expect(await screen.findByRole('heading', { name: /Bob Builder/ })).toBeInTheDocument();
  });

  it('says so when a tab has nothing (empty subscriptions, invoices, activity)', async () => {
    const user = userEvent.setup();
    renderPanel({ ticket: ticketFor('102') });
    await user.click(await screen.findByRole('tab', { name: 'Subscriptions' }));
    expect(await screen.findByText('No subscriptions.')).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Invoices' }));
    expect(await screen.findByText('No invoices.')).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Activity' }));
    expect(await screen.findByText('No activity yet.')).toBeInTheDocument();
  });

  const kinds: Array<[BillingErrorKind, RegExp]> = [
    ['forbidden', /does not have permission/],
    ['not-found', /could not find this record/],
    ['rate-limited', /too many requests/],
    ['server', /ran into a problem/],
    ['rejected', /refused the request/],
    ['malformed', /could not be read/],
    ['network', /could not be reached/],
  ];
  it.each(kinds)('explains a %s error in plain words and recovers on Retry', async (kind, words) => {
    const user = userEvent.setup();
    const billing = standardBilling();
    billing.fail = kind;
    renderPanel({ ticket: ticketFor('102') }, billing);
    expect(await screen.findByRole('alert')).toHaveTextContent(words);
    billing.fail = null;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: /Bob Builder/ })).toBeInTheDocument();
  });

  it('a failing tab shows its own error and Retry recovers it', async () => {
    const user = userEvent.setup();
    const { billing } = renderPanel({ ticket: ticketFor('101') });
    await screen.findByRole('heading', { name: /Ada Lovelace/ });
    billing.fail = 'server';
    await user.click(screen.getByRole('tab', { name: 'Activity' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/ran into a problem/);
    billing.fail = null;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Subscription renewed')).toBeInTheDocument();
  });

  it('not connected: an admin is told to open settings', async () => {
    const billing = standardBilling();
    billing.fail = 'not-authorised';
    renderPanel({ ticket: ticketFor('102'), isAdmin: true }, billing);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Zoho Billing is not connected.');
    expect(alert).toHaveTextContent("Open the extension's settings in Desk Setup to connect Zoho Billing.");
    expect(alert).not.toHaveTextContent('Ask your Desk admin');
  });

  it('not connected: an agent is told whom to ask', async () => {
    const billing = standardBilling();
    billing.fail = 'not-authorised';
    renderPanel({ ticket: ticketFor('102'), isAdmin: false }, billing);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Ask your Desk admin to connect Zoho Billing.');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('disabled: says so and makes no Billing call at all', async () => {
    const { billing } = renderPanel({ ticket: ticketFor('101'), settings: connectedSettings({ enabled: false }) });
    expect(await screen.findByText('The Zoho Billing integration is disabled.')).toBeInTheDocument();
    expect(screen.getByText('Ask your Desk admin if you need it.')).toBeInTheDocument();
    expect(billing.calls).toHaveLength(0);
  });

  it('no organization chosen: explains it (admin wording) and makes no call', async () => {
    const { billing } = renderPanel({ ticket: ticketFor('101'), settings: null, isAdmin: true });
    expect(await screen.findByText('No Zoho Billing organization is chosen.')).toBeInTheDocument();
    expect(screen.getByText("Open the extension's settings to choose one.")).toBeInTheDocument();
    expect(billing.calls).toHaveLength(0);
  });

  it('keeps the last data, marked with its age, when a refresh fails transiently (B14)', async () => {
    let clock = Date.parse('2026-11-27T10:00:00Z');
    const billing = standardBilling();
    const { desk } = renderPanel({ ticket: ticketFor('101') }, billing, { now: () => clock });
    await screen.findByRole('heading', { name: /Ada Lovelace/ });
    expect(await screen.findByText('1 Main St')).toBeInTheDocument();
    clock += 40 * 60_000;
    billing.fail = 'network';
    act(() => desk.emit('ticketChanged', {}));
    expect(await screen.findByText(/Showing data from 40 minutes ago\./)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /Ada Lovelace/ })).toBeInTheDocument();
    expect(screen.getByText('1 Main St')).toBeInTheDocument();
  });

  it('says how old kept data is, and Refresh asks Billing again', async () => {
    const user = userEvent.setup();
    let clock = Date.parse('2026-11-27T10:00:00Z');
    const billing = standardBilling();
    const { desk } = renderPanel({ ticket: ticketFor('101') }, billing, { now: () => clock });
    await screen.findByRole('heading', { name: /Ada Lovelace/ });
    await waitFor(() => expect(billing.count('getCustomer')).toBe(1));
    clock += 3 * 60_000;
    act(() => desk.emit('ticketChanged', {}));
    expect(await screen.findByText(/Updated 3 minutes ago/)).toBeInTheDocument();
    expect(billing.count('getCustomer')).toBe(1);
    await user.click(screen.getByRole('button', { name: 'Refresh billing data' }));
    await waitFor(() => expect(billing.count('getCustomer')).toBe(2));
    await waitFor(() => expect(screen.queryByText(/Updated 3 minutes ago/)).toBeNull());
  });

  it('serves a ticket switch back to the same customer from the cache', async () => {
    const billing = standardBilling();
    const { desk } = renderPanel({ ticket: ticketFor('102') }, billing);
    await screen.findByRole('heading', { name: /Bob Builder/ });
    await waitFor(() => expect(billing.count('listInvoices')).toBe(1));
    const before = billing.calls.length;
    const heading = screen.getByRole('heading', { name: /Bob Builder/ });
    const address = await screen.findByText('Billing address');
    act(() => desk.emit('ticketChanged', {}));
    // Positive signal that the switch was handled: the customer view was rebuilt for the new Desk context
    // (new elements, not the old ones still on screen) and its details have loaded again.
    await waitFor(() => expect(screen.getByRole('heading', { name: /Bob Builder/ })).not.toBe(heading));
    await waitFor(() => expect(screen.getByText('Billing address')).not.toBe(address));
    expect(billing.calls.length).toBe(before);
  });
});
