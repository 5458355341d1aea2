/**
 * Saved Desk contact/account → Billing customer links (SPEC B1: "a link saved earlier wins").
 * One record per Desk entity in group 'link', so removing the integration or changing the
 * organization can drop them all at once.
 */
import { nonEmpty, nullable, oneOf, shape, str, strict } from '../../billing/read';
import type { DeskHost, HostResult, JsonObject } from '../../host/types';
import type { CustomerLink } from './types';

type StorageHost = Pick<DeskHost, 'storage'>;
export type LinkEntity = CustomerLink['deskEntity'];

const linkSchema = strict(
  shape({
    deskEntity: oneOf(['contact', 'account']),
    deskId: nonEmpty,
    customerId: nonEmpty,
    organizationId: nonEmpty,
    method: oneOf(['email', 'company', 'manual', 'created']),
    linkedAt: str,
    linkedBy: nullable(str),
  }),
);

/** Desk keys allow only [A-Za-z0-9_,:] and ≤50 characters; Desk ids are digits, anything else is folded. */
export function linkKey(entity: LinkEntity, deskId: string): string {
  const safe = deskId.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 40);
  return `link:${entity === 'contact' ? 'c' : 'a'}:${safe}`;
}

/** The saved link for this entity under this organization; links made under another org do not count. */
export async function getCustomerLink(
  host: StorageHost,
  entity: LinkEntity,
  deskId: string,
  organizationId: string,
): Promise<HostResult<CustomerLink | null>> {
  const read = await host.storage.get(linkKey(entity, deskId));
  if (!read.ok) return read;
  if (read.value === null) return { ok: true, value: null };
  const parsed = linkSchema.safeParse(read.value.value);
  if (!parsed.success) return { ok: true, value: null };
  const link = parsed.data;
  if (link.organizationId !== organizationId || link.deskId !== deskId || link.deskEntity !== entity) {
    return { ok: true, value: null };
  }
  return { ok: true, value: link };
}

export async function saveCustomerLink(host: StorageHost, link: CustomerLink): Promise<HostResult<void>> {
  const value: JsonObject = { ...link };
  return host.storage.set({ key: linkKey(link.deskEntity, link.deskId), group: 'link', value });
}

export async function deleteCustomerLink(host: StorageHost, entity: LinkEntity, deskId: string): Promise<HostResult<void>> {
  return host.storage.delete(linkKey(entity, deskId));
}
