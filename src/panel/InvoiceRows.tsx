import type { InvoiceSummary } from '../billing/types';
import { DateTime } from '../ui/DateTime';
import { Money } from '../ui/Money';
import { StatusBadge } from '../ui/StatusBadge';
import { useI18n } from '../ui/i18nContext';

export function InvoiceRows({ invoices, onOpen }: { invoices: InvoiceSummary[]; onOpen: (id: string) => void }) {
  const i18n = useI18n();
  return (
    <ul className="rows" aria-label={i18n.t('panel.tabs.invoices')}>
      {invoices.map((inv) => (
        <li key={inv.id}>
          <button
            type="button"
            className="row-button"
            onClick={() => onOpen(inv.id)}
            aria-label={i18n.t('panel.invoices.open', { number: inv.number })}
          >
            <span className="row-main">
              <strong>{inv.number}</strong>
              <StatusBadge status={inv.status} />
            </span>
            <span className="row-main muted">
              <span>
                <DateTime value={inv.date} /> → <DateTime value={inv.dueDate} />
              </span>
              <span>
                {i18n.t('panel.invoices.total')} <Money amount={inv.total} currency={inv.currencyCode} /> ·{' '}
                {i18n.t('panel.invoices.balance')} <Money amount={inv.balance} currency={inv.currencyCode} />
              </span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
