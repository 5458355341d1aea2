import { useRef, useState } from 'react';
import { toBillingError } from '../billing/errors';
import type { InvoiceSummary } from '../billing/types';
import type { LocationKind } from '../host/types';
import { useI18n } from '../ui/i18nContext';
import { MoreActionsMenu, type MenuAction } from '../ui/MoreActionsMenu';
import { insertPaymentLink, latestUnpaid, linkNotice, paymentLinkFor } from './actions/paymentLink';
import { errorWords } from './errorWords';
import { usePanelEnv } from './panelEnv';
import { isForTicket } from './ticketInvoices';

type Notice = { kind: 'status' | 'alert'; text: string } | null;
export type DocumentForm = 'invoice' | 'quote';

/**
 * The first screen's actions in ONE row, so the header, the strip and the actions leave the tabs in the
 * top third of an 800 px panel (SPEC C4; two rows of buttons put them at 47 % in Japanese at 320 px).
 *
 * On a ticket the row is the one-click payment link (SPEC B11: the ticket's own unpaid invoice, else the
 * latest unpaid one) and a "⋯" menu at the row's end with the rest: the other offer, New invoice, New quote.
 * The menu is there before the invoices load, so nothing moves under the pointer when the link appears.
 * A contact or account page has no reply editor: its row is New invoice and New quote.
 * Works from the rows the panel already loaded: no extra Billing call to show it.
 */
export function ActionBar({
  kind,
  invoices,
  onOpen,
}: {
  kind: LocationKind;
  /** The customer's first invoice page, null while it loads. */
  invoices: InvoiceSummary[] | null;
  onOpen: (form: DocumentForm) => void;
}) {
  const i18n = useI18n();
  const { host, billing, ticketNumber } = usePanelEnv();
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const running = useRef(false);
  const onTicket = kind === 'ticket';

  const latest = onTicket && invoices ? latestUnpaid(invoices) : null;
  const ticketOwn = onTicket && invoices && ticketNumber ? latestUnpaid(invoices.filter((i) => isForTicket(i, ticketNumber))) : null;
  const offers = [ticketOwn, latest].filter((i, index, all): i is InvoiceSummary => i !== null && all.findIndex((x) => x?.id === i.id) === index);
  const sentence = (invoice: InvoiceSummary) =>
    i18n.t(invoice === ticketOwn ? 'panel.actions.insertTicketLink' : 'panel.actions.insertLink', { number: invoice.number });

  const insert = async (invoice: InvoiceSummary) => {
    if (running.current) return;
    running.current = true;
    setBusy(invoice.id);
    setNotice(null);
    try {
      const link = await paymentLinkFor(billing.api, invoice.id);
      const inserted = await insertPaymentLink(host, i18n, invoice, link);
      setNotice(
        inserted
          ? { kind: 'status', text: linkNotice(i18n, 'payment', 'inserted', link) }
          : { kind: 'alert', text: i18n.t('actions.invoiceActions.insertFailed') },
      );
    } catch (error) {
      setNotice({ kind: 'alert', text: errorWords(i18n, toBillingError(error), null, Date.now()) });
    } finally {
      running.current = false;
      setBusy(null);
    }
  };

  const create = (form: DocumentForm) => (
    <button key={form} type="button" className="button" data-opens={form} onClick={() => onOpen(form)}>
      {i18n.t(form === 'invoice' ? 'panel.actions.createInvoice' : 'panel.actions.createQuote')}
    </button>
  );
  const [primary, ...others] = offers;
  const more: MenuAction[] = [
    ...others.map((invoice) => ({ id: `link-${invoice.id}`, label: sentence(invoice), disabled: busy !== null, onSelect: () => void insert(invoice) })),
    { id: 'invoice', label: i18n.t('panel.actions.createInvoice'), onSelect: () => onOpen('invoice') },
    { id: 'quote', label: i18n.t('panel.actions.createQuote'), onSelect: () => onOpen('quote') },
  ];

  return (
    <div className="toolbar action-bar" role="group" aria-label={i18n.t('panel.actions.label')}>
      {!onTicket ? (
        <>
          {create('invoice')}
          {create('quote')}
        </>
      ) : (
        <>
          {primary && (
            <button
              type="button"
              className="button"
              disabled={busy !== null}
              aria-busy={busy === primary.id || undefined}
              onClick={() => void insert(primary)}
              // The row has room for the number, not for "(this ticket)": that is the button's description.
              title={primary === ticketOwn ? sentence(primary) : undefined}
            >
              {i18n.t('panel.actions.insertLink', { number: primary.number })}
            </button>
          )}
          <MoreActionsMenu label={i18n.t('panel.actions.more')} actions={more} buttonClassName="button icon-button" buttonProps={{ 'data-opens-menu': 'actions' }} />
        </>
      )}
      {notice && (
        <p role={notice.kind} className={notice.kind === 'alert' ? 'field-error toolbar-note' : 'muted toolbar-note'}>
          {notice.text}
        </p>
      )}
    </div>
  );
}
