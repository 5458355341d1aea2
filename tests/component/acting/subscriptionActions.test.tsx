import { screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DESK_FIXTURES as D } from '../../../src/sandbox/desk/deskFixtures';
import { addDays } from '../../../src/billing/actionBodies';
import { createI18n } from '../../../src/i18n/i18n';
import { todayIn } from '../../../src/integration/writes/writeGuard';
import { renderSandboxPanel } from '../panel/sandboxHarness';

/** Bowman's live subscription (renews 2026-12-05, card on file) and its non-renewing one. */
const LIVE = '2468013000000100005';
const NON_RENEWING = '2468013000000100065';

type World = Awaited<ReturnType<typeof renderSandboxPanel>>;

function subscription(world: World, id: string) {
  return world.sandbox.dataset.subscriptions.find((s) => s.subscription_id === id)!;
}

async function openSubscription(user: ReturnType<typeof userEvent.setup>, world: World, id: string) {
  await user.click(await screen.findByRole('tab', { name: 'Subscriptions' }));
  const plan = subscription(world, id).plan_name;
  const buttons = await screen.findAllByRole('button', { name: `Open subscription ${plan}` });
  // Several subscriptions may share a plan name: the detail is checked by its number below.
  for (const button of buttons) {
    await user.click(button);
    const region = await screen.findByRole('region', { name: /^Subscription / });
    if (within(region).queryByText(subscription(world, id).subscription_number)) return region;
    await user.click(within(region).getByRole('button', { name: /All subscriptions/ }));
  }
  throw new Error(`no detail for ${id}`);
}

const posts = (world: World, tail: string) => world.sandbox.calls.filter((c) => c.method === 'POST' && c.path.endsWith(tail));

describe('cancel a subscription from the ticket', () => {
  it('an admin cancels at the end of the term: confirmation in plain words, one POST, a private comment, the detail re-read', async () => {
    const user = userEvent.setup();
    const confirms: unknown[] = [];
    const world = await renderSandboxPanel({ location: 'ticket', confirmAnswer: async (o) => (confirms.push(o), true) });
    const live = subscription(world, LIVE);
    const detail = await openSubscription(user, world, LIVE);
    await user.click(await within(detail).findByRole('button', { name: 'Cancel subscription' }));
    const form = await screen.findByRole('form', { name: `Cancel ${live.plan_name}` });
    expect(within(form).getByRole('radio', { name: /At the end of the current term/ })).toBeChecked();
    expect(within(form).getByText('Nothing is refunded by cancelling.')).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Continue' }));

    expect(await screen.findByText(/^Cancelled: .* will not renew\. Nothing was refunded\./)).toBeInTheDocument();
    const popup = JSON.stringify(confirms[0]);
    expect(popup).toContain('Bowman Furniture');
    expect(popup).toContain('matched by e-mail only');
    expect(popup).toContain('Nothing is refunded by cancelling.');
    expect(posts(world, '/cancel')).toHaveLength(1);
    expect(posts(world, '/cancel')[0]!.url).toContain('cancel_at_end=true');
    expect(live.status).toBe('non_renewing');
    expect(world.sandbox.desk.comments).toEqual([
      expect.objectContaining({
        ticketId: D.singleMatchTicketId,
        isPublic: false,
        contentType: 'plainText',
        content: expect.stringMatching(/^\[Zoho Billing\] Cancelled: .*Customer: Bowman Furniture\. By /),
      }),
    ]);
    expect(screen.getByText('Recorded as a private comment on the ticket.')).toBeInTheDocument();
    // The detail was read again: it no longer renews, so Reactivate is offered.
    await waitFor(() => expect(within(screen.getByRole('region', { name: /^Subscription / })).getByRole('button', { name: 'Reactivate' })).toBeInTheDocument());
  });

  it('a double click sends one cancel', async () => {
    const user = userEvent.setup();
    const world = await renderSandboxPanel({ location: 'ticket' });
    const detail = await openSubscription(user, world, LIVE);
    await user.click(await within(detail).findByRole('button', { name: 'Cancel subscription' }));
    const button = within(await screen.findByRole('form', { name: /^Cancel / })).getByRole('button', { name: 'Continue' });
    await user.dblClick(button);
    await screen.findByText(/^Cancelled: /);
    expect(posts(world, '/cancel')).toHaveLength(1);
    expect(world.sandbox.desk.comments).toHaveLength(1);
  });

  it('with a required churn reason the agent must pick one; it goes to Billing as a note on the subscription', async () => {
    const user = userEvent.setup();
    const world = await renderSandboxPanel({ location: 'ticket' });
    world.sandbox.faults.actions = { churnReasons: 'required' };
    const detail = await openSubscription(user, world, LIVE);
    await user.click(await within(detail).findByRole('button', { name: 'Cancel subscription' }));
    const form = await screen.findByRole('form', { name: /^Cancel / });
    const select = await within(form).findByRole('combobox', { name: /your organization requires one/ });
    await user.click(within(form).getByRole('button', { name: 'Continue' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Choose a reason');
    expect(posts(world, '/cancel')).toHaveLength(0);
    await user.selectOptions(select, 'Too expensive');
    await user.click(within(form).getByRole('button', { name: 'Continue' }));
    await screen.findByText(/^Cancelled: /);
    expect(world.sandbox.dataset.subscriptionNotes?.[LIVE]).toEqual([expect.objectContaining({ description: 'Cancellation reason: Too expensive' })]);
  });

  it('a plain agent is not offered the actions until an admin allows the Agent profile, and is told whom to ask', async () => {
    const user = userEvent.setup();
    const world = await renderSandboxPanel({ location: 'ticket', isAdmin: false }, { updatedBy: { id: 'x', name: 'Priya Raman' } });
    const detail = await openSubscription(user, world, LIVE);
    expect(within(detail).queryByRole('button', { name: 'Cancel subscription' })).not.toBeInTheDocument();
    expect(await within(detail).findByRole('note')).toHaveTextContent(
      "Subscription changes is not available to your Desk profile (Agent). Ask Priya Raman or another Desk administrator to allow it in the extension's settings.",
    );
    expect(world.sandbox.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('once the Agent profile is allowed, a plain agent may act', async () => {
    const user = userEvent.setup();
    const world = await renderSandboxPanel({ location: 'ticket', isAdmin: false }, { actionAccess: { payment: [], subscription: ['1892000000006701'] } });
    const detail = await openSubscription(user, world, LIVE);
    await user.click(await within(detail).findByRole('button', { name: 'Postpone renewal' }));
    await user.click(within(await screen.findByRole('form', { name: /^Postpone/ })).getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText(/^Postponed: /)).toBeInTheDocument();
  });

  it('Reactivate is offered only on a non-renewing subscription, which cannot be ended at the term again', async () => {
    const user = userEvent.setup();
    const world = await renderSandboxPanel({ location: 'ticket' });
    const nonRenewing = subscription(world, NON_RENEWING);
    const detail = await openSubscription(user, world, NON_RENEWING);
    await user.click(await within(detail).findByRole('button', { name: 'Cancel subscription' }));
    const form = await screen.findByRole('form', { name: /^Cancel / });
    expect(within(form).queryByRole('radio', { name: /At the end of the current term/ })).not.toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Back' }));
    await user.click(within(screen.getByRole('region', { name: /^Subscription / })).getByRole('button', { name: 'Reactivate' }));
    expect(await screen.findByText(/^Reactivated: /)).toBeInTheDocument();
    expect(nonRenewing.status).toBe('live');
    expect(posts(world, '/reactivate')).toHaveLength(1);
  });

  it('a failing comment leaves the result standing, and "Add the comment again" adds it', async () => {
    const user = userEvent.setup();
    const world = await renderSandboxPanel({ location: 'ticket' });
    world.sandbox.desk.commentsFail = true;
    const detail = await openSubscription(user, world, LIVE);
    await user.click(await within(detail).findByRole('button', { name: 'Cancel subscription' }));
    await user.click(within(await screen.findByRole('form', { name: /^Cancel / })).getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText(/^Cancelled: /)).toBeInTheDocument();
    expect(screen.getByText('The action is done, but the private comment could not be added to the ticket.')).toBeInTheDocument();
    expect(world.sandbox.desk.comments).toHaveLength(0);
    world.sandbox.desk.commentsFail = false;
    await user.click(screen.getByRole('button', { name: 'Add the comment again' }));
    expect(await screen.findByText('Recorded as a private comment on the ticket.')).toBeInTheDocument();
    expect(world.sandbox.desk.comments).toHaveLength(1);
    expect(posts(world, '/cancel')).toHaveLength(1);
  });
});

describe('postpone', () => {
  it('moves the renewal forward only, within the picker’s bounds, and says the new date', async () => {
    const user = userEvent.setup();
    const world = await renderSandboxPanel({ location: 'ticket' });
    const live = subscription(world, LIVE);
    const detail = await openSubscription(user, world, LIVE);
    await user.click(await within(detail).findByRole('button', { name: 'Postpone renewal' }));
    const form = await screen.findByRole('form', { name: /^Postpone the renewal/ });
    const input = within(form).getByLabelText('New renewal date') as HTMLInputElement;
    // Forward only: after the current renewal (Dec 5) and never before tomorrow; at most a year past it.
    const tomorrow = addDays(todayIn(world.host.context().user.timeZone), 1);
    const min = tomorrow > '2026-12-06' ? tomorrow : '2026-12-06';
    expect(input.min).toBe(min);
    expect(input.max).toBe('2027-12-05');
    const target = addDays(min, 14);
    await user.clear(input);
    await user.type(input, '2026-12-01');
    await user.click(within(form).getByRole('button', { name: 'Continue' }));
    expect(within(form).getByRole('alert')).toHaveTextContent(/Choose a date from/);
    expect(posts(world, '/postpone')).toHaveLength(0);
    await user.clear(input);
    await user.type(input, target);
    await user.click(within(form).getByRole('button', { name: 'Continue' }));
    const date = createI18n('en', 'UTC').date(target);
    expect(await screen.findByText(`Postponed: the next renewal of ${live.plan_name} (${live.subscription_number}) is on ${date}.`)).toBeInTheDocument();
    expect(live.next_billing_at).toBe(target);
  });
});
