import { useEffect, useMemo, useState } from 'react';
import { createBillingClient } from '../billing/billingClient';
import type { BillingApi } from '../billing/types';
import type { DataCenter, DeskHost, HostError } from '../host/types';
import type { I18n } from '../i18n/i18n';
import type { CacheOptions } from '../integration/cache/billingCache';
import { createPanelBilling } from '../integration/portalBilling';
import type { PortalShareOptions } from '../integration/portal/portalShare';
import { DEFAULT_ACTION_ACCESS } from '../integration/records/actionAccess';
import { loadSettings } from '../integration/records/settingsRecord';
import type { IntegrationSettings } from '../integration/records/types';
import { EmptyState } from '../ui/EmptyState';
import { I18nProvider, useI18n } from '../ui/i18nContext';
import { Spinner } from '../ui/Spinner';
import { useLatest } from '../ui/useLatest';
import { CustomerArea, type CreateCustomerRequest } from './CustomerArea';
import { PanelEnvProvider, type PanelEnv } from './panelEnv';
import { useDeskSubject } from './useDeskSubject';

export type BillingFactory = (org: { id: string; dataCenter: DataCenter }, host: DeskHost) => BillingApi;

export interface PanelAppProps {
  host: DeskHost;
  i18n: I18n;
  /** Tests and the simulator may supply the Billing API; by default the real client over host.request. */
  createBilling?: BillingFactory;
  cacheOptions?: Omit<CacheOptions, 'organizationId' | 'shared'>;
  /** Share answers with every agent of the portal through Desk storage (SPEC E1); this widget alone when absent. */
  portalShare?: Omit<PortalShareOptions, 'organizationId' | 'deskUserId'>;
  /** Replaces the built-in create-customer form (loaded on first use) with an embedder's own flow. */
  onCreateCustomer?: (request: CreateCustomerRequest) => void;
}

const defaultFactory: BillingFactory = (org, host) =>
  createBillingClient({ request: (req) => host.request(req), dataCenter: org.dataCenter, organizationId: org.id });

type Started = { ok: true; settings: IntegrationSettings; isAdmin: boolean | null } | { ok: false; error: HostError };

function HostErrorView({ onRetry, error }: { onRetry: () => void; error?: HostError }) {
  const i18n = useI18n();
  // Desk storage holds the settings: when it cannot be read, say that rather than blame the page.
  return (
    <div className="error-state" role="alert">
      <p>{i18n.t(error?.kind === 'storage' ? 'panel.storageError' : 'panel.hostError')}</p>
      <button type="button" className="button" onClick={onRetry}>
        {i18n.t('common.retry')}
      </button>
    </div>
  );
}

type BaseEnv = Omit<PanelEnv, 'ticketNumber'>;

function LocationPanel({ base, onCreateCustomer }: { base: BaseEnv; onCreateCustomer: PanelAppProps['onCreateCustomer'] }) {
  const i18n = useI18n();
  const { host } = base;
  const kind = host.context().kind ?? 'ticket';
  const subject = useDeskSubject(host, kind);
  const ticketNumber = subject.status === 'ready' ? subject.ticketNumber : null;
  const env = useMemo(() => ({ ...base, ticketNumber }), [base, ticketNumber]);
  const refresh =
    kind === 'ticketForm' ? (
      <div className="toolbar">
        <button type="button" className="button" onClick={subject.refresh}>
          {i18n.t('panel.form.refresh')}
        </button>
      </div>
    ) : null;
  if (subject.status === 'loading') return <>{refresh}<Spinner /></>;
  if (subject.status === 'nothing-yet')
    return (
      <>
        {refresh}
        <EmptyState page title={i18n.t('panel.form.nothingYet')} />
      </>
    );
  if (subject.status === 'error') return <HostErrorView onRetry={subject.refresh} />;
  return (
    <PanelEnvProvider env={env}>
      {refresh}
      <CustomerArea target={subject.target} targetKey={subject.key} onCreateCustomer={onCreateCustomer} />
    </PanelEnvProvider>
  );
}

function PanelBody({ host, createBilling = defaultFactory, cacheOptions, portalShare, onCreateCustomer }: Omit<PanelAppProps, 'i18n'>) {
  const i18n = useI18n();
  const started = useLatest<Started>(
    async (reason, previous) => {
      if (reason === 'refresh' && previous?.ok) {
        // A quiet look (one storage read): a failure keeps what is shown, an unchanged record keeps its identity.
        const settings = await loadSettings(host);
        if (!settings.ok || JSON.stringify(settings.value) === JSON.stringify(previous.settings)) return previous;
        return { ...previous, settings: settings.value };
      }
      const [settings, admin] = await Promise.all([loadSettings(host), host.isAdmin()]);
      if (!settings.ok) return { ok: false, error: settings.error };
      return { ok: true, settings: settings.value, isAdmin: admin.ok ? admin.value : null };
    },
    [host],
  );
  const start = started.status === 'ready' ? started.value : null;

  // An admin may disable the integration or change the organization while this panel stays open: look
  // again, quietly, whenever the agent moves on or comes back to the panel.
  const { refresh: recheck } = started;
  useEffect(() => {
    const offTicket = host.on('ticketChanged', recheck);
    const offPage = host.on('pageChanged', recheck);
    window.addEventListener('focus', recheck);
    return () => {
      offTicket();
      offPage();
      window.removeEventListener('focus', recheck);
    };
  }, [host, recheck]);

  const org = start?.ok && start.settings.enabled ? start.settings.organization : null;
  const orgId = org?.id ?? null;
  const dataCenter = org?.dataCenter ?? null;
  const orgName = org?.name ?? null;
  const currencyCode = org?.currencyCode ?? null;
  // The widget's wiring is fixed when it mounts: a new options object from the embedder is not a new cache.
  const [wiring] = useState(() => ({ createBilling, cacheOptions, portalShare }));
  // One cache per organization for the life of the widget: a ticket switch reuses fresh answers.
  const billing = useMemo(
    () =>
      orgId !== null && dataCenter !== null
        ? createPanelBilling(
            host,
            orgId,
            (h) => wiring.createBilling({ id: orgId, dataCenter }, h),
            wiring.cacheOptions,
            wiring.portalShare,
          ).cache
        : null,
    [orgId, dataCenter, host, wiring],
  );

  const actingAccess = start?.ok ? (start.settings.actionAccess ?? DEFAULT_ACTION_ACCESS) : DEFAULT_ACTION_ACCESS;
  const actingAsk = start?.ok ? (start.settings.updatedBy?.name ?? null) : null;
  const actingKey = JSON.stringify([actingAccess, actingAsk]);
  // One object per distinct content: the env keeps its identity while the stored record says the same.
  const acting = useMemo(() => {
    const [access, askName] = JSON.parse(actingKey) as [typeof actingAccess, string | null];
    return { access, askName };
  }, [actingKey]);
  const isAdminNow = start?.ok ? start.isAdmin : null;

  // The agent moved to another ticket or page: what is still on its way for the old one is not waited for.
  useEffect(() => {
    if (!billing) return;
    const supersede = () => billing.supersede();
    const offs = [host.on('ticketChanged', supersede), host.on('pageChanged', supersede)];
    return () => offs.forEach((off) => off());
  }, [host, billing]);
  const base = useMemo<BaseEnv | null>(
    () =>
      billing && orgId !== null && dataCenter !== null && orgName !== null
        ? { host, billing, isAdmin: isAdminNow, organization: { id: orgId, name: orgName, dataCenter, currencyCode }, acting }
        : null,
    [host, billing, isAdminNow, orgId, dataCenter, orgName, currencyCode, acting],
  );

  if (started.status === 'error' || (start && !start.ok)) {
    return <HostErrorView error={start && !start.ok ? start.error : undefined} onRetry={started.retry} />;
  }
  if (!start) return <Spinner />;
  const { settings, isAdmin } = start;
  if (!settings.enabled) {
    return (
      <EmptyState page title={i18n.t('panel.disabled.title')}>
        <p>{isAdmin ? i18n.t('panel.disabled.admin') : i18n.t('panel.disabled.agent')}</p>
      </EmptyState>
    );
  }
  if (!settings.organization || !base) {
    return (
      <EmptyState page title={i18n.t('panel.noOrganization.title')}>
        <p>{isAdmin ? i18n.t('panel.noOrganization.admin') : i18n.t('panel.noOrganization.agent')}</p>
      </EmptyState>
    );
  }
  return <LocationPanel base={base} onCreateCustomer={onCreateCustomer} />;
}

export function PanelApp({ i18n, ...rest }: PanelAppProps) {
  return (
    <I18nProvider i18n={i18n}>
      <main className="panel">
        <PanelBody {...rest} />
      </main>
    </I18nProvider>
  );
}
