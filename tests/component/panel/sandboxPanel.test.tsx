import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DESK_FIXTURES as D } from '../../../src/sandbox/desk/deskFixtures';
import { loadSettings, saveSettings } from '../../../src/integration/records/settingsStore';
import { pageForLocation } from '../../../src/sandbox/desk/sandboxHost';
import { renderSandboxPanel } from './sandboxHarness';

const billingCalls = (world: Awaited<ReturnType<typeof renderSandboxPanel>>) =>
  world.sandbox.calls.filter((c) => c.url.includes('/billing/'));
/**
 * Billing requests the widget STARTED (logged when ZOHODESK.request is called, answered or not): checked right
 * after the positive signal that its work is done, so a call still in flight counts instead of needing a sleep.
 */
const billingRequestsMade = (world: Awaited<ReturnType<typeof renderSandboxPanel>>, from = 0) =>
  (world.sim.log.requests as Array<{ url?: unknown }>).slice(from).filter((r) => String(r.url).includes('/billing/'));

afterEach(() => {
  vi.useRealTimers();
});

describe('panel over the sandbox (real adapter + real Billing client)', () => {
  it('ticket: one match, all four tabs, and "This ticket" finds DESK-<number>', async () => {
    const user = userEvent.setup();
    await renderSandboxPanel({ location: 'ticket', ticketId: D.singleMatchTicketId });
    expect(await screen.findByRole('heading', { name: /Bowman/ })).toBeInTheDocument();
    expect(screen.getByText('Matched by email')).toBeInTheDocument();
    expect(await screen.findByText('Billing address')).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Activity' }));
    const activity = await screen.findByRole('group', { name: 'Activity' }, { timeout: 3000 });
    expect(within(activity).getAllByRole('listitem').length).toBeGreaterThan(0);
    await user.click(screen.getByRole('tab', { name: 'Subscriptions' }));
    expect((await screen.findAllByRole('button', { name: /^Open subscription/ })).length).toBeGreaterThan(0);
    await user.click(screen.getByRole('tab', { name: 'Invoices' }));
    await screen.findByRole('list', { name: 'Invoices' });
    await user.click(screen.getByRole('button', { name: 'This ticket' }));
    const rows = within(screen.getByRole('list', { name: 'Invoices' })).getAllByRole('listitem');
    expect(rows).toHaveLength(1);
    await user.click(within(rows[0]!).getByRole('button'));
    expect(await screen.findByText('DESK-104233')).toBeInTheDocument();
  }, 30_000);

  it('ticket: a contact matching several customers gets a picker', async () => {
    await renderSandboxPanel({ location: 'ticket', ticketId: D.multiMatchTicketId });
    const picker = await screen.findByRole('region', { name: 'Choose the Billing customer' });
    expect(within(picker).getAllByRole('button', { name: /^Choose / })).toHaveLength(3);
  });

  it('ticket: the secondary email matches', async () => {
    await renderSandboxPanel({ location: 'ticket', ticketId: D.secondaryEmailTicketId });
    expect(await screen.findByRole('heading', { name: /Alpenglow/ })).toBeInTheDocument();
  });

  it('ticket: no customer gives the search box', async () => {
    await renderSandboxPanel({ location: 'ticket', ticketId: D.noMatchTicketId });
    expect(await screen.findByText(/^No Billing customer for/)).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search Billing customers' })).toBeInTheDocument();
  });

  it('ticket: Japanese customer in Japanese, JPY without decimals', async () => {
    await renderSandboxPanel({ location: 'ticket', ticketId: D.japaneseTicketId, locale: 'ja' });
    expect(await screen.findByRole('tab', { name: '概要' })).toBeInTheDocument();
    const strip = screen.getByRole('list', { name: '概況' });
    const credits = within(strip).getByText('未使用のクレジット').parentElement?.textContent ?? '';
    expect(credits).toMatch(/[¥￥]/);
    expect(credits).not.toMatch(/\.\d\d$/);
  });

  it('ticket: hostile Billing text is shown as text', async () => {
    await renderSandboxPanel({ location: 'ticket', ticketId: D.hostileTicketId });
    await screen.findAllByRole('heading', { level: 1 });
    await waitFor(() => expect(screen.queryByText('Finding the Billing customer…')).toBeNull());
    expect(document.querySelector('main img, main svg, main b, main script')).toBeNull();
    expect(document.querySelector('main')?.textContent).toMatch(/<b>bold<\/b>/);
  });

  it('contact page and account page resolve', async () => {
    await renderSandboxPanel({ location: 'contact', contactId: D.singleMatchContactId });
    expect(await screen.findByRole('heading', { name: /Bowman/ })).toBeInTheDocument();
  });

  it('account page: company name and contacts give candidates', async () => {
    await renderSandboxPanel({ location: 'account', accountId: D.accountWithContactsId });
    const picker = await screen.findByRole('region', { name: 'Choose the Billing customer' });
    expect(within(picker).getByText('Matched by company name', { exact: false })).toBeInTheDocument();
  });

  it('add-ticket form: follows the form contact', async () => {
    await renderSandboxPanel({ location: 'ticketForm', form: { contactId: D.singleMatchContactId } });
    expect(await screen.findByRole('heading', { name: /Bowman/ })).toBeInTheDocument();
  });

  it('disabled: no Billing request at all', async () => {
    const world = await renderSandboxPanel({ location: 'ticket', ticketId: D.singleMatchTicketId }, { enabled: false });
    // The message renders only once both start-up reads (settings, the agent's role) have answered: the
    // panel's work is done, and it must not have started a single Billing request.
    expect(await screen.findByText('The Zoho Billing integration is disabled.')).toBeInTheDocument();
    expect(world.sim.log.requests.some((r) => String((r as { url?: unknown }).url).includes('/agents/'))).toBe(true);
    expect(billingRequestsMade(world)).toHaveLength(0);
    expect(billingCalls(world)).toHaveLength(0);
  });

  it('disabled while the panel is open: the next ticket shows it and calls nothing', async () => {
    const world = await renderSandboxPanel({ location: 'ticket', ticketId: D.singleMatchTicketId });
    expect(await screen.findByRole('heading', { name: /Bowman/ })).toBeInTheDocument();
    const loaded = await loadSettings(world.host);
    if (!loaded.ok) throw new Error('settings unreadable');
    const saved = await saveSettings(world.host, { ...loaded.value, enabled: false }, loaded.value.version);
    expect(saved.ok).toBe(true);
    world.sandbox.calls.length = 0;
    const from = world.sim.log.requests.length;
    await act(async () => world.sim.emit('ticket_Shift', {}));
    // The message shows once the re-read settings answered (the positive signal); whatever the ticket switch
    // started before that is already in the log, answered or not.
    expect(await screen.findByText('The Zoho Billing integration is disabled.')).toBeInTheDocument();
    expect(billingRequestsMade(world, from)).toHaveLength(0);
    expect(billingCalls(world)).toHaveLength(0);
  });

  it.each([
    [true, /Open the extension's settings in Desk Setup/],
    [false, /Ask your Desk admin to connect Zoho Billing/],
  ])('not authorised (admin=%s): role-specific wording', async (isAdmin, words) => {
    const world = await renderSandboxPanel({ location: 'ticket', ticketId: D.singleMatchTicketId, isAdmin, faults: { notAuthorised: true } });
    expect(await screen.findByText(words)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /Bowman/ })).toBeNull();
    expect(world.sim.faults.notAuthorised).toBe(true);
  });

  it('rate limited: explains it and Retry recovers', async () => {
    const user = userEvent.setup();
    const world = await renderSandboxPanel({ location: 'ticket', ticketId: D.singleMatchTicketId, isAdmin: false });
    world.sandbox.faults.mode = 'rate-limited';
    world.sandbox.faults.retryAfterSeconds = 120;
    await act(async () => world.sim.emit('ticket_Shift', {}));
    // The first answers may still be in flight from before the fault; the new context must fail.
    expect(await screen.findByText(/too many requests/, {}, { timeout: 3000 })).toBeInTheDocument();
    world.sandbox.faults.mode = 'none';
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: /Bowman/ })).toBeInTheDocument();
  });
  it('continuous 429: one read tries 3 times, then no call at all while the agent moves through 12 tickets', async () => {
    // Date is frozen (timers run as usual) and moves only when the cache backs off: the 30 s cool-down outlasts
    // every ticket switch below however slow the machine is, so what is counted is the rule, not the machine's
    // speed; the panel's words read the same clock.
    const start = Date.parse('2026-12-01T09:00:00Z');
    vi.useFakeTimers({ toFake: ['Date'], now: start });
    const world = await renderSandboxPanel({ location: 'ticket', ticketId: D.singleMatchTicketId }, {}, {
      now: () => Date.now(),
      sleep: async (ms) => {
        vi.setSystemTime(Date.now() + ms);
      },
    });
    expect(await screen.findByRole('heading', { name: /Bowman/ })).toBeInTheDocument();
    world.sandbox.faults.mode = 'rate-limited';
    world.sandbox.faults.retryAfterSeconds = null;
    world.sandbox.calls.length = 0;
    const [first, ...others] = world.sandbox.desk.tickets.filter((t) => t.id !== D.singleMatchTicketId).slice(0, 12);
    const openTicket = async (ticketId: string) => {
      world.sim.page = pageForLocation(world.sandbox.desk, 'ticket', { ticketId });
      await act(async () => world.sim.emit('ticket_Shift', {}));
    };
    await openTicket(first!.id);
    expect(await screen.findByText(/too many requests/)).toBeInTheDocument();
    // The read that met the 429s: at most 3 attempts (1 s, then 2 s of back-off between them) before it gave up.
    const spent = billingCalls(world).length;
    expect(spent).toBeGreaterThan(0);
    expect(spent).toBeLessThanOrEqual(3);
    const asked = billingRequestsMade(world).length;
    // The agent keeps moving through tickets while Billing still answers 429 to everything: the cool-down
    // answers every read at once, and Billing is not called again.
    // (Some of them show a customer the cache still holds: its clock has not moved past the answers' freshness.)
    for (const ticket of others) {
      await openTicket(ticket.id);
      await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
    }
    expect(billingRequestsMade(world)).toHaveLength(asked);
    expect(billingCalls(world)).toHaveLength(spent);
    expect(Date.now() - start).toBeLessThan(30_000);
  });

  // Hundreds of rows make role queries slow on a loaded machine; these tests count calls, not time.
  it('activity of a customer with 40 subscriptions stays within a few Billing calls', async () => {
    const user = userEvent.setup();
    const world = await renderSandboxPanel({ location: 'ticket', ticketId: D.manySubscriptionsTicketId });
    await user.click(await screen.findByRole('tab', { name: 'Activity' }));
    expect(await screen.findByText(/Showing the history of the most relevant subscriptions/)).toBeInTheDocument();
    expect(within(screen.getByRole('group', { name: 'Activity' })).getAllByRole('listitem').length).toBeGreaterThan(0);
    const activityCalls = world.sandbox.calls.filter((c) => /recentactivities/i.test(c.path)).length;
    expect(activityCalls).toBeGreaterThan(0);
    expect(activityCalls).toBeLessThanOrEqual(5);
  }, 30_000);

  it('the full history of 40 subscriptions is one click away, and only then fetched', async () => {
    const user = userEvent.setup();
    const world = await renderSandboxPanel({ location: 'ticket', ticketId: D.manySubscriptionsTicketId });
    await user.click(await screen.findByRole('tab', { name: 'Activity' }));
    const before = within(await screen.findByRole('group', { name: 'Activity' })).getAllByRole('listitem').length;
    await user.click(screen.getByRole('button', { name: 'Show the history of every subscription' }));
    await waitFor(() =>
      expect(within(screen.getByRole('group', { name: 'Activity' })).getAllByRole('listitem').length).toBeGreaterThan(before),
    );
    const activityCalls = new Set(world.sandbox.calls.filter((c) => /recentactivities/i.test(c.path)).map((c) => c.path));
    expect(activityCalls.size).toBe(40);
    expect(screen.queryByRole('button', { name: 'Show the history of every subscription' })).not.toBeInTheDocument();
  }, 30_000);
});
