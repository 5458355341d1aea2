/**
 * The settings page's three looks at the outside world: the user's role, the stored settings and the
 * Billing connection. Each keeps only its latest answer (useLatest), so a slower, older one never
 * overwrites a newer one; the page looks again when the window gets the focus back while it waits for
 * something outside (an authorisation tab, a new organization).
 */
import { useCallback, useMemo } from 'react';
import { toBillingError } from '../billing/errors';
import { httpsUrl } from '../host/guards';
import type { DeskHost, HostResult } from '../host/types';
import { loadSettings } from '../integration/records/settingsStore';
import type { IntegrationSettings } from '../integration/records/types';
import { useLatest } from '../ui/useLatest';
import { useWindowFocus } from '../ui/useWindowFocus';
import type { Access, Connection, Loaded, OrganizationsApi } from './settingsModel';

/** One object while checking, so what is derived from the connection keeps its identity across renders. */
const CHECKING: Connection = { status: 'checking' };

export function useSettingsReads(host: DeskHost, api: OrganizationsApi) {
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
  const connection: Connection = connectionRun.status === 'ready' ? connectionRun.value : CHECKING;
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

  return {
    access,
    canEdit,
    connection,
    adminOrganizations,
    recheck,
    settings,
    setSettings,
    readSettings,
    /** Reads the stored settings again, showing "loading". */
    reloadSettings: load,
  };
}

/** The same answer again (a re-check that found nothing new) keeps the state object, so nothing re-renders. */
function sameConnection(a: Connection, b: Connection): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
