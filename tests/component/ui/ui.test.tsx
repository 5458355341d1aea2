import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../../src/i18n/i18n';
import { DateTime } from '../../../src/ui/DateTime';
import { EmptyState } from '../../../src/ui/EmptyState';
import { ErrorState } from '../../../src/ui/ErrorState';
import { I18nProvider } from '../../../src/ui/i18nContext';
import { Money } from '../../../src/ui/Money';
import { Skeleton, Spinner } from '../../../src/ui/Spinner';
import { StatusBadge } from '../../../src/ui/StatusBadge';
import { onUnknownWord } from '../../../src/ui/unknownWords';

function renderIn(locale: string, node: ReactNode, zone = 'UTC') {
  return render(<I18nProvider i18n={createI18n(locale, zone)}>{node}</I18nProvider>);
}

describe('shared ui', () => {
  it('Money formats in the document currency; JPY has no decimals; missing is a dash', () => {
    renderIn('en', (
      <>
        <Money amount={1234.5} currency="USD" />
        <Money amount={1500} currency="JPY" />
        <Money amount={null} currency="USD" />
      </>
    ));
    expect(screen.getByText('$1,234.50')).toBeInTheDocument();
    expect(screen.getByText('¥1,500')).toBeInTheDocument();
    expect(screen.getByText('—')).toBeInTheDocument();
  });

  it("DateTime shows instants in the agent's time zone and dates as that day", () => {
    renderIn('en', (
      <>
        <DateTime value="2026-11-27T23:30:00Z" withTime />
        <DateTime value="2026-12-01" />
      </>
    ), 'Asia/Tokyo');
    expect(screen.getByText(/Nov 28, 2026/)).toBeInTheDocument();
    expect(screen.getByText('Dec 1, 2026')).toHaveAttribute('datetime', '2026-12-01');
  });

  it('StatusBadge translates known statuses; an unknown one is text in English and Japanese words in Japanese', async () => {
    const heard: string[] = [];
    onUnknownWord((kind, value) => heard.push(`${kind}:${value}`));
    try {
      renderIn('ja', (
        <>
          <StatusBadge status="overdue" />
          <StatusBadge status="in_review" />
        </>
      ));
      expect(screen.getByText('期限超過')).toBeInTheDocument();
      // No English in the Japanese UI: Billing's spelling is not shown; the diagnostics name it.
      expect(screen.getByText('その他のステータス')).toBeInTheDocument();
      expect(screen.queryByText(/review/i)).toBeNull();
      renderIn('en', <StatusBadge status="<b>weird</b>" />);
      expect(screen.getByText('<b>weird</b>')).toBeInTheDocument();
      await Promise.resolve();
      expect(heard).toContain('status:in_review');
    } finally {
      onUnknownWord(null);
    }
  });

  it('StatusBadge: every status Billing documents is translated, unknown ones are humanised', () => {
    renderIn('en', (
      <>
        <StatusBadge status="trial_expired" />
        <StatusBadge status="open" />
        <StatusBadge status="awaiting_approval" />
      </>
    ));
    expect(screen.getByText('Trial expired')).toBeInTheDocument();
    expect(screen.getByText('Open')).toBeInTheDocument();
    expect(screen.getByText('Awaiting approval')).toBeInTheDocument();
    renderIn('ja', (
      <>
        <StatusBadge status="trial_expired" />
        <StatusBadge status="in_progress" />
      </>
    ));
    expect(screen.getByText('トライアル期限切れ')).toBeInTheDocument();
    expect(screen.getByText('処理中')).toBeInTheDocument();
  });

  it('ErrorState shows its words as an alert and offers Retry only when given', async () => {
    const retry = vi.fn();
    const { rerender } = renderIn('en', <ErrorState message="Zoho Billing could not be reached." onRetry={retry} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Zoho Billing could not be reached.');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(retry).toHaveBeenCalledTimes(1);
    rerender(
      <I18nProvider i18n={createI18n('en')}>
        <ErrorState message="No permission." />
      </I18nProvider>,
    );
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('EmptyState, Spinner and Skeleton announce themselves', () => {
    renderIn('en', (
      <>
        <EmptyState title="Nothing here" />
        <Spinner />
        <Skeleton label="Loading invoices" />
      </>
    ));
    expect(screen.getByText('Nothing here')).toBeInTheDocument();
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toEqual(['Loading…', 'Loading invoices']);
  });
});
