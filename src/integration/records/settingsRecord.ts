/**
 * Reading the portal-wide settings record (one record in Desk storage, group 'settings'): what the panel
 * needs at start. Saving it (optimistic, verified) is settingsStore.ts, which only the settings page uses.
 */
import { bool, count, nonEmpty, nullable, oneOf, shape, str, strict } from '../../billing/read';
import { DATA_CENTERS } from '../../host/types';
import type { DeskHost, HostResult } from '../../host/types';
import { actionAccessField } from './actionAccess';
import { DEFAULT_SETTINGS } from './types';
import type { IntegrationSettings } from './types';

/** Desk keys allow only [A-Za-z0-9_,:] and ≤50 characters. */
export const SETTINGS_KEY = 'zbd_settings';

export type StorageHost = Pick<DeskHost, 'storage'>;

const organizationShape = shape({
  id: nonEmpty,
  name: str,
  currencyCode: nullable(str),
  dataCenter: oneOf(DATA_CENTERS),
});

export const settingsSchema = strict(
  shape({
    version: count,
    enabled: bool,
    organization: nullable(organizationShape),
    linkedHow: nullable(oneOf(['auto', 'chosen'])),
    updatedBy: nullable(shape({ id: str, name: str })),
    updatedAt: nullable(str),
    actionAccess: actionAccessField,
  }),
);

export function parseSettings(value: unknown): HostResult<IntegrationSettings> {
  const parsed = settingsSchema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    error: {
      kind: 'malformed',
      message: `Stored settings are not valid: ${parsed.error.message}`,
      raw: value,
    },
  };
}

/** The stored settings; nothing stored yet means the defaults (not connected, enabled). */
export async function loadSettings(host: StorageHost): Promise<HostResult<IntegrationSettings>> {
  const read = await host.storage.get(SETTINGS_KEY);
  if (!read.ok) return read;
  if (read.value === null) return { ok: true, value: { ...DEFAULT_SETTINGS } };
  return parseSettings(read.value.value);
}
