import type { I18n } from '../i18n/i18n';
import type { IntegrationSettings } from '../integration/records/types';
import type { Connection } from './settingsModel';

type Overall = 'connected' | 'disabled' | 'notConnected' | 'notAuthorised' | 'checking' | 'checkFailed' | 'orgUnavailable';

/**
 * "Connected" is a claim about Billing's last answer: while a check runs, after it fails, or when Billing
 * no longer offers the linked organization, the summary says that instead (issue 15).
 */
function overall(settings: IntegrationSettings, connection: Connection): Overall {
  if (connection.status === 'not-authorised') return 'notAuthorised';
  const org = settings.organization;
  if (!org) return 'notConnected';
  if (!settings.enabled) return 'disabled';
  if (connection.status === 'checking') return 'checking';
  if (connection.status === 'error') return 'checkFailed';
  if (!connection.organizations.some((o) => o.id === org.id)) return 'orgUnavailable';
  return 'connected';
}

const TONE: Record<Overall, string> = {
  connected: 'ok',
  disabled: 'warn',
  notConnected: 'muted',
  notAuthorised: 'danger',
  checking: 'muted',
  checkFailed: 'danger',
  orgUnavailable: 'warn',
};

/** Status at a glance: what agents get right now, and who set it up that way. */
export function StatusSummary({ i18n, settings, connection }: { i18n: I18n; settings: IntegrationSettings; connection: Connection }) {
  const { t } = i18n;
  const state = overall(settings, connection);
  const org = settings.organization;
  const connectionText =
    connection.status === 'checking'
      ? t('settings.status.connectionChecking')
      : connection.status === 'ok'
        ? t('settings.status.connectionOk')
        : connection.status === 'not-authorised'
          ? t('settings.status.connectionNotAuthorised')
          : t('settings.status.connectionError');
  return (
    <section className="zs-card" aria-labelledby="zs-status-heading">
      <div className="zs-card__head">
        <h2 id="zs-status-heading">{t('settings.status.heading')}</h2>
        <span className={`badge badge-${TONE[state]}`}>{t(`settings.status.overall.${state}`)}</span>
      </div>
      <dl className="zs-facts">
        <dt>{t('settings.status.connection')}</dt>
        <dd>{connectionText}</dd>
        <dt>{t('settings.status.organization')}</dt>
        <dd>{org ? org.name : t('settings.status.orgNone')}</dd>
        {org && (
          <>
            <dt>{t('settings.status.orgId')}</dt>
            <dd>{org.id}</dd>
            <dt>{t('settings.status.currency')}</dt>
            <dd>{org.currencyCode ?? '—'}</dd>
            <dt>{t('settings.status.dataCenter')}</dt>
            <dd>{t(`settings.dataCenters.${org.dataCenter}`)}</dd>
            <dt>{t('settings.status.integration')}</dt>
            <dd>{settings.enabled ? t('settings.status.enabled') : t('settings.status.disabled')}</dd>
          </>
        )}
        <dt>{t('settings.status.lastChange')}</dt>
        <dd>
          {settings.updatedAt
            ? t('settings.status.lastChangeValue', {
                name: settings.updatedBy?.name || t('settings.status.someone'),
                when: i18n.dateTime(settings.updatedAt),
              })
            : t('settings.status.never')}
        </dd>
      </dl>
    </section>
  );
}
