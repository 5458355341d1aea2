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
 * "Insert payment link · INV-1 (this ticket)" is wider than a 320 px panel in both languages: it breaks
 * after the number, never inside "(this ticket)" or the Japanese phrase. The text itself is unchanged.
 */
function Label({ text, number }: { text: string; number: string }) {
  const end = number ? text.indexOf(number) + number.length : -1;
  const rest = end > 0 ? text.slice(end) : '';
  if (!rest.trim()) return <span>{text}</span>;
  return (
    <span>
      <span className="keep">{text.slice(0, end)}</span>
      {rest.startsWith(' ') ? ' ' : ''}
      <span className="keep">{rest.trim()}</span>
    </span>
  );
}

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

  const labelOf = (invoice: InvoiceSummary) =>
    i18n.t(invoice === ticketOwn ? 'panel.actions.insertTicketLink' : 'panel.actions.insertLink', { number: invoice.number });

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
          // Chromium names a button from its parts with a space between them; the name stays the sentence.
          aria-label={labelOf(invoice)}
        >
          <Label text={labelOf(invoice)} number={invoice.number} />
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
