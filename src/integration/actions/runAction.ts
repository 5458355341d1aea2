/**
 * One action from the panel, start to end: who may act (checked again now, from storage and Desk, not
 * from what the panel showed when it opened), the exactly-once call, the audit comment on the ticket, and
 * dropping what every agent had kept of the customer. The confirmation before it is the panel's (it knows
 * the words); the audit text is the panel's too, so the comment is in the acting agent's language.
 */
import type { BillingError } from '../../billing/errors';
import type { DeskHost, HostError } from '../../host/types';
import { DEFAULT_ACTION_ACCESS, permissionFor, type ActionGroup, type Permission } from '../records/actionAccess';
import { loadSettings } from '../records/settingsRecord';
import type { ActionGuard, ActionOutcome, ActionRunOptions, GuardedAction } from '../writes/actionGuard';

export type ActionHost = Pick<DeskHost, 'agentProfile' | 'addTicketComment' | 'storage'>;

export interface ActionPlan<Answer> extends GuardedAction<Answer> {
  group: ActionGroup;
  /** The customer whose answers are dropped afterwards (here and in the portal's shared snapshot). */
  customerId: string;
  /** Other records the action changes (besides `recordId`) whose kept reads go too. */
  alsoChanges?: readonly string[];
  /** The ticket the comment goes on; null on a contact or account page (no ticket to comment on). */
  ticketId: string | null;
  /** The comment for what happened: Billing's answer when it changed the record, or its refusal. */
  audit(result: { status: 'done'; answer: Answer | null } | { status: 'failed'; error: BillingError }): string;
}

export type AuditState =
  | { status: 'added' }
  | { status: 'none' }
  /** The action's result stands; `text` can be added again (addAuditComment). */
  | { status: 'failed'; ticketId: string; text: string; error: HostError };

export type ActionResult<Answer> =
  /** Not sent: this agent's profile may not use the group (now), or Desk did not say which profile it is. */
  | { status: 'not-allowed'; permission: Exclude<Permission, { allowed: true }> }
  /** Not sent: the integration is off, or its settings cannot be read to tell who may act. */
  | { status: 'unavailable'; reason: 'disabled' | 'settings-unreadable' | 'profile-unreadable' }
  | (ActionOutcome<Answer> & { audit: AuditState });

export interface ActionDeps {
  host: ActionHost;
  guard: ActionGuard;
  /** Drops the customer's kept answers, the tab's and the portal's shared snapshot, and the changed records' (BillingCache.wrote). */
  wrote(customerId: string, records: readonly string[]): void;
}

/** Adds the audit comment (again); a ticketless page has none to add. */
export async function addAuditComment(host: Pick<DeskHost, 'addTicketComment'>, ticketId: string | null, text: string): Promise<AuditState> {
  if (ticketId === null) return { status: 'none' };
  const added = await host.addTicketComment(ticketId, text).catch(
    (e: unknown) => ({ ok: false as const, error: { kind: 'rejected' as const, message: String(e) } }),
  );
  return added.ok ? { status: 'added' } : { status: 'failed', ticketId, text, error: added.error };
}

export async function runAction<Answer>(deps: ActionDeps, plan: ActionPlan<Answer>, options: ActionRunOptions = {}): Promise<ActionResult<Answer>> {
  const { host } = deps;
  const [settings, profile] = await Promise.all([loadSettings(host), host.agentProfile()]);
  if (!settings.ok) return { status: 'unavailable', reason: 'settings-unreadable' };
  if (!settings.value.enabled || settings.value.organization === null) return { status: 'unavailable', reason: 'disabled' };
  if (!profile.ok) return { status: 'unavailable', reason: 'profile-unreadable' };
  const permission = permissionFor(settings.value.actionAccess ?? DEFAULT_ACTION_ACCESS, plan.group, profile.value);
  if (!permission.allowed) return { status: 'not-allowed', permission };

  const outcome = await deps.guard.run(plan, options);
  if (outcome.status === 'done' || outcome.status === 'unknown') {
    // Unknown too: whatever Billing did, what was kept may be wrong now.
    deps.wrote(plan.customerId, [plan.recordId, ...(plan.alsoChanges ?? [])]);
  }
  if (outcome.status === 'done') {
    return { ...outcome, audit: await addAuditComment(host, plan.ticketId, plan.audit({ status: 'done', answer: outcome.answer })) };
  }
  if (outcome.status === 'failed') {
    return { ...outcome, audit: await addAuditComment(host, plan.ticketId, plan.audit({ status: 'failed', error: outcome.error })) };
  }
  return { ...outcome, audit: { status: 'none' } };
}
