import { DateTime } from '../ui/DateTime';
import { CollectNow } from './acting/CollectNow';
import { EmptyState } from '../ui/EmptyState';
import { Money } from '../ui/Money';
import { Skeleton } from '../ui/Spinner';
import { StatusBadge } from '../ui/StatusBadge';
import { useI18n } from '../ui/i18nContext';
import { BillingErrorView, StaleBanner } from './BillingErrorView';
import { ActionSuspense, LazyInvoiceActions } from './lazyActions';
import { usePanelEnv } from './panelEnv';
import { useBillingRead } from './useBilling';

export function InvoiceDetailView({ invoiceId, onBack, backLabel }: { invoiceId: string; onBack: () => void; backLabel?: string }) {
  const i18n = useI18n();
  const { billing, organization, host } = usePanelEnv();
  // Only a ticket page has a reply editor to insert the payment link into.
  const canInsert = host.context().kind === 'ticket';
  const detail = useBillingRead('getInvoice', invoiceId);
  const back = (
    <button type="button" className="link-button" onClick={onBack}>
      ← {backLabel ?? i18n.t('panel.invoices.back')}
    </button>
  );
  if (detail.status === 'loading') return <div>{back}<Skeleton rows={4} /></div>;
  if (detail.status === 'error') return <div>{back}<BillingErrorView error={detail.error} onRetry={detail.retry} /></div>;
  const inv = detail.value;
  const cur = inv.currencyCode;
  return (
    <section aria-label={i18n.t('panel.invoices.detailLabel', { number: inv.number })}>
      {back}
      <StaleBanner ageMs={detail.ageMs} error={detail.staleError} />
      <h2 className="row-main">
        <span>{inv.number}</span> <StatusBadge status={inv.status} />
      </h2>
      <ActionSuspense>
        <LazyInvoiceActions host={host} api={billing.api} invoice={inv} organization={organization} canInsert={canInsert} />
      </ActionSuspense>
      <CollectNow invoice={inv} stale={detail.staleError !== null} />
      <dl className="facts">
        <dt>{i18n.t('panel.invoices.date')}</dt>
        <dd><DateTime value={inv.date} /></dd>
        <dt>{i18n.t('panel.invoices.dueDate')}</dt>
        <dd><DateTime value={inv.dueDate} /></dd>
        {inv.referenceNumber && (
          <>
            <dt>{i18n.t('panel.invoices.reference')}</dt>
            <dd>{inv.referenceNumber}</dd>
          </>
        )}
      </dl>
      <h3>{i18n.t('panel.invoices.lines')}</h3>
      {inv.lines.length === 0 ? (
        <EmptyState title={i18n.t('panel.invoices.noLines')} />
      ) : (
        <table className="lines">
          <thead>
            <tr>
              <th>{i18n.t('panel.invoices.item')}</th>
              <th className="num">{i18n.t('panel.invoices.quantity')}</th>
              <th className="num">{i18n.t('panel.invoices.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {inv.lines.map((line, i) => (
              <tr key={line.id || i}>
                <td>
                  {line.name || line.code}
                  {line.description && <div className="muted">{line.description}</div>}
                </td>
                <td className="num">{i18n.number(line.quantity)}</td>
                <td className="num"><Money amount={line.total} currency={cur} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <dl className="facts">
        <dt>{i18n.t('panel.invoices.subTotal')}</dt>
        <dd><Money amount={inv.subTotal} currency={cur} /></dd>
        {inv.taxTotal !== null && inv.taxTotal !== 0 && (
          <>
            <dt>{i18n.t('panel.invoices.tax')}</dt>
            <dd><Money amount={inv.taxTotal} currency={cur} /></dd>
          </>
        )}
        <dt>{i18n.t('panel.invoices.total')}</dt>
        <dd><Money amount={inv.total} currency={cur} /></dd>
        <dt>{i18n.t('panel.invoices.paymentMade')}</dt>
        <dd><Money amount={inv.paymentMade} currency={cur} /></dd>
        {inv.creditsApplied !== null && inv.creditsApplied !== 0 && (
          <>
            <dt>{i18n.t('panel.invoices.creditsApplied')}</dt>
            <dd><Money amount={inv.creditsApplied} currency={cur} /></dd>
          </>
        )}
        <dt>{i18n.t('panel.invoices.balance')}</dt>
        <dd><Money amount={inv.balance} currency={cur} /></dd>
      </dl>
      <h3>{i18n.t('panel.invoices.payments')}</h3>
      {inv.payments.length === 0 ? (
        <EmptyState title={i18n.t('panel.invoices.noPayments')} />
      ) : (
        <ul className="rows">
          {inv.payments.map((p, i) => (
            <li key={p.id || i} className="row-main">
              <span><DateTime value={p.date} /> · {p.mode}{p.referenceNumber ? ` · ${p.referenceNumber}` : ''}</span>
              <Money amount={p.amount} currency={cur} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
