import type { DataCenter } from '../host/types';
import type { I18n } from '../i18n/i18n';
import type { IntegrationSettings } from '../integration/records/types';
import { NoOrganization } from './NoOrganization';
import { OrganizationChooser } from './OrganizationChooser';
import type { Connection, SettingsPageModel } from './settingsModel';

interface Props {
  i18n: I18n;
  model: SettingsPageModel;
  settings: IntegrationSettings;
  connection: Extract<Connection, { status: 'ok' }>;
  dataCenter: DataCenter;
  onOpen: (url: string) => void;
}

/** SPEC A2/A3/A6: which Billing organization the portal uses, and changing it. */
export function OrganizationSection({ i18n, model, settings, connection, dataCenter, onOpen }: Props) {
  const { t } = i18n;
  const { canEdit, adminOrganizations, changing, busy } = model;
  const linked = settings.organization;
  const linkedIsAdminOrg = linked !== null && adminOrganizations.some((o) => o.id === linked.id);
  const nonAdminCount = connection.organizations.length - adminOrganizations.length;
  const canChange = canEdit && linked !== null && adminOrganizations.some((o) => o.id !== linked.id);

  let body;
  if (model.access === 'checking' && !linked) {
    body = <p role="status">{t('settings.checkingAccess')}</p>;
  } else if (linked && !(changing && canEdit)) {
    body = (
      <>
        <p>
          {t('settings.org.linkedTo', { name: linked.name })}{' '}
          <span className="muted">{t('settings.org.optionMeta', { id: linked.id, currency: linked.currencyCode ?? '—' })}</span>
        </p>
        {settings.linkedHow === 'auto' && <p className="zs-note">{t('settings.org.autoLinked', { name: linked.name })}</p>}
        {!linkedIsAdminOrg && (
          <p className="zs-note zs-note--warn">
            {connection.forbidden ? `${t('settings.org.noneForbidden')} ` : ''}
            {t('settings.org.savedNotAvailable', { name: linked.name })}
          </p>
        )}
        {(canChange || !linkedIsAdminOrg) && (
          <p className="zs-actions">
            {canChange && (
              <button type="button" className="button" onClick={model.startChange}>
                {t('settings.org.change')}
              </button>
            )}
            {/* Access is granted in Zoho Billing, outside this page: look again in place (issue 15). */}
            {!linkedIsAdminOrg && (
              <button type="button" className="button" onClick={model.recheck}>
                {t('common.checkAgain')}
              </button>
            )}
          </p>
        )}
      </>
    );
  } else if (adminOrganizations.length === 0) {
    body = canEdit ? (
      <NoOrganization
        i18n={i18n}
        dataCenter={dataCenter}
        nonAdminCount={nonAdminCount}
        forbidden={connection.forbidden}
        onOpen={onOpen}
        onCheckAgain={model.recheck}
      />
    ) : (
      <>
        <p>{t('settings.org.notLinkedReadOnly')}</p>
        {connection.forbidden && (
          <p className="zs-actions">
            <button type="button" className="button" onClick={model.recheck}>
              {t('common.checkAgain')}
            </button>
          </p>
        )}
      </>
    );
  } else if (!canEdit) {
    body = <p>{t('settings.org.notLinkedReadOnly')}</p>;
  } else if (adminOrganizations.length === 1 && !changing) {
    body =
      busy === 'saving' ? (
        <p role="status">{t('settings.org.linking', { name: adminOrganizations[0]!.name })}</p>
      ) : (
        <>
          <p>{t('settings.org.notLinked')}</p>
          <p className="zs-actions">
            <button type="button" className="button button-primary" onClick={model.connect}>
              {t('settings.connect.button')}
            </button>
          </p>
        </>
      );
  } else {
    body = (
      <OrganizationChooser
        i18n={i18n}
        organizations={adminOrganizations}
        currentId={linked?.id ?? null}
        busy={busy !== null}
        onChoose={(org) => void model.linkOrganization(org)}
        onCancel={linked ? model.cancelChange : null}
      />
    );
  }

  return (
    <section className="zs-card" aria-labelledby="zs-org-heading">
      <h2 id="zs-org-heading">{t('settings.org.heading')}</h2>
      {body}
    </section>
  );
}
