/**
 * Everything the settings page does, as one hook: the page components only render its state and
 * call its actions. Every write goes through saveSettings (optimistic, read back) and the screen
 * only ever shows what storage confirmed. What it reads is in useSettingsReads, its shape in settingsModel.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createBillingClient } from '../billing/billingClient';
import type { Organization } from '../billing/types';
import { DEFAULT_ACTION_ACCESS, withProfile, type ActionGroup } from '../integration/records/actionAccess';
import { removeIntegration, type RemovalReport } from '../integration/records/removeIntegration';
import { clearSessionCache } from '../integration/cache/sessionCache';
import { saveSettings, type SaveSettingsResult } from '../integration/records/settingsStore';
import type { IntegrationSettings } from '../integration/records/types';
import { reasonText } from './reasons';
import type { Busy, Notice, OrganizationsApi, SettingsPageDeps, SettingsPageModel } from './settingsModel';
import { useSettingsReads } from './useSettingsReads';

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

  const { access, canEdit, connection, adminOrganizations, recheck, settings, setSettings, readSettings, reloadSettings } =
    useSettingsReads(host, api);
  useEffect(() => {
    if (connection.status === 'ok') setAwaitingAuthorisation(false);
  }, [connection.status]);

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
    [host, stamp, t, i18n, setSettings],
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

  const setActionAccess = useCallback(
    async (group: ActionGroup, profileId: string, allowed: boolean) => {
      if (!current || !canEdit) return;
      setNotice(null);
      const actionAccess = withProfile(current.actionAccess ?? DEFAULT_ACTION_ACCESS, group, profileId, allowed);
      const stored = await save(current, { ...current, actionAccess });
      if (stored) setNotice({ tone: 'success', text: t('acting.settings.saved') });
    },
    [current, canEdit, save, t],
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
      const groups = i18n.list([...new Set(report.failures.map((f) => t(`settings.groups.${f.group}`)))]);
      setNotice({ tone: 'error', text: t('settings.remove.failed', { groups }) });
    }
  }, [canEdit, host, t, i18n, readSettings, setSettings]);

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
      reloadSettings();
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
    setActionAccess,
    remove,
    dismissNotice: () => setNotice(null),
    organizationsApi: api,
  };
}

