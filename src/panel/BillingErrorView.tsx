import type { BillingError } from '../billing/errors';
import { ErrorState } from '../ui/ErrorState';
import { useI18n } from '../ui/i18nContext';
import { safeHttps, usePanelEnv } from './panelEnv';

/** Not connected gets role-specific words (admin: what to do; agent: whom to ask); the rest a reason + Retry. */
export function NotConnected({ authUrl }: { authUrl?: string | undefined }) {
  const i18n = useI18n();
  const { isAdmin, host } = usePanelEnv();
  const url = safeHttps(authUrl);
  return (
    <div className="error-state" role="alert">
      <p>{i18n.t('panel.notConnected.title')}</p>
      <p>{isAdmin ? i18n.t('panel.notConnected.admin') : i18n.t('panel.notConnected.agent')}</p>
      {isAdmin && url && (
        <button type="button" className="button button-primary" onClick={() => host.openUrl(url)}>
          {i18n.t('panel.notConnected.connect')}
        </button>
      )}
    </div>
  );
}

export function BillingErrorView({ error, onRetry }: { error: BillingError; onRetry: () => void }) {
  const { billing } = usePanelEnv();
  if (error.kind === 'not-authorised') return <NotConnected authUrl={error.authUrl} />;
  const retryable = error.kind !== 'not-configured';
  const retry = () => {
    // Only an agent's click may cut the cool-down short; automatic reads keep waiting (SPEC C3).
    billing.resume();
    onRetry();
  };
  return <ErrorState kind={error.kind} onRetry={retryable ? retry : undefined} />;
}

export function StaleBanner({ ageMs, error }: { ageMs: number; error: BillingError | null }) {
  const i18n = useI18n();
  if (!error) return null;
  const minutes = Math.max(1, Math.round(ageMs / 60_000));
  return (
    <p className="banner" role="status">
      {i18n.t('panel.stale', { minutes })} {i18n.t(`common.errors.${error.kind}`)}
    </p>
  );
}
