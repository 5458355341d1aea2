import { useRef, useState } from 'react';
import { invoiceWebUrl } from '../../billing/dataCenters';
import type { BillingApi, InvoiceSummary, ReplyLink } from '../../billing/types';
import { httpsUrl } from '../../host/guards';
import type { DataCenter, DeskHost } from '../../host/types';
import { useI18n } from '../../ui/i18nContext';
import { ActionError } from './ActionError';
import { insertPaymentLink, linkNotice, payable, paymentLinkFor } from './paymentLink';
import { useOnce } from './useOnce';
import './actions.css';

export interface InvoiceActionsProps {
  host: DeskHost;
  api: Pick<BillingApi, 'getInvoice' | 'createInvoicePaymentLink' | 'getInvoicePdf'>;
  /**
   * An InvoiceDetail works too; only these fields are read. `invoiceUrl` (the detail's): whether the
   * invoice has its own page that lasts; absent when not known yet (it is read on the first click).
   */
  invoice: Pick<InvoiceSummary, 'id' | 'number' | 'status' | 'balance'> & { invoiceUrl?: string | null };
  organization: { id: string; dataCenter: DataCenter };
  /** Whether the reply editor exists here (ticket pages); elsewhere "Insert" is not offered. */
  canInsert?: boolean;
}

type Notice = { kind: 'status' | 'alert'; text: string } | { kind: 'error'; error: unknown } | null;

/** A file name the OS accepts whatever Billing put in the number (e.g. "INV/2026/7"); never the internal id. */
export function pdfFileName(number: string): string {
  const base = number.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim() || 'invoice';
  return `${base}.pdf`;
}

export function InvoiceActions({ host, api, invoice, organization, canInsert = true }: InvoiceActionsProps) {
  const i18n = useI18n();
  const { busy: running, run } = useOnce();
  // Which button is working: its label changes; useOnce keeps the other buttons from starting a second task.
  const [working, setWorking] = useState<null | 'insert' | 'copy' | 'pdf'>(null);
  const busy = running ? working : null;
  const [notice, setNotice] = useState<Notice>(null);
  const [manualLink, setManualLink] = useState<string | null>(null);
  // Each hosted payment page is a Billing write: one per invoice per panel is enough.
  const link = useRef<ReplyLink | null>(null);
  // Known to have no page of its own: the link will be a hosted page, which expires within the hour.
  const expiring = invoice.invoiceUrl === null;

  const once = (which: 'insert' | 'copy' | 'pdf', task: () => Promise<void>) =>
    run(async () => {
      setWorking(which);
      setNotice(null);
      try {
        await task();
      } catch (error) {
        setNotice({ kind: 'error', error });
      }
    });

  const paymentLink = async (): Promise<ReplyLink> => {
    // A hosted page made a while ago may be near its end: a fresh one then (it is cheap for the agent).
    if (link.current && (link.current.expiresAt === null || Date.parse(link.current.expiresAt) - Date.now() > 15 * 60_000)) return link.current;
    link.current = await paymentLinkFor(api, invoice.id, invoice.invoiceUrl === undefined ? undefined : { invoiceUrl: invoice.invoiceUrl });
    return link.current;
  };

  const insert = () =>
    once('insert', async () => {
      const made = await paymentLink();
      if (!(await insertPaymentLink(host, i18n, invoice, made))) {
        setNotice({ kind: 'alert', text: i18n.t('actions.invoiceActions.insertFailed') });
        return;
      }
      setNotice({ kind: 'status', text: linkNotice(i18n, 'payment', 'inserted', made) });
    });

  const copy = () =>
    once('copy', async () => {
      const made = await paymentLink();
      const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
      try {
        if (!clipboard || typeof clipboard.writeText !== 'function') throw new Error('no clipboard');
        await clipboard.writeText(made.url);
        setManualLink(null);
        setNotice({ kind: 'status', text: linkNotice(i18n, 'payment', 'copied', made) });
      } catch {
        // Desk's iframe may not grant clipboard access: show the link to copy by hand.
        setManualLink(made.url);
        setNotice({ kind: 'status', text: linkNotice(i18n, 'payment', 'copyFallback', made) });
      }
    });

  const open = () => {
    const url = httpsUrl(invoiceWebUrl(organization.dataCenter, organization.id, invoice.id));
    if (url) host.openUrl(url);
  };

  const download = () =>
    once('pdf', async () => {
      const blob = await api.getInvoicePdf(invoice.id);
      const url = URL.createObjectURL(blob);
      try {
        const a = document.createElement('a');
        a.href = url;
        a.download = pdfFileName(invoice.number);
        a.rel = 'noopener';
        a.style.display = 'none';
        document.body.appendChild(a);
        a.click();
        a.remove();
        setNotice({ kind: 'status', text: i18n.t('actions.invoiceActions.downloaded', { file: a.download }) });
      } finally {
        // The click has handed the URL to the browser's download; keeping it would leak the PDF's memory.
        setTimeout(() => URL.revokeObjectURL(url), 0);
      }
    });

  const canPay = payable(invoice);
  return (
    <div className="action-invoice" role="group" aria-label={i18n.t('actions.invoiceActions.group', { number: invoice.number })}>
      <div className="toolbar">
        {canPay && canInsert && (
          <button type="button" className="button" onClick={insert} disabled={busy !== null} aria-busy={busy === 'insert' || undefined}>
            {busy === 'insert' ? i18n.t('actions.invoiceActions.working') : i18n.t(expiring ? 'actions.invoiceActions.insertExpiring' : 'actions.invoiceActions.insert')}
          </button>
        )}
        {canPay && (
          <button type="button" className="button" onClick={copy} disabled={busy !== null} aria-busy={busy === 'copy' || undefined}>
            {busy === 'copy' ? i18n.t('actions.invoiceActions.working') : i18n.t(expiring ? 'actions.invoiceActions.copyExpiring' : 'actions.invoiceActions.copy')}
          </button>
        )}
        <button type="button" className="button" onClick={open}>
          {i18n.t('actions.invoiceActions.open')}
        </button>
        <button type="button" className="button" onClick={download} disabled={busy !== null} aria-busy={busy === 'pdf' || undefined}>
          {busy === 'pdf' ? i18n.t('actions.invoiceActions.working') : i18n.t('actions.invoiceActions.pdf')}
        </button>
      </div>
      {notice?.kind === 'status' && (
        <p role="status" className="muted">
          {notice.text}
        </p>
      )}
      {notice?.kind === 'alert' && (
        <p role="alert" className="field-error">
          {notice.text}
        </p>
      )}
      {notice?.kind === 'error' && <ActionError error={notice.error} />}
      {manualLink && (
        <div className="action-field">
          <label htmlFor={`link-${invoice.id}`}>{i18n.t('actions.invoiceActions.linkLabel')}</label>
          <input id={`link-${invoice.id}`} type="text" readOnly value={manualLink} onFocus={(e) => e.currentTarget.select()} />
        </div>
      )}
    </div>
  );
}
