/**
 * Desk storage allows about 50 writes, 250 reads and 50 deletes a minute for the whole portal
 * (desk-sdk.md §5.1), and every agent's panel shares that. The portal-shared snapshot, its lease and
 * the daily meter are optional traffic: they must never crowd out settings, links or the write guard,
 * and never block the panel. So they go through this budget, one per widget:
 *  - reads over this widget's share answer "not now" at once (the caller treats it as a miss and
 *    reads Billing, or waits for the next open);
 *  - writes over the share are queued, one per key (the newest value wins), and sent as the window
 *    frees up; nothing waits for them;
 *  - when Desk itself refuses a call (its rate limit, quota, an outage) every optional call rests for
 *    a pause; queued writes stay queued and are retried after it, so no data is dropped on the floor;
 *  - an urgent write (the invalidation after a Billing write: nobody may see the old state as fresh)
 *    skips the queue and the share, and is still retried until Desk takes it.
 * Invalidation is a write (a tombstone), never a delete: deletes have their own small limit and a
 * refused delete would leave the old state readable.
 * A widget's share is a fraction of the portal limit: the bench measures the portal-wide figures.
 */
import type { DeskStorage, HostError, HostResult, StoredItem } from '../../host/types';
import { PORTAL } from '../../host/timeWindows';

export interface StorageBudgetOptions {
  /** This widget's share of the portal's per-minute limits. */
  writesPerMinute?: number;
  readsPerMinute?: number;
  /** How long optional storage rests after Desk refused a call. */
  pauseMs?: number;
  now?: () => number;
  /** Schedules a later flush of the write queue (tests and the bench pass their own clock). */
  schedule?: (run: () => void, ms: number) => void;
}

export interface StorageBudgetStats {
  reads: number;
  writes: number;
  /** Calls not made because the share was spent or storage was resting. */
  skippedReads: number;
  queuedWrites: number;
  refusals: number;
}

export interface StorageBudget {
  get(key: string): Promise<HostResult<StoredItem | null>>;
  /** Queued when over budget or resting; resolves when Desk has the value (or the write was replaced). */
  set(item: StoredItem, urgency?: 'urgent' | 'normal'): Promise<HostResult<void>>;
  /** Written now or not at all (a lease claim is worthless later): "not now" when the share is spent. */
  trySet(item: StoredItem): Promise<HostResult<void>>;
  /** Writes still waiting for the window or for the pause to end. */
  pending(): number;
  /** Whether optional storage is resting after Desk refused a call. */
  resting(): boolean;
  stats(): StorageBudgetStats;
}

const WINDOW_MS = PORTAL.storageWindowMs;

const busy = (message: string): HostResult<never> => ({ ok: false, error: { kind: 'storage', message } });

interface Queued {
  item: StoredItem;
  urgent: boolean;
  settle: Array<(result: HostResult<void>) => void>;
}

export function createStorageBudget(storage: DeskStorage, options: StorageBudgetOptions = {}): StorageBudget {
  // A tenth of each portal limit: ten agents busy in the same minute still fit.
  const writesPerMinute = options.writesPerMinute ?? 5;
  const readsPerMinute = options.readsPerMinute ?? 25;
  const pauseMs = options.pauseMs ?? PORTAL.storagePauseMs;
  const now = options.now ?? Date.now;
  const schedule = options.schedule ?? ((run, ms) => void setTimeout(run, ms));

  const stamps = { read: [] as number[], write: [] as number[] };
  const stats: StorageBudgetStats = { reads: 0, writes: 0, skippedReads: 0, queuedWrites: 0, refusals: 0 };
  let restUntil = 0;
  const queue = new Map<string, Queued>();
  let flushScheduled = false;
  let flushing = false;

  const used = (list: number[]) => {
    const t = now();
    while (list.length > 0 && t - (list[0] as number) >= WINDOW_MS) list.shift();
    return list.length;
  };
  const take = (list: number[], max: number) => {
    if (now() < restUntil || used(list) >= max) return false;
    list.push(now());
    return true;
  };
  const refused = (error: HostError) => {
    // Only Desk's refusals rest the budget; a bad key or value is this caller's bug, not the portal's.
    if (error.kind === 'storage' || error.kind === 'rejected' || error.kind === 'network') {
      stats.refusals += 1;
      restUntil = Math.max(restUntil, now() + pauseMs);
    }
  };

  function scheduleFlush() {
    if (flushScheduled || queue.size === 0) return;
    flushScheduled = true;
    const oldest = stamps.write[0];
    const wait = Math.max(restUntil - now(), used(stamps.write) >= writesPerMinute && oldest !== undefined ? oldest + WINDOW_MS - now() : 0, 0);
    schedule(() => {
      flushScheduled = false;
      void flush();
    }, wait + 1);
  }

  async function flush(): Promise<void> {
    if (flushing) return;
    flushing = true;
    try {
      for (const [key, queued] of queue) {
        if (queued.urgent) stamps.write.push(now());
        else if (!take(stamps.write, writesPerMinute)) continue;
        queue.delete(key);
        stats.writes += 1;
        const result = await storage.set(queued.item);
        if (!result.ok) {
          refused(result.error);
          // Desk said no: keep it (unless a newer value for the key arrived meanwhile) and try later.
          if (!queue.has(key) && result.error.kind !== 'malformed') {
            queue.set(key, queued);
            break;
          }
        }
        for (const settle of queued.settle) settle(result);
      }
    } finally {
      flushing = false;
      scheduleFlush();
    }
  }

  return {
    async get(key) {
      if (!take(stamps.read, readsPerMinute)) {
        stats.skippedReads += 1;
        return busy('Desk storage budget for this minute is spent.');
      }
      stats.reads += 1;
      const result = await storage.get(key);
      if (!result.ok) refused(result.error);
      return result;
    },
    set(item, urgency = 'normal') {
      return new Promise((resolve) => {
        const urgent = urgency === 'urgent';
        const earlier = queue.get(item.key);
        if (earlier) {
          // A newer value replaces one not yet sent; whoever waited for the old one is told it landed as this.
          earlier.item = item;
          earlier.urgent ||= urgent;
          earlier.settle.push(resolve);
        } else {
          queue.set(item.key, { item, urgent, settle: [resolve] });
          stats.queuedWrites += 1;
        }
        void flush();
      });
    },
    async trySet(item) {
      if (!take(stamps.write, writesPerMinute)) return busy('Desk storage budget for this minute is spent.');
      stats.writes += 1;
      const result = await storage.set(item);
      if (!result.ok) refused(result.error);
      return result;
    },
    pending: () => queue.size,
    resting: () => now() < restUntil,
    stats: () => ({ ...stats }),
  };
}
