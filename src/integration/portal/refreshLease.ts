/**
 * At most one agent in the portal refreshes a given shared snapshot at a time (SPEC E1). Desk storage
 * has no compare-and-set, so the lease is claimed the classic way: read the row; if nobody live holds
 * it, write ourselves in, wait long enough for a rival's write to land, and read it back. Whoever is
 * on the row after that wait holds it: when two agents try at once, the last writer wins and the
 * other sees it and stands down. A holder that vanished (closed tab, lost network) stops mattering
 * when its lease times out. Holding is only for background refreshes: an agent's own Refresh click
 * never waits for a lease.
 *
 * The claim needs a write right now: when this widget's storage budget is spent the claim fails, so
 * an over-busy portal refreshes less, never more.
 */
import { fnv1a } from '../../host/storageRules';
import type { StoredItem } from '../../host/types';
import type { StorageBudget } from './storageBudget';
import { PORTAL } from '../../host/timeWindows';

export interface LeaseOptions {
  organizationId: string;
  /** Unique per widget session (two tabs of one agent are two holders). */
  holder: string;
  /** How long a claim stands without its holder: longer than one refresh takes. */
  ttlMs?: number;
  /** How long to wait before reading the claim back: longer than a Desk write takes to be seen. */
  settleMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface RefreshLease {
  /** True when this widget now holds the lease for `name` (and may refresh it). */
  claim(name: string): Promise<boolean>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createRefreshLease(storage: StorageBudget, options: LeaseOptions): RefreshLease {
  const ttlMs = options.ttlMs ?? PORTAL.leaseTtlMs;
  const settleMs = options.settleMs ?? PORTAL.leaseSettleMs;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const orgPart = fnv1a(options.organizationId, 0x811c9dc5);
  const keyOf = (name: string) => `sl:${orgPart}:${fnv1a(name, 0x811c9dc5)}${fnv1a(name, 0x5bd1e995)}`;

  const holderOf = async (key: string): Promise<{ holder: string; until: number } | null | 'unknown'> => {
    const read = await storage.get(key);
    if (!read.ok) return 'unknown';
    const v = read.value?.value;
    return v && typeof v.h === 'string' && typeof v.u === 'number' ? { holder: v.h, until: v.u } : null;
  };

  return {
    async claim(name) {
      const key = keyOf(name);
      const before = await holderOf(key);
      if (before === 'unknown') return false;
      if (before && before.holder !== options.holder && before.until > now()) return false;
      const item: StoredItem = { key, group: 'lease', value: { h: options.holder, u: now() + ttlMs } };
      const wrote = await storage.trySet(item);
      if (!wrote.ok) return false;
      await sleep(settleMs);
      const after = await holderOf(key);
      return after !== 'unknown' && after !== null && after.holder === options.holder;
    },
  };
}
