import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ROW_HEIGHT } from '../../../src/panel/InvoiceRows';
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
    // The row says it; its control is the number.
    expect((await screen.findByRole('button', { name: '請求書 INV-JP-1 を開く' })).closest('li')).toHaveTextContent('未払い');
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

  it('pages invoices in as the agent scrolls, keeping only a window of rows in the DOM', async () => {
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
    const list = await screen.findByRole('list', { name: 'Invoices' });
    const rows = () => within(screen.getByRole('list', { name: 'Invoices' })).getAllByRole('listitem');
    const scroller = list.parentElement!;
    const scrollTo = (top: number) => {
      scroller.scrollTop = top;
      fireEvent.scroll(scroller);
    };
    // One page fetched; far fewer rows rendered than loaded.
    expect(billing.count('listInvoices')).toBe(1);
    expect(rows().length).toBeLessThan(100);
    expect(rows()[0]).toHaveAttribute('aria-setsize', '100');
    // Scrolling near the end of what is loaded fetches the next page by itself.
    scrollTo(95 * ROW_HEIGHT);
    await waitFor(() => expect(rows()[0]).toHaveAttribute('aria-setsize', '200'));
    // After the first page come Billing's largest pages (200); "Load more" stays for keyboard users.
    for (const size of ['400', '420']) {
      await user.click(await screen.findByRole('button', { name: 'Load more' }));
      await waitFor(() => expect(rows()[0]).toHaveAttribute('aria-setsize', size));
    }
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    scrollTo(420 * ROW_HEIGHT);
    await waitFor(() => expect(rows().at(-1)).toHaveAttribute('aria-posinset', '420'));
    expect(Number(rows()[0]!.getAttribute('aria-posinset'))).toBeGreaterThan(300);
    expect(rows().length).toBeLessThanOrEqual(300);
    expect(billing.count('listInvoices')).toBe(4);
  }, 30_000);

  // Issue 11 (B4: "unknown ones humanised"): Billing's raw spelling is made readable, still as plain text.
  it('an unknown status is shown humanised as text, a known one translated', async () => {
    const billing = standardBilling();
    billing.data.customers[1] = { ...billing.data.customers[1]!, status: 'mystery_state' };
    renderPanel({ ticket: ticketFor('102') }, billing);
    const heading = await screen.findByRole('heading', { name: /Bob Builder/ });
    expect(heading).toHaveTextContent('Mystery state');
  });
});
