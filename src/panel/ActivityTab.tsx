import { useState } from 'react';
import { DateTime } from '../ui/DateTime';
import { EmptyState } from '../ui/EmptyState';
import { Money } from '../ui/Money';
import { Skeleton } from '../ui/Spinner';
import { StatusBadge } from '../ui/StatusBadge';
import { useI18n } from '../ui/i18nContext';
import { loadTimeline } from './activity';
import { BillingErrorView } from './BillingErrorView';
import { usePanelEnv } from './panelEnv';
import { useLoad } from './useLoad';

const MONEY_TYPES = ['invoice', 'payment', 'credit', 'refund'];

export function ActivityTab({ customerId }: { customerId: string }) {
  const i18n = useI18n();
  const { billing } = usePanelEnv();
  // The full history costs one call per subscription, so it is the agent's explicit choice (SPEC C3).
  const [everySubscription, setEverySubscription] = useState(false);
  const timeline = useLoad(
    `timeline:${customerId}:${everySubscription ? 'all' : 'recent'}`,
    () => loadTimeline(billing, customerId, everySubscription),
    false,
  );
  if (timeline.status === 'loading') return <Skeleton rows={5} />;
  if (timeline.status === 'error') return <BillingErrorView error={timeline.error} onRetry={timeline.retry} />;
  if (timeline.value.events.length === 0) return <EmptyState title={i18n.t('panel.activity.empty')} />;
  return (
    <>
      {timeline.value.partial && (
        <p className="muted">
          {i18n.t('panel.activity.partial')}{' '}
          {!everySubscription && (
            <button type="button" className="link-button" onClick={() => setEverySubscription(true)}>
              {i18n.t('panel.activity.showAll')}
            </button>
          )}
        </p>
      )}
      <ol className="rows" aria-label={i18n.t('panel.tabs.activity')}>
        {timeline.value.events.map((event) =>
          event.kind === 'activity' ? (
            <li key={event.key}>
              <div className="row-main">
                <span>{event.description}</span>
              </div>
              <div className="muted">
                <DateTime value={event.at} withTime /> · {event.subscription}
                {event.by ? ` · ${event.by}` : ''}
              </div>
            </li>
          ) : (
            <li key={event.key}>
              <div className="row-main">
                <span>
                  {MONEY_TYPES.includes(event.transaction.type)
                    ? i18n.t(`panel.activity.type.${event.transaction.type}`)
                    : event.transaction.type}
                </span>
                <Money amount={event.transaction.amount} currency={event.transaction.currencyCode} />
              </div>
              <div className="muted">
                <DateTime value={event.date} /> <StatusBadge status={event.transaction.status} />
              </div>
            </li>
          ),
        )}
      </ol>
    </>
  );
}
