/**
 * Issue 15: when the write guard cannot store its pending record (Desk storage refuses writes), the
 * create form says the invoice cannot be protected against duplicates and asks before posting.
 */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CreateDocumentForm } from '../../../src/panel/actions';
import { CUSTOMER_ID, setupActions } from '../actions/harness';

async function setup(answers: boolean[]) {
  const t = await setupActions();
  const queue = [...answers];
  t.sim.confirmAnswer = async (o) => {
    const r = o as Record<string, unknown>;
    t.confirmations.push({ title: String(r.title), content: String(r.content), okText: String(r.okText) });
    return queue.length > 0 ? queue.shift()! : false;
  };
  const customer = await t.api.getCustomer(CUSTOMER_ID);
  t.renderUi(
    <CreateDocumentForm host={t.host} api={t.api} kind="invoice" customer={customer} baseCurrency={t.org.currency_code} ticketNumber="104233" today="2026-11-27" />,
  );
  const user = userEvent.setup();
  await screen.findByRole('list', { name: /items and plans found/i });
  await user.click(screen.getByRole('button', { name: 'Add On-site setup' }));
  t.sim.faults.storageWritesFail = true;
  return { ...t, user };
}

describe('create invoice while Desk storage refuses writes', () => {
  it('asks first; declining sends nothing and keeps the form', async () => {
    const t = await setup([true, false]);
    await t.user.click(screen.getByRole('button', { name: 'Create invoice' }));
    await vi.waitFor(() => expect(t.confirmations).toHaveLength(2));
    expect(t.confirmations[1]!.title).toBe('This invoice cannot be protected against duplicates');
    expect(t.confirmations[1]!.content).toContain('Bowman Furniture');
    expect(t.confirmations[1]!.content).toContain('Nothing has been sent yet');
    // The second question was answered "no": the form is still there, with its line, and no POST went out.
    expect(await screen.findByRole('button', { name: 'Create invoice' })).toBeEnabled();
    expect(screen.getByLabelText('Price of On-site setup (USD)')).toBeInTheDocument();
    expect(t.posts('/invoices')).toBe(0);
  });

  it('accepting posts exactly once', async () => {
    const t = await setup([true, true]);
    await t.user.click(screen.getByRole('button', { name: 'Create invoice' }));
    await screen.findByText(/was created for Bowman Furniture/);
    expect(t.confirmations).toHaveLength(2);
    expect(t.confirmations[1]!.title).toBe('This invoice cannot be protected against duplicates');
    expect(t.posts('/invoices')).toBe(1);
  });
});
