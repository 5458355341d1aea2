/** Issue 20: the billing problem named first, one line above the summary, its fix one button. */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { InvoiceSummary, Subscription } from '../../../src/billing/types';
import { createI18n } from '../../../src/i18n/i18n';
import { createBillingCache } from '../../../src/integration/cache/billingCache';
import { PanelEnvProvider } from '../../../src/panel/panelEnv';
import { ProblemLine } from '../../../src/panel/ProblemLine';
import { detectProblems, type Problem } from '../../../src/panel/problems';
import { I18nProvider } from '../../../src/ui/i18nContext';
import { createFakeBilling, invoice } from './fakeBilling';
import { createFakeHost } from './fakeHost';

const TODAY = '2026-11-27';

const sub = (over: Partial<Subscription>): Subscription => ({
  id: 's1', number: 'SUB-1', name: 'Cloud-Pro', planName: 'Pro Monthly', planCode: 'pro', status: 'live', amount: 100, currencyCode: 'USD',
  interval: 1, intervalUnit: 'months', activatedAt: null, createdAt: null, currentTermStartsAt: '2026-11-10', currentTermEndsAt: '2026-12-10',
  nextBillingAt: '2026-12-10', lastBillingAt: null, expiresAt: null, cancelledAt: null, autoCollect: true, createdTime: null, ...over,
});
const inv = (over: Partial<InvoiceSummary>): InvoiceSummary => ({
  id: 'i1', number: 'INV-000042', status: 'overdue', date: '2026-10-20', dueDate: '2026-11-04', total: 1200, balance: 1200, currencyCode: 'USD',
  customerId: 'c1', referenceNumber: null, transactionType: null, ...over,
});

function show(problems: Problem[], { locale = 'en', kind = 'ticket' as 'ticket' | 'contact' } = {}) {
  const fake = createFakeHost({ kind, locale });
  const host = fake.host;
  const insert = vi.spyOn(host, 'insertIntoReply');
  // INV-000042 has no page of its own: its link is a hosted page that expires.
  const billing = createFakeBilling({ invoices: [invoice('i1', 'c1', { number: 'INV-000042', invoiceUrl: null })] });
  const cache = createBillingCache(billing.api, { organizationId: 'org1' });
  const onOpen = vi.fn();
  render(
    <I18nProvider i18n={createI18n(locale, 'UTC')}>
      <PanelEnvProvider env={{ host, billing: cache, isAdmin: true, ticketNumber: null, organization: { id: 'org1', name: 'Org', dataCenter: 'US', currencyCode: 'USD' } }}>
        <ProblemLine problems={problems} onOpen={onOpen} />
      </PanelEnvProvider>
    </I18nProvider>,
  );
  return { onOpen, insert, billing };
}

const line = (name = 'Billing problem') => screen.getByRole('region', { name });

describe('the problem line', () => {
  it('shows nothing when nothing is wrong', () => {
    show([]);
    expect(screen.queryByRole('region', { name: 'Billing problem' })).toBeNull();
  });

  it('overdue on a ticket: the facts in one sentence, the payment link as the fix', async () => {
    const user = userEvent.setup();
    const { insert, billing } = show(detectProblems({ today: TODAY, subscriptions: [], invoices: [inv({})] }));
    expect(line()).toHaveTextContent('Invoice INV-000042 is overdue: $1,200.00, due Nov 4, 2026 (23 days ago).');
    await user.click(within(line()).getByRole('button', { name: 'Add payment link to reply' }));
    expect(await within(line()).findByRole('status')).toHaveTextContent('Payment link inserted into the reply. It works until Nov 27, 2026, 3:05 PM (UTC).');
    expect(billing.count('createInvoicePaymentLink')).toBe(1);
    expect(insert).toHaveBeenCalledWith({
      text: 'You can view and pay invoice INV-000042 using the link below.',
      url: 'https://pay.test/x',
      after: 'This link works until Nov 27, 2026, 3:05 PM (UTC). If it has expired when you open it, just reply to this message and we will send you a new one.',
    });
  });

  it('card on a ticket: the fix puts a card update link into the reply, saying until when', async () => {
    const user = userEvent.setup();
    const card = { lastFour: '4242', gateway: 'stripe', expiryMonth: 11, expiryYear: 2026 };
    const details = [{ ...sub({}), plan: null, addons: [], couponCode: '', couponDiscount: null, remainingBillingCycles: -1, endOfTerm: false, card, paymentTermsLabel: '', customerId: 'c1' }];
    const { insert, billing } = show(detectProblems({ today: TODAY, subscriptions: [sub({})], invoices: [], details }));
    expect(line()).toHaveTextContent('The card ending 4242 for Pro Monthly expires on Nov 30, 2026, before the renewal on Dec 10, 2026.');
    await user.click(within(line()).getByRole('button', { name: 'Add card update link to reply (valid 1 hour)' }));
    expect(await within(line()).findByRole('status')).toHaveTextContent('Card update link inserted into the reply. It works until Nov 27, 2026, 3:05 PM (UTC).');
    expect(billing.count('createCardUpdateLink')).toBe(1);
    expect(insert).toHaveBeenCalledWith(expect.objectContaining({ text: 'You can update the card used for Pro Monthly here:', url: 'https://pay.test/card' }));
  });

  it('overdue on a contact page (no reply editor): the fix opens the invoice', async () => {
    const user = userEvent.setup();
    const { onOpen } = show(detectProblems({ today: TODAY, subscriptions: [], invoices: [inv({})] }), { kind: 'contact' });
    await user.click(within(line()).getByRole('button', { name: 'Open INV-000042' }));
    expect(onOpen).toHaveBeenCalledWith({ kind: 'invoice', id: 'i1' });
  });

  it('one line at most: "and 2 more" opens the rest, each with its own fix', async () => {
    const user = userEvent.setup();
    const { onOpen } = show(
      detectProblems({
        today: TODAY,
        subscriptions: [sub({ id: 'd', status: 'dunning' }), sub({ id: 't', status: 'trial', planName: 'Business Monthly', nextBillingAt: '2026-11-30' })],
        invoices: [inv({})],
      }),
      { kind: 'contact' },
    );
    // Dunning is the most urgent of the three.
    expect(line()).toHaveTextContent(/^Payment failed: Pro Monthly is past due and Billing is retrying the charge\. \$1,200\.00 is due on INV-000042\./);
    expect(within(line()).getAllByRole('button', { name: /^Open / })).toHaveLength(1);
    const more = within(line()).getByRole('button', { name: 'and 2 more' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    await user.click(more);
    expect(within(line()).getByRole('button', { name: 'Show fewer' })).toHaveAttribute('aria-expanded', 'true');
    const rest = within(line()).getByRole('list', { name: 'Other billing problems' });
    const items = within(rest).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      // The dunning line's fix already opens this invoice: one button for it.
      'Invoice INV-000042 is overdue: $1,200.00, due Nov 4, 2026 (23 days ago).',
      'The trial of Business Monthly ends on Nov 30, 2026 (in 3 days).Open subscription',
    ]);
    await user.click(within(items[1]!).getByRole('button', { name: 'Open subscription' }));
    expect(onOpen).toHaveBeenCalledWith({ kind: 'subscription', id: 't' });
  });

  it('each kind in English', () => {
    const problems = detectProblems({
      today: TODAY,
      currencyCode: 'USD',
      subscriptions: [sub({ id: 'u', status: 'unpaid' }), sub({ id: 'c' }), sub({ id: 'n', status: 'non_renewing', planName: 'Storage 1 TB Annual', currentTermEndsAt: '2026-11-28' })],
      invoices: [],
      transactions: [{ id: 'p', type: 'payment', date: '2026-11-20', amount: 100, status: 'failure', referenceId: '', currencyCode: null }],
      details: [{ ...sub({ id: 'c' }), plan: null, addons: [], couponCode: '', couponDiscount: null, remainingBillingCycles: -1, endOfTerm: false, card: { lastFour: '4242', gateway: 'stripe', expiryMonth: 10, expiryYear: 2026 }, paymentTermsLabel: '', customerId: 'c1' }],
    });
    show(problems);
    expect(line()).toHaveTextContent(/^A payment of \$100\.00 failed on Nov 20, 2026\./);
    return userEvent.setup().click(within(line()).getByRole('button', { name: 'and 3 more' })).then(() => {
      const texts = within(within(line()).getByRole('list')).getAllByRole('listitem').map((li) => li.textContent);
      expect(texts).toEqual([
        'Payment failed: Pro Monthly is unpaid and Billing has stopped retrying.Open subscription',
        'The card ending 4242 for Pro Monthly expired on Oct 31, 2026.Add card update link to reply (valid 1 hour)',
        'Storage 1 TB Annual ends on Nov 28, 2026 (tomorrow) and will not renew.Open subscription',
      ]);
    });
  });

  it('in Japanese: the facts in Japanese, the fix and "ほか N 件"', async () => {
    const user = userEvent.setup();
    show(
      detectProblems({
        today: TODAY,
        subscriptions: [sub({ id: 't', status: 'trial', planName: 'スタンダード（月額）', nextBillingAt: TODAY }), sub({ id: 'n', status: 'non_renewing', currentTermEndsAt: '2026-12-07' })],
        invoices: [inv({ currencyCode: 'JPY', balance: 13200, dueDate: '2026-11-26' })],
      }),
      { locale: 'ja' },
    );
    const region = screen.getByRole('region', { name: '請求の問題' });
    expect(region).toHaveTextContent('請求書 INV-000042 は期限超過です：￥13,200（支払期日 2026年11月26日、1 日超過）。');
    expect(within(region).getByRole('button', { name: '返信に支払いリンクを追加' })).toBeInTheDocument();
    await user.click(within(region).getByRole('button', { name: 'ほか 2 件' }));
    const texts = within(within(region).getByRole('list', { name: 'その他の請求の問題' })).getAllByRole('listitem').map((li) => li.textContent);
    expect(texts).toEqual([
      'スタンダード（月額） のトライアル期間は 2026年11月27日（本日）に終了します。サブスクリプションを開く',
      'Pro Monthly は 2026年12月7日（10 日後）に終了し、契約更新されません。サブスクリプションを開く',
    ]);
  });

  it('in Japanese: a failed payment and a dunning subscription, sentences joined the Japanese way', async () => {
    const user = userEvent.setup();
    show(
      detectProblems({
        today: TODAY,
        currencyCode: 'JPY',
        subscriptions: [sub({ status: 'dunning', planName: 'スタンダード（月額）' })],
        invoices: [inv({ currencyCode: 'JPY', balance: 6600, dueDate: TODAY, status: 'sent' })],
        transactions: [{ id: 'p', type: 'payment', date: '2026-11-26', amount: 6600, status: 'failure', referenceId: '', currencyCode: null }],
      }),
      { locale: 'ja', kind: 'contact' },
    );
    const region = screen.getByRole('region', { name: '請求の問題' });
    expect(region).toHaveTextContent(/^2026年11月26日に ￥6,600 の支払いに失敗しました。/);
    await user.click(within(region).getByRole('button', { name: 'ほか 1 件' }));
    expect(within(region).getByRole('listitem')).toHaveTextContent(
      /^支払い失敗：スタンダード（月額） は支払いの再試行中です。INV-000042 の未払い額は ￥6,600 です。$/,
    );
  });
});
