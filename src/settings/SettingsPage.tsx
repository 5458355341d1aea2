import type { DeskHost } from '../host/types';
import type { I18n } from '../i18n/i18n';
import { ActionAccessSection } from './ActionAccessSection';
import { ConnectSection } from './ConnectSection';
import { EnableSection } from './EnableSection';
import { MeterSection } from './MeterSection';
import { MoreActionsMenu } from '../ui/MoreActionsMenu';
import { Notice } from './Notice';
import { OrganizationSection } from './OrganizationSection';
import { reasonText } from './reasons';
import { Spinner } from '../ui/Spinner';
import { I18nProvider } from '../ui/i18nContext';
import { StatusSummary } from './StatusSummary';
import { DataCenterNote, DiagnosticsSection } from './diagnostics/DiagnosticsSection';
import type { Access, OrganizationsApi } from './settingsModel';
import { useSettingsPage } from './useSettingsPage';
import './settings.css';

export interface SettingsPageProps {
  host: DeskHost;
  i18n: I18n;
  billing?: OrganizationsApi;
  now?: () => Date;
}

function ReadOnlyNote({ i18n, access }: { i18n: I18n; access: Access }) {
  if (access === 'admin' || access === 'checking' || access === 'needs-connection') return null;
  return (
    <p className="zs-note zs-note--info" role="note">
      {access === 'unknown' ? `${i18n.t('settings.readOnly.unknown')} ` : ''}
      {i18n.t('settings.readOnly.notAdmin')}
    </p>
  );
}

/** The extension's page in Desk Setup (desk.extension.preference), SPEC A1–A7. */
export function SettingsPage({ host, i18n, billing, now }: SettingsPageProps) {
  const model = useSettingsPage({ host, i18n, billing, ...(now ? { now } : {}) });
  const { t } = i18n;
  const { settings, connection, canEdit, busy } = model;
  const dataCenter = host.context().dataCenter;

  return (
    <I18nProvider i18n={i18n}>
      <main className="zs-page" aria-labelledby="zs-title" aria-busy={busy !== null || settings.status === 'loading'}>
        <header className="zs-header">
          <h1 id="zs-title">{t('settings.title')}</h1>
          {canEdit && settings.status !== 'loading' && (
            <MoreActionsMenu
              label={t('settings.more.button')}
              actions={[{ id: 'remove', label: t('settings.more.remove'), danger: true, onSelect: () => void model.remove() }]}
            />
          )}
        </header>

        <ReadOnlyNote i18n={i18n} access={model.access} />
        <DataCenterNote host={host} i18n={i18n} />
        {model.notice && <Notice notice={model.notice} onDismiss={model.dismissNotice} dismissLabel={t('common.close')} />}
        {busy === 'removing' && <Spinner label={t('settings.remove.removing')} />}

        {settings.status === 'loading' && <Spinner label={t('settings.loading')} />}
        {settings.status === 'error' && (
          <section className="zs-card" role="alert">
            <p>{t('settings.storage.loadFailed', { reason: reasonText(i18n, settings.error.kind) })}</p>
            {canEdit && <p className="muted">{t('settings.storage.loadFailedHelp')}</p>}
            <p className="zs-actions">
              <button type="button" className="button" onClick={model.reload}>
                {t('common.retry')}
              </button>
            </p>
          </section>
        )}

        {settings.status === 'ok' && (
          <>
            <StatusSummary i18n={i18n} settings={settings.value} connection={connection} />
            {connection.status === 'ok' ? (
              <OrganizationSection
                i18n={i18n}
                model={model}
                settings={settings.value}
                connection={connection}
                dataCenter={dataCenter}
                onOpen={(url) => host.openUrl(url)}
              />
            ) : (
              <ConnectSection
                i18n={i18n}
                connection={connection}
                canConnect={model.access !== 'not-admin'}
                awaitingAuthorisation={model.awaitingAuthorisation}
                onConnect={model.connect}
                onCheckAgain={model.recheck}
              />
            )}
            {settings.value.organization && (
              <EnableSection
                i18n={i18n}
                enabled={settings.value.enabled}
                canEdit={canEdit}
                busy={busy !== null}
                onChange={(enabled) => void model.setEnabled(enabled)}
              />
            )}
            {settings.value.organization && model.access !== 'needs-connection' && (
              <ActionAccessSection
                i18n={i18n}
                host={host}
                access={settings.value.actionAccess}
                canEdit={canEdit}
                busy={busy !== null}
                onChange={(group, profileId, allowed) => void model.setActionAccess(group, profileId, allowed)}
              />
            )}
            {settings.value.organization && <MeterSection i18n={i18n} host={host} canEdit={canEdit} {...(now ? { now } : {})} />}
          </>
        )}
        {model.access !== 'checking' && model.access !== 'not-admin' && (
          <DiagnosticsSection host={host} i18n={i18n} billing={model.organizationsApi} />
        )}
      </main>
    </I18nProvider>
  );
}
