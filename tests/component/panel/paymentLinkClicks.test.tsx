import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DESK_FIXTURES as D } from '../../../src/sandbox/desk/deskFixtures';
import { referencesTicket } from '../../../src/billing/ticketReference';
import { renderSandboxPanel } from './sandboxHarness';

type World = Awaited<ReturnType<typeof renderSandboxPanel>>;
/** The Desk ticket the sandbox panel opens on (D.singleMatchTicketId). */
const TICKET_NUMBER = '104233';
function referenceOf(world: World, number: string): string | null {
  return world.sandbox.dataset.invoices.find((i) => i.number === number)?.reference_number ?? null;
}

describe('payment link into the reply from the first screen (B11)', () => {
  it('takes one click for this ticket\'s own unpaid invoice; the latest unpaid one is in the "⋯" menu', async () => {
    const user = userEvent.setup();
    const world = await renderSandboxPanel({ location: 'ticket', ticketId: D.singleMatchTicketId });
    // The first screen: the customer's Overview, as the panel opens.
    expect(await screen.findByRole('tab', { name: 'Overview', selected: true })).toBeInTheDocument();
    const actions = screen.getByRole('group', { name: 'Create in Zoho Billing' });
    const insert = await within(actions).findByRole('button', { name: /^Insert payment link · INV-\S+$/ });
    // Which invoice it is ("this ticket") is the button's description: the row has no room for it.
    expect(insert).toHaveAccessibleDescription(/^Insert payment link · INV-\S+ \(this ticket\)$/);
    const number = insert.textContent?.replace(/^Insert payment link · /, '') ?? '';
    expect(referencesTicket(referenceOf(world, number), TICKET_NUMBER)).toBe(true);

    await user.click(within(actions).getByRole('button', { name: 'More actions' }));
    const items = within(screen.getByRole('menu', { name: 'More actions' })).getAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual([expect.stringMatching(/^Insert payment link · INV-\S+$/), 'New invoice', 'New quote']);
    expect(items[0]!.textContent).not.toContain(number);
    await user.keyboard('{Escape}');

    await user.click(insert);

    expect(await screen.findByRole('status')).toHaveTextContent('Payment link inserted into the reply.');
    expect(world.sim.log.inserted).toHaveLength(1);
    expect(JSON.stringify(world.sim.log.inserted[0])).toContain(number);
    expect(JSON.stringify(world.sim.log.inserted[0])).toMatch(/https:\/\//);
  }, 30_000);

  it('the latest unpaid invoice\'s link goes in from the menu', async () => {
    const user = userEvent.setup();
    const world = await renderSandboxPanel({ location: 'ticket', ticketId: D.singleMatchTicketId });
    await user.click(await screen.findByRole('button', { name: 'More actions' }));
    const item = within(screen.getByRole('menu', { name: 'More actions' })).getByRole('menuitem', { name: /^Insert payment link · INV-\S+$/ });
    const number = item.textContent?.replace(/^Insert payment link · /, '') ?? '';
    await user.click(item);
    expect(await screen.findByRole('status')).toHaveTextContent('Payment link inserted into the reply.');
    expect(JSON.stringify(world.sim.log.inserted[0])).toContain(number);
    // Back on the menu's button, the menu closed.
    expect(screen.getByRole('button', { name: 'More actions' })).toHaveFocus();
    expect(screen.queryByRole('menu')).toBeNull();
  }, 30_000);

  it('is not offered where there is no reply editor (contact page)', async () => {
    await renderSandboxPanel({ location: 'contact', contactId: D.singleMatchContactId });
    expect(await screen.findByRole('tab', { name: 'Overview', selected: true })).toBeInTheDocument();
    await screen.findByRole('button', { name: 'New invoice' });
    expect(screen.queryByRole('button', { name: /^Insert payment link/ })).toBeNull();
  }, 30_000);
});
