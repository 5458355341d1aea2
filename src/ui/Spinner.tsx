import { useI18n } from './i18nContext';

export function Spinner({ label }: { label?: string }) {
  const i18n = useI18n();
  return (
    <div className="spinner" role="status" aria-live="polite">
      <span className="spinner-dot" aria-hidden="true" />
      <span>{label ?? i18n.t('common.loading')}</span>
    </div>
  );
}

/** Grey placeholder rows while a list loads (announced once through the status text). */
export function Skeleton({ rows = 3, label }: { rows?: number; label?: string }) {
  const i18n = useI18n();
  return (
    <div className="skeleton" role="status" aria-live="polite">
      <span className="visually-hidden">{label ?? i18n.t('common.loading')}</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton-row" aria-hidden="true" />
      ))}
    </div>
  );
}
