/** Issue 11 "Words" and "Subscriptions (B5)": what an agent reads in the strip, Overview, picker and Subscriptions tab. */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeBilling, customer, subscription } from './fakeBilling';
import { renderPanel, ticketFor } from './scenario';

describe('the amount a customer owes has one name, and it is not "credit"', () => {
  it.each([
    ['en', 'Outstanding', /credit balance/i],
    ['ja', '未払い残高', /クレジット残高/],
  ])('%s: the strip says %s; nothing calls it credit', async (locale, label, wrong) => {
    renderPanel({ ticket: ticketFor('101'), locale });
    const strip = await screen.findByRole('list', { name: locale === 'en' ? 'At a glance' : '概況' });
    expect(within(strip).getByText(label)).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(wrong);
  });

  it.each([
    ['en', 'Outstanding', /credit balance/i],
    ['ja', '未払い残高', /クレジット残高/],
  ])('%s: the picker (two customers share one email) says %s too', async (locale, label, wrong) => {
    renderPanel({ ticket: ticketFor('103'), locale });
    const picker = await screen.findByRole('region', { name: locale === 'en' ? 'Choose the Billing customer' : 'Billing の顧客を選択' });
    expect(within(picker).getAllByText(new RegExp(`^${label}`))).toHaveLength(2);
    expect(document.body.textContent).not.toMatch(wrong);
  });

  it('Overview does not repeat the strip: the balances are shown once', async () => {
    renderPanel({ ticket: ticketFor('101') });
    const strip = await screen.findByRole('list', { name: 'At a glance' });
    expect(within(strip).getByText('$120.50')).toBeInTheDocument();
    expect(within(strip).getByText('$25.00')).toBeInTheDocument();
    const overview = screen.getByRole('tabpanel');
    expect(await within(overview).findByText('1 Main St')).toBeInTheDocument();
    expect(within(overview).queryByText('$120.50')).toBeNull();
    expect(within(overview).queryByText('$25.00')).toBeNull();
    expect(within(overview).queryByText('Unused credits')).toBeNull();
    expect(screen.getAllByText('$120.50')).toHaveLength(1);
  });
});

function subscriptionWorld() {
  return createFakeBilling({
    customers: [customer('c-ada', 'Ada Lovelace', 'ada@acme.test')],
    // Billing's own order (oldest first): ended ones come before running ones.
    subscriptions: [
      subscription('s-old', 'c-ada', {
        planName: 'Old plan', status: 'cancelled', cancelledAt: '2026-06-15', nextBillingAt: '2026-07-01',
        currentTermStartsAt: '2026-06-01', currentTermEndsAt: '2026-06-30', remainingBillingCycles: -1,
      }),
      subscription('s-exp', 'c-ada', { planName: 'Trial plan', status: 'trial_expired', expiresAt: '2026-03-01', nextBillingAt: null }),
      subscription('s-fut', 'c-ada', { planName: 'Future plan', status: 'future', nextBillingAt: '2027-01-01' }),
      subscription('s-nr', 'c-ada', { planName: 'Leaving plan', status: 'non_renewing', expiresAt: '2026-12-31', endOfTerm: true }),
      subscription('s-dun', 'c-ada', { planName: 'Dunning plan', status: 'dunning' }),
      subscription('s-live', 'c-ada', { planName: 'Live plan', status: 'live' }),
      subscription('s-trial', 'c-ada', { planName: 'Trying plan', status: 'trial' }),
    ],
  });
}

describe('Subscriptions (B5): running and needing attention first, ended last, and an ended one never renews', () => {
  it('orders the list live, trial, dunning, non-renewing, future, then ended ones', async () => {
    const user = userEvent.setup();
    renderPanel({ ticket: ticketFor('101') }, subscriptionWorld());
    await user.click(await screen.findByRole('tab', { name: 'Subscriptions' }));
    const list = await screen.findByRole('list', { name: 'Subscriptions' });
    const names = within(list)
      .getAllByRole('button')
      .map((b) => b.getAttribute('aria-label'));
    expect(names).toEqual([
      'Open subscription Live plan',
      'Open subscription Trying plan',
      'Open subscription Dunning plan',
      'Open subscription Leaving plan',
      'Open subscription Future plan',
      'Open subscription Old plan',
      'Open subscription Trial plan',
    ]);
    // The row says it; its control is the plan's name.
    const row = (name: string) => within(list).getByRole('button', { name: `Open subscription ${name}` }).closest('li')!;
    expect(row('Old plan')).toHaveTextContent('Ended Jun 15, 2026');
    expect(row('Old plan')).not.toHaveTextContent(/Next billing/);
    expect(row('Trial plan')).toHaveTextContent('Trial expired');
    expect(row('Trial plan')).toHaveTextContent('Ended Mar 1, 2026');
    expect(row('Leaving plan')).toHaveTextContent('Ends Dec 31, 2026');
    expect(row('Live plan')).toHaveTextContent('Next billing Dec 1, 2026');
  });

  it('a cancelled subscription says when it ended and never that it renews', async () => {
    const user = userEvent.setup();
    renderPanel({ ticket: ticketFor('101') }, subscriptionWorld());
    await user.click(await screen.findByRole('tab', { name: 'Subscriptions' }));
    await user.click(await screen.findByRole('button', { name: 'Open subscription Old plan' }));
    const detail = await screen.findByRole('region', { name: 'Subscription Old plan' });
    expect(detail).not.toHaveTextContent(/renews/);
    expect(within(detail).getByText('Last term')).toBeInTheDocument();
    expect(within(detail).getByText(/Ended Jun 15, 2026 · does not renew/)).toBeInTheDocument();
  });

  it('Japanese: the same order and the end in Japanese', async () => {
    const user = userEvent.setup();
    renderPanel({ ticket: ticketFor('101'), locale: 'ja' }, subscriptionWorld());
    await user.click(await screen.findByRole('tab', { name: 'サブスクリプション' }));
    const old = await screen.findByRole('button', { name: 'サブスクリプション Old plan を開く' });
    expect(old.closest('li')).toHaveTextContent('2026年6月15日に終了');
    expect(screen.getByRole('button', { name: 'サブスクリプション Trial plan を開く' }).closest('li')).toHaveTextContent('トライアル期限切れ');
    await user.click(old);
    const detail = await screen.findByRole('region', { name: 'サブスクリプション Old plan' });
    expect(detail).not.toHaveTextContent(/自動更新/);
    expect(within(detail).getByText(/更新されません/)).toBeInTheDocument();
  });
});
