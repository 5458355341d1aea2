import { useRef, useState } from 'react';
import type { BillingApi, ReplyLink, Subscription } from '../../billing/types';
import type { DeskHost } from '../../host/types';
import { useI18n } from '../../ui/i18nContext';
import { ActionError } from './ActionError';
import { hostedLink, insertLink, linkNotice } from './paymentLink';
import { useOnce } from './useOnce';
import './actions.css';

/** A hosted page made this long before its end is still handed out again; nearer, a new one is made. */
const REUSE_MARGIN_MS = 15 * 60_000;

/**
 * A link for the customer to update the card of a subscription (`POST /hostedpages/updatecard`), into the
 * reply or copied. The page expires within the hour (hosted-pages.yml): the buttons say so, and the
 * inserted text and the notice say until when.
 */
export function CardLinkActions({
  host,
  api,
  subscription,
  canInsert,
}: {
  host: DeskHost;
  api: Pick<BillingApi, 'createCardUpdateLink'>;
  subscription: Pick<Subscription, 'id' | 'planName' | 'name'>;
  canInsert: boolean;
}) {
  const i18n = useI18n();
  const { busy: running, run } = useOnce();
  const [working, setWorking] = useState<null | 'insert' | 'copy'>(null);
  const [notice, setNotice] = useState<{ kind: 'status' | 'alert'; text: string } | { kind: 'error'; error: unknown } | null>(null);
  const [manual, setManual] = useState<string | null>(null);
  const made = useRef<ReplyLink | null>(null);
  const plan = subscription.planName || subscription.name;
  const busy = running ? working : null;

  const link = async (): Promise<ReplyLink> => {
    const kept = made.current;
    if (kept && kept.expiresAt && Date.parse(kept.expiresAt) - Date.now() > REUSE_MARGIN_MS) return kept;
    made.current = hostedLink(await api.createCardUpdateLink(subscription.id));
    return made.current;
  };

  const once = (which: 'insert' | 'copy', task: () => Promise<void>) =>
    run(async () => {
      setWorking(which);
      setNotice(null);
      try {
        await task();
      } catch (error) {
        setNotice({ kind: 'error', error });
      }
    });

  const insert = () =>
    once('insert', async () => {
      const page = await link();
      if (!(await insertLink(host, i18n, 'card', plan, page))) {
        setNotice({ kind: 'alert', text: i18n.t('actions.invoiceActions.insertFailed') });
        return;
      }
      setNotice({ kind: 'status', text: linkNotice(i18n, 'card', 'inserted', page) });
    });

  const copy = () =>
    once('copy', async () => {
      const page = await link();
      const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
      try {
        if (!clipboard || typeof clipboard.writeText !== 'function') throw new Error('no clipboard');
        await clipboard.writeText(page.url);
        setManual(null);
        setNotice({ kind: 'status', text: linkNotice(i18n, 'card', 'copied', page) });
      } catch {
        // Desk's iframe may not grant clipboard access: the link to copy by hand.
        setManual(page.url);
        setNotice({ kind: 'status', text: linkNotice(i18n, 'card', 'copyFallback', page) });
      }
    });

  return (
    <div className="action-invoice" role="group" aria-label={i18n.t('actions.cardLink.group', { plan })}>
      <div className="toolbar">
        {canInsert && (
          <button type="button" className="button" onClick={insert} disabled={busy !== null} aria-busy={busy === 'insert' || undefined}>
            {busy === 'insert' ? i18n.t('actions.invoiceActions.working') : i18n.t('actions.cardLink.insert')}
          </button>
        )}
        <button type="button" className="button" onClick={copy} disabled={busy !== null} aria-busy={busy === 'copy' || undefined}>
          {busy === 'copy' ? i18n.t('actions.invoiceActions.working') : i18n.t('actions.cardLink.copy')}
        </button>
      </div>
      {notice && notice.kind !== 'error' && (
        <p role={notice.kind} className={notice.kind === 'alert' ? 'field-error' : 'muted'}>
          {notice.text}
        </p>
      )}
      {notice?.kind === 'error' && <ActionError error={notice.error} />}
      {manual && (
        <div className="action-field">
          <label htmlFor={`card-link-${subscription.id}`}>{i18n.t('actions.cardLink.linkLabel')}</label>
          <input id={`card-link-${subscription.id}`} type="text" readOnly value={manual} onFocus={(e) => e.currentTarget.select()} />
        </div>
      )}
    </div>
  );
}
