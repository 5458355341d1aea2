/**
 * Desk profiles and ticket comments as the seam's types. Who may act from the panel is decided per Desk
 * profile (billing-actions.md §3.2), and the Desk API's shapes for profiles are only partly documented:
 * the agent record carries `profile {id, name, type}` with `?include=profile` (or `profileId` alone, or
 * `profileName`/`profileType`), and the profile list may come as `{data:[…]}`, `{profiles:[…]}`, a bare
 * array or JSON text. Each is read tolerantly here, and nothing else in the code knows those shapes.
 */
import { isRecord, type UnknownRecord } from './guards';
import { decodeJsonish, scalarText } from './parse';
import type { DeskProfile } from './types';

function pick(record: UnknownRecord, ...keys: string[]): string | null {
  for (const key of keys) {
    const text = scalarText(record[key]);
    if (text !== null && text.trim() !== '') return text.trim();
  }
  return null;
}

function asRecord(value: unknown): UnknownRecord | null {
  const decoded = decodeJsonish(value);
  return isRecord(decoded) ? decoded : null;
}

/** Desk's administrators: a profile named or typed "Administrator" (the rule settings use too). */
export function isAdministratorLabel(...labels: (string | null)[]): boolean {
  return labels.some((label) => label !== null && label.trim().toLowerCase() === 'administrator');
}

/** One profile record (from the list, or the agent's `profile`); null without an id or a name. */
export function toDeskProfile(value: unknown): DeskProfile | null {
  const p = asRecord(value);
  if (!p) return null;
  const id = pick(p, 'id', 'profileId');
  const name = pick(p, 'name', 'profileName', 'displayName');
  if (id === null && name === null) return null;
  const type = pick(p, 'type', 'profileType');
  return { id: id ?? `name:${name}`, name: name ?? id ?? '', type, isAdmin: isAdministratorLabel(name, type) };
}

/**
 * The acting agent's profile from `GET /agents/{id}?include=profile` (or `/myinfo`): the nested
 * `profile`, else the flat `profileId`/`profileName`/`profileType`; `rolePermissionType: "Admin"` also
 * marks an administrator. Null when the record names no profile at all.
 */
export function agentProfileOf(value: unknown): DeskProfile | null {
  const agent = asRecord(value);
  if (!agent) return null;
  const nested = toDeskProfile(agent.profile);
  const flatId = pick(agent, 'profileId');
  const flatName = pick(agent, 'profileName');
  const flatType = pick(agent, 'profileType');
  const adminRole = (pick(agent, 'rolePermissionType') ?? '').toLowerCase() === 'admin';
  if (!nested && flatId === null && flatName === null && flatType === null) return null;
  const id = nested && !nested.id.startsWith('name:') ? nested.id : (flatId ?? nested?.id ?? `name:${flatName ?? flatType}`);
  const name = nested?.name || flatName || '';
  const type = nested?.type ?? flatType;
  return { id, name, type, isAdmin: (nested?.isAdmin ?? false) || isAdministratorLabel(flatName, flatType) || adminRole };
}

/** Every profile of a list answer, de-duplicated by id, in Desk's order. */
export function profileList(value: unknown): DeskProfile[] {
  const decoded = decodeJsonish(value);
  let rows: unknown = decoded;
  if (isRecord(decoded)) {
    const inner = decodeJsonish(decoded.data ?? decoded.profiles ?? decoded.list, { left: 1 });
    rows = isRecord(inner) ? decodeJsonish(inner.profiles ?? inner.data, { left: 1 }) : inner;
  }
  if (!Array.isArray(rows)) return [];
  const seen = new Set<string>();
  const out: DeskProfile[] = [];
  for (const row of rows) {
    const profile = toDeskProfile(row);
    if (!profile || seen.has(profile.id)) continue;
    seen.add(profile.id);
    out.push(profile);
  }
  return out;
}

/** The id of a created comment (`{id}`, `{commentId}`, `{data:{id}}`); null when Desk did not say. */
export function commentIdOf(value: unknown): string | null {
  const c = asRecord(value);
  if (!c) return null;
  const direct = pick(c, 'id', 'commentId');
  if (direct !== null) return direct;
  const data = asRecord(c.data);
  return data ? pick(data, 'id', 'commentId') : null;
}

/** Desk refuses comments over 32,000 characters (addCommentPayload.content maxLength). */
export const COMMENT_MAX_LENGTH = 32_000;

/** The body of `POST /tickets/{id}/comments`: private, plain text, within Desk's limit. */
export function privateCommentBody(text: string): { content: string; isPublic: false; contentType: 'plainText' } {
  const content = text.length > COMMENT_MAX_LENGTH ? `${text.slice(0, COMMENT_MAX_LENGTH - 1)}…` : text;
  return { content, isPublic: false, contentType: 'plainText' };
}
