/**
 * Portal-wide integration settings in Desk storage (one record, group 'settings').
 *
 * Desk storage has no transactions, so a save is optimistic: read the current version, refuse when
 * it is not the one the admin was looking at (another admin saved meanwhile), write version + 1,
 * then read back and compare. Every failure hands back the last known good value so the UI never
 * shows a state that is not actually stored. Reading the record (what the panel needs) is settingsRecord.ts.
 */
import type { HostError, HostResult, JsonObject } from '../../host/types';
import { parseSettings, SETTINGS_KEY, type StorageHost } from './settingsRecord';
import { actionAccessJson, DEFAULT_ACTION_ACCESS } from './actionAccess';
import { DEFAULT_SETTINGS } from './types';
import type { IntegrationSettings } from './types';

export { loadSettings, parseSettings, SETTINGS_KEY, settingsSchema } from './settingsRecord';

function toJson(s: IntegrationSettings): JsonObject {
  return {
    version: s.version,
    enabled: s.enabled,
    organization: s.organization
      ? {
          id: s.organization.id,
          name: s.organization.name,
          currencyCode: s.organization.currencyCode,
          dataCenter: s.organization.dataCenter,
        }
      : null,
    linkedHow: s.linkedHow,
    updatedBy: s.updatedBy ? { id: s.updatedBy.id, name: s.updatedBy.name } : null,
    updatedAt: s.updatedAt,
    actionAccess: actionAccessJson(s.actionAccess ?? DEFAULT_ACTION_ACCESS),
  };
}

/** Structural equality of JSON-like values; key order is irrelevant (storage may reorder keys). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ak = Object.keys(a as object);
  const bk = Object.keys(b as object);
  if (ak.length !== bk.length) return false;
  return ak.every(
    (k) => Object.prototype.hasOwnProperty.call(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

export type SaveSettingsResult =
  | { ok: true; value: IntegrationSettings }
  /** Another admin saved first: nothing was written; `current` is what is stored now. */
  | { ok: false; reason: 'conflict'; current: IntegrationSettings; error: HostError }
  /** Reading, writing or verifying failed; `previous` is the last value known to be stored (null if unknown). */
  | { ok: false; reason: 'failed'; previous: IntegrationSettings | null; error: HostError };

/** What is stored now, with its version even when the record itself is unreadable (so it can be repaired). */
async function readCurrent(
  host: StorageHost,
): Promise<HostResult<{ settings: IntegrationSettings | null; version: number }>> {
  const read = await host.storage.get(SETTINGS_KEY);
  if (!read.ok) return read;
  if (read.value === null) return { ok: true, value: { settings: { ...DEFAULT_SETTINGS }, version: DEFAULT_SETTINGS.version } };
  const parsed = parseSettings(read.value.value);
  if (parsed.ok) return { ok: true, value: { settings: parsed.value, version: parsed.value.version } };
  const rawVersion = read.value.value['version'];
  return {
    ok: true,
    value: { settings: null, version: typeof rawVersion === 'number' && Number.isInteger(rawVersion) && rawVersion >= 0 ? rawVersion : 0 },
  };
}

function conflictError(): HostError {
  return { kind: 'storage', message: 'Another admin changed the settings since they were loaded.' };
}

/**
 * Save `next` (its version is ignored) if the stored version is still `expectedVersion`.
 * Resolves with the value actually stored, read back from Desk.
 */
export async function saveSettings(
  host: StorageHost,
  next: IntegrationSettings,
  expectedVersion: number,
): Promise<SaveSettingsResult> {
  const before = await readCurrent(host);
  if (!before.ok) return { ok: false, reason: 'failed', previous: null, error: before.error };
  const { settings: previous, version } = before.value;
  if (version !== expectedVersion) {
    if (previous) return { ok: false, reason: 'conflict', current: previous, error: conflictError() };
    return {
      ok: false,
      reason: 'failed',
      previous: null,
      error: { kind: 'malformed', message: 'Stored settings changed meanwhile and cannot be read.' },
    };
  }

  const written: IntegrationSettings = { ...next, version: version + 1 };
  const writeResult = await host.storage.set({ key: SETTINGS_KEY, group: 'settings', value: toJson(written) });
  if (!writeResult.ok) return { ok: false, reason: 'failed', previous, error: writeResult.error };

  const after = await host.storage.get(SETTINGS_KEY);
  if (!after.ok) return { ok: false, reason: 'failed', previous, error: after.error };
  if (after.value === null) {
    return { ok: false, reason: 'failed', previous, error: { kind: 'storage', message: 'The settings were not stored.' } };
  }
  const stored = parseSettings(after.value.value);
  if (stored.ok && sameJson(toJson(stored.value), toJson(written))) return { ok: true, value: stored.value };
  // A different version on read-back means someone else's write landed after ours.
  if (stored.ok && stored.value.version !== written.version) {
    return { ok: false, reason: 'conflict', current: stored.value, error: conflictError() };
  }
  return {
    ok: false,
    reason: 'failed',
    previous,
    error: { kind: 'storage', message: 'The stored settings differ from what was saved.', raw: after.value.value },
  };
}
