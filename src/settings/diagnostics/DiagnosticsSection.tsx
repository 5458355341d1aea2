/**
 * Diagnostics on the settings page (SPEC E2): "Run checks" and "Copy report". Its own component and
 * state, so the settings page only places it. Shown to admins — and to anyone whose role cannot be
 * read yet, because a broken connection is exactly when an admin needs it; it writes only a scratch
 * key it deletes again, and shows shapes, never customer data.
 */
import { useEffect, useRef, useState } from 'react';
import type { BillingApi } from '../../billing/types';
import { observedInTab } from '../../host/observations';
import type { DeskHost } from '../../host/types';
import type { I18n } from '../../i18n/i18n';
import { version } from '../../../package.json';
import type { CheckId, CheckResult } from './checks';
import type { diagnosticsReport } from './report';
import { verdictText } from './verdict';
import './diagnostics.css';

/** The checks and the report are their own chunk: the page needs them only once "Run checks" is pressed. */
const loadDiagnostics = () => Promise.all([import('./checks'), import('./report')]);

export interface DiagnosticsSectionProps {
  host: DeskHost;
  i18n: I18n;
  billing: Pick<BillingApi, 'listOrganizations'>;
  /** Tests: a build version other than package.json's. */
  buildVersion?: string;
  now?: () => Date;
}

type Copy = null | 'copied' | 'blocked';

export function DiagnosticsSection({ host, i18n, billing, buildVersion = version, now = () => new Date() }: DiagnosticsSectionProps) {
  const { t } = i18n;
  const [results, setResults] = useState<Partial<Record<CheckId, CheckResult>>>({});
  const [running, setRunning] = useState(false);
  const [copy, setCopy] = useState<Copy>(null);
  const [report, setReport] = useState('');
  // Filled when the checks' chunk has loaded (the first run): their order, and the report writer.
  const [ids, setIds] = useState<readonly CheckId[]>([]);
  const [loadFailed, setLoadFailed] = useState(false);
  const writeReport = useRef<typeof diagnosticsReport | null>(null);
  const run = useRef(0);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const start = async () => {
    const mine = ++run.current;
    setRunning(true);
    setResults({});
    setCopy(null);
    setLoadFailed(false);
    let checks: Awaited<ReturnType<typeof loadDiagnostics>>[0];
    try {
      const [loadedChecks, loadedReport] = await loadDiagnostics();
      checks = loadedChecks;
      writeReport.current = loadedReport.diagnosticsReport;
    } catch {
      // The connection dropped before the checks' file arrived: say so, and Run checks tries again.
      if (mounted.current && run.current === mine) {
        setRunning(false);
        setLoadFailed(true);
      }
      return;
    }
    if (mounted.current) setIds(checks.CHECK_IDS);
    await checks.runChecks({ host, billing, observations: observedInTab, version: buildVersion }, (r) => {
      if (mounted.current && run.current === mine) setResults((prev) => ({ ...prev, [r.id]: r }));
    });
    if (mounted.current && run.current === mine) setRunning(false);
  };

  const done = ids.map((id) => results[id]).filter((r): r is CheckResult => r !== undefined);
  const finished = !running && ids.length > 0 && done.length === ids.length;

  const copyReport = async () => {
    if (!writeReport.current) return;
    const text = writeReport.current(i18n, done, { version: buildVersion, location: host.context().location, language: i18n.language, when: now() });
    setReport(text);
    try {
      // Desk's frame may not grant clipboard access: then the text is shown to copy by hand.
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setCopy('copied');
    } catch {
      setCopy('blocked');
    }
  };

  const failed = done.filter((r) => r.status === 'fail').length;
  return (
    <section className="zs-card zs-diag" aria-labelledby="zs-diag-title">
      <h2 id="zs-diag-title">{t('settings.diagnostics.title')}</h2>
      <p className="muted">{t('settings.diagnostics.intro')}</p>
      <p className="zs-actions">
        <button type="button" className="button" onClick={() => void start()} disabled={running}>
          {running ? t('settings.diagnostics.running') : t('settings.diagnostics.run')}
        </button>
        <button type="button" className="button" onClick={() => void copyReport()} disabled={!finished}>
          {t('settings.diagnostics.copy')}
        </button>
      </p>
      {loadFailed && <p role="alert">{t('settings.diagnostics.loadFailed')}</p>}
      {finished && (
        <p role="status">{failed === 0 ? t('settings.diagnostics.allPassed') : t('settings.diagnostics.someFailed', { count: failed })}</p>
      )}
      {done.length > 0 && (
        <ul className="zs-diag__list" aria-label={t('settings.diagnostics.results')}>
          {done.map((r) => (
            <li key={r.id} className={`zs-diag__item zs-diag__item--${r.status}`}>
              <span className={`badge zs-diag__badge--${r.status}`}>{t(`settings.diagnostics.status.${r.status}`)}</span>{' '}
              <strong>{t(`settings.diagnostics.check.${r.id}`)}</strong>
              {': '}
              {verdictText(i18n, r)}
              {r.shape.length > 0 && (
                <ul className="zs-diag__shape">
                  {r.shape.map((line, i) => (
                    <li key={i}>
                      <code>{line}</code>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {copy === 'copied' && <p role="status">{t('settings.diagnostics.copied')}</p>}
      {copy === 'blocked' && (
        <>
          <p role="status">{t('settings.diagnostics.copyBlocked')}</p>
          <textarea className="zs-diag__report" readOnly value={report} aria-label={t('settings.diagnostics.reportLabel')} rows={10} onFocus={(e) => e.currentTarget.select()} />
        </>
      )}
    </section>
  );
}

/** SPEC C2: when Desk named no data center and none could be derived, the page says US was assumed. */
export function DataCenterNote({ host, i18n }: { host: DeskHost; i18n: I18n }) {
  if (host.context().dataCenterSource !== 'default') return null;
  return (
    <p className="zs-note zs-note--warn" role="note">
      {i18n.t('settings.diagnostics.dcAssumed')}
    </p>
  );
}
