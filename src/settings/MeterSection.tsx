import { useId, useState, type FormEvent } from 'react';
import type { DeskHost } from '../host/types';
import type { I18n } from '../i18n/i18n';
import { useLatest } from '../ui/useLatest';
import { levelOf, NEAR_CAP_SHARE, pruneMeter, readMeterHistory, saveMeterCap, type MeterDay } from '../integration/portal/dailyMeter';
import { reasonText } from './reasons';

interface Props {
  i18n: I18n;
  host: DeskHost;
  canEdit: boolean;
  now?: () => Date;
}

type Load = { status: 'loading' } | { status: 'error'; reason: string } | { status: 'ok'; days: MeterDay[]; cap: number | null };

/**
 * SPEC E1: what the extension spent of the organization's daily Billing budget, today and the 6 days
 * before (counted by the panels themselves, see dailyMeter.ts), and the cap an admin may set. Near the
 * cap the panels stop background refreshes; past it they call Billing only when an agent asks.
 */
export function MeterSection({ i18n, host, canEdit, now = () => new Date() }: Props) {
  const { t } = i18n;
  const id = useId();
  /** What the agent typed for the cap; null: the cap as read. */
  const [typed, setTyped] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  const history = useLatest(async () => {
    const at = now().getTime();
    const read = await readMeterHistory(host.storage, at);
    // Old days are dropped by an admin's visit, so the rows read here stay few.
    if (read.ok && canEdit) void pruneMeter(host.storage, at);
    return read;
  }, [host, canEdit]);
  let load: Load = { status: 'loading' };
  if (history.status === 'error') load = { status: 'error', reason: reasonText(i18n, 'storage') };
  else if (history.status === 'ready')
    load = history.value.ok ? { status: 'ok', ...history.value.value } : { status: 'error', reason: reasonText(i18n, history.value.error.kind) };
  const draft = typed ?? (load.status === 'ok' && load.cap !== null ? String(load.cap) : '');

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const text = draft.trim();
    const cap = text === '' ? null : Number(text);
    if (cap !== null && (!Number.isInteger(cap) || cap < 1 || cap > 1_000_000)) {
      setMessage({ kind: 'error', text: t('settings.meter.capInvalid') });
      return;
    }
    setSaving(true);
    const wrote = await saveMeterCap(host.storage, cap, host.context().user.name, now().getTime());
    setSaving(false);
    if (!wrote.ok) {
      setMessage({ kind: 'error', text: t('settings.meter.capFailed', { reason: reasonText(i18n, wrote.error.kind) }) });
      return;
    }
    setMessage({ kind: 'ok', text: cap === null ? t('settings.meter.capCleared') : t('settings.meter.capSaved', { count: cap }) });
    if (load.status === 'ok') history.set({ ok: true, value: { days: load.days, cap } });
  };

  const today = load.status === 'ok' ? load.days[0] : undefined;
  const level = load.status === 'ok' && today ? levelOf(today.calls, load.cap) : 'normal';
  return (
    <section className="zs-card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('settings.meter.heading')}</h2>
      <p className="muted">{t('settings.meter.help')}</p>
      {load.status === 'loading' && <p role="status">{t('settings.meter.loading')}</p>}
      {load.status === 'error' && (
        <div role="alert">
          <p>{t('settings.meter.loadFailed', { reason: load.reason })}</p>
          <button type="button" className="button" onClick={history.retry}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {load.status === 'ok' && today && (
        <>
          <p>
            {load.cap === null
              ? t('settings.meter.todayNoCap', { calls: i18n.number(today.calls) })
              : t('settings.meter.today', { calls: i18n.number(today.calls), cap: i18n.number(load.cap) })}
          </p>
          {level !== 'normal' && (
            <p className="zs-note zs-note--info" role="status">
              {t(level === 'over' ? 'settings.meter.over' : 'settings.meter.near', { share: Math.round(NEAR_CAP_SHARE * 100) })}
            </p>
          )}
          <table className="zs-meter">
            <caption>{t('settings.meter.lastDays')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('settings.meter.day')}</th>
                <th scope="col">{t('settings.meter.calls')}</th>
              </tr>
            </thead>
            <tbody>
              {load.days.map((d) => (
                <tr key={d.day}>
                  <td>{i18n.date(d.day)}</td>
                  <td>{i18n.number(d.calls)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <form className="zs-actions" onSubmit={(e) => void save(e)}>
            <label htmlFor={`${id}-cap`}>{t('settings.meter.capLabel')}</label>
            <input
              id={`${id}-cap`}
              inputMode="numeric"
              value={draft}
              disabled={!canEdit || saving}
              aria-describedby={`${id}-cap-help`}
              onChange={(e) => {
                setTyped(e.target.value);
                setMessage(null);
              }}
            />
            <button type="submit" className="button" disabled={!canEdit || saving}>
              {t('settings.meter.capSave')}
            </button>
          </form>
          <p id={`${id}-cap-help`} className="muted">
            {t('settings.meter.capHelp', { share: Math.round(NEAR_CAP_SHARE * 100) })}
          </p>
          {message && (
            <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'zs-error' : undefined}>
              {message.text}
            </p>
          )}
        </>
      )}
    </section>
  );
}
