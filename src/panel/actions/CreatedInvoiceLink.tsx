import { useState } from 'react';
import type { BillingApi } from '../../billing/types';
import type { DataCenter, DeskHost } from '../../host/types';
import type { WrittenDocument } from '../../integration/writes/writeGuard';
import { useI18n } from '../../ui/i18nContext';
import { ActionError } from './ActionError';
import { InvoiceActions } from './InvoiceActions';
import { useOnce } from './useOnce';

/**
 * Right after an invoice is created: its payment link, one click from the reply (InvoiceActions does the
 * link). Billing creates invoices as drafts, which a customer cannot pay, so a draft is first opened
 * (`converttoopen`, nothing is emailed) at the agent's word.
 */
export function CreatedInvoiceLink({
  host,
  api,
  invoice,
  organization,
  canInsert,
}: {
  host: DeskHost;
  api: Pick<BillingApi, 'getInvoice' | 'createInvoicePaymentLink' | 'getInvoicePdf' | 'markInvoiceOpen'>;
  invoice: WrittenDocument;
  organization: { id: string; dataCenter: DataCenter };
  canInsert: boolean;
}) {
  const i18n = useI18n();
  const [status, setStatus] = useState(invoice.status ?? '');
  const [error, setError] = useState<unknown>(null);
  const { busy, run } = useOnce();

  const open = () =>
    run(async () => {
      setError(null);
      try {
        await api.markInvoiceOpen(invoice.id);
        setStatus('sent');
      } catch (e) {
        setError(e);
      }
    });

  if (status.toLowerCase() === 'draft') {
    return (
      <div className="action-invoice" role="group" aria-label={i18n.t('actions.invoiceActions.group', { number: invoice.number })}>
        <p className="muted">{i18n.t('actions.invoice.draftNote')}</p>
        <div className="toolbar">
          <button type="button" className="button" onClick={() => void open()} disabled={busy} aria-busy={busy || undefined}>
            {busy ? i18n.t('actions.invoiceActions.working') : i18n.t('actions.invoice.openForPayment')}
          </button>
        </div>
        {error !== null && <ActionError error={error} />}
      </div>
    );
  }
  return (
    <InvoiceActions
      host={host}
      api={api}
      invoice={{ id: invoice.id, number: invoice.number, status, balance: invoice.balance }}
      organization={organization}
      canInsert={canInsert}
    />
  );
}
