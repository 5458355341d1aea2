import type { InvoiceSummary, Subscription, SubscriptionDetail, Transaction } from '../../../src/billing/types';
import { cardValidThrough, detectProblems, type ProblemFacts } from '../../../src/panel/problems';
import { FIXES, fixFor } from '../../../src/panel/problemFixes';

const TODAY = '2026-11-27';

function sub(over: Partial<Subscription> = {}): Subscription {
  return {
    id: 's1', number: 'SUB-1', name: 'Cloud-Pro', planName: 'Pro', planCode: 'pro', status: 'live', amount: 100, currencyCode: 'USD',
    interval: 1, intervalUnit: 'months', activatedAt: '2026-01-01', createdAt: '2026-01-01', currentTermStartsAt: '2026-11-10',
    currentTermEndsAt: '2026-12-10', nextBillingAt: '2026-12-10', lastBillingAt: '2026-11-10', expiresAt: null, cancelledAt: null,
    autoCollect: true, createdTime: null, ...over,
  };
}

function inv(over: Partial<InvoiceSummary> = {}): InvoiceSummary {
  return {
    id: 'i1', number: 'INV-1', status: 'sent', date: '2026-11-20', dueDate: '2026-12-05', total: 50, balance: 50, currencyCode: 'USD',
    customerId: 'c1', referenceNumber: null, transactionType: null, ...over,
  };
}

function detail(over: Partial<SubscriptionDetail> = {}, card: SubscriptionDetail['card'] = { lastFour: '4242', gateway: 'stripe', expiryMonth: 11, expiryYear: 2026 }): SubscriptionDetail {
  return {
    ...sub(), plan: null, addons: [], couponCode: '', couponDiscount: null, remainingBillingCycles: -1, endOfTerm: false, card,
    paymentTermsLabel: '', customerId: 'c1', ...over,
  };
}

function payment(date: string, status = 'failure', id = 't1'): Transaction {
  return { id, type: 'payment', date, amount: 100, status, referenceId: 'r', currencyCode: null };
}

const facts = (over: Partial<ProblemFacts>): ProblemFacts => ({ today: TODAY, subscriptions: [], invoices: [], ...over });
const kinds = (over: Partial<ProblemFacts>) => detectProblems(facts(over)).map((p) => p.kind);

describe('detectProblems: each kind', () => {
  it('nothing wrong: no problem', () => {
    expect(detectProblems(facts({ subscriptions: [sub()], invoices: [inv({ status: 'paid', balance: 0 })] }))).toEqual([]);
  });

  it('a failed payment counts for 30 days (day 30 in, day 31 out), in the customer currency, newest first', () => {
    expect(kinds({ transactions: [payment('2026-10-28')] })).toEqual(['paymentFailed']);
    expect(kinds({ transactions: [payment('2026-10-27')] })).toEqual([]);
    expect(kinds({ transactions: [payment(TODAY)] })).toEqual(['paymentFailed']);
    // A successful payment and a failed invoice row are not failed payments.
    expect(kinds({ transactions: [payment('2026-11-20', 'success'), { ...payment('2026-11-20'), type: 'invoice' }] })).toEqual([]);
    const [first, second] = detectProblems(facts({ currencyCode: 'JPY', transactions: [payment('2026-11-01', 'failure', 'old'), payment('2026-11-20', 'failed', 'new')] }));
    expect(first).toMatchObject({ kind: 'paymentFailed', date: '2026-11-20', amount: 100, currencyCode: 'JPY', reason: null });
    expect(second).toMatchObject({ kind: 'paymentFailed', date: '2026-11-01' });
  });

  it('dunning and unpaid subscriptions, with the invoice to pay', () => {
    const owed = inv({ status: 'overdue', dueDate: '2026-11-20' });
    const found = detectProblems(facts({ subscriptions: [sub({ id: 'a', status: 'dunning' }), sub({ id: 'b', status: 'unpaid' })], invoices: [owed] }));
    expect(found.map((p) => p.kind)).toEqual(['dunning', 'dunning', 'overdue']);
    expect(found[0]).toMatchObject({ subscription: { id: 'a' }, invoice: { id: 'i1' } });
    expect(found[1]).toMatchObject({ subscription: { status: 'unpaid' } });
  });

  it('card: expired, or valid only until before the next renewal (the last day of its month still counts)', () => {
    // Valid through 2026-11-30; renews 2026-12-10: expires before the renewal.
    expect(detectProblems(facts({ subscriptions: [sub()], details: [detail()] }))[0]).toMatchObject({
      kind: 'card', lastFour: '4242', validThrough: '2026-11-30', expired: false, renewsOn: '2026-12-10',
    });
    // Renewal on the card's last valid day: fine; the day after: not.
    expect(kinds({ subscriptions: [sub({ nextBillingAt: '2026-11-30' })], details: [detail()] })).toEqual([]);
    expect(kinds({ subscriptions: [sub({ nextBillingAt: '2026-12-01' })], details: [detail()] })).toEqual(['card']);
    // Already expired (October 2026).
    expect(detectProblems(facts({ subscriptions: [sub()], details: [detail({}, { lastFour: '1881', gateway: '', expiryMonth: 10, expiryYear: 2026 })] }))[0]).toMatchObject({ expired: true });
    // Valid well past the renewal.
    expect(kinds({ subscriptions: [sub()], details: [detail({}, { lastFour: '1', gateway: '', expiryMonth: 1, expiryYear: 2027 })] })).toEqual([]);
  });

  it('card: only where the card will be charged, and only from a detail the panel holds', () => {
    expect(kinds({ subscriptions: [sub()] })).toEqual([]);
    expect(kinds({ subscriptions: [sub({ status: 'cancelled' })], details: [detail()] })).toEqual([]);
    expect(kinds({ subscriptions: [sub({ status: 'non_renewing', currentTermEndsAt: '2027-03-01' })], details: [detail()] })).toEqual([]);
    expect(kinds({ subscriptions: [sub({ autoCollect: false })], details: [detail()] })).toEqual([]);
    expect(kinds({ subscriptions: [sub()], details: [detail({}, null)] })).toEqual([]);
  });

  it('overdue: status overdue, or payable past its due date; longest overdue first', () => {
    const found = detectProblems(facts({ invoices: [inv({ id: 'a', number: 'A', status: 'sent', dueDate: '2026-11-26' }), inv({ id: 'b', number: 'B', status: 'overdue', dueDate: '2026-10-28' })] }));
    expect(found.map((p) => [p.kind, p.kind === 'overdue' ? p.daysOverdue : null])).toEqual([['overdue', 30], ['overdue', 1]]);
    // Due today is not late; paid, void and draft are never overdue.
    expect(kinds({ invoices: [inv({ dueDate: TODAY })] })).toEqual([]);
    expect(kinds({ invoices: [inv({ status: 'paid', balance: 0, dueDate: '2026-10-01' }), inv({ id: 'v', status: 'void', dueDate: '2026-10-01' }), inv({ id: 'd', status: 'draft', dueDate: '2026-10-01' })] })).toEqual([]);
    // Billing says overdue without a due date: still overdue, days unknown.
    expect(detectProblems(facts({ invoices: [inv({ status: 'overdue', dueDate: null })] }))[0]).toMatchObject({ kind: 'overdue', daysOverdue: null });
  });

  it('trial ending within 7 days (day 7 in, day 8 out), at the first billing', () => {
    expect(detectProblems(facts({ subscriptions: [sub({ status: 'trial', nextBillingAt: '2026-12-04' })] }))[0]).toMatchObject({ kind: 'trialEnding', days: 7, endsOn: '2026-12-04' });
    expect(kinds({ subscriptions: [sub({ status: 'trial', nextBillingAt: '2026-12-05' })] })).toEqual([]);
    expect(detectProblems(facts({ subscriptions: [sub({ status: 'trial', nextBillingAt: TODAY })] }))[0]).toMatchObject({ days: 0 });
    // Without a next billing date, the term's end.
    expect(kinds({ subscriptions: [sub({ status: 'trial', nextBillingAt: null, currentTermEndsAt: '2026-11-30' })] })).toEqual(['trialEnding']);
    // A live subscription renewing in 3 days is not a problem.
    expect(kinds({ subscriptions: [sub({ nextBillingAt: '2026-11-30' })] })).toEqual([]);
  });

  it('non-renewing ending within 14 days (day 14 in, day 15 out)', () => {
    expect(detectProblems(facts({ subscriptions: [sub({ status: 'non_renewing', currentTermEndsAt: '2026-12-11' })] }))[0]).toMatchObject({ kind: 'ending', days: 14 });
    expect(kinds({ subscriptions: [sub({ status: 'non_renewing', currentTermEndsAt: '2026-12-12' })] })).toEqual([]);
    expect(kinds({ subscriptions: [sub({ status: 'non_renewing', currentTermEndsAt: null, expiresAt: '2026-12-01' })] })).toEqual(['ending']);
    // Already past: not "ending".
    expect(kinds({ subscriptions: [sub({ status: 'non_renewing', currentTermEndsAt: '2026-11-26' })] })).toEqual([]);
  });
});

describe('detectProblems: urgency order', () => {
  it('failed payment, dunning, card, overdue, trial, non-renewing — whatever order the rows came in', () => {
    const found = kinds({
      subscriptions: [
        sub({ id: 'n', status: 'non_renewing', currentTermEndsAt: '2026-12-01' }),
        sub({ id: 't', status: 'trial', nextBillingAt: '2026-11-29' }),
        sub({ id: 'c' }),
        sub({ id: 'd', status: 'dunning' }),
      ],
      invoices: [inv({ status: 'overdue', dueDate: '2026-11-01' })],
      details: [detail({ id: 'c' })],
      transactions: [payment('2026-11-25')],
    });
    expect(found).toEqual(['paymentFailed', 'dunning', 'card', 'overdue', 'trialEnding', 'ending']);
  });

  it('within a kind, the soonest ending first', () => {
    const found = detectProblems(facts({ subscriptions: [sub({ id: 'late', status: 'non_renewing', currentTermEndsAt: '2026-12-09' }), sub({ id: 'soon', status: 'non_renewing', currentTermEndsAt: '2026-11-28' })] }));
    expect(found.map((p) => p.key)).toEqual(['ending:soon', 'ending:late']);
  });
});

describe('cardValidThrough', () => {
  it('is the last day of the expiry month, leap years and two-digit years included', () => {
    expect(cardValidThrough(2, 2028)).toBe('2028-02-29');
    expect(cardValidThrough(12, 27)).toBe('2027-12-31');
    expect(cardValidThrough(13, 2027)).toBeNull();
    expect(cardValidThrough(null, 2027)).toBeNull();
  });
});

describe('FIXES: one entry per kind', () => {
  const owed = inv({ status: 'overdue', dueDate: '2026-11-01' });
  it('an invoice to pay: the payment link into the reply on a ticket, the invoice elsewhere', () => {
    const [overdue] = detectProblems(facts({ invoices: [owed] }));
    expect(fixFor(overdue!, { canInsert: true })).toEqual({ kind: 'insertLink', invoice: owed });
    expect(fixFor(overdue!, { canInsert: false })).toEqual({ kind: 'openInvoice', invoice: owed });
  });

  it('a subscription problem without an invoice to pay opens the subscription', () => {
    const dunning = sub({ status: 'dunning' });
    for (const problem of detectProblems(facts({ subscriptions: [dunning, sub({ id: 't', status: 'trial', nextBillingAt: '2026-11-28' })] }))) {
      expect(fixFor(problem, { canInsert: true })).toMatchObject({ kind: 'openSubscription' });
    }
  });

  it('a failed payment with nothing left to pay offers no fix', () => {
    const [failed] = detectProblems(facts({ transactions: [payment('2026-11-25')] }));
    expect(fixFor(failed!, { canInsert: true })).toBeNull();
    expect(Object.keys(FIXES).sort()).toEqual(['card', 'dunning', 'ending', 'overdue', 'paymentFailed', 'trialEnding']);
  });
});
