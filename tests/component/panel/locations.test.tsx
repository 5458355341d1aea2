import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { linkKey } from '../../../src/integration/records/customerLinks';
import { HOST } from '../../../src/host/timeWindows';
import { ORG } from './fakeHost';
import { renderPanel, standardBilling, ticketFor } from './scenario';

describe('customer resolution and locations', () => {
  it('ticket: several matches give a picker; the choice is saved and shown as manual', async () => {
    const user = userEvent.setup();
    const { desk } = renderPanel({ ticket: ticketFor('103') });
    const picker = await screen.findByRole('region', { name: 'Choose the Billing customer' });
    expect(within(picker).getByText('2 Billing customers match. Choose the right one.')).toBeInTheDocument();
    await user.click(within(picker).getByRole('button', { name: 'Choose Twin Two' }));
    expect(await screen.findByRole('heading', { name: /Twin Two/ })).toBeInTheDocument();
    expect(screen.getByText('Chosen manually')).toBeInTheDocument();
    await waitFor(() => expect(desk.store.get(linkKey('contact', '103'))).toBeDefined());
    const saved = desk.store.get(linkKey('contact', '103'));
    expect(saved?.group).toBe('link');
    expect(saved?.value).toMatchObject({ customerId: 'c-twin2', method: 'manual', organizationId: ORG.id, deskEntity: 'contact' });
  });

  it('a saved link wins over email matching', async () => {
    const billing = standardBilling();
    const { desk } = renderPanel({ ticket: ticketFor('103'), settings: undefined }, billing);
    // Simulate a link saved earlier, before the panel reads it.
    desk.store.set(linkKey('contact', '103'), {
      key: linkKey('contact', '103'),
      group: 'link',
      value: { deskEntity: 'contact', deskId: '103', customerId: 'c-twin1', organizationId: ORG.id, method: 'manual', linkedAt: '2026-11-01T00:00:00Z', linkedBy: null },
    });
    act(() => desk.emit('ticketChanged', {}));
    expect(await screen.findByRole('heading', { name: /Twin One/ })).toBeInTheDocument();
    expect(screen.getByText('Matched by saved link')).toBeInTheDocument();
  });

  it('none: says so, and the search box finds and links a customer', async () => {
    const user = userEvent.setup();
    const { desk, billing } = renderPanel({ ticket: ticketFor('104') });
    expect(await screen.findByText('No Billing customer for Nobody Known')).toBeInTheDocument();
    // The built-in create form is offered (tests/component/panel/wiring.test.tsx creates one).
    expect(screen.getByRole('button', { name: 'Create customer' })).toBeInTheDocument();
    const box = screen.getByRole('searchbox', { name: 'Search Billing customers' });
    await user.clear(box);
    await user.type(box, 'globex{Enter}');
    const results = await screen.findByRole('list', { name: 'Search results' });
    expect(billing.calls.some((c) => c.name === 'searchCustomers' && c.args[0] === 'globex')).toBe(true);
    await user.click(within(results).getByRole('button', { name: 'Choose Globex billing' }));
    expect(await screen.findByRole('heading', { name: /Globex billing/ })).toBeInTheDocument();
    await waitFor(() => expect(desk.store.get(linkKey('contact', '104'))?.value).toMatchObject({ customerId: 'c-globex' }));
  });

  it('contact page: resolves the page contact', async () => {
    renderPanel({ kind: 'contact', pageContactId: '102' });
    expect(await screen.findByRole('heading', { name: /Bob Builder/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'This ticket' })).toBeNull();
  });

  it('account page: matches the account name against the customer company', async () => {
    const { billing } = renderPanel({ kind: 'account', pageAccountId: 'acc-globex' });
    expect(await screen.findByRole('heading', { name: /Globex billing/ })).toBeInTheDocument();
    expect(screen.getByText('Matched by company name')).toBeInTheDocument();
    expect(billing.calls.some((c) => c.name === 'findCustomersByEmail' && c.args[0] === 'gina@globex-desk.test')).toBe(true);
  });

  it("account page: matches through the account's contacts' emails", async () => {
    renderPanel({ kind: 'account', pageAccountId: 'acc-acme' });
    expect(await screen.findByRole('heading', { name: /Ada Lovelace/ })).toBeInTheDocument();
  });

  it('add-ticket form: nothing yet, then follows the contact typed in (poll)', async () => {
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { desk } = renderPanel({
        kind: 'ticketForm',
        form: { contactId: null, accountId: null, email: null, contactName: null, accountName: null },
      });
      expect(await screen.findByText(/Enter a contact, account or email/)).toBeInTheDocument();
      desk.world.form = { contactId: '102', accountId: null, email: null, contactName: 'Bob Builder', accountName: null };
      await act(async () => {
        vi.advanceTimersByTime(HOST.formPollMs + 10);
      });
      expect(await screen.findByRole('heading', { name: /Bob Builder/ })).toBeInTheDocument();
      desk.world.form = { contactId: null, accountId: null, email: 'taro@yamada.test', contactName: null, accountName: null };
      await user.click(screen.getByRole('button', { name: 'Refresh' }));
      expect(await screen.findByRole('heading', { name: /山田 太郎/ })).toBeInTheDocument();
      desk.world.form = { contactId: '101', accountId: null, email: null, contactName: null, accountName: null };
      act(() => desk.emit('formChanged', {}));
      expect(await screen.findByRole('heading', { name: /Ada Lovelace/ })).toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });

  it('a slow answer for the previous ticket never overwrites the new one', async () => {
    const billing = standardBilling();
    let releaseAda: () => void = () => undefined;
    const adaHeld = new Promise<void>((r) => (releaseAda = r));
    billing.before = (name, args) => (name === 'findCustomersByEmail' && String(args[0]).includes('ada') ? adaHeld : undefined);
    const { desk } = renderPanel({ ticket: ticketFor('101', '1') }, billing);
    expect(await screen.findByText('Finding the Billing customer…')).toBeInTheDocument();
    desk.world.ticket = ticketFor('102', '2');
    act(() => desk.emit('ticketChanged', {}));
    expect(await screen.findByRole('heading', { name: /Bob Builder/ })).toBeInTheDocument();
    await act(async () => {
      releaseAda();
      await adaHeld;
    });
    // Positive signal that Ada's late answer has been through the panel: later work (the same ticket
    // re-read) has finished and rebuilt the view; Ada must not have appeared at any point since.
    const heading = screen.getByRole('heading', { name: /Bob Builder/ });
    expect(screen.queryByText('Ada Lovelace')).toBeNull();
    act(() => desk.emit('ticketChanged', {}));
    await waitFor(() => expect(screen.getByRole('heading', { name: /Bob Builder/ })).not.toBe(heading));
    expect(screen.queryByText('Ada Lovelace')).toBeNull();
  });
  it('"Change" lets the agent search for and link another customer', async () => {
    const user = userEvent.setup();
    const { desk } = renderPanel({ ticket: ticketFor('102') });
    await screen.findByRole('heading', { name: /Bob Builder/ });
    await user.click(screen.getByRole('button', { name: 'Change' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search Billing customers' }), 'acme{Enter}');
    await user.click(await screen.findByRole('button', { name: 'Choose Ada Lovelace' }));
    expect(await screen.findByRole('heading', { name: /Ada Lovelace/ })).toBeInTheDocument();
    expect(screen.getByText('Chosen manually')).toBeInTheDocument();
    await waitFor(() => expect(desk.store.get(linkKey('contact', '102'))?.value).toMatchObject({ customerId: 'c-ada' }));
  });

  it('account page with no counterpart says what was searched', async () => {
    renderPanel({ kind: 'account', pageAccountId: 'acc-empty' });
    expect(await screen.findByText('No Billing customer for Unknown Org')).toBeInTheDocument();
    expect(screen.getByText('Searched for: Unknown Org')).toBeInTheDocument();
  });
});
