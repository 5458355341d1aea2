import { useEffect, useState } from 'react';
import { useI18n } from './i18nContext';

/** After this long a wait is said in words, not left to grey bars (SPEC B12). */
export const SLOW_AFTER_MS = 3000;

function useSlow(): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), SLOW_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  return slow;
}

function StillLoading() {
  const i18n = useI18n();
  return <span className="still-loading">{i18n.t('common.stillLoading')}</span>;
}

export function Spinner({ label }: { label?: string }) {
  const i18n = useI18n();
  const slow = useSlow();
  return (
    <div className="spinner" role="status" aria-live="polite">
      <span className="spinner-dot" aria-hidden="true" />
      <span>{label ?? i18n.t('common.loading')}</span>
      {slow && <> <StillLoading /></>}
    </div>
  );
}

/** Grey placeholder rows while a list loads (announced through the status text; said visibly once it is slow). */
export function Skeleton({ rows = 3, label }: { rows?: number; label?: string }) {
  const i18n = useI18n();
  const slow = useSlow();
  return (
    <div className="skeleton" role="status" aria-live="polite">
      <span className={slow ? undefined : 'visually-hidden'}>{label ?? i18n.t('common.loading')}</span>
      {slow && <> <StillLoading /></>}
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton-row" aria-hidden="true" />
      ))}
    </div>
  );
}
