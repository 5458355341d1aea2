/**
 * Before anything is offered: may this agent, here and now, use a group of actions? The same rules the
 * runner checks again at the click (integration/actions/runAction.ts), plus what only the panel knows:
 * the connection's scopes, the daily cap and whether it shows live answers.
 */
import { CONNECTION_SCOPES } from '../../host/connection';
import type { DeskProfile } from '../../host/types';
import { missingScopes, permissionFor, type ActionAccess, type ActionGroup } from '../../integration/records/actionAccess';

export type GateState =
  | { status: 'checking' }
  | { status: 'offered' }
  | { status: 'absent'; reason: 'not-allowed'; profile: string | null; askName: string | null }
  | { status: 'absent'; reason: 'profile-unknown' }
  | { status: 'absent'; reason: 'missing-scope'; scopes: string[] }
  | { status: 'absent'; reason: 'over-cap' }
  | { status: 'absent'; reason: 'stale' };

export interface GateFacts {
  access: ActionAccess;
  /** undefined: still being read; null: Desk did not say. */
  profile: DeskProfile | null | undefined;
  budget: 'normal' | 'near' | 'over';
  /** The record shown is a kept answer whose refresh failed (read-only until Billing answers again). */
  stale: boolean;
  /** Who last changed the settings: named as the person to ask. */
  askName: string | null;
  granted?: readonly string[];
}

export function gateFor(group: ActionGroup, facts: GateFacts): GateState {
  const missing = missingScopes(group, facts.granted ?? CONNECTION_SCOPES);
  if (missing.length > 0) return { status: 'absent', reason: 'missing-scope', scopes: missing };
  if (facts.profile === undefined) return { status: 'checking' };
  const permission = permissionFor(facts.access, group, facts.profile);
  if (!permission.allowed) {
    return permission.reason === 'profile-unknown'
      ? { status: 'absent', reason: 'profile-unknown' }
      : { status: 'absent', reason: 'not-allowed', profile: permission.profile, askName: facts.askName };
  }
  if (facts.budget === 'over') return { status: 'absent', reason: 'over-cap' };
  if (facts.stale) return { status: 'absent', reason: 'stale' };
  return { status: 'offered' };
}
