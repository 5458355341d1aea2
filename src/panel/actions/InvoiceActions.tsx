import { useRef, useState } from 'react';
import { invoiceWebUrl } from '../../billing/dataCenters';
import type { BillingApi, InvoiceSummary } from '../../billing/types';
import { httpsUrl } from '../../host/guards';
import type { DataCenter, DeskHost } from '../../host/types';
import { useI18n } from '../../ui/i18nContext';
import { ActionError } from './ActionError';
import { payable } from './paymentLink';
import { useOnce } from './useOnce';
import './actions.css';

export interface InvoiceActionsProps {
  host: DeskHost;
  api: Pick<BillingApi, 'createInvoicePaymentLink' | 'getInvoicePdf'>;
  /** An InvoiceDetail works too; only these fields are read. */
  invoice: Pick<InvoiceSummary, 'id' | 'number' | 'status' | 'balance'>;
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
  const link = useRef<string | null>(null);

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

  const paymentLink = async (): Promise<string> => {
    if (link.current) return link.current;
    const url = httpsUrl(await api.createInvoicePaymentLink(invoice.id));
    if (!url) throw new Error('Billing gave a payment link that is not https');
    link.current = url;
    return url;
  };

  const insert = () =>
    once('insert', async () => {
      const url = await paymentLink();
      const result = await host.insertIntoReply({ text: i18n.t('actions.invoiceActions.replyText', { number: invoice.number }), url });
      if (!result.ok) {
        setNotice({ kind: 'alert', text: i18n.t('actions.invoiceActions.insertFailed') });
        return;
      }
      setNotice({ kind: 'status', text: i18n.t('actions.invoiceActions.inserted') });
      host.notify(i18n.t('actions.invoiceActions.inserted'), 'success');
    });

  const copy = () =>
    once('copy', async () => {
      const url = await paymentLink();
      const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
      try {
        if (!clipboard || typeof clipboard.writeText !== 'function') throw new Error('no clipboard');
        await clipboard.writeText(url);
        setManualLink(null);
        setNotice({ kind: 'status', text: i18n.t('actions.invoiceActions.copied') });
      } catch {
        // Desk's iframe may not grant clipboard access: show the link to copy by hand.
        setManualLink(url);
        setNotice({ kind: 'status', text: i18n.t('actions.invoiceActions.copyFallback') });
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
            {busy === 'insert' ? i18n.t('actions.invoiceActions.working') : i18n.t('actions.invoiceActions.insert')}
          </button>
        )}
        {canPay && (
          <button type="button" className="button" onClick={copy} disabled={busy !== null} aria-busy={busy === 'copy' || undefined}>
            {busy === 'copy' ? i18n.t('actions.invoiceActions.working') : i18n.t('actions.invoiceActions.copy')}
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
