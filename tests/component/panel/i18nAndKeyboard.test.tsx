import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createFakeBilling, customer, invoice } from './fakeBilling';
import { renderPanel, standardBilling, ticketFor } from './scenario';

describe('Japanese, keyboard and long lists', () => {
  it('renders in Japanese with JPY amounts without decimals', async () => {
    const user = userEvent.setup();
    renderPanel({ ticket: ticketFor('105'), locale: 'ja_JP', timeZone: 'Asia/Tokyo' });
    expect(await screen.findByRole('heading', { name: /山田 太郎/ })).toBeInTheDocument();
    const tabs = screen.getAllByRole('tab').map((t) => t.textContent);
    expect(tabs).toEqual(['概要', '活動', 'サブスクリプション', '請求書']);
    expect(screen.getByText('メールアドレスで一致')).toBeInTheDocument();
    const strip = screen.getByRole('list', { name: '概況' });
    const credits = within(strip).getByText('未使用のクレジット').parentElement;
    expect(credits?.textContent).toMatch(/1,500$/);
    expect(credits?.textContent).not.toMatch(/1,500\.00/);
    expect(within(strip).getByText(/32,400/)).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: '請求書' }));
    expect(await screen.findByRole('button', { name: '請求書 INV-JP-1 を開く' })).toHaveTextContent('未払い');
  });

  it('tabs follow the WAI-ARIA keyboard pattern (arrows, Home, End)', async () => {
    const user = userEvent.setup();
    renderPanel({ ticket: ticketFor('102') });
    const overview = await screen.findByRole('tab', { name: 'Overview' });
    expect(overview).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'Activity' })).toHaveAttribute('tabindex', '-1');
    overview.focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Activity' })).toHaveFocus();
    expect(screen.getByRole('tab', { name: 'Activity' })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'Invoices' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Overview' })).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'Invoices' })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Home}');
    expect(screen.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', screen.getByRole('tab', { name: 'Overview' }).id);
  });

  it('pages invoices with Load more and never renders more than 300 rows', async () => {
    const user = userEvent.setup();
    const many = Array.from({ length: 420 }, (_, i) =>
      invoice(`b${i}`, 'c-big', { number: `INV-${String(i).padStart(4, '0')}`, date: `2026-01-${String((i % 28) + 1).padStart(2, '0')}` }),
    );
    const billing = createFakeBilling(
      { customers: [customer('c-big', 'Big Customer', 'bob@build.test')], invoices: many },
      100,
    );
    renderPanel({ ticket: ticketFor('102') }, billing);
    await user.click(await screen.findByRole('tab', { name: 'Invoices' }));
    const rows = () => within(screen.getByRole('list', { name: 'Invoices' })).getAllByRole('listitem');
    await screen.findByRole('list', { name: 'Invoices' });
    expect(rows()).toHaveLength(100);
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByRole('button', { name: 'Load more' });
    expect(rows()).toHaveLength(200);
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('Showing the first 300. Open Zoho Billing to see the rest.')).toBeInTheDocument();
    expect(rows()).toHaveLength(300);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  }, 30_000);

  it('an unknown status is shown as text, a known one translated', async () => {
    const billing = standardBilling();
    billing.data.customers[1] = { ...billing.data.customers[1]!, status: 'mystery_state' };
    renderPanel({ ticket: ticketFor('102') }, billing);
    const heading = await screen.findByRole('heading', { name: /Bob Builder/ });
    expect(heading).toHaveTextContent('mystery_state');
  });
});
