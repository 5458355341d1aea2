import { customerWebUrl } from '../billing/dataCenters';
import type { CustomerSummary } from '../billing/types';
import type { MatchMethod } from '../integration/records/types';
import { StatusBadge } from '../ui/StatusBadge';
import { useI18n } from '../ui/i18nContext';
import { httpsUrl } from '../host/guards';
import { usePanelEnv } from './panelEnv';

export function CustomerHeader({
  customer,
  method,
  onChange,
  onRefresh,
  ageMs = 0,
}: {
  customer: CustomerSummary;
  method: MatchMethod;
  onChange?: (() => void) | undefined;
  /** Drops what the panel keeps for this customer and asks Billing again. */
  onRefresh?: (() => void) | undefined;
  /** How old the shown answer is: said once it is a minute or more (answers are kept a few minutes). */
  ageMs?: number;
}) {
  const i18n = useI18n();
  const { organization } = usePanelEnv();
  const url = httpsUrl(customerWebUrl(organization.dataCenter, organization.id, customer.id));
  const name = customer.displayName || [customer.firstName, customer.lastName].filter(Boolean).join(' ') || customer.email;
  return (
    <header className="panel-header">
      <h1>
        <span>{name}</span>
        <StatusBadge status={customer.status} />
      </h1>
      {customer.companyName && customer.companyName !== name && <span className="muted">{customer.companyName}</span>}
      {customer.email && <span className="muted">{customer.email}</span>}
      <span className="match-note">
        <span>{i18n.t(`panel.match.${method}`)}</span>
        {onChange && (
          <>
            {' · '}
            <button type="button" className="link-button" onClick={onChange}>
              {i18n.t('panel.match.change')}
            </button>
          </>
        )}
      </span>
      <span className="header-links">
        {url && (
          <a href={url} target="_blank" rel="noopener noreferrer">
            {i18n.t('panel.openInBilling')}
          </a>
        )}
        {onRefresh && (
          <>
            {url && ' · '}
            {ageMs >= 60_000 && <span className="muted">{i18n.t('panel.updatedAgo', { count: Math.floor(ageMs / 60_000) })} </span>}
            <button type="button" className="link-button" onClick={onRefresh}>
              {i18n.t('panel.refresh')}
            </button>
          </>
        )}
      </span>
    </header>
  );
}
