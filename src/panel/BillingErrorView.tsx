import { useEffect, useMemo, useState } from 'react';
import type { BillingError } from '../billing/errors';
import { ErrorState } from '../ui/ErrorState';
import { useI18n } from '../ui/i18nContext';
import { useWindowFocus } from '../ui/useWindowFocus';
import { httpsUrl } from '../host/guards';
import { errorWords, retryInstant } from './errorWords';
import { usePanelEnv } from './panelEnv';

/** The words for `error`; a "try again at" countdown re-renders each second until that instant has passed. */
function useErrorWords(error: BillingError | null): string {
  const i18n = useI18n();
  // Fixed once per error: the instant Billing named does not move while the agent reads.
  const retryAt = useMemo(() => (error ? retryInstant(error, Date.now()) : null), [error]);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (retryAt === null) return;
    setNow(Date.now());
    const timer = setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (t >= retryAt) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [retryAt]);
  return error ? errorWords(i18n, error, retryAt, now) : '';
}

/**
 * Not connected gets role-specific words (admin: what to do; agent: whom to ask). The connection is put
 * right outside this panel (an admin authorises it in Desk Setup), so the panel looks again when the agent
 * comes back to it (window focus) and offers Check again instead of waiting for a reload.
 */
export function NotConnected({ authUrl, onCheckAgain }: { authUrl?: string | undefined; onCheckAgain: () => void }) {
  const i18n = useI18n();
  const { isAdmin, host } = usePanelEnv();
  const url = httpsUrl(authUrl);
  // Not in the middle of a click: the first click into the frame must reach Connect (SPEC A1).
  useWindowFocus(onCheckAgain);
  return (
    <div className="error-state" role="alert">
      <p>{i18n.t('panel.notConnected.title')}</p>
      <p>{isAdmin ? i18n.t('panel.notConnected.admin') : i18n.t('panel.notConnected.agent')}</p>
      <p>
        {isAdmin && url && (
          <button type="button" className="button button-primary" onClick={() => host.openUrl(url)}>
            {i18n.t('panel.notConnected.connect')}
          </button>
        )}
        <button type="button" className="button" onClick={onCheckAgain}>
          {i18n.t('common.checkAgain')}
        </button>
      </p>
    </div>
  );
}

export function BillingErrorView({ error, onRetry }: { error: BillingError; onRetry: () => void }) {
  const { billing } = usePanelEnv();
  const words = useErrorWords(error);
  if (error.kind === 'not-authorised') return <NotConnected authUrl={error.authUrl} onCheckAgain={onRetry} />;
  const retryable = error.kind !== 'not-configured';
  const retry = () => {
    // Only an agent's click may cut the cool-down short; automatic reads keep waiting (SPEC C3).
    billing.resume();
    onRetry();
  };
  return <ErrorState message={words} onRetry={retryable ? retry : undefined} />;
}

export function StaleBanner({ ageMs, error }: { ageMs: number; error: BillingError | null }) {
  const i18n = useI18n();
  const words = useErrorWords(error);
  if (!error) return null;
  const minutes = Math.max(1, Math.round(ageMs / 60_000));
  return (
    <p className="banner" role="status">
      {i18n.t('panel.stale', { count: minutes })} {words}
    </p>
  );
}
