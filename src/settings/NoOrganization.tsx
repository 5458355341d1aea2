import { createOrganizationUrl } from '../billing/dataCenters';
import type { DataCenter } from '../host/types';
import type { I18n } from '../i18n/i18n';

interface Props {
  i18n: I18n;
  dataCenter: DataCenter;
  /** Organizations the account can see where it is not an admin. */
  nonAdminCount: number;
  forbidden: boolean;
  onOpen: (url: string) => void;
  onCheckAgain: () => void;
}

/** SPEC A3: nothing to link. Say why, where to create one (in the portal's own region), and how to retry. */
export function NoOrganization({ i18n, dataCenter, nonAdminCount, forbidden, onOpen, onCheckAgain }: Props) {
  const { t } = i18n;
  const url = createOrganizationUrl(dataCenter);
  const why = forbidden
    ? t('settings.org.noneForbidden')
    : nonAdminCount > 0
      ? t('settings.org.noneNotAdmin', { count: nonAdminCount })
      : t('settings.org.noneBody');
  return (
    <div className="zs-none">
      <h3>{t('settings.org.noneTitle')}</h3>
      <p>{why}</p>
      <p>{t('settings.org.adviceAdmin')}</p>
      <p className="zs-actions">
        <a
          className="button button-primary"
          href={url}
          target="_blank"
          rel="noopener noreferrer"
          onClick={(e) => {
            // Desk widgets run in a sandboxed iframe; the host opens tabs reliably, a plain link may not.
            e.preventDefault();
            onOpen(url);
          }}
        >
          {t('settings.org.createLink', { dataCenter: t(`settings.dataCenters.${dataCenter}`) })}
        </a>
        <button type="button" className="button" onClick={onCheckAgain}>
          {t('common.checkAgain')}
        </button>
      </p>
    </div>
  );
}
