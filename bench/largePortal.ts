/**
 * A large portal (issue 23): many agents over a few thousand generated customers, replayed in-process
 * on a virtual clock with the wiring src/entries/panel.tsx ships (a new widget per open, the portal
 * share over ONE Desk storage, each agent its own Desk session; bench/portal.ts).
 *
 * Time model. Billing calls cost `callMs` (300 ms) of virtual time each and nothing of real time: every
 * request waits in a pump, and the pump answers all waiting requests together once the event loop is
 * idle. Requests answered in the same flush were in flight together (one round trip); a request that
 * needed an earlier answer lands in a later flush. So the round trips before an open knows the
 * customer's name and balances (customer resolution) and before its full Overview (the three first-
 * screen reads) are counted exactly, and their time is rounds × callMs. Desk storage costs no time here.
 * Nothing yet makes an open wait for the team's per-minute share, so a wait is only round trips: the
 * table says so next to the peak calls that a share would have to hold back.
 *
 * Schedules (seeded): a steady shift, `opensPerAgentPerHour` uniform arrivals per agent over
 * `shiftHours`, customers by Zipf(1) popularity with follow-ups; or a shift start, where every agent
 * opens one ticket within the same `burstMinutes`.
 */
import type { ResolveTarget } from '../src/panel/resolveCustomer';
import { createBillingSandbox } from '../src/sandbox/billing/sandbox';
import { createPortalAgents, peakPerMinute, storageFigures, type StorageFigures } from './portal';
import { mulberry32, resolveAsAgent } from './workload';

export interface LargePortalOptions {
  agents: number;
  /** Generated customers beside the sandbox's named ones. */
  customers: number;
  opensPerAgentPerHour?: number;
  shiftHours?: number;
  /** Every agent opens one ticket within the first `burstMinutes` instead of a steady shift. */
  shiftStart?: boolean;
  burstMinutes?: number;
  callMs?: number;
  seed?: number;
  revisitShare?: number;
}

export interface Percentiles {
  p50: number;
  p95: number;
  max: number;
}

export interface LargePortalResult {
  scenario: string;
  agents: number;
  customers: number;
  opens: number;
  calls: number;
  callsPerOpen: number;
  /** Most Billing calls in any 60 s window of the replay. */
  peakCallsPer60s: number;
  storage: StorageFigures;
  /** Opens whose first screen waited for at least one Billing call. */
  waitedShare: number;
  /** Virtual time to the customer's name and balances, and to the full Overview (ms). */
  nameMs: Percentiles;
  overviewMs: Percentiles;
  /** Round trips behind those times (the worst open). */
  maxNameRounds: number;
  maxOverviewRounds: number;
  /** Age of the customer detail the open showed (ms since it was read from Billing). */
  shownAgeMs: Percentiles;
  /** Real time the replay took (ms). */
  replayMs: number;
}

export function percentiles(values: number[]): Percentiles {
  if (values.length === 0) return { p50: 0, p95: 0, max: 0 };
  const s = [...values].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] as number;
  return { p50: at(0.5), p95: at(0.95), max: s[s.length - 1] as number };
}

interface Open {
  at: number;
  agent: number;
  customer: number;
}

function schedule(rand: () => number, o: Required<LargePortalOptions>, customers: number): Open[] {
  const weights = Array.from({ length: customers }, (_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const popular = () => {
    let r = rand() * total;
    for (let i = 0; i < weights.length; i += 1) {
      r -= weights[i] as number;
      if (r <= 0) return i;
    }
    return weights.length - 1;
  };
  const perAgent = o.shiftStart ? 1 : Math.round(o.opensPerAgentPerHour * o.shiftHours);
  const spanMs = o.shiftStart ? o.burstMinutes * 60_000 : o.shiftHours * 3_600_000;
  const opens: Open[] = [];
  for (let agent = 0; agent < o.agents; agent += 1) {
    const times = Array.from({ length: perAgent }, () => Math.floor(rand() * spanMs)).sort((a, b) => a - b);
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

export async function runLargePortal(options: LargePortalOptions): Promise<LargePortalResult> {
  const o: Required<LargePortalOptions> = {
    opensPerAgentPerHour: 10,
    shiftHours: 8,
    shiftStart: false,
    burstMinutes: 2,
    callMs: 300,
    seed: 20261207,
    revisitShare: 0.35,
    ...options,
  };
  const started = Date.now();
  const sandbox = createBillingSandbox({ fillerCustomers: o.customers });
  const org = sandbox.dataset.organizations.find((x) => x.organization_id === sandbox.dataset.organizationSets.one?.[0]);
  if (!org) throw new Error('the sandbox has no organization');
  const rand = mulberry32(o.seed);
  const pool = sandbox.dataset.customers.filter((c) => c.email.trim() !== '');
  const ranked = [...pool].sort(() => rand() - 0.5);
  const targets: ResolveTarget[] = ranked.map((c, i) => ({
    entity: { kind: 'contact', id: `9100000${String(i).padStart(6, '0')}` },
    emails: [c.email],
    companyNames: [],
    label: c.display_name,
  }));
  const plan = schedule(rand, o, ranked.length);

  let clock = 0;
  const portal = await createPortalAgents({ sandbox, agents: o.agents, organizationId: org.organization_id, now: () => clock, seed: o.seed });

  // The pump: Billing requests wait until the event loop is idle, then are answered together (one round).
  let round = 0;
  let waiting: Array<() => void> = [];
  let pumping = false;
  const pump = () => {
    if (pumping) return;
    pumping = true;
    setImmediate(() => {
      pumping = false;
      const batch = waiting;
      waiting = [];
      round += 1;
      for (const go of batch) go();
    });
  };
  for (let i = 0; i < o.agents; i += 1) {
    const s = await portal.session(i);
    const answer = s.sim.transport;
    s.sim.transport = (request) =>
      new Promise<Response>((resolve, reject) => {
        waiting.push(() => void answer(request).then(resolve, reject));
        pump();
      });
  }
  sandbox.faults.latencyMs = 0;
  const quiet = async () => {
    for (let idle = 0; idle < 3; ) {
      await new Promise((r) => setImmediate(r));
      idle = waiting.length === 0 && !pumping ? idle + 1 : 0;
    }
  };

  const stamps: number[] = [];
  const nameMs: number[] = [];
  const overviewMs: number[] = [];
  const ages: number[] = [];
  let waited = 0;
  let maxNameRounds = 0;
  let maxOverviewRounds = 0;

  for (const open of plan) {
    clock = open.at;
    await portal.runDue();
    const target = targets[open.customer] as ResolveTarget;
    const host = portal.host(open.agent);
    const cache = portal.openWidget(open.agent);
    const before = sandbox.calls.length;
    const r0 = round;
    const customerId = await resolveAsAgent(cache, target, host, org.organization_id, clock);
    const nameRounds = sandbox.calls.length > before ? round - r0 : 0;
    if (customerId) {
      const [detail] = await Promise.all([
        cache.read('getCustomer', customerId),
        cache.read('listSubscriptions', customerId, 1),
        cache.read('listInvoices', { customerId, page: 1 }),
      ]);
      ages.push(detail.ageMs);
    }
    const answered = sandbox.calls.length;
    const overviewRounds = answered > before ? round - r0 : 0;
    if (answered > before) waited += 1;
    nameMs.push(nameRounds * o.callMs);
    overviewMs.push(overviewRounds * o.callMs);
    maxNameRounds = Math.max(maxNameRounds, nameRounds);
    maxOverviewRounds = Math.max(maxOverviewRounds, overviewRounds);
    await portal.settle(quiet);
    for (let k = before; k < sandbox.calls.length; k += 1) stamps.push(open.at);
  }

  return {
    scenario: o.shiftStart ? `shift start (${o.burstMinutes} min)` : `${o.shiftHours} h shift`,
    agents: o.agents,
    customers: sandbox.dataset.customers.length,
    opens: plan.length,
    calls: stamps.length,
    callsPerOpen: stamps.length / plan.length,
    peakCallsPer60s: peakPerMinute(stamps),
    storage: storageFigures(portal.storageCalls()),
    waitedShare: waited / plan.length,
    nameMs: percentiles(nameMs),
    overviewMs: percentiles(overviewMs),
    maxNameRounds,
    maxOverviewRounds,
    shownAgeMs: percentiles(ages),
    replayMs: Date.now() - started,
  };
}
