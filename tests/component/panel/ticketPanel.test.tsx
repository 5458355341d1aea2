import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPanel, ticketFor } from './scenario';

describe('ticket panel', () => {
  it('finds the customer by the contact\'s second email and shows header, match method and summary', async () => {
    const { billing } = renderPanel({ ticket: ticketFor('101') });
    expect(await screen.findByRole('heading', { name: /Ada Lovelace/ })).toBeInTheDocument();
    expect(screen.getByText('Matched by email')).toBeInTheDocument();
    expect(screen.getByText('Acme Corp')).toBeInTheDocument();
    const link = screen.getByRole('link', { name: 'Open in Zoho Billing' });
    expect(link).toHaveAttribute('href', 'https://billing.zoho.com/app/org1#/customers/c-ada');
    // Every email was asked (both of them), not only the first.
    expect(billing.calls.filter((c) => c.name === 'findCustomersByEmail').map((c) => c.args[0]).sort()).toEqual([
      'ada.personal@mail.test',
      'ada@acme.test',
    ]);
    const strip = screen.getByRole('list', { name: 'At a glance' });
    expect(await within(strip).findByText('Pro plan')).toBeInTheDocument();
    expect(within(strip).getByText(/Dec 1, 2026/)).toBeInTheDocument();
    expect(await within(strip).findByText(/INV-0002/)).toBeInTheDocument();
    expect(within(strip).getByText(/Unpaid/)).toBeInTheDocument();
    expect(within(strip).getByText('$25.00')).toBeInTheDocument();
    expect(within(strip).getByText('$120.50')).toBeInTheDocument();
  });

  // Issue 11 (Layout: "Overview does not repeat the strip"): the balances moved out of Overview into the strip alone.
  it('overview shows addresses, phone and payment terms; the balances are in the strip above it', async () => {
    renderPanel({ ticket: ticketFor('101') });
    const panel = await screen.findByRole('tabpanel');
    expect(await within(panel).findByText('1 Main St')).toBeInTheDocument();
    expect(within(panel).getByText('Net 15')).toBeInTheDocument();
    expect(within(panel).getByText('+1 555 0100')).toBeInTheDocument();
    expect(within(panel).getByText('No address')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'At a glance' })).getByText('$120.50')).toBeInTheDocument();
  });

  it('activity tab is fetched only when opened and merges subscription history with money events, newest first', async () => {
    const user = userEvent.setup();
    const { billing } = renderPanel({ ticket: ticketFor('101') });
    await screen.findByRole('heading', { name: /Ada Lovelace/ });
    expect(billing.count('listSubscriptionActivities')).toBe(0);
    await user.click(screen.getByRole('tab', { name: 'Activity' }));
    await waitFor(() => expect(screen.queryByText('Loading the detailed history…')).toBeNull());
    const list = await screen.findByRole('group', { name: 'Activity' });
    const items = within(list).getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(items).toHaveLength(3);
    expect(items[0]).toMatch(/Payment/);
    expect(items[1]).toMatch(/Subscription renewed/);
    expect(items[2]).toMatch(/Subscription cancelled/);
    expect(billing.count('listSubscriptionActivities')).toBe(2);
  });

  it('activity shows milestones and invoices at once, with no extra call, while the detailed history loads', async () => {
    const user = userEvent.setup();
    const { billing } = renderPanel({ ticket: ticketFor('101') });
    await screen.findByRole('heading', { name: /Ada Lovelace/ });
    await waitFor(() => expect(billing.count('listInvoices')).toBe(1));
    const before = billing.count();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    billing.before = (name) => (name === 'listSubscriptionActivities' || name === 'listTransactions' ? held : undefined);
    await user.click(screen.getByRole('tab', { name: 'Activity' }));
    expect(await screen.findByText('Loading the detailed history…')).toBeInTheDocument();
    const quick = within(screen.getByRole('group', { name: 'Activity' })).getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(quick[0]).toMatch(/Invoice INV-0002/);
    expect(quick.some((t) => /Subscription started/.test(t))).toBe(true);
    // Only the detailed history went out; the quick view came from what the panel already had.
    const since = billing.calls.slice(before).map((c) => c.name);
    expect(since.length).toBeGreaterThan(0);
    expect(since.every((name) => name === 'listSubscriptionActivities' || name === 'listTransactions')).toBe(true);
    release();
    await waitFor(() => expect(screen.queryByText('Loading the detailed history…')).toBeNull());
    expect(screen.getByText('Subscription renewed')).toBeInTheDocument();
  });

  it('subscriptions tab lists every status and opens a detail with its invoices', async () => {
    const user = userEvent.setup();
    renderPanel({ ticket: ticketFor('101') });
    await user.click(await screen.findByRole('tab', { name: 'Subscriptions' }));
    expect(await screen.findByRole('button', { name: 'Open subscription Legacy plan' })).toBeInTheDocument();
    expect(screen.getByText('Cancelled')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Open subscription Pro plan' }));
    const detail = await screen.findByRole('region', { name: 'Subscription Pro plan' });
    expect(within(detail).getByText(/Extra seats/)).toBeInTheDocument();
    expect(within(detail).getByText(/WELCOME10/)).toBeInTheDocument();
    expect(within(detail).getByText('Card ending in 4242 (stripe)')).toBeInTheDocument();
    expect(within(detail).getByText(/renews until cancelled/)).toBeInTheDocument();
    expect(await within(detail).findByRole('button', { name: 'Open invoice INV-0003' })).toBeInTheDocument();
    await user.click(within(detail).getByRole('button', { name: /All subscriptions/ }));
    expect(await screen.findByRole('button', { name: 'Open subscription Pro plan' })).toBeInTheDocument();
  });

  it('invoices tab filters to this ticket and opens a detail with lines, totals and payments', async () => {
    const user = userEvent.setup();
    renderPanel({ ticket: ticketFor('101') });
    await user.click(await screen.findByRole('tab', { name: 'Invoices' }));
    const list = await screen.findByRole('list', { name: 'Invoices' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: 'This ticket' }));
    expect(within(screen.getByRole('list', { name: 'Invoices' })).getAllByRole('listitem')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Open invoice INV-0001' }));
    const detail = await screen.findByRole('region', { name: 'Invoice INV-0001' });
    expect(within(detail).getByRole('table')).toHaveTextContent('Pro plan');
    expect(within(detail).getByText('Credit card', { exact: false })).toBeInTheDocument();
    expect(within(detail).getByText('DESK-104233')).toBeInTheDocument();
  });

  it('renders a hostile customer name as text', async () => {
    renderPanel({ ticket: ticketFor('106') });
    const heading = await screen.findByRole('heading', { name: /<img src=x/ });
    expect(heading.querySelector('img')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
  });
});
