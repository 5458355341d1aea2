/**
 * The daily meter (SPEC E1): the extension counts its own Billing calls per day in Desk storage, so
 * an admin sees what it spends of the organization's daily cap, and the panel can ease off near a cap
 * the admin sets. Counting is batched: each call bumps a counter in the tab's sessionStorage (it
 * survives Desk re-creating the widget); at most once a minute, and only when it changed, that
 * counter is merged into the day's row. A row holds one slot per browser session with its running
 * total, so writers never add to each other's numbers: two agents writing at once may overwrite one
 * another's slot, but each slot is restored by its owner's next flush (the count heals; it is late,
 * never lost, except the last minute of a tab closed before it flushed).
 * Days are UTC days. Rows: meter:d:<yyyymmdd> (counts), meter:cap (the cap), group 'meter'.
 */
import { isRecord } from '../../host/guards';
import type { DeskStorage, HostResult } from '../../host/types';
import { STORAGE_VALUE_MAX_BYTES, storageValueBytes } from '../../host/storageRules';
import type { StorageBudget } from './storageBudget';
import { PORTAL } from '../../host/timeWindows';

export const METER_SESSION_KEY = 'zbd:meter:v1';
export const METER_CAP_KEY = 'meter:cap';
/** From this share of the cap on, the panel stops background refreshes and serves snapshots. */
export const NEAR_CAP_SHARE = 0.9;

export type MeterLevel = 'normal' | 'near' | 'over';

export const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const dayKey = (day: string) => `meter:d:${day.replace(/-/g, '')}`;

interface SessionState {
  sid: string;
  day: string;
  /** This session's calls today. */
  count: number;
  /** How many of them the day's row had at the last flush. */
  flushed: number;
  lastFlushAt: number;
  /** The portal's total today as of the last flush (this session included). */
  total: number;
  cap: number | null;
}

export interface MeterState {
  today: number;
  cap: number | null;
  level: MeterLevel;
}

export interface DailyMeter {
  /** One Billing call was made (synchronous; flushes in the background when due). */
  count(calls?: number): void;
  flush(): Promise<void>;
  /**
   * Resolves once this browser session has read the day's count and the cap (its first flush, made
   * at most once): a new tab near the cap must not refresh in the background before it knows.
   */
  known(): Promise<void>;
  state(): MeterState;
}

export interface MeterOptions {
  session: Storage | null;
  flushEveryMs?: number;
  now?: () => number;
  random?: () => number;
}

export function levelOf(today: number, cap: number | null): MeterLevel {
  if (cap === null || cap <= 0) return 'normal';
  if (today >= cap) return 'over';
  return today >= cap * NEAR_CAP_SHARE ? 'near' : 'normal';
}

function readCap(value: Record<string, unknown> | undefined): number | null {
  const cap = value?.cap;
  return typeof cap === 'number' && Number.isInteger(cap) && cap > 0 ? cap : null;
}

function slotsOf(value: Record<string, unknown> | undefined): Record<string, number> {
  const s = value?.s;
  const slots: Record<string, number> = {};
  if (isRecord(s)) {
    for (const [k, v] of Object.entries(s)) if (typeof v === 'number' && Number.isFinite(v) && v >= 0) slots[k] = v;
  }
  return slots;
}

/** Keeps the row within 5.1 KB: the smallest slots fold into "_" (attribution lost, count kept). */
function fold(slots: Record<string, number>, keep: string): Record<string, number> {
  const out = { ...slots };
  while (storageValueBytes({ d: '0000-00-00', s: out }) > STORAGE_VALUE_MAX_BYTES - 100) {
    const smallest = Object.entries(out)
      .filter(([k]) => k !== keep && k !== '_')
      .sort((a, b) => a[1] - b[1])
      .slice(0, 10);
    if (smallest.length === 0) break;
    for (const [k, v] of smallest) {
      delete out[k];
      out._ = (out._ ?? 0) + v;
    }
  }
  return out;
}

export function createDailyMeter(storage: StorageBudget, options: MeterOptions): DailyMeter {
  const now = options.now ?? Date.now;
  const flushEveryMs = options.flushEveryMs ?? PORTAL.meterFlushMs;
  const random = options.random ?? Math.random;
  let memory: SessionState | null = null;
  let flushing: Promise<void> | null = null;
  let knowing: Promise<void> | null = null;

  const load = (): SessionState => {
    try {
      const text = options.session?.getItem(METER_SESSION_KEY);
      const v: unknown = text ? JSON.parse(text) : null;
      if (v && typeof v === 'object' && typeof (v as SessionState).sid === 'string' && typeof (v as SessionState).count === 'number') {
        memory = v as SessionState;
      }
    } catch {
      // keep what memory has
    }
    // lastFlushAt 0: a new session's first call reads the day's total and the cap at once.
    memory ??= { sid: Math.floor(random() * 36 ** 8).toString(36), day: dayOf(now()), count: 0, flushed: 0, lastFlushAt: 0, total: 0, cap: null };
    // A new day: today's total is not known until read (lastFlushAt 0: the next count, or a new widget's known(), reads it).
    if (memory.day !== dayOf(now())) memory = { ...memory, day: dayOf(now()), count: 0, flushed: 0, total: 0, lastFlushAt: 0 };
    return memory;
  };
  const keep = (state: SessionState) => {
    memory = state;
    try {
      options.session?.setItem(METER_SESSION_KEY, JSON.stringify(state));
    } catch {
      // memory only
    }
  };

  async function flush(): Promise<void> {
    const state = load();
    const [row, capRow] = await Promise.all([storage.get(dayKey(state.day)), storage.get(METER_CAP_KEY)]);
    if (!row.ok) return; // storage resting or refused: the count stays in the session for next time
    const cap = capRow.ok ? readCap(capRow.value?.value) : state.cap;
    const slots = slotsOf(row.value?.value);
    // The stored slot may be ahead (another tab of this session wrote later): never count backwards.
    const mine = Math.max(slots[state.sid] ?? 0, state.count);
    const merged = fold({ ...slots, [state.sid]: mine }, state.sid);
    const total = Object.values(merged).reduce((a, b) => a + b, 0);
    // A session that has counted nothing only reads (no empty slot is written).
    if (mine !== (slots[state.sid] ?? 0)) {
      const wrote = await storage.set({ key: dayKey(state.day), group: 'meter', value: { d: state.day, s: merged } });
      if (!wrote.ok) {
        keep({ ...state, lastFlushAt: now(), total, cap });
        return;
      }
    }
    const latest = load();
    keep({ ...latest, count: Math.max(latest.count, mine), flushed: mine, lastFlushAt: now(), total: total + (latest.count - state.count), cap });
  }

  /** One flush at a time: a caller during a flush waits for that one. */
  const flushOnce = () => (flushing ??= flush().finally(() => (flushing = null)));

  return {
    count(calls = 1) {
      const state = load();
      keep({ ...state, count: state.count + calls });
      if (now() - state.lastFlushAt >= flushEveryMs && !flushing) {
        flushing = flush()
          .catch(() => undefined)
          .finally(() => {
            flushing = null;
          });
      }
    },
    flush: flushOnce,
    known() {
      knowing ??= load().lastFlushAt > 0 ? Promise.resolve() : flushOnce().catch(() => undefined);
      return knowing;
    },
    state() {
      const state = load();
      const today = state.total + (state.count - state.flushed);
      return { today, cap: state.cap, level: levelOf(today, state.cap) };
    },
  };
}

export interface MeterDay {
  day: string;
  calls: number;
}

/** Today and the 6 days before it, plus the cap: what the settings page shows. */
export async function readMeterHistory(
  storage: Pick<DeskStorage, 'list'>,
  nowMs: number,
  days = 7,
): Promise<HostResult<{ days: MeterDay[]; cap: number | null }>> {
  const rows = await storage.list('meter');
  if (!rows.ok) return rows;
  const byKey = new Map(rows.value.map((r) => [r.key, r.value]));
  const list: MeterDay[] = [];
  for (let i = 0; i < days; i += 1) {
    const day = dayOf(nowMs - i * 86_400_000);
    const slots = slotsOf(byKey.get(dayKey(day)));
    list.push({ day, calls: Object.values(slots).reduce((a, b) => a + b, 0) });
  }
  return { ok: true, value: { days: list, cap: readCap(byKey.get(METER_CAP_KEY)) } };
}

export async function saveMeterCap(storage: Pick<DeskStorage, 'set'>, cap: number | null, by: string, nowMs: number): Promise<HostResult<void>> {
  return storage.set({ key: METER_CAP_KEY, group: 'meter', value: { cap, by, at: new Date(nowMs).toISOString() } });
}

/** Drops day rows older than the 8 days the page shows (a few per visit: Desk limits deletes). */
export async function pruneMeter(storage: Pick<DeskStorage, 'list' | 'delete'>, nowMs: number, keepDays = 8): Promise<void> {
  const rows = await storage.list('meter');
  if (!rows.ok) return;
  const oldest = dayKey(dayOf(nowMs - (keepDays - 1) * 86_400_000));
  const old = rows.value.filter((r) => r.key.startsWith('meter:d:') && r.key < oldest).slice(0, 10);
  for (const r of old) await storage.delete(r.key);
}
