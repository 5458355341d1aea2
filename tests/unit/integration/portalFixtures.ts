/**
 * A simulated Desk portal for the portal-share tests: one Billing sandbox, one Desk storage shared by
 * every agent (as a real portal's is), one browser tab (sessionStorage) per agent, one clock.
 */
import { createBillingClient } from '../../../src/billing/billingClient';
import type { BillingApi } from '../../../src/billing/types';
import type { DeskHost } from '../../../src/host/types';
import { ACCESS_PREFIX } from '../../../src/integration/portal/accessGate';
import { createPanelBilling, type PanelBilling } from '../../../src/integration/portalBilling';
import { sessionPersistence } from '../../../src/integration/cache/sessionCache';
import { createBillingSandbox, type BillingSandbox } from '../../../src/sandbox/billing/sandbox';
import { createSandboxHost } from '../../../src/sandbox/desk/sandboxHost';
import type { DeskSimulation, StoredRecord } from '../../../src/sandbox/desk/simulation';
import { MemoryStorage } from '../../../src/sandbox/memoryStorage';

export interface Agent {
  host: DeskHost;
  sim: DeskSimulation;
  api: BillingApi;
  tab: MemoryStorage;
  userId: string;
}

export interface Portal {
  sandbox: BillingSandbox;
  storage: Map<string, StoredRecord>;
  organizationId: string;
  clock: { now: number };
  agent(n: number): Promise<Agent>;
}

export async function createPortal(): Promise<Portal> {
  const sandbox = createBillingSandbox();
  sandbox.faults.organizations = 'one';
  const storage = new Map<string, StoredRecord>();
  const clock = { now: Date.UTC(2026, 10, 30, 9, 0, 0) };
  const organizationId = sandbox.dataset.organizationSets.one?.[0] ?? sandbox.dataset.organizations[0]?.organization_id ?? '';
  return {
    sandbox,
    storage,
    organizationId,
    clock,
    async agent(n) {
      const userId = `18920000000${String(90000 + n)}`;
      const { host, sim } = await createSandboxHost({
        sandbox,
        storage,
        storageClock: () => clock.now,
        user: { id: userId, name: `Agent ${n}`, email: `agent${n}@zylker.example`, timeZone: 'UTC' },
      });
      const api = createBillingClient({ request: (req) => host.request(req), dataCenter: 'US', organizationId });
      return { host, sim, api, tab: new MemoryStorage(), userId };
    },
  };
}

/** Lets queued promise chains (storage writes, background refreshes) run. */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i += 1) await new Promise((r) => setTimeout(r, 0));
}

/** A panel widget of this agent, wired as the panel ships it (createPanelBilling with the portal share). */
export function panelWidget(portal: Portal, agent: Agent): PanelBilling {
  const now = () => portal.clock.now;
  return createPanelBilling(
    agent.host,
    portal.organizationId,
    (h) => createBillingClient({ request: (req) => h.request(req), dataCenter: 'US', organizationId: portal.organizationId }),
    { persist: sessionPersistence(agent.tab), now },
    { session: agent.tab, now, sleep: () => new Promise((r) => setTimeout(r, 2)), budget: { now, writesPerMinute: 50, readsPerMinute: 250 } },
  );
}

/** This agent's connection has already proven access in its tab (as after any earlier open). */
export function proven(portal: Portal, agent: Agent): Agent {
  agent.tab.setItem(`${ACCESS_PREFIX}${portal.organizationId}:${agent.userId}`, '1');
  return agent;
}
