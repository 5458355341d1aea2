/**
 * Issue 15 "Storage failures tell the truth" in the panel: Desk storage that cannot be read gets its own
 * words and a Retry; a customer choice is called remembered only once Desk storage confirmed the link,
 * and a failed save says so in place with Save again.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { linkKey } from '../../../src/integration/records/customerLinks';
import { DESK_FIXTURES as D } from '../../../src/sandbox/desk/deskFixtures';
import { createI18n } from '../../../src/i18n/i18n';
import { PanelApp } from '../../../src/panel/PanelApp';
import { createSandboxHost } from '../../../src/sandbox/desk/sandboxHost';
import { connect, renderSandboxPanel } from '../panel/sandboxHarness';

const REMEMBERED = /remembered/i;

describe('panel: Desk storage failures tell the truth', () => {
  it('settings that cannot be read: a storage message, and Retry recovers once storage answers', async () => {
    const user = userEvent.setup();
    const world = await createSandboxHost({ location: 'ticket', ticketId: D.singleMatchTicketId });
    await connect(world.host);
    // Stored while storage worked; from the first render on it cannot be read.
    world.sim.faults.storageFails = true;
    const context = world.host.context();
    render(<PanelApp host={world.host} i18n={createI18n(context.locale, context.user.timeZone)} cacheOptions={{ sleep: async () => undefined, random: () => 0 }} />);
    expect(await screen.findByText("Could not read this extension's settings from Zoho Desk. Try again in a moment.")).toBeInTheDocument();
    world.sim.faults.storageFails = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: /Bowman/ })).toBeInTheDocument();
  });

  it('a choice whose link cannot be saved never says "remembered"; Save again stores it once storage works', async () => {
    const user = userEvent.setup();
    const world = await renderSandboxPanel({ location: 'ticket', ticketId: D.multiMatchTicketId });
    const picker = await screen.findByRole('region', { name: 'Choose the Billing customer' });
    expect(picker.textContent).not.toMatch(REMEMBERED);
    world.sim.faults.storageWritesFail = true;
    await user.click(within(picker).getAllByRole('button', { name: /^Choose / })[0]!);
    const alert = await screen.findByText(/could not be saved in Desk, so it applies to this view only/);
    expect(alert).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(REMEMBERED);
    const links = () => [...world.sim.storage.values()].filter((r) => r.queriableValue === 'link');
    expect(links()).toHaveLength(0);

    world.sim.faults.storageWritesFail = false;
    await user.click(screen.getByRole('button', { name: 'Save again' }));
    expect(await screen.findByText('Your choice is remembered for next time.')).toBeInTheDocument();
    expect(screen.queryByText(/could not be saved/)).toBeNull();
    expect(links()).toHaveLength(1);
    const contactId = world.sim.page.ticket?.['contactId'];
    expect(links()[0]?.key).toBe(linkKey('contact', String(contactId)));
  });

  it('a saved choice says "remembered" only after Desk storage confirmed it', async () => {
    const user = userEvent.setup();
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    const world = await renderSandboxPanel({ location: 'ticket', ticketId: D.multiMatchTicketId });
    const picker = await screen.findByRole('region', { name: 'Choose the Billing customer' });
    const zd = world.zohodesk;
    const set = zd.set.bind(zd);
    zd.set = async (key, value) => {
      if (key === 'database') await held;
      return set(key, value);
    };
    await user.click(within(picker).getAllByRole('button', { name: /^Choose / })[0]!);
    await screen.findByRole('button', { name: 'Change' });
    expect(document.body.textContent).not.toMatch(REMEMBERED);
    release();
    expect(await screen.findByText('Your choice is remembered for next time.')).toBeInTheDocument();
  });
});
