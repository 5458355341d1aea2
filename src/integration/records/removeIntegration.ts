/**
 * SPEC A5: removing the integration deletes every record the extension stored, then proves it by
 * listing each group again. Settings go last and are kept when anything else could not be deleted,
 * so a partial failure leaves the integration visibly configured and the admin can simply try again.
 */
import type { DeskHost, HostError, StorageGroup } from '../../host/types';
import { SETTINGS_KEY } from './settingsStore';

export const STORED_GROUPS: readonly StorageGroup[] = ['link', 'cache', 'snapshot', 'lease', 'meter', 'write', 'settings'];

export interface GroupRemovalFailure {
  group: StorageGroup;
  /** Keys still listed after every attempt (empty when the listing itself failed). */
  remainingKeys: string[];
  error: HostError | null;
}

export interface RemovalReport {
  ok: boolean;
  failures: GroupRemovalFailure[];
}

type StorageHost = Pick<DeskHost, 'storage'>;

async function removeGroup(host: StorageHost, group: StorageGroup): Promise<GroupRemovalFailure | null> {
  const { storage } = host;
  // deleteGroup may refuse or stop early (Desk limits deletes per minute); the key-by-key pass cleans up.
  const bulk = await storage.deleteGroup(group);
  let lastError: HostError | null = bulk.ok ? null : bulk.error;

  const leftover = await storage.list(group);
  if (!leftover.ok) return { group, remainingKeys: [], error: leftover.error };
  if (leftover.value.length > 0) {
    for (const item of leftover.value) {
      const one = await storage.delete(item.key);
      if (!one.ok) lastError = one.error;
    }
  }

  const verify = await storage.list(group);
  if (!verify.ok) return { group, remainingKeys: [], error: verify.error };
  if (verify.value.length > 0) {
    return {
      group,
      remainingKeys: verify.value.map((item) => item.key),
      error: lastError ?? { kind: 'storage', message: `Some ${group} records could not be deleted.` },
    };
  }
  return null;
}

export async function removeIntegration(host: StorageHost): Promise<RemovalReport> {
  const failures: GroupRemovalFailure[] = [];
  for (const group of STORED_GROUPS) {
    if (group === 'settings' && failures.length > 0) break;
    const failure = await removeGroup(host, group);
    if (failure) failures.push(failure);
  }
  if (failures.some((f) => f.group !== 'settings')) return { ok: false, failures };

  // The settings record is also checked by key: it must be gone even if its group tag was lost.
  const settings = await host.storage.get(SETTINGS_KEY);
  if (!settings.ok) {
    failures.push({ group: 'settings', remainingKeys: [], error: settings.error });
  } else if (settings.value !== null) {
    const del = await host.storage.delete(SETTINGS_KEY);
    const again = del.ok ? await host.storage.get(SETTINGS_KEY) : null;
    if (!del.ok || !again || !again.ok || again.value !== null) {
      failures.push({
        group: 'settings',
        remainingKeys: [SETTINGS_KEY],
        error: !del.ok ? del.error : again && !again.ok ? again.error : { kind: 'storage', message: 'The settings record could not be deleted.' },
      });
    }
  }
  return { ok: failures.length === 0, failures };
}
