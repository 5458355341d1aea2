import { useState } from 'react';
import { EmptyState } from '../ui/EmptyState';
import { Skeleton, Spinner } from '../ui/Spinner';
import { useI18n } from '../ui/i18nContext';
import { BillingErrorView, StaleBanner } from './BillingErrorView';
import { InvoiceDetailView } from './InvoiceDetailView';
import { InvoiceRows } from './InvoiceRows';
import { usePanelEnv } from './panelEnv';
import { useBillingPages } from './useBilling';
import { useTicketInvoices } from './ticketInvoices';

const LATER_PAGE_SIZE = 200;

export function InvoicesTab({ customerId }: { customerId: string }) {
  const i18n = useI18n();
  const { ticketNumber } = usePanelEnv();
  const [filter, setFilter] = useState<'ticket' | 'all'>('all');
  const [open, setOpen] = useState<string | null>(null);
  // The first page is the one the header and summary already asked for (shared, small, quick). After
  // it, Billing's largest pages: scrolling through 5,000 invoices then costs 26 calls, not 100 (C3).
  const list = useBillingPages('listInvoices', (page) => [
    page === 1 ? { customerId, page } : { customerId, page: page - 1, perPage: LATER_PAGE_SIZE },
  ]);

  const forTicket = filter === 'ticket' && Boolean(ticketNumber);
  const ticket = useTicketInvoices(customerId, ticketNumber ?? null, forTicket, list.items);

  if (open) return <InvoiceDetailView invoiceId={open} onBack={() => setOpen(null)} />;

  // "This ticket" asks Billing (a customer may have thousands of invoices); "All" pages through the list.
  const view = forTicket
    ? {
        items: ticket.state.status === 'ready' ? ticket.state.value : [],
        status: ticket.state.status === 'ready' ? list.status : ticket.state.status,
        error: ticket.state.status === 'error' ? ticket.state.error : list.error,
        retry: ticket.state.status === 'error' ? ticket.state.retry : list.retry,
        hasMore: ticket.searchIgnored && list.hasMore,
      }
    : { items: list.items, status: list.status, error: list.error, retry: list.retry, hasMore: list.hasMore };
  const shown = view.items;
  return (
    <div>
      {ticketNumber && (
        <div className="toolbar">
          <div className="segmented" role="group" aria-label={i18n.t('panel.invoices.filterLabel')}>
            <button type="button" aria-pressed={filter === 'ticket'} onClick={() => setFilter('ticket')}>
              {i18n.t('panel.invoices.thisTicket')}
            </button>
            <button type="button" aria-pressed={filter === 'all'} onClick={() => setFilter('all')}>
              {i18n.t('panel.invoices.all')}
            </button>
          </div>
        </div>
      )}
      <StaleBanner ageMs={list.ageMs} error={list.staleError} />
      {view.status === 'loading' && <Skeleton rows={4} />}
      {view.status !== 'loading' && view.status !== 'error' && shown.length > 0 && (
        // Only the full list pages in as the agent scrolls.
        <InvoiceRows invoices={shown} onOpen={setOpen} onNearEnd={filter === 'all' ? list.loadMore : undefined} />
      )}
      {(view.status === 'ready' || view.status === 'loading-more') && shown.length === 0 && (
        <EmptyState
          title={filter === 'ticket' ? i18n.t('panel.invoices.emptyTicket', { number: ticketNumber ?? '' }) : i18n.t('panel.invoices.empty')}
        />
      )}
      {view.status === 'error' && view.error && <BillingErrorView error={view.error} onRetry={view.retry} />}
      {view.status === 'loading-more' && <Spinner />}
      {view.status === 'ready' && view.hasMore && (
        <button type="button" className="button" onClick={list.loadMore}>
          {filter === 'ticket' ? i18n.t('panel.invoices.searchOlder') : i18n.t('panel.loadMore')}
        </button>
      )}
    </div>
  );
}
