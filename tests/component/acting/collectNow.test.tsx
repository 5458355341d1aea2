import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { BILLING_FIXTURES as B } from '../../../src/sandbox/billing/fixtures';
import { renderSandboxPanel } from '../panel/sandboxHarness';

type World = Awaited<ReturnType<typeof renderSandboxPanel>>;
const invoice = (world: World) => world.sandbox.dataset.invoices.find((i) => i.invoice_id === B.bowmanTicketInvoiceId)!;
const collects = (world: World) => world.sandbox.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/collect'));

async function openInvoice(user: ReturnType<typeof userEvent.setup>, world: World) {
  await user.click(await screen.findByRole('tab', { name: 'Invoices' }));
  await user.click(await screen.findByRole('button', { name: `Open invoice ${invoice(world).number}` }));
  return screen.findByRole('region', { name: `Invoice ${invoice(world).number}` });
}

describe('collect now', () => {
  it('charges the card on file for the balance once, says so, records it on the ticket and re-reads the invoice', async () => {
    const user = userEvent.setup();
    const confirms: { message?: string }[] = [];
    const world = await renderSandboxPanel({ location: 'ticket', confirmAnswer: async (o) => (confirms.push(o as { message?: string }), true) });
    const detail = await openInvoice(user, world);
    await user.dblClick(await within(detail).findByRole('button', { name: 'Collect $149.00 now' }));
    expect(await screen.findByText('Collected: $149.00 for invoice INV-000331 from the card ending 4242.')).toBeInTheDocument();
    expect(collects(world)).toHaveLength(1);
    expect(confirms).toHaveLength(1);
    expect(JSON.stringify(confirms[0])).toContain('is charged to the card ending 4242');
    expect(invoice(world)).toMatchObject({ status: 'paid', balance: 0 });
    expect(world.sandbox.desk.comments[0]?.content).toMatch(/^\[Zoho Billing\] Collected: \$149\.00 for invoice INV-000331/);
    expect((await within(screen.getByRole('region', { name: 'Invoice INV-000331' })).findAllByText('Paid')).length).toBeGreaterThan(0);
    expect(within(screen.getByRole('region', { name: 'Invoice INV-000331' })).queryByRole('button', { name: /^Collect/ })).not.toBeInTheDocument();
  });

  it('a declined card shows the gateway’s reason and changes nothing else', async () => {
    const user = userEvent.setup();
    const world = await renderSandboxPanel({ location: 'ticket' });
    world.sandbox.faults.actions = { cardDeclines: true };
    const detail = await openInvoice(user, world);
    await user.click(await within(detail).findByRole('button', { name: 'Collect $149.00 now' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The card was declined: Your card has insufficient funds.');
    expect(alert).toHaveTextContent('Nothing was changed in Zoho Billing.');
    expect(invoice(world)).toMatchObject({ status: 'overdue', balance: 149 });
    expect(world.sandbox.desk.comments[0]?.content).toMatch(/Collecting invoice INV-000331 was refused; nothing changed\..*Your card has insufficient funds\./);
  });

  it('a plain agent sees why payment recovery is not offered', async () => {
    const user = userEvent.setup();
    const world = await renderSandboxPanel({ location: 'ticket', isAdmin: false });
    const detail = await openInvoice(user, world);
    expect(await within(detail).findByRole('note')).toHaveTextContent('Payment recovery is not available to your Desk profile (Agent).');
    expect(within(detail).queryByRole('button', { name: /^Collect/ })).not.toBeInTheDocument();
  });
});
