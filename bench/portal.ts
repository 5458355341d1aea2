/**
 * The portal for the workload: one Desk session per agent (own Desk user, own Billing connection, own
 * browser tab) over ONE Desk storage and one Billing sandbox, on the workload's virtual clock. Each open
 * is a new widget wired exactly as src/entries/panel.tsx wires it (createPanelBilling with the tab's
 * sessionStorage and the portal share). Timers the storage budget sets run on the virtual clock.
 */
import { createBillingClient } from '../src/billing/billingClient';
import type { DeskHost } from '../src/host/types';
import type { BillingCache } from '../src/integration/cache/billingCache';
import { createPanelBilling } from '../src/integration/portalBilling';
import { sessionPersistence } from '../src/integration/cache/sessionCache';
import type { BillingSandbox } from '../src/sandbox/billing/sandbox';
import { createSandboxHost, type SandboxHost } from '../src/sandbox/desk/sandboxHost';
import type { StorageCall, StoredRecord } from '../src/sandbox/desk/simulation';
import { MemoryStorage } from '../src/sandbox/memoryStorage';

export interface StorageFigures {
  reads: number;
  writes: number;
  /** Items written (a set may carry up to 10; the panel sends one per call). */
  writtenItems: number;
  peakReadsPerMinute: number;
  peakWritesPerMinute: number;
  /** Desk counts deletes against a limit of their own (desk-sdk.md §5.1). */
  deletes: number;
  peakDeletesPerMinute: number;
}

export interface InARow {
  agents: number;
  calls: number;
  perAgent: number[];
  accessChecks: number;
}

export function peakPerMinute(times: number[]): number {
  const t = [...times].sort((a, b) => a - b);
  let max = 0;
  let start = 0;
  for (let end = 0; end < t.length; end += 1) {
    while ((t[end] as number) - (t[start] as number) >= 60_000) start += 1;
    max = Math.max(max, end - start + 1);
  }
  return max;
}

export function storageFigures(calls: StorageCall[]): StorageFigures {
  const reads = calls.filter((c) => c.op === 'get');
  const writes = calls.filter((c) => c.op === 'set');
  const deletes = calls.filter((c) => c.op === 'delete');
  return {
    reads: reads.length,
    writes: writes.length,
    writtenItems: writes.reduce((n, c) => n + c.items, 0),
    peakReadsPerMinute: peakPerMinute(reads.map((c) => c.at)),
    peakWritesPerMinute: peakPerMinute(writes.map((c) => c.at)),
    deletes: deletes.length,
    peakDeletesPerMinute: peakPerMinute(deletes.map((c) => c.at)),
  };
}

function mulberry(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function createPortalAgents(options: {
  sandbox: BillingSandbox;
  agents: number;
  organizationId: string;
  now: () => number;
  seed: number;
}) {
  const { sandbox, organizationId, now } = options;
  const storage = new Map<string, StoredRecord>();
  const random = mulberry(options.seed ^ 0x5eed);
  const sessions: SandboxHost[] = [];
  let tabs: MemoryStorage[] = [];
  let timers: Array<{ at: number; run: () => void }> = [];
  let inFlight = 0;

  const session = async (i: number): Promise<SandboxHost> => {
    while (sessions.length <= i) {
      const n = sessions.length;
      const s = await createSandboxHost({
        sandbox,
        storage,
        storageClock: now,
        user: { id: `18920000001${String(n).padStart(5, '0')}`, name: `Agent ${n + 1}`, email: `agent${n + 1}@zylker.example`, timeZone: 'UTC' },
      });
      const transport = s.sim.transport;
      s.sim.transport = async (request) => {
        inFlight += 1;
        try {
          return await transport(request);
        } finally {
          inFlight -= 1;
        }
      };
      sessions.push(s);
    }
    return sessions[i] as SandboxHost;
  };
  for (let i = 0; i < options.agents; i += 1) await session(i);

  const runDue = async () => {
    const due = timers.filter((t) => t.at <= now());
    timers = timers.filter((t) => t.at > now());
    for (const t of due) t.run();
  };

  return {
    host: (i: number): DeskHost => (sessions[i] as SandboxHost).host,
    /** A new widget for agent i (its tab survives between opens unless `freshBrowser`). */
    openWidget(i: number, how: { freshBrowser?: boolean } = {}): BillingCache {
      if (how.freshBrowser || !tabs[i]) tabs[i] = new MemoryStorage();
      const tab = tabs[i] as MemoryStorage;
      const host = (sessions[i] as SandboxHost).host;
      return createPanelBilling(
        host,
        organizationId,
        (h) => createBillingClient({ request: (req) => h.request(req), dataCenter: 'US', organizationId }),
        { persist: sessionPersistence(tab), now },
        {
          session: tab,
          now,
          random,
          // The lease's wait for a rival's write: real time is what lets the other widgets' writes land.
          sleep: () => new Promise((r) => setTimeout(r, 2)),
          budget: { now, schedule: (run, ms) => timers.push({ at: now() + ms, run }) },
        },
      ).cache;
    },
    runDue,
    /** Waits until background work (lease claims, refreshes, storage writes) of this open is done. */
    async settle(quiet: () => Promise<void>) {
      for (let round = 0; round < 4; round += 1) {
        await quiet();
        await runDue();
        while (inFlight > 0) await new Promise((r) => setTimeout(r, 2));
      }
    },
    reset() {
      storage.clear();
      tabs = [];
      timers = [];
      for (const s of sessions) s.sim.log.storageCalls.length = 0;
    },
    storageCalls: (): StorageCall[] => sessions.flatMap((s) => s.sim.log.storageCalls),
    session,
  };
}
