import type { ReactNode } from 'react';
import { useI18n } from './i18nContext';

/** A failure in plain words (the caller's, from the agent's failure words: panel/errorWords), and a retry when retrying can help. */
export function ErrorState({
  message,
  onRetry,
  children,
}: {
  message: string;
  onRetry?: () => void;
  children?: ReactNode;
}) {
  const i18n = useI18n();
  return (
    <div className="error-state" role="alert">
      <p>{message}</p>
      {children}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {i18n.t('common.retry')}
        </button>
      )}
    </div>
  );
}
