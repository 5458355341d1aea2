import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TICKET_NUMBERS } from '../../../src/sandbox/billing/fixtures';
import { DESK_FIXTURES as D } from '../../../src/sandbox/desk/deskFixtures';
import { renderSandboxPanel } from './sandboxHarness';

describe('"This ticket" with the 5,000-invoice customer (B6)', () => {
  it('finds the ticket\'s invoice far below the loaded pages, with one Billing search', async () => {
    const user = userEvent.setup();
    const world = await renderSandboxPanel({ location: 'ticket', ticketId: D.bigInvoicesTicketId });
    await user.click(await screen.findByRole('tab', { name: 'Invoices' }));
    const all = await screen.findByRole('list', { name: 'Invoices' });
    // The ticket's invoice is not among the rows the list has loaded: filtering them could never find it.
    expect(within(all).queryByText(`DESK-${TICKET_NUMBERS.globex}`)).toBeNull();
    const before = world.sandbox.calls.length;

    await user.click(screen.getByRole('button', { name: 'This ticket' }));

    const rows = within(await screen.findByRole('list', { name: 'Invoices' })).getAllByRole('listitem');
    expect(rows).toHaveLength(1);
    const searches = world.sandbox.calls.slice(before).filter((c) => c.url.includes('/invoices?'));
    expect(searches).toHaveLength(1);
    expect(searches[0]!.url).toContain(`search_text=${TICKET_NUMBERS.globex}`);
    expect(screen.queryByRole('button', { name: 'Search older invoices' })).toBeNull();
    await user.click(within(rows[0]!).getByRole('button'));
    expect(await screen.findByText(`DESK-${TICKET_NUMBERS.globex}`)).toBeInTheDocument();
  }, 20_000);

});
