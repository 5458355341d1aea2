import { useEffect, useId, useRef, useState } from 'react';
import { DateTime } from '../ui/DateTime';
import { EmptyState } from '../ui/EmptyState';
import { Money } from '../ui/Money';
import { Skeleton, Spinner } from '../ui/Spinner';
import { humanise, StatusBadge } from '../ui/StatusBadge';
import { reportUnknownWord } from '../ui/unknownWords';
import { useI18n } from '../ui/i18nContext';
import { loadTimeline, quickTimeline, type Opens, type TimelineEvent } from './activity';
import { BillingErrorView } from './BillingErrorView';
import { InvoiceDetailView } from './InvoiceDetailView';
import { SubscriptionDetailView } from './SubscriptionsTab';
import { useBillingQuery } from './useBilling';

/** Kinds whose words name a date ("Trial started, ends Dec 1, 2026") when the sentence gave one. */
const DATED = ['trialStarted', 'cancelScheduled', 'paused', 'scheduledStart'] as const;
const isDated = (kind: string): kind is (typeof DATED)[number] => (DATED as readonly string[]).includes(kind);

/** The event in the agent's language, from its facts; Billing's own sentence only when it is all we know. */
function useHeadline(): (e: TimelineEvent) => string {
  const i18n = useI18n();
  return (e) => {
    if (e.kind === 'other') return e.billingText ?? '';
    if (e.kind === 'transaction') {
      reportUnknownWord('transaction', e.otherType ?? '');
      return i18n.language === 'en' && e.otherType ? humanise(e.otherType) : i18n.t('panel.activity.kind.otherTransaction');
    }
    if (e.kind === 'invoice') {
      return e.invoiceNumber ? i18n.t('panel.activity.kind.invoice', { number: e.invoiceNumber }) : i18n.t('panel.activity.kind.invoiceUnnamed');
    }
    if (isDated(e.kind) && e.onDate) return i18n.t(`panel.activity.kind.${e.kind}On`, { date: i18n.date(e.onDate) });
    return i18n.t(`panel.activity.kind.${e.kind}`);
  };
}

function EventRow({ event, onOpen }: { event: TimelineEvent; onOpen: (opens: Opens, key: string) => void }) {
  const headline = useHeadline()(event);
  // Billing's sentence stays readable underneath, unless it says exactly what the headline says.
  const note = event.billingText && event.kind !== 'other' && event.billingText.trim().toLowerCase() !== headline.toLowerCase() ? event.billingText : null;
  const opens = event.opens;
  return (
    <li>
      <span className="row-main">
        {/* Only the headline is the control: its name is what the row is about ("Invoice INV-000355"). */}
        {opens ? (
          <button type="button" className="link-button" data-event={event.key} onClick={() => onOpen(opens, event.key)}>
            {headline}
          </button>
        ) : (
          <span>{headline}</span>
        )}
        {event.amount !== null && event.currencyCode && <Money amount={event.amount} currency={event.currencyCode} />}
      </span>
      {note && <span className="row-note muted">{note}</span>}
      <span className="row-note muted">
        {event.at ? <DateTime value={event.at} withTime /> : <DateTime value={event.date} />}
        {event.status && (
          <>
            {' '}
            <StatusBadge status={event.status} />
          </>
        )}
        {event.subscription && ` · ${event.subscription.name}`}
        {event.by && ` · ${event.by}`}
      </span>
    </li>
  );
}

/** Newest first, under a heading per month, so a long history stays scannable (B4). */
function groupByMonth(events: TimelineEvent[], month: (value: string | null) => string): Array<{ month: string; events: TimelineEvent[] }> {
  const groups: Array<{ month: string; events: TimelineEvent[] }> = [];
  for (const event of events) {
    const label = month(event.at ?? event.date);
    const last = groups[groups.length - 1];
    if (last && last.month === label) last.events.push(event);
    else groups.push({ month: label, events: [event] });
  }
  return groups;
}

export function ActivityTab({ customerId }: { customerId: string }) {
  const i18n = useI18n();
  const baseId = useId();
  const [open, setOpen] = useState<{ opens: Opens; key: string } | null>(null);
  const returnTo = useRef<string | null>(null);
  // Milestones and invoices from the pages the panel already holds: shown at once, no extra call.
  const quick = useBillingQuery(
    async (billing) => {
      const [subs, invoices] = await Promise.all([
        billing.read('listSubscriptions', customerId, 1),
        billing.read('listInvoices', { customerId, page: 1 }),
      ]);
      return quickTimeline(subs.value.items, invoices.value.items);
    },
    [customerId],
  );
  // The full history costs one call per subscription, so all of them is the agent's explicit choice (SPEC C3).
  const [everySubscription, setEverySubscription] = useState(false);
  const timeline = useBillingQuery((billing) => loadTimeline(billing, customerId, everySubscription), [customerId, everySubscription]);
  // Back from a detail: the row that opened it gets the focus again.
  useEffect(() => {
    if (open || !returnTo.current) return;
    const key = returnTo.current;
    [...document.querySelectorAll<HTMLElement>('[data-event]')].find((el) => el.dataset.event === key)?.focus();
    returnTo.current = null;
  }, [open]);

  if (open) {
    const back = () => {
      returnTo.current = open.key;
      setOpen(null);
    };
    const backLabel = i18n.t('panel.activity.back');
    return open.opens.kind === 'invoice' ? (
      <InvoiceDetailView invoiceId={open.opens.id} onBack={back} backLabel={backLabel} />
    ) : (
      <SubscriptionDetailView subscriptionId={open.opens.id} onBack={back} backLabel={backLabel} />
    );
  }

  const full = timeline.status === 'ready' ? timeline.value : null;
  const events = full?.events ?? (quick.status === 'ready' ? quick.value : null);
  if (events === null || (events.length === 0 && timeline.status === 'loading')) {
    if (timeline.status === 'error') return <BillingErrorView error={timeline.error} onRetry={timeline.retry} />;
    return <Skeleton rows={5} />;
  }
  const onOpen = (opens: Opens, key: string) => setOpen({ opens, key });
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
        // One list per month under its heading (h2: the customer's name is the page's h1), all in one group
        // named Activity: a heading is not an item of a list, so it is not inside one.
        <div role="group" aria-label={i18n.t('panel.tabs.activity')} className="activity-months">
          {groupByMonth(events, i18n.month).map((group, i) => (
            <div key={`month:${i}:${group.month}`}>
              <h2 id={`${baseId}-m${i}`} className="rows-heading">
                {group.month}
              </h2>
              <ol className="rows" aria-labelledby={`${baseId}-m${i}`}>
                {group.events.map((event) => (
                  <EventRow key={event.key} event={event} onOpen={onOpen} />
                ))}
              </ol>
            </div>
          ))}
        </div>
      )}
    </>
  );
}
