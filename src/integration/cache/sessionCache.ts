/**
 * Billing answers kept in the browser tab's sessionStorage, so a panel Desk re-creates (reopening a
 * ticket, switching back) shows what it loaded a moment ago without asking Billing again (SPEC C3, B14).
 * sessionStorage, not localStorage: it dies with the tab, and is shared only by this extension's frames
 * in this tab (same origin). Every failure here is silent: the cache is an optimisation, never a source
 * of truth.
 */
import type { CoolDownStore } from './billingRequests';

export const SESSION_CACHE_PREFIX = 'zbd:billing:v1:';
/** The end of a 429 cool-down per organization: a re-created widget must not call Billing before it. */
export const COOL_DOWN_PREFIX = 'zbd:billing-cooldown:v1:';

export interface PersistedEntry {
  call: string;
  args: readonly unknown[];
  value: unknown;
  fetchedAt: number;
}

export interface CachePersistence {
  load(key: string): PersistedEntry | null;
  save(key: string, entry: PersistedEntry): void;
  remove(key: string): void;
  entries(): Array<[string, PersistedEntry]>;
  /** Where one organization's 429 cool-down is kept (see billingRequests.ts). */
  coolDown?(organizationId: string): CoolDownStore;
}

function ourKeys(storage: Storage, prefix = SESSION_CACHE_PREFIX): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i += 1) {
    const key = storage.key(i);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  return keys;
}

function parse(text: string | null): PersistedEntry | null {
  if (!text) return null;
  try {
    const raw: unknown = JSON.parse(text);
    if (typeof raw !== 'object' || raw === null) return null;
    const e = raw as Record<string, unknown>;
    if (typeof e.call !== 'string' || !Array.isArray(e.args) || typeof e.fetchedAt !== 'number' || !('value' in e)) return null;
    return { call: e.call, args: e.args, value: e.value, fetchedAt: e.fetchedAt };
  } catch {
    return null;
  }
}

/** The tab's sessionStorage, or null where the browser refuses it (sandboxed frame, privacy mode). */
export function tabStorage(): Storage | null {
  try {
    const storage = window.sessionStorage;
    storage.getItem(SESSION_CACHE_PREFIX);
    return storage;
  } catch {
    return null;
  }
}

function removeAll(storage: Storage, prefixes: string[]): void {
  try {
    for (const key of prefixes.flatMap((prefix) => ourKeys(storage, prefix))) storage.removeItem(key);
  } catch {
    // nothing kept, nothing to clear
  }
}

/** Everything this extension kept in the tab: answers and cool-downs (the integration was removed). */
export function clearSessionCache(storage: Storage | null = tabStorage()): void {
  if (storage) removeAll(storage, [SESSION_CACHE_PREFIX, COOL_DOWN_PREFIX]);
}

export function sessionPersistence(storage: Storage | null = tabStorage()): CachePersistence | undefined {
  if (!storage) return undefined;
  const full = (key: string) => SESSION_CACHE_PREFIX + key;
  return {
    load(key) {
      try {
        return parse(storage.getItem(full(key)));
      } catch {
        return null;
      }
    },
    save(key, entry) {
      const text = JSON.stringify(entry);
      try {
        storage.setItem(full(key), text);
      } catch {
        // Quota reached: start over rather than keep an arbitrary half (a cool-down stays).
        removeAll(storage, [SESSION_CACHE_PREFIX]);
        try {
          storage.setItem(full(key), text);
        } catch {
          // Too big for the tab's quota on its own: memory only.
        }
      }
    },
    remove(key) {
      try {
        storage.removeItem(full(key));
      } catch {
        // already gone
      }
    },
    entries() {
      try {
        return ourKeys(storage).flatMap((k) => {
          const entry = parse(storage.getItem(k));
          return entry ? [[k.slice(SESSION_CACHE_PREFIX.length), entry] as [string, PersistedEntry]] : [];
        });
      } catch {
        return [];
      }
    },
    coolDown(organizationId) {
      const key = COOL_DOWN_PREFIX + organizationId;
      return {
        load() {
          try {
            const until = Number(storage.getItem(key));
            return Number.isFinite(until) && until > 0 ? until : null;
          } catch {
            return null;
          }
        },
        save(until) {
          try {
            if (until === null) storage.removeItem(key);
            else storage.setItem(key, String(until));
          } catch {
            // The cool-down still holds in this widget's memory.
          }
        },
      };
    },
  };
}
