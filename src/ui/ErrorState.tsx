import type { ReactNode } from 'react';
import { useI18n } from './i18nContext';

/** A plain-language reason for each failure kind, and a retry when retrying can help. */
export function ErrorState({
  kind,
  message,
  onRetry,
  children,
}: {
  /** A BillingError kind; words live under common.errors.<kind>. */
  kind: string;
  /** Words that say more than the kind alone (e.g. when to try again); replaces the kind's words. */
  message?: string;
  onRetry?: () => void;
  children?: ReactNode;
}) {
  const i18n = useI18n();
  return (
    <div className="error-state" role="alert">
      <p>{message ?? i18n.t(`common.errors.${kind}`)}</p>
      {children}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {i18n.t('common.retry')}
        </button>
      )}
    </div>
  );
}
