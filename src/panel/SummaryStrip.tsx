import type { CustomerSummary, InvoiceSummary, Subscription } from '../billing/types';
import { DateTime } from '../ui/DateTime';
import { Money } from '../ui/Money';
import { useI18n } from '../ui/i18nContext';
import { currentSubscription } from './subscriptionOrder';

export function latestInvoice(invoices: InvoiceSummary[]): InvoiceSummary | null {
  let best: InvoiceSummary | null = null;
  for (const invoice of invoices) if (!best || (invoice.date ?? '') > (best.date ?? '')) best = invoice;
  return best;
}

/** The agent's five usual questions at a glance (SPEC B15). */
export function SummaryStrip({
  customer,
  subscriptions,
  invoices,
}: {
  customer: CustomerSummary;
  subscriptions: Subscription[] | null;
  invoices: InvoiceSummary[] | null;
}) {
  const i18n = useI18n();
  const current = subscriptions ? currentSubscription(subscriptions) : null;
  const last = invoices ? latestInvoice(invoices) : null;
  const loading = <span className="muted">{i18n.t('common.loading')}</span>;
  const none = <span className="muted">{i18n.t('panel.summary.none')}</span>;
  const paid = last && (last.status === 'paid' || last.balance === 0);
  return (
    <ul className="summary-strip" aria-label={i18n.t('panel.summary.label')}>
      <li>
        <div className="label">{i18n.t('panel.summary.plan')}</div>
        {subscriptions === null ? loading : current ? <span>{current.planName || current.name}</span> : none}
      </li>
      <li>
        <div className="label">{i18n.t('panel.summary.renewal')}</div>
        {subscriptions === null ? (
          loading
        ) : current?.nextBillingAt ? (
          <span>
            <DateTime value={current.nextBillingAt} /> · <Money amount={current.amount} currency={current.currencyCode ?? customer.currencyCode} />
          </span>
        ) : (
          none
        )}
      </li>
      <li>
        <div className="label">{i18n.t('panel.summary.lastInvoice')}</div>
        {invoices === null ? (
          loading
        ) : last ? (
          <span>
            {last.number} · <DateTime value={last.date} /> ·{' '}
            {paid ? (
              i18n.t('panel.summary.paid')
            ) : (
              // "Unpaid" and its amount stay on one line when the row wraps at 320 px.
              <span className="keep">
                {i18n.t('panel.summary.unpaid')} <Money amount={last.balance} currency={last.currencyCode ?? customer.currencyCode} />
              </span>
            )}
          </span>
        ) : (
          none
        )}
      </li>
      <li>
        <div className="label">{i18n.t('panel.unusedCredits')}</div>
        <Money amount={customer.unusedCredits} currency={customer.currencyCode} />
      </li>
      <li>
        {/* One name for what the customer owes, everywhere; the help article's term is only a hint. */}
        <div className="label" title={i18n.t('panel.outstandingHint')}>{i18n.t('panel.outstanding')}</div>
        <Money amount={customer.outstanding} currency={customer.currencyCode} />
      </li>
    </ul>
  );
}
