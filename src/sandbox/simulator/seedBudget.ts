/**
 * Stored state of the portal's Billing budget (SPEC E1) the simulator can start from, so the states
 * issue 13 built are reachable by URL (`shared=12`, `meter=near`) and in `npm run shots`:
 *  - `shared`: another agent of the portal opened the page's customer that many minutes ago, so the
 *    portal-shared snapshot holds it. That agent is a real second Desk session over the same storage
 *    and Billing sandbox, reading through the panel's own wiring (createPanelBilling) on a clock set
 *    back; its Billing calls are not this agent's, so they leave the call log as they were.
 *  - `meter`: the daily meter's rows and the admin's cap, written by dailyMeter.ts itself (a few agent
 *    sessions per UTC day counting their calls and flushing, saveMeterCap for the cap).
 */
import { createBillingClient } from '../../billing/billingClient';
import type { DeskHost } from '../../host/types';
import { ACCESS_PREFIX } from '../../integration/portal/accessGate';
import { createDailyMeter, dayOf, METER_SESSION_KEY, readMeterHistory, saveMeterCap } from '../../integration/portal/dailyMeter';
import { createPanelBilling } from '../../integration/portalBilling';
import { createSnapshotStore } from '../../integration/portal/portalSnapshot';
import { loadSettings } from '../../integration/records/settingsStore';
import { createStorageBudget } from '../../integration/portal/storageBudget';
import type { BillingSandbox } from '../billing/sandbox';
import { DESK_FIXTURES } from '../desk/deskFixtures';
import { createSandboxHost } from '../desk/sandboxHost';
import { MemoryStorage } from '../memoryStorage';
import type { DeskSimulation } from '../desk/simulation';
import type { MeterPreset, SimulatorConfig } from './config';

const DAY_MS = 86_400_000;
/** Seeding is a handful of writes at once: no per-minute share applies to it. */
const UNMETERED = { writesPerMinute: 10_000, readsPerMinute: 10_000 } as const;

/** The cap and today's calls of each meter preset. */
export const METER_PRESET_TODAY: Record<Exclude<MeterPreset, 'none'>, { cap: number; today: number }> = {
  week: { cap: 2000, today: 1126 }, // a little past half the cap
  near: { cap: 2000, today: 1862 }, // past 90 %: background refreshes stop
  // Counting is batched a minute at a time, so a reached cap is usually passed by a few calls.
  over: { cap: 2000, today: 2006 },
};

/** Calls on a day before today: a working day, or a quieter weekend (UTC); always the same for a date. */
export function pastDayCalls(day: string): number {
  return [540, 1480, 1533, 1602, 1395, 1310, 612][new Date(`${day}T00:00:00Z`).getUTCDay()] ?? 0;
}

/** Another agent of the same portal: own Desk session, the portal's storage, the same Billing. */
async function colleague(sim: DeskSimulation, sandbox: BillingSandbox, config: SimulatorConfig): Promise<DeskHost> {
  const other = await createSandboxHost({
    sandbox,
    storage: sim.storage,
    location: config.location === 'settings' ? 'ticket' : config.location,
    ticketId: config.ticketId,
    contactId: config.contactId,
    accountId: config.accountId,
    isAdmin: !config.isAdmin,
    dataCenter: config.dataCenter,
  });
  other.sim.page = structuredClone(sim.page);
  // The other Desk user of the fixtures: the plain agent when this one is the admin, and back.
  const agent = sandbox.desk.agents.find((a) => a.id === (config.isAdmin ? DESK_FIXTURES.agentAgentId : DESK_FIXTURES.adminAgentId));
  if (agent) other.sim.app.user = { id: agent.id, name: agent.name, email: agent.emailId, timeZone: 'UTC' };
  return other.host;
}

/**
 * The meter's rows: a few agent sessions a day, each counting its share and flushing as a panel does,
 * so each day's total is the preset's (calls already counted that day, e.g. the colleague's, included).
 */
export async function seedMeter(host: DeskHost, preset: MeterPreset, nowMs: number, capBy: string): Promise<void> {
  if (preset === 'none') return;
  const { cap, today } = METER_PRESET_TODAY[preset];
  const counted = await readMeterHistory(host.storage, nowMs, 7);
  let sessionNo = 0;
  for (let back = 0; back < 7; back += 1) {
    const total = back === 0 ? today : pastDayCalls(dayOf(nowMs - back * DAY_MS));
    // A minute ago for today (so "today" stays today), midday UTC for the days before.
    const at = back === 0 ? Math.max(nowMs - 60_000, Date.parse(`${dayOf(nowMs)}T00:00:00Z`)) : Date.parse(`${dayOf(nowMs - back * DAY_MS)}T12:00:00Z`);
    const calls = Math.max(0, total - (counted.ok ? (counted.value.days[back]?.calls ?? 0) : 0));
    const first = Math.ceil(calls / 2);
    const second = Math.floor(calls / 3);
    for (const share of [first, second, calls - first - second]) {
      sessionNo += 1;
      const n = sessionNo;
      const budget = createStorageBudget(host.storage, { ...UNMETERED, now: () => at });
      const meter = createDailyMeter(budget, { session: new MemoryStorage(), now: () => at, random: () => n / 100 });
      meter.count(share);
      await meter.flush();
    }
  }
  const wrote = await saveMeterCap(host.storage, cap, capBy, nowMs - 3 * DAY_MS);
  if (!wrote.ok) throw new Error(`The simulator could not store the meter's cap: ${wrote.error.message}`);
}

/** The page's customer as another agent read it `minutes` ago, in the portal-shared snapshot. */
export async function seedSharedSnapshot(host: DeskHost, sim: DeskSimulation, minutes: number, nowMs: number): Promise<void> {
  const settings = await loadSettings(host);
  const org = settings.ok ? settings.value.organization : null;
  if (!org) return;
  const at = nowMs - minutes * 60_000;
  const clock = () => at;
  const { cache, share } = createPanelBilling(
    host,
    org.id,
    (h) => createBillingClient({ request: (req) => h.request(req), dataCenter: org.dataCenter, organizationId: org.id }),
    { now: clock },
    { session: new MemoryStorage(), now: clock, budget: { ...UNMETERED, now: clock } },
  );
  const emails = new Set<string>();
  const ticket = sim.page.ticket ?? null;
  const contactId = typeof ticket?.contactId === 'string' ? ticket.contactId : null;
  const contact = await host.contact(contactId ?? undefined);
  if (typeof ticket?.email === 'string') emails.add(ticket.email.trim().toLowerCase());
  if (contact.ok) for (const e of contact.value.emails) emails.add(e.trim().toLowerCase());
  const found = (await Promise.all([...emails].filter((e) => e.includes('@')).map((e) => cache.read('findCustomersByEmail', e)))).flatMap((a) => a.value);
  const ids = [...new Set(found.map((c) => c.id))];
  await Promise.all(
    ids.flatMap((id) => [cache.read('getCustomer', id), cache.read('listSubscriptions', id, 1), cache.read('listInvoices', { customerId: id, page: 1 })]),
  );
  // Its calls count today, as its panel's meter reports them.
  await share?.meter.flush();
  // The saves go out in the background, as in a panel: wait until the portal's readers see them.
  const store = createSnapshotStore(createStorageBudget(host.storage, UNMETERED), { organizationId: org.id, now: () => nowMs });
  for (let i = 0; i < 60; i += 1) {
    const seen = await Promise.all(ids.flatMap((id) => [store.customer(id), store.list('subscriptions', id), store.list('invoices', id)]));
    if (seen.every((s) => s !== null)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A new simulator page is a new portal and Billing sandbox, so the extension's per-tab session (the
 * meter's counter, access proofs) starts over too, as in a new browser tab; otherwise a page opened
 * after another in the same tab would carry the last portal's count and proof.
 */
export function forgetTabSession(storage: Storage | null = typeof sessionStorage === 'undefined' ? null : sessionStorage): void {
  if (!storage) return;
  const ours = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter(
    (k): k is string => k !== null && (k === METER_SESSION_KEY || k.startsWith(ACCESS_PREFIX)),
  );
  for (const key of ours) storage.removeItem(key);
}

/** Seeds what the configuration asks for; the Billing call log is left as this agent's alone. */
export async function seedBudget(sim: DeskSimulation, sandbox: BillingSandbox, config: SimulatorConfig, nowMs = Date.now()): Promise<void> {
  const { sharedMinutes, meter } = config.stored;
  if (sharedMinutes === null && meter === 'none') return;
  const callsBefore = sandbox.calls.length;
  const host = await colleague(sim, sandbox, config);
  // The colleague's open came first (before the day's count reached the cap); its calls count today.
  if (sharedMinutes !== null && (config.location === 'ticket' || config.location === 'contact')) {
    await seedSharedSnapshot(host, sim, sharedMinutes, nowMs);
  }
  const admin = sandbox.desk.agents.find((a) => a.id === DESK_FIXTURES.adminAgentId);
  await seedMeter(host, meter, nowMs, admin?.name ?? host.context().user.name);
  sandbox.calls.splice(callsBefore);
}
