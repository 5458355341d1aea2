/**
 * The customer's Activity as the panel builds it (src/panel/activity.ts, through loadTimeline and
 * quickTimeline only): which rows there are, what each says (amount and its currency, invoice number,
 * status, who), what it opens, their order, and what is left out to save Billing calls.
 */
import { describe, expect, it } from 'vitest';
import type { Customer, InvoiceSummary, Subscription, SubscriptionActivity, Transaction } from '../../../src/billing/types';
import { BillingError } from '../../../src/billing/errors';
import type { BillingReader } from '../../../src/integration/cache/billingCacheTypes';
import { loadTimeline, MAX_SUBSCRIPTIONS_IN_TIMELINE, quickTimeline } from '../../../src/panel/activity';

const sub = (id: string, over: Partial<Subscription> = {}): Subscription => ({
  id, number: `SUB-${id}`, name: `Cloud ${id}`, planName: `Plan ${id}`, planCode: 'pro', status: 'live', amount: 107, currencyCode: 'USD',
  interval: 1, intervalUnit: 'months', activatedAt: '2025-01-05', createdAt: '2025-01-01', currentTermStartsAt: null,
  currentTermEndsAt: null, nextBillingAt: null, lastBillingAt: null, expiresAt: null, cancelledAt: null, autoCollect: true, createdTime: null,
  ...over,
});
const act = (id: string, description: string, time: string | null, by = 'Zoho Billing'): SubscriptionActivity => ({ id, description, time, by });
const tx = (id: string, type: string, date: string | null, amount: number | null, over: Partial<Transaction> = {}): Transaction => ({
  id, type, date, amount, status: 'success', referenceId: '', currencyCode: null, ...over,
});
const inv = (id: string, number: string, date: string, total: number, over: Partial<InvoiceSummary> = {}): InvoiceSummary => ({
  id, number, status: 'paid', date, dueDate: date, total, balance: 0, currencyCode: 'USD', customerId: 'c1', referenceNumber: null, transactionType: null, ...over,
});

interface Answers {
  subscriptions?: Subscription[] | Error;
  hasMore?: boolean;
  activities?: Record<string, SubscriptionActivity[] | Error>;
  transactions?: Transaction[] | Error;
  invoices?: InvoiceSummary[] | Error;
  customer?: Partial<Customer> | Error;
}

/** A Billing reader answering from `answers`; it counts how many activity reads run at once. */
function reader(answers: Answers) {
  const asked: string[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const give = async (value: unknown) => {
    if (value instanceof Error) throw value;
    return { value, ageMs: 0, fetchedAt: 0, error: null };
  };
  const billing = {
    organizationId: 'o1',
    async read(call: string, ...args: unknown[]) {
      asked.push(call === 'listSubscriptionActivities' ? `${call}:${String(args[0])}` : call === 'listInvoices' ? `${call}:${JSON.stringify(args[0])}` : call);
      switch (call) {
        case 'listSubscriptions': {
          const s = answers.subscriptions ?? [];
          return give(s instanceof Error ? s : { items: s, page: 1, hasMore: answers.hasMore ?? false });
        }
        case 'listSubscriptionActivities': {
          running += 1;
          mostAtOnce = Math.max(mostAtOnce, running);
          await new Promise((r) => setTimeout(r, 0));
          running -= 1;
          return give(answers.activities?.[String(args[0])] ?? []);
        }
        case 'listTransactions': {
          const t = answers.transactions ?? [];
          return give(t instanceof Error ? t : { items: t, page: 1, hasMore: false });
        }
        case 'listInvoices': {
          const i = answers.invoices ?? [];
          return give(i instanceof Error ? i : { items: i, page: 1, hasMore: false });
        }
        case 'getCustomer':
          return give(answers.customer ?? { currencyCode: 'USD' });
        default:
          throw new Error(`unexpected read ${call}`);
      }
    },
  };
  return { billing: billing as unknown as BillingReader, asked, mostAtOnce: () => mostAtOnce };
}

const down = () => new BillingError('network', 'down');

describe('one row per real payment and invoice', () => {
  it("a payment Billing tells twice (activity and transaction) is one row: the transaction's facts, Billing's sentence, when and who", async () => {
    const { billing, asked } = reader({
      subscriptions: [sub('s1')],
      activities: { s1: [act('a1', 'Payment of $107.00 received', '2025-03-05T00:05:10-08:00', 'Hana Yamada')] },
      transactions: [tx('t1', 'payment', '2025-03-05', 107, { status: 'success' })],
    });
    const { events, partial } = await loadTimeline(billing, 'c1');
    expect(partial).toBe(false);
    expect(asked).toContain('listInvoices:{"customerId":"c1","page":1}');
    expect(events).toEqual([
      {
        key: 't:t1+a:s1:a1', sortAt: '2025-03-05T08:05:10.000Z', at: '2025-03-05T00:05:10-08:00', date: '2025-03-05', kind: 'payment',
        invoiceNumber: null, amount: 107, currencyCode: 'USD', status: 'success', onDate: null, otherType: null,
        billingText: 'Payment of $107.00 received', by: 'Hana Yamada', subscription: { id: 's1', name: 'Plan s1' }, opens: { kind: 'subscription', id: 's1' },
      },
    ]);
  });

  it('payments of the same day but another amount stay two rows; a cent of rounding is the same amount', async () => {
    const { billing } = reader({
      subscriptions: [sub('s1')],
      activities: { s1: [act('a1', 'Payment of $50.00 received', '2025-03-05T10:00:00Z'), act('a2', 'Payment of $107.00 received', '2025-03-06T10:00:00Z')] },
      transactions: [tx('t1', 'payment', '2025-03-05', 107), tx('t2', 'payment', '2025-03-06', 107.004)],
    });
    const { events } = await loadTimeline(billing, 'c1');
    expect(events.map((e) => e.key)).toEqual(['t:t2+a:s1:a2', 'a:s1:a1', 't:t1']);
    expect(events.find((e) => e.key === 't:t1')).toMatchObject({ billingText: null, at: null, sortAt: '2025-03-05T00:00:00.000Z', subscription: null });
  });

  it('a payment sentence without a readable amount joins the only payment of its day, not one of two', async () => {
    const one = reader({
      subscriptions: [sub('s1')],
      activities: { s1: [act('a1', 'Payment of USD received', '2025-03-05T10:00:00Z')] },
      transactions: [tx('t1', 'payment', '2025-03-05', 107)],
    });
    expect((await loadTimeline(one.billing, 'c1')).events.map((e) => e.key)).toEqual(['t:t1+a:s1:a1']);
    const two = reader({
      subscriptions: [sub('s1')],
      activities: { s1: [act('a1', 'Payment of USD received', '2025-03-05T10:00:00Z'), act('a2', 'Payment of USD received', '2025-03-05T11:00:00Z')] },
      transactions: [tx('t1', 'payment', '2025-03-05', 107)],
    });
    expect((await loadTimeline(two.billing, 'c1')).events).toHaveLength(3);
  });

  it('an invoice transaction is named by the invoice number (never its id), opens it, and absorbs the activity naming that number', async () => {
    const invoice = inv('2468013000000079426', 'INV-000241', '2025-03-05', 107);
    const { billing } = reader({
      subscriptions: [sub('s1')],
      activities: { s1: [act('a1', 'Invoice created - INV-000240', '2025-03-05T09:00:00Z'), act('a2', 'Invoice created - INV-000241', '2025-03-05T10:00:00Z')] },
      transactions: [tx('t1', 'invoice', '2025-03-05', 107, { referenceId: invoice.id, status: 'paid' })],
      invoices: [invoice],
    });
    const { events } = await loadTimeline(billing, 'c1');
    const merged = events.find((e) => e.key === 't:t1+a:s1:a2')!;
    expect(merged).toMatchObject({ kind: 'invoice', invoiceNumber: 'INV-000241', amount: 107, currencyCode: 'USD', status: 'paid', opens: { kind: 'invoice', id: invoice.id } });
    expect(events.find((e) => e.key === 'a:s1:a1')).toMatchObject({ invoiceNumber: 'INV-000240', opens: { kind: 'subscription', id: 's1' } });
  });

  it('an invoice transaction whose invoice is not on the first page has no number; it absorbs the only invoice activity of its day', async () => {
    const { billing } = reader({
      subscriptions: [sub('s1')],
      activities: { s1: [act('a1', 'Invoice created - INV-000241', '2025-03-05T10:00:00Z'), act('a2', 'Invoice created - INV-000242', '2025-03-07T10:00:00Z'), act('a3', 'Invoice created - INV-000243', '2025-03-07T11:00:00Z')] },
      transactions: [tx('t1', 'invoice', '2025-03-05', 107, { referenceId: '2468013000000079001' }), tx('t2', 'invoice', '2025-03-07', 5, { referenceId: '2468013000000079002' })],
    });
    const { events } = await loadTimeline(billing, 'c1');
    expect(events.find((e) => e.key === 't:t1+a:s1:a1')).toMatchObject({ invoiceNumber: 'INV-000241', opens: { kind: 'invoice', id: '2468013000000079001' } });
    // Two invoice activities that day: which one is this transaction's cannot be told.
    expect(events.find((e) => e.key === 't:t2')).toMatchObject({ invoiceNumber: null, billingText: null });
    expect(events).toHaveLength(4);
  });

  it('an invoice activity opens its invoice by number; a payment opens the invoice of its day and amount', async () => {
    const invoice = inv('i1', 'INV-000241', '2025-03-05', 107);
    const { billing } = reader({
      subscriptions: [sub('s1')],
      activities: { s1: [act('a1', 'Invoice created - INV-000241', '2025-03-05T10:00:00Z'), act('a2', 'Invoice created - INV-999', '2025-03-06T10:00:00Z')] },
      transactions: [tx('t1', 'payment', '2025-03-05', 107), tx('t2', 'payment', '2025-03-05', 20), tx('t3', 'payment', '2025-03-06', 107)],
      invoices: [invoice],
    });
    const { events } = await loadTimeline(billing, 'c1');
    expect(events.find((e) => e.key === 'a:s1:a1')?.opens).toEqual({ kind: 'invoice', id: 'i1' });
    expect(events.find((e) => e.key === 'a:s1:a2')?.opens).toEqual({ kind: 'subscription', id: 's1' });
    expect(events.find((e) => e.key === 't:t1')?.opens).toEqual({ kind: 'invoice', id: 'i1' });
    expect(events.find((e) => e.key === 't:t2')?.opens).toBeNull();
    expect(events.find((e) => e.key === 't:t3')?.opens).toBeNull();
  });

  it('a payment opens the invoice whose transaction tells its amount, even when the invoice is not on the first page', async () => {
    const { billing } = reader({
      transactions: [tx('t1', 'invoice', '2025-03-05', 107, { referenceId: '2468013000000079001' }), tx('t2', 'payment', '2025-03-05', 107)],
    });
    const { events } = await loadTimeline(billing, 'c1');
    expect(events.find((e) => e.key === 't:t2')?.opens).toEqual({ kind: 'invoice', id: '2468013000000079001' });
  });
});

describe('rows that are not the same event stay apart', () => {
  it('Billing telling one payment twice in sentences: the transaction takes one, the other stays', async () => {
    const { billing } = reader({
      subscriptions: [sub('s1')],
      activities: { s1: [act('a1', 'Payment of $107.00 received', '2025-03-05T10:00:00Z'), act('a2', 'Payment of $107.00 received', '2025-03-05T11:00:00Z')] },
      transactions: [tx('t1', 'payment', '2025-03-05', 107)],
    });
    expect((await loadTimeline(billing, 'c1')).events.map((e) => e.key)).toEqual(['a:s1:a2', 't:t1+a:s1:a1']);
  });

  it('a payment that found its sentence by amount does not take an amount-less one of that day too', async () => {
    const { billing } = reader({
      subscriptions: [sub('s1')],
      activities: { s1: [act('a1', 'Payment of $107.00 received', '2025-03-05T10:00:00Z'), act('a2', 'Payment of USD received', '2025-03-05T11:00:00Z')] },
      transactions: [tx('t1', 'payment', '2025-03-05', 107)],
    });
    expect((await loadTimeline(billing, 'c1')).events.map((e) => e.key)).toEqual(['a:s1:a2', 't:t1+a:s1:a1']);
  });

  it("a payment sentence without an amount from another day is not this payment's", async () => {
    const { billing } = reader({
      subscriptions: [sub('s1')],
      activities: { s1: [act('a1', 'Payment of USD received', '2025-03-06T10:00:00Z')] },
      transactions: [tx('t1', 'payment', '2025-03-05', 107)],
    });
    expect((await loadTimeline(billing, 'c1')).events).toHaveLength(2);
  });

  it('a free payment (0) with two amount-less sentences that day stays apart from both', async () => {
    const { billing } = reader({
      subscriptions: [sub('s1')],
      activities: { s1: [act('a1', 'Payment of USD received', '2025-03-05T10:00:00Z'), act('a2', 'Payment of USD received', '2025-03-05T11:00:00Z')] },
      transactions: [tx('t1', 'payment', '2025-03-05', 0)],
    });
    expect((await loadTimeline(billing, 'c1')).events).toHaveLength(3);
  });

  it('half a cent apart is another amount', async () => {
    const { billing } = reader({
      subscriptions: [sub('s1')],
      activities: { s1: [act('a1', 'Payment of $0.005 received', '2025-03-05T10:00:00Z')] },
      transactions: [tx('t1', 'payment', '2025-03-05', 0)],
    });
    expect((await loadTimeline(billing, 'c1')).events).toHaveLength(2);
  });

  it('a refund or credit of the same day and amount as a payment sentence or an invoice is neither', async () => {
    const invoice = inv('i1', 'INV-1', '2025-03-05', 107);
    const { billing } = reader({
      subscriptions: [sub('s1')],
      activities: { s1: [act('a1', 'Payment of $107.00 received', '2025-03-05T10:00:00Z')] },
      transactions: [tx('t1', 'refund', '2025-03-05', 107), tx('t2', 'credit', '2025-03-05', 107)],
      invoices: [invoice],
    });
    const { events } = await loadTimeline(billing, 'c1');
    expect(events.map((e) => [e.key, e.opens])).toEqual([
      // The payment sentence (left alone) opens the invoice it paid.
      ['a:s1:a1', { kind: 'invoice', id: 'i1' }],
      ['t:t1', null],
      ['t:t2', null],
    ]);
  });

  it("a payment transaction's reference is not an invoice to open", async () => {
    const { billing } = reader({ transactions: [tx('t1', 'payment', '2025-03-05', 107, { referenceId: 'p-77' })] });
    expect((await loadTimeline(billing, 'c1')).events[0]).toMatchObject({ invoiceNumber: null, opens: null });
  });

  it('a payment does not open a subscription through an invoice row Billing did not tie to an invoice', async () => {
    const { billing } = reader({
      subscriptions: [sub('s1')],
      activities: { s1: [act('a1', 'Invoice created - INV-9', '2025-03-05T09:00:00Z')] },
      transactions: [tx('t0', 'invoice', '2025-03-04', 50), tx('t1', 'invoice', '2025-03-05', 107), tx('t2', 'payment', '2025-03-05', 107)],
    });
    const { events } = await loadTimeline(billing, 'c1');
    expect(events.find((e) => e.key === 't:t1+a:s1:a1')).toMatchObject({ invoiceNumber: 'INV-9', opens: { kind: 'subscription', id: 's1' } });
    expect(events.find((e) => e.key === 't:t2')?.opens).toBeNull();
  });

  it("an invoice row opens the invoice Billing's transaction refers to, whatever number the absorbed sentence names", async () => {
    const other = inv('i-other', 'INV-5', '2025-01-01', 1);
    const { billing } = reader({
      subscriptions: [sub('s1')],
      activities: { s1: [act('a1', 'Invoice created - INV-5', '2025-03-05T09:00:00Z')] },
      transactions: [tx('t1', 'invoice', '2025-03-05', 107, { referenceId: '2468013000000079001' })],
      invoices: [other],
    });
    const { events } = await loadTimeline(billing, 'c1');
    expect(events.find((e) => e.key === 't:t1+a:s1:a1')?.opens).toEqual({ kind: 'invoice', id: '2468013000000079001' });
  });
});

describe('money is shown only in its own currency', () => {
  it("transactions are in the customer's currency; activity amounts in the subscription's", async () => {
    const { billing } = reader({
      customer: { currencyCode: 'JPY' },
      subscriptions: [sub('s1', { currencyCode: 'EUR' })],
      activities: { s1: [act('a1', 'Payment of €1.234,50 declined - retry scheduled', '2025-03-05T10:00:00Z')] },
      transactions: [tx('t1', 'refund', '2025-03-04', 75000), tx('t2', 'credit', '2025-03-03', 500)],
    });
    const { events } = await loadTimeline(billing, 'c1');
    expect(events.map((e) => [e.kind, e.amount, e.currencyCode])).toEqual([
      ['paymentDeclined', 1234.5, 'EUR'],
      ['refund', 75000, 'JPY'],
      ['credit', 500, 'JPY'],
    ]);
  });

  it('without a currency the amount is not shown: a customer that cannot be read, a subscription without one', async () => {
    const { billing } = reader({
      customer: down(),
      subscriptions: [sub('s1', { currencyCode: null })],
      activities: { s1: [act('a1', 'Payment of $107.00 received', '2025-03-06T10:00:00Z')] },
      transactions: [tx('t1', 'refund', '2025-03-04', 5), tx('t2', 'refund', '2025-03-03', 7, { currencyCode: 'USD' })],
    });
    const { events } = await loadTimeline(billing, 'c1');
    expect(events.map((e) => [e.key, e.amount, e.currencyCode])).toEqual([
      ['a:s1:a1', null, null],
      ['t:t1', null, null],
      ['t:t2', 7, 'USD'],
    ]);
  });

  it('a payment whose amount cannot be shown does not open a free invoice of its day', async () => {
    const { billing } = reader({
      customer: down(),
      transactions: [tx('t1', 'payment', '2025-03-05', 5)],
      invoices: [inv('i0', 'INV-0', '2025-03-05', 0)],
    });
    expect((await loadTimeline(billing, 'c1')).events.find((e) => e.key === 't:t1')).toMatchObject({ amount: null, opens: null });
  });

  it('a sentence without an amount carries no currency', async () => {
    const { billing } = reader({ subscriptions: [sub('s1')], activities: { s1: [act('a1', 'Subscription canceled', '2025-03-06T10:00:00Z')] } });
    expect((await loadTimeline(billing, 'c1')).events[0]).toMatchObject({ kind: 'cancelled', amount: null, currencyCode: null });
  });
});

describe('what each row says', () => {
  it('a transaction type the panel has no words for keeps its own name; a status Billing left empty is none', async () => {
    const { billing } = reader({ transactions: [tx('t1', 'Write_Off', '2025-03-04', 3, { status: '' }), tx('t2', 'PAYMENT', '2025-03-03', 4)] });
    const { events } = await loadTimeline(billing, 'c1');
    expect(events.map((e) => [e.kind, e.otherType, e.status])).toEqual([
      ['transaction', 'Write_Off', null],
      ['payment', null, 'success'],
    ]);
  });

  it("an activity names its subscription by plan, else name, else number, says who did it and the date it names", async () => {
    const { billing } = reader({
      subscriptions: [sub('s1', { planName: '' }), sub('s2', { planName: '', name: '' })],
      activities: {
        s1: [act('a1', 'Trial started - ends on 2026-12-01', '2026-11-01T10:00:00Z', '')],
        s2: [act('a2', 'Note added: call back Monday', '2026-11-02T10:00:00Z')],
      },
    });
    const { events } = await loadTimeline(billing, 'c1');
    expect(events.map((e) => [e.kind, e.subscription?.name, e.by, e.onDate])).toEqual([
      ['note', 'SUB-s2', 'Zoho Billing', null],
      ['trialStarted', 'Cloud s1', null, '2026-12-01'],
    ]);
  });

  it('an activity without a time has no date and sorts last; a calendar date is that day at 00:00 UTC', async () => {
    const { billing } = reader({
      subscriptions: [sub('s1')],
      activities: { s1: [act('a1', 'Note added: x', null), act('a2', 'Note added: y', 'sometime in March'), act('a3', 'Note added: z', '2025-03-05T23:30:00+09:00')] },
      transactions: [tx('t1', 'credit', '2025-03-05', 1)],
    });
    const { events } = await loadTimeline(billing, 'c1');
    expect(events.map((e) => [e.key, e.sortAt, e.date, e.at])).toEqual([
      ['a:s1:a3', '2025-03-05T14:30:00.000Z', '2025-03-05', '2025-03-05T23:30:00+09:00'],
      ['t:t1', '2025-03-05T00:00:00.000Z', '2025-03-05', null],
      ['a:s1:a1', '', null, null],
      ['a:s1:a2', '', null, 'sometime in March'],
    ]);
  });
});

describe('subscriptions beyond the first five', () => {
  const many = Array.from({ length: MAX_SUBSCRIPTIONS_IN_TIMELINE + 2 }, (_, i) => sub(`s${i}`, i === 0 ? { status: 'cancelled', cancelledAt: '2025-06-01' } : {}));

  it('reads the history of the five running ones first, at most three at a time; the others show when they started and ended', async () => {
    const { billing, asked, mostAtOnce } = reader({
      subscriptions: [...many, sub('gone', { status: 'expired', expiresAt: '2025-09-01', activatedAt: null }), sub('lapsed', { status: 'trial_expired', expiresAt: '2025-08-01' })],
    });
    const { events, partial } = await loadTimeline(billing, 'c1');
    expect(partial).toBe(true);
    expect(asked.filter((a) => a.startsWith('listSubscriptionActivities'))).toEqual(['s1', 's2', 's3', 's4', 's5'].map((s) => `listSubscriptionActivities:${s}`));
    expect(mostAtOnce()).toBe(3);
    expect(events.map((e) => [e.key, e.date])).toEqual([
      ['m:gone:ended', '2025-09-01'],
      ['m:lapsed:ended', '2025-08-01'],
      ['m:s0:cancelled', '2025-06-01'],
      // Same day: in the order Billing listed them.
      ['m:s0:started', '2025-01-05'],
      ['m:s6:started', '2025-01-05'],
      ['m:lapsed:started', '2025-01-05'],
      ['m:gone:started', '2025-01-01'],
    ]);
    expect(events.find((e) => e.key === 'm:s0:cancelled')).toMatchObject({ kind: 'cancelled', date: '2025-06-01', subscription: { id: 's0', name: 'Plan s0' }, opens: { kind: 'subscription', id: 's0' } });
    expect(events.find((e) => e.key === 'm:gone:started')).toMatchObject({ date: '2025-01-01' });
  });

  it('every subscription when the agent asks for all of them', async () => {
    const { billing, asked } = reader({ subscriptions: many });
    const { events, partial } = await loadTimeline(billing, 'c1', true);
    expect(partial).toBe(false);
    expect(asked.filter((a) => a.startsWith('listSubscriptionActivities'))).toHaveLength(many.length);
    expect(events).toEqual([]);
  });

  it('more subscriptions than the first page held is partial too', async () => {
    const { billing } = reader({ subscriptions: [sub('s1')], hasMore: true });
    expect((await loadTimeline(billing, 'c1')).partial).toBe(true);
  });
});


describe('when Billing fails', () => {
  it('a history that failed leaves the rest shown, marked partial', async () => {
    const { billing } = reader({
      subscriptions: [sub('s1'), sub('s2')],
      activities: { s1: down(), s2: [act('a1', 'Note added: x', '2025-03-05T10:00:00Z')] },
    });
    const { events, partial } = await loadTimeline(billing, 'c1');
    expect(partial).toBe(true);
    // The subscription whose history failed still shows when it started.
    expect(events.map((e) => e.key)).toEqual(['a:s2:a1', 'm:s1:started']);
  });

  it('subscriptions failing still shows the money; money failing still shows the subscriptions', async () => {
    const noSubs = reader({ subscriptions: down(), transactions: [tx('t1', 'credit', '2025-03-05', 1)], invoices: down() });
    expect((await loadTimeline(noSubs.billing, 'c1')).events.map((e) => e.key)).toEqual(['t:t1']);
    expect(noSubs.asked.filter((a) => a.startsWith('listSubscriptionActivities'))).toEqual([]);
    const noHistories = reader({ subscriptions: [sub('s1')], activities: { s1: down() }, transactions: [tx('t1', 'credit', '2025-03-05', 1)] });
    expect((await loadTimeline(noHistories.billing, 'c1')).events.map((e) => e.key)).toEqual(['t:t1', 'm:s1:started']);
    const noMoney = reader({ subscriptions: [sub('s1')], activities: { s1: [act('a1', 'Note added: x', '2025-03-05T10:00:00Z')] }, transactions: down() });
    expect((await loadTimeline(noMoney.billing, 'c1')).events.map((e) => e.key)).toEqual(['a:s1:a1']);
  });

  it('nothing readable at all is an error, the first one Billing gave', async () => {
    const both = reader({ subscriptions: new BillingError('forbidden', 'no subscriptions'), transactions: down() });
    await expect(loadTimeline(both.billing, 'c1')).rejects.toMatchObject({ kind: 'forbidden', message: 'no subscriptions' });
    const histories = reader({ subscriptions: [sub('s1'), sub('s2')], activities: { s1: new BillingError('server', 'first'), s2: down() }, transactions: down() });
    await expect(loadTimeline(histories.billing, 'c1')).rejects.toMatchObject({ kind: 'server', message: 'first' });
  });

  it('one history readable and the money failing is not an error', async () => {
    const { billing } = reader({ subscriptions: [sub('s1'), sub('s2')], activities: { s1: down(), s2: [] }, transactions: down() });
    const { events, partial } = await loadTimeline(billing, 'c1');
    expect(partial).toBe(true);
    expect(events.map((e) => e.key)).toEqual(['m:s1:started']);
  });
});

describe('the quick timeline (no extra Billing call)', () => {
  it('subscription milestones and first-page invoices, newest first, invoices named by number and opened by id', () => {
    const events = quickTimeline([sub('s1', { activatedAt: null, createdAt: '2025-01-01' })], [inv('i1', 'INV-1', '2025-03-05', 107, { status: '' }), inv('i2', '', '2025-02-01', 5)]);
    expect(events.map((e) => [e.key, e.kind, e.invoiceNumber, e.amount, e.currencyCode, e.status, e.opens])).toEqual([
      ['i:i1', 'invoice', 'INV-1', 107, 'USD', null, { kind: 'invoice', id: 'i1' }],
      ['i:i2', 'invoice', null, 5, 'USD', 'paid', { kind: 'invoice', id: 'i2' }],
      ['m:s1:started', 'started', null, null, null, null, { kind: 'subscription', id: 's1' }],
    ]);
  });

  it('a running subscription with an expiry date has not ended', () => {
    expect(quickTimeline([sub('s1', { status: 'live', expiresAt: '2026-01-01' })], []).map((e) => e.kind)).toEqual(['started']);
  });

  it('a time Billing wrote in another form gives no date rather than a wrong one', async () => {
    const { billing } = reader({
      subscriptions: [sub('s1')],
      activities: { s1: [act('a1', 'Note added: x', 'Tue 2025-03-05 10:00'), act('a2', 'Note added: y', '2025-03-5 10:00:00')] },
    });
    expect((await loadTimeline(billing, 'c1')).events.map((e) => e.date)).toEqual([null, null]);
  });

  it('a subscription with no dates has no milestones; an expired one without an end date has no end', () => {
    expect(quickTimeline([sub('s1', { activatedAt: null, createdAt: null, status: 'expired' })], [])).toEqual([]);
  });
});
