import { useState } from 'react';
import { DateTime } from '../ui/DateTime';
import { EmptyState } from '../ui/EmptyState';
import { Money } from '../ui/Money';
import { Skeleton, Spinner } from '../ui/Spinner';
import { StatusBadge } from '../ui/StatusBadge';
import { useI18n } from '../ui/i18nContext';
import { loadTimeline, quickTimeline, type TimelineEvent } from './activity';
import { BillingErrorView } from './BillingErrorView';
import { usePanelEnv } from './panelEnv';
import { useLoad } from './useLoad';

const MONEY_TYPES = ['invoice', 'payment', 'credit', 'refund'];

function EventRow({ event }: { event: TimelineEvent }) {
  const i18n = useI18n();
  if (event.kind === 'activity')
    return (
      <li>
        <div className="row-main">
          <span>{event.description}</span>
        </div>
        <div className="muted">
          <DateTime value={event.at} withTime /> · {event.subscription}
          {event.by ? ` · ${event.by}` : ''}
        </div>
      </li>
    );
  if (event.kind === 'milestone')
    return (
      <li>
        <div className="row-main">
          <span>{i18n.t(`panel.activity.milestone.${event.milestone}`)}</span>
        </div>
        <div className="muted">
          <DateTime value={event.date} /> · {event.subscription}
        </div>
      </li>
    );
  const { transaction } = event;
  return (
    <li>
      <div className="row-main">
        <span>
          {MONEY_TYPES.includes(transaction.type) ? i18n.t(`panel.activity.type.${transaction.type}`) : transaction.type}
          {transaction.type === 'invoice' && transaction.referenceId ? ` ${transaction.referenceId}` : ''}
        </span>
        <Money amount={transaction.amount} currency={transaction.currencyCode} />
      </div>
      <div className="muted">
        <DateTime value={event.date} /> <StatusBadge status={transaction.status} />
      </div>
    </li>
  );
}

export function ActivityTab({ customerId }: { customerId: string }) {
  const i18n = useI18n();
  const { billing } = usePanelEnv();
  // Milestones and invoices from the pages the panel already holds: shown at once, no extra call.
  const quick = useLoad(
    `timeline-quick:${customerId}`,
    async () => {
      const [subs, invoices] = await Promise.all([
        billing.read('listSubscriptions', customerId, 1),
        billing.read('listInvoices', { customerId, page: 1 }),
      ]);
      return quickTimeline(subs.value.items, invoices.value.items);
    },
    false,
  );
  // The full history costs one call per subscription, so all of them is the agent's explicit choice (SPEC C3).
  const [everySubscription, setEverySubscription] = useState(false);
  const timeline = useLoad(
    `timeline:${customerId}:${everySubscription ? 'all' : 'recent'}`,
    () => loadTimeline(billing, customerId, everySubscription),
    false,
  );

  const full = timeline.status === 'ready' ? timeline.value : null;
  const events = full?.events ?? (quick.status === 'ready' ? quick.value : null);
  if (events === null || (events.length === 0 && timeline.status === 'loading')) {
    if (timeline.status === 'error') return <BillingErrorView error={timeline.error} onRetry={timeline.retry} />;
    return <Skeleton rows={5} />;
  }
  return (
    <>
      {timeline.status === 'loading' && <Spinner label={i18n.t('panel.activity.loadingDetail')} />}
      {timeline.status === 'error' && <BillingErrorView error={timeline.error} onRetry={timeline.retry} />}
      {full?.partial && (
        <p className="muted">
          {i18n.t('panel.activity.partial')}{' '}
          {!everySubscription && (
            <button type="button" className="link-button" onClick={() => setEverySubscription(true)}>
              {i18n.t('panel.activity.showAll')}
            </button>
          )}
        </p>
      )}
      {events.length === 0 ? (
        <EmptyState title={i18n.t('panel.activity.empty')} />
      ) : (
        <ol className="rows" aria-label={i18n.t('panel.tabs.activity')}>
          {events.map((event) => (
            <EventRow key={event.key} event={event} />
          ))}
        </ol>
      )}
    </>
  );
}
