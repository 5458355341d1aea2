import { useRef, useState } from 'react';
import { toBillingError } from '../billing/errors';
import type { InvoiceSummary } from '../billing/types';
import { useI18n } from '../ui/i18nContext';
import { insertPaymentLink, latestUnpaid, paymentLinkFor } from './actions/paymentLink';
import { errorWords } from './errorWords';
import { usePanelEnv } from './panelEnv';
import { isForTicket } from './ticketInvoices';

type Notice = { kind: 'status' | 'alert'; text: string } | null;

/**
 * One click from the first screen puts a payment link into the reply (SPEC B11; it took 3–4 clicks
 * through Invoices → invoice → Insert): the latest unpaid invoice, and this ticket's own unpaid invoice
 * when it is another one. Works from the rows the panel already loaded: no extra Billing call to show it.
 */
export function PaymentLinkShortcut({ invoices }: { invoices: InvoiceSummary[] }) {
  const i18n = useI18n();
  const { host, billing, ticketNumber } = usePanelEnv();
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const running = useRef(false);
  const latest = latestUnpaid(invoices);
  const ticketOwn = ticketNumber ? latestUnpaid(invoices.filter((i) => isForTicket(i, ticketNumber))) : null;
  const offers = [ticketOwn, latest].filter((i, index, all): i is InvoiceSummary => i !== null && all.findIndex((x) => x?.id === i.id) === index);
  if (offers.length === 0) return null;

  const insert = async (invoice: InvoiceSummary) => {
    if (running.current) return;
    running.current = true;
    setBusy(invoice.id);
    setNotice(null);
    try {
      const inserted = await insertPaymentLink(host, i18n, invoice, await paymentLinkFor(billing.api, invoice.id));
      setNotice(
        inserted
          ? { kind: 'status', text: i18n.t('actions.invoiceActions.inserted') }
          : { kind: 'alert', text: i18n.t('actions.invoiceActions.insertFailed') },
      );
    } catch (error) {
      setNotice({ kind: 'alert', text: errorWords(i18n, toBillingError(error), null, Date.now()) });
    } finally {
      running.current = false;
      setBusy(null);
    }
  };

  return (
    <>
      {offers.map((invoice) => (
        <button
          key={invoice.id}
          type="button"
          className="button"
          disabled={busy !== null}
          aria-busy={busy === invoice.id || undefined}
          onClick={() => void insert(invoice)}
        >
          {i18n.t(invoice === ticketOwn ? 'panel.actions.insertTicketLink' : 'panel.actions.insertLink', { number: invoice.number })}
        </button>
      ))}
      {notice && (
        <p role={notice.kind} className={notice.kind === 'alert' ? 'field-error toolbar-note' : 'muted toolbar-note'}>
          {notice.text}
        </p>
      )}
    </>
  );
}
