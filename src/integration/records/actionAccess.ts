/**
 * Who may act from the panel (issue 20 "Guardrails"): per group of actions, the Desk profiles an admin
 * allowed. Desk administrators may always; every other profile may not until allowed, so a new install
 * acts for admins only. Kept in the settings record (`actionAccess`), written by the settings page
 * with the record's verified save. Pure rules only: reading profiles is the host's, asking is the panel's.
 *
 * A group is one entry of ACTION_GROUPS with the scopes its calls need: issue 21's refunds and credits
 * are one more entry, and every screen that lists groups (settings, the panel's "whom to ask", the
 * diagnostics' missing scopes) follows.
 */
import type { Check } from '../../billing/read';
import type { DeskProfile } from '../../host/types';

export const ACTION_GROUPS = ['payment', 'subscription'] as const;
export type ActionGroup = (typeof ACTION_GROUPS)[number];

/** Desk profile ids allowed per group (administrators are never listed: they always may). */
export type ActionAccess = Record<ActionGroup, string[]>;

export const DEFAULT_ACTION_ACCESS: ActionAccess = { payment: [], subscription: [] };

/** Every action leaves a private ticket comment (billing-actions.md §3.1: UPDATE, not CREATE). */
export const AUDIT_SCOPE = 'Desk.tickets.UPDATE';

/**
 * The connection scopes each group's calls need (billing-actions.md §1: action endpoints need the
 * module's CREATE). Payment recovery: collect an invoice, e-mail it. Subscription changes: cancel,
 * reactivate, postpone; churn reasons are read from the settings module.
 */
export const GROUP_SCOPES: Record<ActionGroup, readonly string[]> = {
  payment: ['ZohoSubscriptions.invoices.CREATE', AUDIT_SCOPE],
  subscription: ['ZohoSubscriptions.subscriptions.CREATE', 'ZohoSubscriptions.settings.READ', AUDIT_SCOPE],
};

/** Scopes a group needs that the connection does not grant, in the group's order. */
export function missingScopes(group: ActionGroup, granted: readonly string[]): string[] {
  const have = new Set(granted.map((s) => s.trim()));
  return GROUP_SCOPES[group].filter((scope) => !have.has(scope));
}

export type Permission =
  | { allowed: true }
  /** `profile`: the agent's profile name (null when Desk did not say which it is). */
  | { allowed: false; reason: 'not-allowed' | 'profile-unknown'; profile: string | null };

/** Whether this agent's Desk profile may use the group now (checked again at action time). */
export function permissionFor(access: ActionAccess, group: ActionGroup, profile: DeskProfile | null): Permission {
  if (profile === null) return { allowed: false, reason: 'profile-unknown', profile: null };
  if (profile.isAdmin) return { allowed: true };
  if (access[group].includes(profile.id)) return { allowed: true };
  return { allowed: false, reason: 'not-allowed', profile: profile.name || null };
}

/** The same access with one profile allowed or not for one group (ids kept unique and in order). */
export function withProfile(access: ActionAccess, group: ActionGroup, profileId: string, allowed: boolean): ActionAccess {
  const rest = access[group].filter((id) => id !== profileId);
  return { ...access, [group]: allowed ? [...rest, profileId] : rest };
}

function ids(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const v of value) if (typeof v === 'string' && v.trim() !== '' && !out.includes(v)) out.push(v);
  return out;
}

/**
 * The stored `actionAccess`: a record written before it existed has none (nobody but admins), an
 * unknown group is dropped, a malformed list is read as empty: never more access than was given.
 */
export const actionAccessField: Check<ActionAccess> = (value) => {
  const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const access = { ...DEFAULT_ACTION_ACCESS };
  for (const group of ACTION_GROUPS) access[group] = ids(record[group]);
  return access;
};

export function actionAccessJson(access: ActionAccess): Record<ActionGroup, string[]> {
  const out = { ...DEFAULT_ACTION_ACCESS };
  for (const group of ACTION_GROUPS) out[group] = [...access[group]];
  return out;
}
