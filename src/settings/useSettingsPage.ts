/**
 * Everything the settings page does, as one hook: the page components only render its state and
 * call its actions. Every write goes through saveSettings (optimistic, read back) and the screen
 * only ever shows what storage confirmed.
 */
import { clearSessionCache } from '../integration/sessionCache';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createBillingClient } from '../billing/billingClient';
import { toBillingError, type BillingError } from '../billing/errors';
import type { BillingApi, Organization } from '../billing/types';
import { httpsUrl } from '../host/guards';
import type { DeskHost, HostError, HostResult } from '../host/types';
import type { I18n } from '../i18n/i18n';
import { removeIntegration, type RemovalReport } from '../integration/removeIntegration';
import { loadSettings, saveSettings, type SaveSettingsResult } from '../integration/settingsStore';
import type { IntegrationSettings } from '../integration/types';
import { useLatest } from '../ui/useLatest';
import { reasonText } from './reasons';
import { useWindowFocus } from '../ui/useWindowFocus';

export type OrganizationsApi = Pick<BillingApi, 'listOrganizations'>;

export type Connection =
  | { status: 'checking' }
  | { status: 'ok'; organizations: Organization[]; forbidden: boolean }
  | { status: 'not-authorised'; authUrl: string | null }
  | { status: 'error'; error: BillingError };

/**
 * 'unknown': Desk could not say whether the user is an admin (treated as read-only, the safe side).
 * 'needs-connection': the role is read through the same Desk connection, so before it is authorised
 * nobody can be confirmed; the user may still authorise it (Connect), then the role is checked again.
 */
export type Access = 'checking' | 'admin' | 'not-admin' | 'unknown' | 'needs-connection';

export type Loaded =
  | { status: 'loading' }
  | { status: 'ok'; value: IntegrationSettings }
  | { status: 'error'; error: HostError };

export interface Notice {
  tone: 'success' | 'error' | 'warning' | 'info';
  text: string;
}

export type Busy = null | 'saving' | 'removing';

export interface SettingsPageModel {
  access: Access;
  canEdit: boolean;
  settings: Loaded;
  connection: Connection;
  /** Organizations where the user is an admin: the only ones offered (SPEC A2). */
  adminOrganizations: Organization[];
  busy: Busy;
  notice: Notice | null;
  /** The admin pressed Connect and the authorisation tab is (probably) open. */
  awaitingAuthorisation: boolean;
  /** The chooser is open to replace the linked organization. */
  changing: boolean;
  recheck(): void;
  reload(): void;
  connect(): void;
  linkOrganization(org: Organization): Promise<void>;
  startChange(): void;
  cancelChange(): void;
  setEnabled(enabled: boolean): Promise<void>;
  remove(): Promise<void>;
  dismissNotice(): void;
  /** The Billing client the page uses (the diagnostics check the connection through the same one). */
  organizationsApi: OrganizationsApi;
}

export interface SettingsPageDeps {
  host: DeskHost;
  i18n: I18n;
  /** Injected in tests; by default the real Billing client over the Desk connection. */
  billing?: OrganizationsApi;
  now?: () => Date;
}

export function useSettingsPage({ host, i18n, billing, now = () => new Date() }: SettingsPageDeps): SettingsPageModel {
  const { t } = i18n;
  const api = useMemo<OrganizationsApi>(
    () =>
      billing ??
      createBillingClient({ request: (req) => host.request(req), dataCenter: host.context().dataCenter, organizationId: null }),
    [billing, host],
  );

  const [busy, setBusy] = useState<Busy>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [awaitingAuthorisation, setAwaitingAuthorisation] = useState(false);
  const [changing, setChanging] = useState(false);
  /** After "Remove" the page must not silently re-link the only organization (the admin just removed it). */
  const [autoLinkAllowed, setAutoLinkAllowed] = useState(true);
  const autoLinkTried = useRef<string | null>(null);

  // Three looks at the outside world (the role, the stored settings, the connection); each keeps only its
  // latest answer, so a slower, older one never overwrites a newer one.
  const accessRun = useLatest<Access>(async () => {
    // The host contract is to resolve, but a rejection here must not leave the page "checking" forever.
    const r = await host.isAdmin().catch(
      (e: unknown): HostResult<boolean | null> => ({ ok: false, error: { kind: 'rejected', message: String(e) } }),
    );
    if (!r.ok) return r.error.kind === 'not-authorised' ? 'needs-connection' : 'unknown';
    return r.value === null ? 'unknown' : r.value ? 'admin' : 'not-admin';
  }, [host]);
  const access: Access = accessRun.status === 'ready' ? accessRun.value : (accessRun.value ?? 'checking');

  const readSettings = useCallback(async (): Promise<Loaded> => {
    const result = await loadSettings(host).catch(
      (e: unknown): HostResult<IntegrationSettings> => ({ ok: false, error: { kind: 'rejected', message: String(e) } }),
    );
    return result.ok ? { status: 'ok', value: result.value } : { status: 'error', error: result.error };
  }, [host]);
  const settingsRun = useLatest<Loaded>(readSettings, [readSettings]);
  const settings: Loaded = settingsRun.status === 'ready' ? settingsRun.value : { status: 'loading' };
  const { set: setSettings, retry: load } = settingsRun;

  const connectionRun = useLatest<Connection>(
    async (_reason, previous) => {
      let next: Connection;
      try {
        next = { status: 'ok', organizations: await api.listOrganizations(), forbidden: false };
      } catch (e) {
        const error = toBillingError(e);
        if (error.kind === 'not-authorised') next = { status: 'not-authorised', authUrl: httpsUrl(error.authUrl) };
        // 403: the account may not use any organization; that is "no organization", not a failure (SPEC A3).
        else if (error.kind === 'forbidden') next = { status: 'ok', organizations: [], forbidden: true };
        else next = { status: 'error', error };
      }
      return previous && sameConnection(previous, next) ? previous : next;
    },
    [api],
  );
  const connection: Connection = connectionRun.status === 'ready' ? connectionRun.value : { status: 'checking' };
  useEffect(() => {
    if (connection.status === 'ok') setAwaitingAuthorisation(false);
  }, [connection.status]);

  const canEdit = access === 'admin';
  const settled = access === 'admin' || access === 'not-admin';
  const { retry: check, refresh: checkQuietly } = connectionRun;
  const { refresh: refreshAccess } = accessRun;

  /**
   * Look at the outside world again: the connection, and the role while it is not settled. `quiet`: a
   * re-check nobody asked for (the window got the focus back) keeps what the page shows until the answer
   * differs, instead of flashing "checking" and re-laying out the page under the pointer (A1).
   */
  const recheck = useCallback(
    (quiet = false) => {
      if (quiet) checkQuietly();
      else check();
      if (!settled) refreshAccess();
    },
    [check, checkQuietly, refreshAccess, settled],
  );

  const adminOrganizations = useMemo(
    () => (connection.status === 'ok' ? connection.organizations.filter((o) => o.isAdmin) : []),
    [connection],
  );

  // Come back from the authorisation tab (or from creating an organization) and the page looks again.
  const waitingForOutside =
    connection.status === 'not-authorised' ||
    connection.status === 'error' ||
    (connection.status === 'ok' && adminOrganizations.length === 0);
  useWindowFocus(() => recheck(true), waitingForOutside);

  const stamp = useCallback(
    (s: IntegrationSettings): IntegrationSettings => {
      const user = host.context().user;
      return { ...s, updatedBy: { id: user.id, name: user.name }, updatedAt: now().toISOString() };
    },
    [host, now],
  );

  /** Save and show only what storage confirmed; returns the stored value on success. */
  const save = useCallback(
    async (current: IntegrationSettings, next: IntegrationSettings): Promise<IntegrationSettings | null> => {
      setBusy('saving');
      let result: SaveSettingsResult;
      try {
        result = await saveSettings(host, stamp(next), current.version);
      } catch (e) {
        result = { ok: false, reason: 'failed', previous: current, error: { kind: 'rejected', message: String(e) } };
      } finally {
        setBusy(null);
      }
      if (result.ok) {
        setSettings({ status: 'ok', value: result.value });
        return result.value;
      }
      if (result.reason === 'conflict') {
        setSettings({ status: 'ok', value: result.current });
        setChanging(false);
        setNotice({ tone: 'warning', text: t('settings.storage.conflict') });
      } else {
        if (result.previous) setSettings({ status: 'ok', value: result.previous });
        setNotice({ tone: 'error', text: t('settings.storage.saveFailed', { reason: reasonText(i18n, result.error.kind) }) });
      }
      return null;
    },
    [host, stamp, t, i18n],
  );

  const current = settings.status === 'ok' ? settings.value : null;

  const linkOrganization = useCallback(
    async (org: Organization, how: 'auto' | 'chosen' = 'chosen') => {
      if (!current || !canEdit) return;
      const previousOrg = current.organization;
      if (previousOrg && previousOrg.id === org.id) {
        setChanging(false);
        return;
      }
      if (previousOrg) {
        const ok = await host.confirm({
          title: t('settings.org.changeConfirmTitle'),
          message: t('settings.org.changeConfirmMessage', { name: org.name, old: previousOrg.name }),
          okText: t('settings.org.changeConfirmOk'),
          cancelText: t('common.cancel'),
          danger: true,
        });
        if (!ok) return;
      }
      setNotice(null);
      const stored = await save(current, {
        ...current,
        enabled: previousOrg ? current.enabled : true,
        organization: { id: org.id, name: org.name, currencyCode: org.currencyCode, dataCenter: host.context().dataCenter },
        linkedHow: how,
      });
      if (!stored) return;
      setChanging(false);
      setAutoLinkAllowed(true);
      if (!previousOrg) {
        if (how === 'chosen') setNotice({ tone: 'success', text: t('settings.org.linked', { name: org.name }) });
        return;
      }
      // Links point at customers of the old organization: keep none (SPEC A6).
      const dropped = await host.storage.deleteGroup('link');
      const left = dropped.ok ? await host.storage.list('link') : null;
      if (!dropped.ok || !left || !left.ok || left.value.length > 0) {
        const kind = !dropped.ok ? dropped.error.kind : left && !left.ok ? left.error.kind : 'storage';
        setNotice({ tone: 'warning', text: t('settings.org.linksNotDropped', { name: org.name, reason: reasonText(i18n, kind) }) });
      } else {
        setNotice({ tone: 'success', text: t('settings.org.changed', { name: org.name }) });
      }
    },
    [current, canEdit, host, save, t, i18n],
  );

  // SPEC A2: exactly one organization where the user is admin → link it without asking.
  useEffect(() => {
    if (!canEdit || !autoLinkAllowed || busy || !current || current.organization) return;
    if (adminOrganizations.length !== 1) return;
    const only = adminOrganizations[0]!;
    if (autoLinkTried.current === only.id) return;
    autoLinkTried.current = only.id;
    void linkOrganization(only, 'auto');
  }, [canEdit, autoLinkAllowed, busy, current, adminOrganizations, linkOrganization]);

  const setEnabled = useCallback(
    async (enabled: boolean) => {
      if (!current || !canEdit || current.enabled === enabled) return;
      if (!enabled) {
        const ok = await host.confirm({
          title: t('settings.enable.confirmTitle'),
          message: t('settings.enable.confirmMessage'),
          okText: t('settings.enable.confirmOk'),
          cancelText: t('common.cancel'),
          danger: true,
        });
        if (!ok) return;
      }
      setNotice(null);
      // The organization stays in the record, so turning back on restores it as it was (SPEC A4).
      const stored = await save(current, { ...current, enabled });
      if (stored) setNotice({ tone: 'success', text: t(enabled ? 'settings.enable.enabledDone' : 'settings.enable.disabledDone') });
    },
    [current, canEdit, host, save, t],
  );

  const remove = useCallback(async () => {
    if (!canEdit) return;
    const ok = await host.confirm({
      title: t('settings.remove.confirmTitle'),
      message: [
        t('settings.remove.confirmIntro'),
        `• ${t('settings.remove.consequenceCreate')}`,
        `• ${t('settings.remove.consequenceBalances')}`,
        `• ${t('settings.remove.consequenceData')}`,
      ].join('\n'),
      okText: t('settings.remove.confirmOk'),
      cancelText: t('common.cancel'),
      danger: true,
    });
    if (!ok) return;
    setNotice(null);
    setBusy('removing');
    let report: RemovalReport;
    try {
      report = await removeIntegration(host);
      // Answers this tab kept for the panels go too (other agents' tabs drop theirs when they close).
      clearSessionCache();
    } catch (e) {
      report = { ok: false, failures: [{ group: 'settings', remainingKeys: [], error: { kind: 'rejected', message: String(e) } }] };
    } finally {
      setBusy(null);
    }
    // Whatever happened, do not re-link behind the admin's back right after a removal attempt.
    setAutoLinkAllowed(false);
    // What is stored now, shown together with the outcome (never a "removed" next to the old settings).
    setSettings(await readSettings());
    if (report.ok) {
      setChanging(false);
      setNotice({ tone: 'success', text: t('settings.remove.done') });
    } else {
      const groups = [...new Set(report.failures.map((f) => t(`settings.groups.${f.group}`)))].join(', ');
      setNotice({ tone: 'error', text: t('settings.remove.failed', { groups }) });
    }
  }, [canEdit, host, t, readSettings, setSettings]);

  const connect = useCallback(() => {
    if (connection.status !== 'not-authorised') {
      // Connecting again after a removal: the connection is fine, only the organization link is missing.
      setAutoLinkAllowed(true);
      autoLinkTried.current = null;
      recheck();
      return;
    }
    if (connection.authUrl) {
      host.openUrl(connection.authUrl);
      setAwaitingAuthorisation(true);
    }
  }, [connection, host, recheck]);

  return {
    access,
    canEdit,
    settings,
    connection,
    adminOrganizations,
    busy,
    notice,
    awaitingAuthorisation,
    changing,
    recheck: () => recheck(),
    reload: () => {
      setNotice(null);
      load();
      recheck();
    },
    connect,
    linkOrganization: (org) => linkOrganization(org, 'chosen'),
    startChange: () => {
      setNotice(null);
      setChanging(true);
    },
    cancelChange: () => setChanging(false),
    setEnabled,
    remove,
    dismissNotice: () => setNotice(null),
    organizationsApi: api,
  };
}

/** The same answer again (a re-check that found nothing new) keeps the state object, so nothing re-renders. */
function sameConnection(a: Connection, b: Connection): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
