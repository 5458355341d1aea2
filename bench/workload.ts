/**
 * The organization-wide workload, replayed in-process on a virtual clock: 10 agents, 300 panel opens,
 * 60 customers, repeat visits skewed (seeded). It runs the panel's REAL read path — the Desk host
 * adapter over the fake SDK, the Billing client, the per-organization cache (freshness, stale-while-
 * revalidate, de-duplication) and customer resolution — and, for each open, the three reads the
 * panel's CustomerView issues when it mounts (customer detail, first subscriptions page, first
 * invoices page). The bench checks that per-open call list against what the real panel in Chromium
 * did for the same customer.
 *
 * Three wirings of the same modules:
 *  - "kept":      each agent's widget lives the whole shift (ticket switches reuse its cache), alone;
 *  - "recreated": every open is a new widget (Desk re-creates the iframe), alone: only the agent's tab
 *                 sessionStorage and Desk storage (saved links) survive between opens;
 *  - "portal":    what src/entries/panel.tsx ships: a new widget per open with the portal share
 *                 (createPanelBilling: shared snapshot in Desk storage, access gate, refresh lease,
 *                 daily meter, storage budget). Each agent is its own Desk session (own user, own
 *                 connection, own tab) over ONE Desk storage, as in a real portal (bench/portal.ts).
 */
import { createBillingClient } from '../src/billing/billingClient';
import { createBillingCache, type BillingCache } from '../src/integration/cache/billingCache';
import type { DeskHost } from '../src/host/types';
import { saveCustomerLink } from '../src/integration/records/customerLinks';
import { sessionPersistence } from '../src/integration/cache/sessionCache';
import { resolveCustomer, type ResolveTarget } from '../src/panel/resolveCustomer';
import { createSandboxHost } from '../src/sandbox/desk/sandboxHost';
import { MemoryStorage } from '../src/sandbox/memoryStorage';
import { createPortalAgents, peakPerMinute, storageFigures, type InARow, type StorageFigures } from './portal';

export interface WorkloadOptions {
  seed?: number;
  agents?: number;
  opens?: number;
  customers?: number;
  shiftMinutes?: number;
  /** Chance that an agent's next open is one of its last three customers (follow-ups). */
  revisitShare?: number;
}

export interface WorkloadMode {
  mode: 'kept' | 'recreated' | 'portal';
  opens: number;
  calls: number;
  callsPerOpen: number;
  peakPerMinute: number;
  /** Opens that waited for at least one Billing call (the rest were served from memory). */
  waitingOpens: number;
  /** Calls made after the panel had everything it needed (stale-while-revalidate refreshes). */
  backgroundCalls: number;
  zeroCallOpens: number;
  byPath: Record<string, number>;
  /** Calls that only proved an agent's access (GET /organizations), included in `calls`. */
  accessChecks: number;
  /** Desk storage traffic of the whole portal (portal mode): peak calls in any 60 s window. */
  storage: StorageFigures | null;
}

export interface WorkloadResult {
  seed: number;
  agents: number;
  opens: number;
  customers: number;
  distinctCustomersVisited: number;
  /** Distinct (agent, customer) pairs: first visits no per-agent cache can avoid. */
  perAgentFirstVisits: number;
  repeatVisitShare: number;
  shiftMinutes: number;
  modes: WorkloadMode[];
  /** Calls of one cold open of the given target, for the cross-check against the browser. */
  coldOpenPaths: string[];
  /** Five agents, fresh browsers, one after another on one customer (portal wiring). */
  inARow: InARow;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Customer resolution as an agent does it on an open: the one match, or the first candidate of the
 * picker, which the panel then saves as a manual link. The customer's id, or null when none matched.
 */
export async function resolveAsAgent(cache: BillingCache, target: ResolveTarget, host: DeskHost, organizationId: string, at: number): Promise<string | null> {
  const r = await resolveCustomer(target, cache, host);
  if (r.kind === 'found') return r.customer.id;
  if (r.kind !== 'choose' || !r.candidates[0]) return null;
  const customerId = r.candidates[0].customer.id;
  if (target.entity) {
    await saveCustomerLink(host, {
      deskEntity: target.entity.kind,
      deskId: target.entity.id,
      customerId,
      organizationId,
      method: 'manual',
      linkedAt: new Date(at).toISOString(),
      linkedBy: null,
    });
  }
  return customerId;
}

const pathOf = (url: string) => {
  const u = new URL(url);
  const path = u.pathname.replace(/^.*\/billing\/v1/, '').replace(/\d{10,}/g, '{id}');
  // The portal-wide check of customer rows (portalRevalidation.ts) is told apart from email look-ups.
  return path === '/customers' && u.searchParams.get('filter_by') === 'Status.All' ? '/customers (row check)' : path;
};

interface Open {
  at: number;
  agent: number;
  customer: number;
}

/** Seeded schedule: uniform arrivals per agent over the shift; Zipf(1) popularity plus follow-ups. */
function schedule(rand: () => number, o: Required<WorkloadOptions>): Open[] {
  const perAgent = Math.round(o.opens / o.agents);
  const weights = Array.from({ length: o.customers }, (_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const popular = () => {
    let r = rand() * total;
    for (let i = 0; i < weights.length; i += 1) {
      r -= weights[i] as number;
      if (r <= 0) return i;
    }
    return weights.length - 1;
  };
  const opens: Open[] = [];
  for (let agent = 0; agent < o.agents; agent += 1) {
    const times = Array.from({ length: perAgent }, () => Math.floor(rand() * o.shiftMinutes * 60_000)).sort((a, b) => a - b);
    const recent: number[] = [];
    for (const at of times) {
      const customer = recent.length > 0 && rand() < o.revisitShare ? (recent[Math.floor(rand() * recent.length)] as number) : popular();
      recent.push(customer);
      if (recent.length > 3) recent.shift();
      opens.push({ at, agent, customer });
    }
  }
  return opens.sort((a, b) => a.at - b.at || a.agent - b.agent);
}

export async function runWorkload(options: WorkloadOptions = {}): Promise<WorkloadResult> {
  const o: Required<WorkloadOptions> = {
    seed: options.seed ?? 20261127,
    agents: options.agents ?? 10,
    opens: options.opens ?? 300,
    customers: options.customers ?? 60,
    shiftMinutes: options.shiftMinutes ?? 60,
    revisitShare: options.revisitShare ?? 0.35,
  };
  const { host, sandbox, sim } = await createSandboxHost({ location: 'ticket' });
  const org = sandbox.dataset.organizations.find((x) => x.organization_id === sandbox.dataset.organizationSets.one?.[0]) ?? sandbox.dataset.organizations[0];
  if (!org) throw new Error('the sandbox has no organization');
  // Every customer with an email (customers sharing an email resolve to the picker; the agent picks).
  const pool = sandbox.dataset.customers.filter((c) => c.email.trim() !== '');
  const rand = mulberry32(o.seed);
  // Popularity rank is a seeded shuffle of the pool, so "popular" is not "first in the dataset".
  const ranked = [...pool].sort(() => rand() - 0.5).slice(0, o.customers);
  const targets: ResolveTarget[] = ranked.map((c, i) => ({
    entity: { kind: 'contact', id: `9000000${String(i).padStart(4, '0')}` },
    emails: [c.email],
    companyNames: [],
    label: c.display_name,
  }));
  const plan = schedule(rand, { ...o, customers: ranked.length });

  let clock = 0;
  const api = createBillingClient({ request: (req) => host.request(req), dataCenter: 'US', organizationId: org.organization_id });
  const newCache = (freshMs?: number, staleMs?: number, tab?: Storage) => {
    const persist = tab ? sessionPersistence(tab) : undefined;
    return createBillingCache(api, {
      organizationId: org.organization_id,
      now: () => clock,
      ...(freshMs ? { freshMs } : {}),
      ...(staleMs ? { staleMs } : {}),
      ...(persist ? { persist } : {}),
    });
  };

  // Requests in flight through the fake SDK, so background revalidations can land before the clock moves.
  let inFlight = 0;
  const transport = sim.transport;
  sim.transport = async (request) => {
    inFlight += 1;
    try {
      return await transport(request);
    } finally {
      inFlight -= 1;
    }
  };
  const settle = async () => {
    for (let quiet = 0; quiet < 3; ) {
      await new Promise((r) => setTimeout(r, 1));
      quiet = inFlight === 0 ? quiet + 1 : 0;
    }
  };

  /** What one panel open reads (PanelApp → CustomerArea → CustomerView on mount). */
  const openPanel = async (cache: BillingCache, target: ResolveTarget, deskHost: DeskHost = host) => {
    const customerId = await resolveAsAgent(cache, target, deskHost, org.organization_id, clock);
    if (customerId) {
      await Promise.all([
        cache.read('getCustomer', customerId),
        cache.read('listSubscriptions', customerId, 1),
        cache.read('listInvoices', { customerId, page: 1 }),
      ]);
    }
  };

  // A small real latency so an open that did not wait returns before its background refreshes land
  // (the split between "waited" and "background" calls); the clock the cache sees stays virtual.
  sandbox.faults.latencyMs = 5;
  const modes: WorkloadMode[] = [];
  // The portal: one Desk session per agent over one Desk storage, on the same virtual clock.
  const portal = await createPortalAgents({ sandbox, agents: o.agents, organizationId: org.organization_id, now: () => clock, seed: o.seed });
  for (const mode of ['kept', 'recreated', 'portal'] as const) {
    sim.storage.clear();
    portal.reset();
    sandbox.calls.length = 0;
    // Each agent works in one browser tab; the panel keeps its answers in that tab's sessionStorage.
    const tabs = Array.from({ length: o.agents }, () => new MemoryStorage());
    const caches = tabs.map((tab) => newCache(undefined, undefined, tab));
    const stamps: number[] = [];
    let waitingOpens = 0;
    let backgroundCalls = 0;
    let zeroCallOpens = 0;
    const byPath: Record<string, number> = {};
    for (const open of plan) {
      clock = open.at;
      await portal.runDue();
      const before = sandbox.calls.length;
      const target = targets[open.customer] as ResolveTarget;
      if (mode === 'portal') await openPanel(portal.openWidget(open.agent), target, portal.host(open.agent));
      else await openPanel(mode === 'recreated' ? newCache(undefined, undefined, tabs[open.agent]) : (caches[open.agent] as BillingCache), target);
      const answered = sandbox.calls.length;
      await settle();
      if (mode === 'portal') await portal.settle(settle);
      backgroundCalls += sandbox.calls.length - answered;
      if (answered > before) waitingOpens += 1;
      const made = sandbox.calls.slice(before);
      for (const call of made) {
        stamps.push(open.at);
        const p = pathOf(call.url);
        byPath[p] = (byPath[p] ?? 0) + 1;
      }
      if (made.length === 0) zeroCallOpens += 1;
    }
    modes.push({
      mode,
      opens: plan.length,
      calls: stamps.length,
      callsPerOpen: stamps.length / plan.length,
      peakPerMinute: peakPerMinute(stamps),
      waitingOpens,
      backgroundCalls,
      zeroCallOpens,
      byPath,
      accessChecks: byPath['/organizations'] ?? 0,
      storage: mode === 'portal' ? storageFigures(portal.storageCalls()) : null,
    });
  }

  // Five agents, fresh browsers, one after another on the cold ticket's customer (portal wiring).
  const bowman = sandbox.dataset.customers.find((c) => c.email === 'ben.george@bowman.example');
  const coldTarget: ResolveTarget = { entity: { kind: 'contact', id: '1892000000070001' }, emails: [bowman?.email ?? ''], companyNames: [], label: '' };
  portal.reset();
  sandbox.calls.length = 0;
  const rowCalls: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    clock = o.shiftMinutes * 60_000 + 3_600_000 + i * 20_000;
    await portal.runDue();
    const before = sandbox.calls.length;
    await openPanel(portal.openWidget(i, { freshBrowser: true }), coldTarget, portal.host(i));
    await settle();
    await portal.settle(settle);
    rowCalls.push(sandbox.calls.length - before);
  }
  const inARow: InARow = {
    agents: 5,
    calls: rowCalls.reduce((a, b) => a + b, 0),
    perAgent: rowCalls,
    accessChecks: sandbox.calls.filter((c) => pathOf(c.url) === '/organizations').length,
  };

  // One cold open of the bench's cold ticket customer, for the cross-check with the browser.
  sim.storage.clear();
  sandbox.calls.length = 0;
  if (bowman) {
    await openPanel(newCache(), { entity: { kind: 'contact', id: '1892000000070001' }, emails: [bowman.email], companyNames: [], label: '' });
    await settle();
  }
  const coldOpenPaths = sandbox.calls.map((c) => {
    const u = new URL(c.url);
    return `${c.method} ${u.pathname.replace(/^.*\/billing\/v1/, '')}${u.search}`;
  });

  const visited = new Set(plan.map((p) => p.customer));
  const perAgent = new Set(plan.map((p) => `${p.agent}:${p.customer}`));
  const repeats = plan.length - visited.size;
  return {
    seed: o.seed,
    agents: o.agents,
    opens: plan.length,
    customers: ranked.length,
    distinctCustomersVisited: visited.size,
    perAgentFirstVisits: perAgent.size,
    repeatVisitShare: repeats / plan.length,
    shiftMinutes: o.shiftMinutes,
    modes,
    coldOpenPaths,
    inARow,
  };
}
