/**
 * Desk data-storage rules (desk-sdk.md §5.1): key and queriableValue ≤50 characters of
 * [A-Za-z0-9_,:], value a JSON object of ≤5.1 KB, ≤10 items per set, 20 items per read page.
 * The adapter checks them before sending; the fake SDK enforces them the way Desk does.
 */

export const STORAGE_NAME_PATTERN = /^[A-Za-z0-9_,:]{1,50}$/;
export const STORAGE_NAME_MAX = 50;
/** 5.1 KB read as 5,100 bytes of UTF-8 JSON: the stricter reading of Desk's limit. */
export const STORAGE_VALUE_MAX_BYTES = 5100;
export const STORAGE_ITEMS_PER_SET = 10;
export const STORAGE_PAGE_SIZE = 20;

export function isValidStorageName(name: string): boolean {
  return STORAGE_NAME_PATTERN.test(name);
}

/** UTF-8 size of the value as JSON (what Desk stores). */
export function storageValueBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  return new TextEncoder().encode(json).length;
}

/** 32-bit FNV-1a, seeded, as base36 (7 characters): short, stable ids for storage keys. */
export function fnv1a(text: string, seed: number): string {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0');
}

const HASH_SUFFIX_LENGTH = 1 + 7 + 7;

/**
 * A Desk-valid storage key for any string. Valid keys are kept as they are, so the mapping is
 * idempotent (a key read back from storage maps to itself). Any other key has its invalid
 * characters replaced and gets a hash of the ORIGINAL string appended, so "a.b" and "a_b" stay distinct.
 */
export function sanitiseStorageKey(key: string): string {
  if (isValidStorageName(key)) return key;
  const cleaned = key.replace(/[^A-Za-z0-9_,:]/g, '_').slice(0, STORAGE_NAME_MAX - HASH_SUFFIX_LENGTH);
  return `${cleaned},${fnv1a(key, 0x811c9dc5)}${fnv1a(key, 0x01000193 ^ 0x5bd1e995)}`;
}
