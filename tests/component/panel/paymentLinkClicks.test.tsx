import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DESK_FIXTURES as D } from '../../../src/sandbox/desk/deskFixtures';
import { renderSandboxPanel } from './sandboxHarness';

describe('payment link into the reply from the first screen (B11)', () => {
  it('takes one click for the latest unpaid invoice', async () => {
    const user = userEvent.setup();
    const world = await renderSandboxPanel({ location: 'ticket', ticketId: D.singleMatchTicketId });
    // The first screen: the customer's Overview, as the panel opens.
    expect(await screen.findByRole('tab', { name: 'Overview', selected: true })).toBeInTheDocument();
    const insert = await screen.findByRole('button', { name: /^Insert payment link · INV-\S+$/ });
    // This ticket's own unpaid invoice gets its own one-click button too.
    expect(screen.getByRole('button', { name: /^Insert payment link · INV-\S+ \(this ticket\)$/ })).toBeInTheDocument();

    await user.click(insert);

    expect(await screen.findByRole('status')).toHaveTextContent('Payment link inserted into the reply.');
    expect(world.sim.log.inserted).toHaveLength(1);
    const number = insert.textContent?.replace(/^Insert payment link · /, '').replace(/ \(this ticket\)$/, '') ?? '';
    expect(JSON.stringify(world.sim.log.inserted[0])).toContain(number);
    expect(JSON.stringify(world.sim.log.inserted[0])).toMatch(/https:\/\//);
  }, 30_000);

  it('is not offered where there is no reply editor (contact page)', async () => {
    await renderSandboxPanel({ location: 'contact', contactId: D.singleMatchContactId });
    expect(await screen.findByRole('tab', { name: 'Overview', selected: true })).toBeInTheDocument();
    await screen.findByRole('button', { name: 'New invoice' });
    expect(screen.queryByRole('button', { name: /^Insert payment link/ })).toBeNull();
  }, 30_000);
});
