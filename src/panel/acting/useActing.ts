/**
 * What an action component needs: the gate for its group (who may act, scopes, cap, live data), the
 * Billing calls, and `run`, the runner over the exactly-once guard with this panel's host and cache.
 */
import { useMemo } from 'react';
import { actionCalls, type ActionCalls } from '../../billing/actionCalls';
import { createTransport } from '../../billing/transport';
import type { DeskHost, DeskProfile, HostResult } from '../../host/types';
import { runAction, type ActionPlan, type ActionResult } from '../../integration/actions/runAction';
import { DEFAULT_ACTION_ACCESS, type ActionGroup } from '../../integration/records/actionAccess';
import { createActionGuard, type ActionGuard, type ActionRunOptions } from '../../integration/writes/actionGuard';
import { useLatest } from '../../ui/useLatest';
import { usePanelEnv } from '../panelEnv';
import { gateFor, type GateState } from './gate';

/** One Desk look-up of the agent's profile per widget; the runner asks again at every click anyway. */
const profiles = new WeakMap<DeskHost, Promise<HostResult<DeskProfile | null>>>();
function agentProfileOnce(host: DeskHost): Promise<HostResult<DeskProfile | null>> {
  let p = profiles.get(host);
  if (!p) {
    p = host.agentProfile().then(
      (r) => {
        if (!r.ok) profiles.delete(host);
        return r;
      },
      (e: unknown) => {
        profiles.delete(host);
        return { ok: false as const, error: { kind: 'rejected' as const, message: String(e) } };
      },
    );
    profiles.set(host, p);
  }
  return p;
}

const guards = new WeakMap<DeskHost, ActionGuard>();

export interface Acting {
  gate: GateState;
  calls: ActionCalls;
  /** The ticket to comment on (null off a ticket page), read from Desk when the action runs. */
  run<A>(plan: Omit<ActionPlan<A>, 'ticketId'>, options?: ActionRunOptions): Promise<ActionResult<A>>;
}

export function useActing(group: ActionGroup, stale: boolean): Acting {
  const env = usePanelEnv();
  const { host, billing, organization } = env;
  const profile = useLatest(() => agentProfileOnce(host), [host]);
  const known: DeskProfile | null | undefined =
    profile.status === 'ready' ? (profile.value.ok ? profile.value.value : null) : profile.status === 'error' ? null : undefined;
  const gate = gateFor(group, {
    access: env.acting?.access ?? DEFAULT_ACTION_ACCESS,
    profile: known,
    budget: billing.budgetLevel(),
    stale,
    askName: env.acting?.askName ?? null,
  });
  const calls = useMemo(
    () => actionCalls(createTransport({ request: (req) => host.request(req), dataCenter: organization.dataCenter, organizationId: organization.id })),
    [host, organization.dataCenter, organization.id],
  );
  const run = async <A,>(plan: Omit<ActionPlan<A>, 'ticketId'>, options?: ActionRunOptions): Promise<ActionResult<A>> => {
    let guard = guards.get(host);
    if (!guard) {
      guard = createActionGuard({ storage: host.storage });
      guards.set(host, guard);
    }
    let ticketId: string | null = null;
    if (host.context().kind === 'ticket') {
      const ticket = await host.ticket();
      ticketId = ticket.ok ? ticket.value.id : null;
    }
    return runAction({ host, guard, wrote: (id, records) => billing.wrote(id, records) }, { ...plan, ticketId }, options);
  };
  return { gate, calls, run };
}
