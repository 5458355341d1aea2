import type { I18n } from '../i18n/i18n';
import { Spinner } from '../ui/Spinner';
import { reasonText } from './reasons';
import type { Connection } from './settingsModel';

interface Props {
  i18n: I18n;
  connection: Exclude<Connection, { status: 'ok' }>;
  /** Authorising the connection is the user's own act; only confirmed non-admins are sent to an admin. */
  canConnect: boolean;
  awaitingAuthorisation: boolean;
  onConnect: () => void;
  onCheckAgain: () => void;
}

/** SPEC A1: is the Desk connection to Zoho Billing authorised, and how to authorise it. */
export function ConnectSection({ i18n, connection, canConnect, awaitingAuthorisation, onConnect, onCheckAgain }: Props) {
  const { t } = i18n;
  return (
    <section className="zs-card" aria-labelledby="zs-connect-heading">
      <h2 id="zs-connect-heading">{t('settings.connect.heading')}</h2>
      {connection.status === 'checking' && (
        <Spinner label={t('settings.connect.checking')} />
      )}
      {connection.status === 'not-authorised' && (
        <>
          <p>{t('settings.connect.notAuthorised')}</p>
          {canConnect && !connection.authUrl && <p>{t('settings.connect.noAuthUrl')}</p>}
          {!canConnect && <p className="muted">{t('settings.connect.askAdmin')}</p>}
          {awaitingAuthorisation && (
            <p role="status" className="muted">
              {t('settings.connect.afterOpen')}
            </p>
          )}
        </>
      )}
      {connection.status === 'error' && (
        <p role="alert">{t('settings.connect.error', { reason: reasonText(i18n, connection.error.kind) })}</p>
      )}
      {connection.status !== 'checking' && (
        <p className="zs-actions">
          {connection.status === 'not-authorised' && canConnect && connection.authUrl && (
            <button type="button" className="button button-primary" onClick={onConnect}>
              {t('settings.connect.button')}
            </button>
          )}
          <button type="button" className="button" onClick={onCheckAgain}>
            {t('common.checkAgain')}
          </button>
        </p>
      )}
    </section>
  );
}
