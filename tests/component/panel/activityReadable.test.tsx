/** Issue 11 "What the agent reads: Activity (B4)", over the sandbox (real client, real Billing shapes). */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DESK_FIXTURES as D } from '../../../src/sandbox/desk/deskFixtures';
import { renderSandboxPanel } from './sandboxHarness';

const WORDS = {
  en: { tab: 'Activity', loading: 'Loading the detailed history…' },
  ja: { tab: '活動', loading: '詳しい履歴を読み込み中…' },
} as const;

async function openActivity(locale: 'en' | 'ja') {
  const user = userEvent.setup();
  await renderSandboxPanel({ location: 'ticket', ticketId: D.singleMatchTicketId, locale });
  await user.click(await screen.findByRole('tab', { name: WORDS[locale].tab }));
  await waitFor(() => expect(screen.queryByText(WORDS[locale].loading)).toBeNull(), { timeout: 15_000 });
  const list = await screen.findByRole('group', { name: WORDS[locale].tab });
  const rows = within(list).getAllByRole('listitem');
  return { user, list, rows, texts: rows.map((r) => r.textContent ?? '') };
}

describe('Activity reads as one row per real event, in the agent\'s language', () => {
  it('each payment once (not as an activity and again as a transaction), invoices by number, never an id', async () => {
    const { texts } = await openActivity('en');
    expect(texts.length).toBeGreaterThan(10);
    for (const text of texts) expect(text).not.toMatch(/\d{15,}/);
    // Billing told each of these payments twice; the panel shows one row per payment.
    const payments = texts.filter((t) => /Payment of \$124\.00 received/.test(t) || /^Payment received\$124\.00/.test(t));
    expect(payments.length).toBeGreaterThan(3);
    for (const p of payments) expect(p).toMatch(/^Payment received\$124\.00Payment of \$124\.00 received/);
    const nov5 = texts.filter((t) => /Nov 5, 2026/.test(t));
    expect(nov5.filter((t) => /Payment/.test(t))).toHaveLength(1);
    expect(nov5.filter((t) => /INV-000355/.test(t))).toHaveLength(1);
    expect(nov5.find((t) => /INV-000355/.test(t))).toMatch(/^Invoice INV-000355\$124\.00Invoice created - INV-000355/);
  }, 30_000);

  it('Japanese: words from the facts, Billing\'s sentence underneath, one date style, statuses translated', async () => {
    const { rows, texts } = await openActivity('ja');
    const payment = rows.find((r) => /Payment of \$124\.00 received/.test(r.textContent ?? ''));
    expect(payment).toBeDefined();
    expect(within(payment!).getByText('入金')).toBeInTheDocument();
    expect(within(payment!).getByText('成功')).toBeInTheDocument();
    const invoice = rows.find((r) => /Invoice created - INV-000355/.test(r.textContent ?? ''));
    expect(within(invoice!).getByText('請求書 INV-000355')).toBeInTheDocument();
    expect(within(invoice!).getByText('支払い済み')).toBeInTheDocument();
    const created = rows.find((r) => /Subscription created/.test(r.textContent ?? ''));
    expect(within(created!).getByText('サブスクリプション作成')).toBeInTheDocument();
    // Every row's date is written 2026年11月5日 (with the time when Billing gave one), never 2026/11/05.
    for (const row of rows) {
      const time = row.querySelector('time');
      expect(time?.textContent ?? '').toMatch(/^\d{4}年\d{1,2}月\d{1,2}日( \d{1,2}:\d{2})?$/);
    }
    for (const text of texts) expect(text).not.toMatch(/\d{4}\/\d{1,2}\/\d{1,2}/);
    // No raw status spelling reaches the agent (the credit's `open`).
    for (const badge of document.querySelectorAll('.badge')) expect(badge.textContent).not.toMatch(/^[a-z_]+$/);
    expect(texts.some((t) => /貸方票.*発行済み/.test(t))).toBe(true);
  }, 30_000);

  it('a long history is grouped by month, newest first', async () => {
    const { list } = await openActivity('en');
    // One level below the customer's name (h1), each month's events a list named by its month.
    const months = within(list).getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(months.slice(0, 3)).toEqual(['November 2026', 'October 2026', 'September 2026']);
    expect(new Set(months).size).toBe(months.length);
    expect(within(within(list).getByRole('list', { name: 'October 2026' })).getAllByRole('listitem').length).toBeGreaterThan(0);
  }, 30_000);

  it('rows open their invoice or subscription, and Back returns to the history', async () => {
    const { user, rows } = await openActivity('en');
    const invoiceRow = rows.find((r) => /^Invoice INV-000355/.test(r.textContent ?? ''))!;
    await user.click(within(invoiceRow).getByRole('button'));
    const invoice = await screen.findByRole('region', { name: 'Invoice INV-000355' });
    expect(within(invoice).getByRole('heading', { name: /INV-000355/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Back to activity/ }));
    const list = await screen.findByRole('group', { name: 'Activity' });
    const created = within(list).getAllByRole('listitem').find((r) => /^Subscription created/.test(r.textContent ?? '') && /Pro Monthly/.test(r.textContent ?? ''))!;
    await user.click(within(created).getByRole('button'));
    expect(await screen.findByRole('region', { name: 'Subscription Pro Monthly' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Back to activity/ }));
    expect(await screen.findByRole('group', { name: 'Activity' })).toBeInTheDocument();
  }, 30_000);
});
