import { useState } from 'react';
import { referencesTicket } from '../billing/ticketReference';
import { EmptyState } from '../ui/EmptyState';
import { Skeleton, Spinner } from '../ui/Spinner';
import { useI18n } from '../ui/i18nContext';
import { BillingErrorView, StaleBanner } from './BillingErrorView';
import { InvoiceDetailView } from './InvoiceDetailView';
import { InvoiceRows } from './InvoiceRows';
import { usePanelEnv } from './panelEnv';
import { usePagedList } from './usePagedList';

const LATER_PAGE_SIZE = 200;

export function InvoicesTab({ customerId }: { customerId: string }) {
  const i18n = useI18n();
  const { billing, ticketNumber } = usePanelEnv();
  const [filter, setFilter] = useState<'ticket' | 'all'>('all');
  const [open, setOpen] = useState<string | null>(null);
  // The first page is the one the header and summary already asked for (shared, small, quick). After
  // it, Billing's largest pages: scrolling through 5,000 invoices then costs 26 calls, not 100 (C3).
  const list = usePagedList(`invoices:${customerId}`, (page) =>
    billing.read('listInvoices', page === 1 ? { customerId, page } : { customerId, page: page - 1, perPage: LATER_PAGE_SIZE }),
  );

  if (open) return <InvoiceDetailView invoiceId={open} onBack={() => setOpen(null)} />;

  const shown = filter === 'ticket' && ticketNumber ? list.items.filter((i) => referencesTicket(i.referenceNumber, ticketNumber)) : list.items;
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
      {list.status === 'loading' && <Skeleton rows={4} />}
      {list.status !== 'loading' && shown.length > 0 && (
        // Only the full list pages in as the agent scrolls; "this ticket" searches older pages on request.
        <InvoiceRows invoices={shown} onOpen={setOpen} onNearEnd={filter === 'all' ? list.loadMore : undefined} />
      )}
      {(list.status === 'ready' || list.status === 'loading-more') && shown.length === 0 && (
        <EmptyState
          title={filter === 'ticket' ? i18n.t('panel.invoices.emptyTicket', { number: ticketNumber ?? '' }) : i18n.t('panel.invoices.empty')}
        />
      )}
      {list.status === 'error' && list.error && <BillingErrorView error={list.error} onRetry={list.retry} />}
      {list.status === 'loading-more' && <Spinner />}
      {list.status === 'ready' && list.hasMore && (
        <button type="button" className="button" onClick={list.loadMore}>
          {filter === 'ticket' ? i18n.t('panel.invoices.searchOlder') : i18n.t('panel.loadMore')}
        </button>
      )}
    </div>
  );
}
