import { describe, expect, it } from 'vitest';
import type { BillingApi, InvoiceSummary, Subscription, Transaction } from '../../../src/billing/types';
import type { BillingReader, Fetched } from '../../../src/integration/cache/billingCacheTypes';
import { loadTimeline, mergeEvents, quickTimeline, type TimelineEvent } from '../../../src/panel/activity';
import { createFakeBilling, customer } from '../../component/panel/fakeBilling';
import { amountIn, dateIn, readActivity } from '../../../src/panel/activityText';

describe("reading Billing's activity sentences", () => {
  it.each([
    ['Invoice created - INV-000241', 'invoice', { invoiceNumber: 'INV-000241' }],
    ['Payment of $107.00 received', 'payment', { amount: 107 }],
    ['Payment of ¥75,000 received', 'payment', { amount: 75000 }],
    ['Payment of €1.234,50 declined - retry scheduled', 'paymentDeclined', { amount: 1234.5 }],
    ['Trial started - ends on 2026-12-01', 'trialStarted', { onDate: '2026-12-01' }],
    ['Subscription marked to be cancelled on 31 Jan 2027', 'cancelScheduled', { onDate: '2027-01-31' }],
    ['Subscription cancelled after failed payment retries', 'cancelledDunning', {}],
    ['Subscription canceled', 'cancelled', {}],
    ['Subscription paused - resumes on Dec 1, 2026', 'paused', { onDate: '2026-12-01' }],
    ['Note added: call back Monday', 'note', {}],
    ['Something Billing says that we do not know', 'other', {}],
  ])('%s → %s', (text, kind, facts) => {
    expect(readActivity(text)).toMatchObject({ kind, ...facts });
  });

  it('never takes an internal id for an invoice number', () => {
    expect(readActivity('Invoice created - 2468013000000079426').invoiceNumber).toBeNull();
  });

  it('reads amounts only when they are unambiguous', () => {
    expect(amountIn('$1,234.50')).toBe(1234.5);
    expect(amountIn('1 234,50 EUR')).toBe(1234.5);
    expect(amountIn('Rs.1,23,456.00')).toBe(123456);
    expect(amountIn('-$5.00')).toBe(-5);
    expect(amountIn('no amount')).toBeNull();
    expect(dateIn('someday')).toBeNull();
  });
});

const sub: Subscription = {
  id: 's1', number: 'SUB-1', name: 'Cloud-Pro', planName: 'Pro', planCode: 'pro', status: 'live', amount: 107, currencyCode: 'USD',
  interval: 1, intervalUnit: 'months', activatedAt: '2025-01-05', createdAt: '2025-01-05', currentTermStartsAt: null,
  currentTermEndsAt: null, nextBillingAt: null, lastBillingAt: null, expiresAt: null, cancelledAt: null, autoCollect: true, createdTime: null,
};
const inv: InvoiceSummary = {
  id: '2468013000000079426', number: 'INV-000241', status: 'paid', date: '2025-03-05', dueDate: '2025-03-05', total: 107,
  balance: 0, currencyCode: 'USD', customerId: 'c1', referenceNumber: null, transactionType: 'renewal',
};

function activity(kind: TimelineEvent['kind'], at: string, facts: Partial<TimelineEvent>): TimelineEvent {
  return {
    key: `a:${kind}:${at}`, sortAt: new Date(at).toISOString(), at, date: at.slice(0, 10), kind, invoiceNumber: null, amount: null,
    currencyCode: 'USD', status: null, onDate: null, otherType: null, billingText: `text of ${kind}`, by: 'Zoho Billing',
    subscription: { id: 's1', name: 'Pro' }, opens: { kind: 'subscription', id: 's1' }, ...facts,
  };
}
function money(kind: TimelineEvent['kind'], date: string, amount: number, facts: Partial<TimelineEvent> = {}): TimelineEvent {
  return {
    key: `t:${kind}:${date}`, sortAt: `${date}T00:00:00.000Z`, at: null, date, kind, invoiceNumber: null, amount, currencyCode: 'USD',
    status: 'success', onDate: null, otherType: null, billingText: null, by: null, subscription: null, opens: null, ...facts,
  };
}

describe('one row per real event', () => {
  it('a payment told as an activity and as a transaction is one row with both', () => {
    const rows = mergeEvents(
      [activity('payment', '2025-03-05T00:05:10-08:00', { amount: 107 }), activity('invoice', '2025-03-05T00:04:51-08:00', { invoiceNumber: 'INV-000241' })],
      [money('payment', '2025-03-05', 107), money('invoice', '2025-03-05', 107, { invoiceNumber: 'INV-000241', status: 'paid', opens: { kind: 'invoice', id: inv.id } })],
      [inv],
    );
    expect(rows).toHaveLength(2);
    const payment = rows.find((r) => r.kind === 'payment')!;
    expect(payment).toMatchObject({ billingText: 'text of payment', status: 'success', at: '2025-03-05T00:05:10-08:00' });
    // The payment opens the invoice it paid (same day, same amount).
    expect(payment.opens).toEqual({ kind: 'invoice', id: inv.id });
    expect(rows.find((r) => r.kind === 'invoice')).toMatchObject({ billingText: 'text of invoice', invoiceNumber: 'INV-000241' });
  });

  it('payments of other amounts on the same day stay separate', () => {
    const rows = mergeEvents([activity('payment', '2025-03-05T00:05:10-08:00', { amount: 50 })], [money('payment', '2025-03-05', 107)], []);
    expect(rows).toHaveLength(2);
  });

  it('the quick timeline names invoices by number and opens them by id', () => {
    const rows = quickTimeline([sub], [inv]);
    expect(rows.map((r) => r.kind)).toEqual(['invoice', 'started']);
    expect(rows[0]).toMatchObject({ invoiceNumber: 'INV-000241', opens: { kind: 'invoice', id: inv.id } });
  });
});

describe("a transaction's amount is in its customer's currency", () => {
  // Zoho's transaction rows carry no currency (customers.yml "List of transactions"): what the client reads of one.
  const zohoShaped = (id: string, type: string, date: string, amount: number): Transaction => ({
    id, type, date, amount, status: type === 'credit' ? 'open' : 'success', referenceId: `ref-${id}`, currencyCode: null,
  });
  const readerOver = (api: BillingApi): BillingReader => ({
    organizationId: 'org',
    read: async (call, ...args) => {
      const value = await (api[call] as (...a: unknown[]) => Promise<unknown>)(...args);
      return { value, ageMs: 0, fetchedAt: 0, error: null } as Fetched<never>;
    },
  });

  it('every payment, invoice, credit and refund row shows its amount, in yen for a yen customer', async () => {
    const fake = createFakeBilling({
      customers: [customer('c-jp', 'ジルカー', 'jp@example.test', { currencyCode: 'JPY' })],
      transactions: {
        'c-jp': [
          zohoShaped('t1', 'invoice', '2026-11-01', 75000),
          zohoShaped('t2', 'payment', '2026-11-02', 75000),
          zohoShaped('t3', 'credit', '2026-10-01', 5000),
          zohoShaped('t4', 'refund', '2026-09-01', 2000),
        ],
      },
    });
    const { events } = await loadTimeline(readerOver(fake.api), 'c-jp');
    const money = events.filter((e) => e.key.startsWith('t:'));
    expect(money.map((e) => [e.kind, e.amount, e.currencyCode])).toEqual([
      ['payment', 75000, 'JPY'],
      ['invoice', 75000, 'JPY'],
      ['credit', 5000, 'JPY'],
      ['refund', 2000, 'JPY'],
    ]);
  });

  it('without the customer (it could not be read) no number is shown as money', async () => {
    const fake = createFakeBilling({ transactions: { gone: [zohoShaped('t1', 'payment', '2026-11-02', 120)] } });
    const { events } = await loadTimeline(readerOver(fake.api), 'gone');
    expect(events.map((e) => [e.kind, e.amount, e.currencyCode])).toEqual([['payment', null, null]]);
  });
});
