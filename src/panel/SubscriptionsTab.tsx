import { SubscriptionActions } from './acting/SubscriptionActions';
import { useState } from 'react';
import { subscriptionWebUrl } from '../billing/dataCenters';
import type { Subscription } from '../billing/types';
import { DateTime } from '../ui/DateTime';
import { EmptyState } from '../ui/EmptyState';
import { Money } from '../ui/Money';
import { Skeleton, Spinner } from '../ui/Spinner';
import { StatusBadge } from '../ui/StatusBadge';
import { useI18n } from '../ui/i18nContext';
import { BillingErrorView, StaleBanner } from './BillingErrorView';
import { InvoiceDetailView } from './InvoiceDetailView';
import { InvoiceRows } from './InvoiceRows';
import { httpsUrl } from '../host/guards';
import { CardLinkActions } from './actions/CardLinkActions';
import { usePanelEnv } from './panelEnv';
import { useBillingPages, useBillingRead } from './useBilling';
import { endedOn, hasEnded, sortSubscriptions } from './subscriptionOrder';

const UNITS = ['day', 'week', 'month', 'year'] as const;
const isUnit = (unit: string): unit is (typeof UNITS)[number] => (UNITS as readonly string[]).includes(unit);

export function usePerInterval() {
  const i18n = useI18n();
  return (s: Pick<Subscription, 'interval' | 'intervalUnit'>) => {
    const unit = s.intervalUnit.toLowerCase().replace(/s$/, '');
    if (!isUnit(unit)) return s.intervalUnit;
    const n = s.interval ?? 1;
    return n === 1 ? i18n.t(`panel.interval.${unit}`) : i18n.t(`panel.interval.${unit}s`, { count: n });
  };
}

/** "Ended Jun 15, 2026": said instead of any renewal for a cancelled or expired subscription. */
function EndedText({ subscription }: { subscription: Subscription }) {
  const i18n = useI18n();
  const on = endedOn(subscription);
  return <>{on ? i18n.t('panel.subscriptions.endedOn', { date: i18n.date(on) }) : i18n.t('panel.subscriptions.ended')}</>;
}

/** The row's date: next billing while it runs, when it ends if it will not renew, when it ended once over. */
function RowDate({ subscription: s }: { subscription: Subscription }) {
  const i18n = useI18n();
  if (hasEnded(s.status)) return <EndedText subscription={s} />;
  if (s.status === 'non_renewing') {
    const on = s.expiresAt || s.currentTermEndsAt;
    if (on) return <>{i18n.t('panel.subscriptions.endsOn', { date: i18n.date(on) })}</>;
  }
  return (
    <>
      {i18n.t('panel.subscriptions.next')} <DateTime value={s.nextBillingAt} />
    </>
  );
}

export function SubscriptionDetailView({ subscriptionId, onBack, backLabel }: { subscriptionId: string; onBack: () => void; backLabel?: string }) {
  const i18n = useI18n();
  const { organization, host, billing } = usePanelEnv();
  const perInterval = usePerInterval();
  const [openInvoice, setOpenInvoice] = useState<string | null>(null);
  const detail = useBillingRead('getSubscription', subscriptionId);
  const invoices = useBillingRead('listInvoices', { subscriptionId, page: 1 });
  const back = (
    <button type="button" className="link-button" onClick={onBack}>
      ← {backLabel ?? i18n.t('panel.subscriptions.back')}
    </button>
  );
  if (openInvoice) return <InvoiceDetailView invoiceId={openInvoice} onBack={() => setOpenInvoice(null)} />;
  if (detail.status === 'loading') return <div>{back}<Skeleton rows={4} /></div>;
  if (detail.status === 'error') return <div>{back}<BillingErrorView error={detail.error} onRetry={detail.retry} /></div>;
  const s = detail.value;
  const cur = s.currencyCode;
  const url = httpsUrl(subscriptionWebUrl(organization.dataCenter, organization.id, s.id));
  const ended = hasEnded(s.status);
  // A cancelled or expired subscription never renews, whatever its remaining cycles say (B5).
  const term = ended
    ? null
    : s.remainingBillingCycles === -1 || s.remainingBillingCycles === null
      ? i18n.t('panel.subscriptions.untilCancelled')
      : i18n.t('panel.subscriptions.cyclesLeft', { count: s.remainingBillingCycles });
  return (
    <section aria-label={i18n.t('panel.subscriptions.detailLabel', { name: s.planName || s.name })}>
      {back}
      <StaleBanner ageMs={detail.ageMs} error={detail.staleError} />
      <h2 className="row-main">
        <span>{s.planName || s.name}</span> <StatusBadge status={s.status} />
      </h2>
      <dl className="facts">
        <dt>{i18n.t('panel.subscriptions.number')}</dt>
        <dd>{s.number}</dd>
        <dt>{i18n.t('panel.subscriptions.plan')}</dt>
        <dd>
          {s.plan ? `${s.plan.name || s.plan.code} × ${i18n.number(s.plan.quantity)}` : s.planName}{' '}
          {s.plan && <Money amount={s.plan.price} currency={cur} />}
        </dd>
        <dt>{i18n.t('panel.subscriptions.amount')}</dt>
        <dd>
          <Money amount={s.amount} currency={cur} /> / {perInterval(s)}
        </dd>
        <dt>{i18n.t('panel.subscriptions.addons')}</dt>
        <dd>
          {s.addons.length === 0
            ? i18n.t('panel.summary.none')
            : s.addons.map((a, i) => (
                <span key={a.code || i} style={{ display: 'block' }}>
                  {a.name || a.code} × {i18n.number(a.quantity)} <Money amount={a.total ?? a.price} currency={cur} />
                </span>
              ))}
        </dd>
        <dt>{i18n.t('panel.subscriptions.coupon')}</dt>
        <dd>
          {s.couponCode ? (
            <>
              {s.couponCode} {s.couponDiscount !== null && <Money amount={s.couponDiscount} currency={cur} />}
            </>
          ) : (
            i18n.t('panel.summary.none')
          )}
        </dd>
        <dt>{i18n.t(ended ? 'panel.subscriptions.lastTerm' : 'panel.subscriptions.term')}</dt>
        <dd>
          <DateTime value={s.currentTermStartsAt} /> – <DateTime value={s.currentTermEndsAt} />
          {term && ` · ${term}`}
        </dd>
        <dt>{i18n.t('panel.subscriptions.renewal')}</dt>
        <dd>
          {ended ? (
            <>
              <EndedText subscription={s} /> · {i18n.t('panel.subscriptions.noRenewal')}
            </>
          ) : s.endOfTerm || s.status === 'non_renewing' ? (
            i18n.t('panel.subscriptions.endsAtTerm')
          ) : (
            <DateTime value={s.nextBillingAt} />
          )}
        </dd>
        <dt>{i18n.t('panel.subscriptions.paymentMethod')}</dt>
        <dd>
          {s.card
            ? i18n.t('panel.subscriptions.card', { lastFour: s.card.lastFour, gateway: s.card.gateway })
            : s.paymentTermsLabel || i18n.t('panel.subscriptions.offline')}
        </dd>
        <dt>{i18n.t('panel.subscriptions.autoCollect')}</dt>
        <dd>{s.autoCollect === null ? '—' : i18n.t(s.autoCollect ? 'panel.yes' : 'panel.no')}</dd>
      </dl>
      <SubscriptionActions subscription={s} stale={detail.staleError !== null} />
      {/* Running with a card or charged automatically: the customer can be sent a page to update it (issue 20). */}
      {!ended && (s.card !== null || s.autoCollect === true) && (
        <CardLinkActions host={host} api={billing.api} subscription={s} canInsert={host.context().kind === 'ticket'} />
      )}
      <h3>{i18n.t('panel.tabs.invoices')}</h3>
      {invoices.status === 'loading' && <Skeleton rows={2} />}
      {invoices.status === 'error' && <BillingErrorView error={invoices.error} onRetry={invoices.retry} />}
      {invoices.status === 'ready' &&
        (invoices.value.items.length === 0 ? (
          <EmptyState title={i18n.t('panel.invoices.empty')} />
        ) : (
          <InvoiceRows invoices={invoices.value.items} onOpen={setOpenInvoice} />
        ))}
      {url && (
        <p>
          <a href={url} target="_blank" rel="noopener noreferrer">{i18n.t('panel.openInBilling')}</a>
        </p>
      )}
    </section>
  );
}

export function SubscriptionsTab({ customerId }: { customerId: string }) {
  const i18n = useI18n();
  const perInterval = usePerInterval();
  const [open, setOpen] = useState<string | null>(null);
  const list = useBillingPages('listSubscriptions', (page) => [customerId, page]);
  if (open) return <SubscriptionDetailView subscriptionId={open} onBack={() => setOpen(null)} />;
  return (
    <div>
      <StaleBanner ageMs={list.ageMs} error={list.staleError} />
      {list.status === 'loading' && <Skeleton rows={3} />}
      {list.status === 'error' && list.error && <BillingErrorView error={list.error} onRetry={list.retry} />}
      {list.status !== 'loading' && list.items.length > 0 && (
        <ul className="rows" aria-label={i18n.t('panel.tabs.subscriptions')}>
          {sortSubscriptions(list.items).map((s) => (
            <li key={s.id} className="stretch-row">
              {/* Only the plan's name is the control (its name contains what it shows: WCAG 2.5.3); a click
                  anywhere on the row still opens the subscription. */}
              <span className="row-main">
                <button type="button" className="row-button stretch" onClick={() => setOpen(s.id)} aria-label={i18n.t('panel.subscriptions.open', { name: s.planName || s.name })}>
                  <strong>{s.planName || s.name}</strong>
                </button>
                <StatusBadge status={s.status} />
              </span>
              <span className="row-main muted">
                <span>
                  <Money amount={s.amount} currency={s.currencyCode} /> / {perInterval(s)}
                </span>
                <span>
                  <RowDate subscription={s} />
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {list.status === 'ready' && list.items.length === 0 && <EmptyState title={i18n.t('panel.subscriptions.empty')} />}
      {list.status === 'loading-more' && <Spinner />}
      {list.status === 'ready' && list.hasMore && (
        <button type="button" className="button" onClick={list.loadMore}>
          {i18n.t('panel.loadMore')}
        </button>
      )}
    </div>
  );
}
