/**
 * Issue 15 "Every state can recover in place": the panel's "not connected" state looks again when the
 * agent comes back to the panel (window focus) and offers Check again, so authorising the connection in
 * another tab brings the customer without a reload.
 */
import { act, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DESK_FIXTURES as D } from '../../../src/sandbox/desk/deskFixtures';
import { renderSandboxPanel } from '../panel/sandboxHarness';

describe('panel: not connected recovers in place', () => {
  it.each([true, false])('Check again (admin=%s) shows the customer once the connection is authorised', async (isAdmin) => {
    const user = userEvent.setup();
    const world = await renderSandboxPanel({ location: 'ticket', ticketId: D.singleMatchTicketId, isAdmin, faults: { notAuthorised: true } });
    expect(await screen.findByText('Zoho Billing is not connected.')).toBeInTheDocument();
    const checkAgain = screen.getByRole('button', { name: 'Check again' });
    world.sim.faults.notAuthorised = false;
    await user.click(checkAgain);
    expect(await screen.findByRole('heading', { name: /Bowman/ })).toBeInTheDocument();
    expect(screen.queryByText('Zoho Billing is not connected.')).toBeNull();
  });

  it('Check again while still not authorised asks Billing again and keeps the message', async () => {
    const user = userEvent.setup();
    const world = await renderSandboxPanel({ location: 'ticket', ticketId: D.singleMatchTicketId, faults: { notAuthorised: true } });
    await screen.findByText('Zoho Billing is not connected.');
    const before = world.sim.log.requests.length;
    await user.click(screen.getByRole('button', { name: 'Check again' }));
    await vi.waitFor(() => expect(world.sim.log.requests.length).toBeGreaterThan(before));
    expect(await screen.findByText('Zoho Billing is not connected.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Check again' })).toBeInTheDocument();
  });

  it('coming back to the panel (window focus) looks again without a click', async () => {
    const world = await renderSandboxPanel({ location: 'contact', contactId: D.singleMatchContactId, faults: { notAuthorised: true } });
    await screen.findByText('Zoho Billing is not connected.');
    world.sim.faults.notAuthorised = false;
    await act(async () => {
      fireEvent.focus(window);
    });
    expect(await screen.findByRole('heading', { name: /Bowman/ })).toBeInTheDocument();
  });
});
