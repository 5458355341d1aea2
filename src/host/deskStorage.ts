/**
 * DeskHost.storage over the SDK's `database` (desk-sdk.md §5): keys sanitised, values bounded to Desk's
 * size limit before sending, groups kept in `queriableValue`, and paging that survives Desk's undocumented
 * `from` base. Every answer shape goes through parse.ts.
 */
import type { ZohoDeskGlobal } from './sdkTypes';
import type { DeskStorage, JsonObject, StorageGroup, StoredItem } from './types';
import { isRecord } from './guards';
import {
  fail,
  isNotFoundRejection,
  ok,
  parseDatabaseDelete,
  parseDatabaseGet,
  parseDatabaseSet,
  rejectionError,
  type DatabaseRecord,
} from './parse';
import { settle } from './settle';
import { sanitiseStorageKey, STORAGE_PAGE_SIZE, STORAGE_VALUE_MAX_BYTES, storageValueBytes } from './storageRules';
import type { HostResult } from './types';

const STORAGE_GROUPS: readonly StorageGroup[] = ['settings', 'link', 'cache', 'write', 'snapshot', 'lease', 'meter'];
/** Safety stop for storage paging: 100 pages of 20 is far beyond what this extension stores. */
const MAX_STORAGE_PAGES = 100;

function isGroup(value: string): value is StorageGroup {
  return (STORAGE_GROUPS as readonly string[]).includes(value);
}

function toStoredItem(record: DatabaseRecord, group?: StorageGroup): StoredItem | null {
  if (!isRecord(record.value)) return null;
  const stored = record.queriableValue;
  return { key: record.key, group: isGroup(stored) ? stored : (group ?? 'cache'), value: record.value as JsonObject };
}

export function createDeskStorage(zd: ZohoDeskGlobal): DeskStorage {
  const storageError = (err: unknown, fallback: string): HostResult<never> => ({
    ok: false,
    error: rejectionError(err, 'storage', fallback),
  });

  const readPage = async (query: Record<string, unknown>): Promise<HostResult<DatabaseRecord[]> | 'not-found'> => {
    const answer = await settle(() => zd.get('database', query));
    if (!answer.ok) return isNotFoundRejection(answer.error) ? 'not-found' : storageError(answer.error, 'Storage refused the read.');
    return parseDatabaseGet(answer.value);
  };

  return {
    async get(key) {
      const stored = sanitiseStorageKey(key);
      const page = await readPage({ key: stored });
      if (page === 'not-found') return ok(null);
      if (!page.ok) return page;
      const record = page.value.find((r) => r.key === stored) ?? null;
      if (record === null) return ok(null);
      const item = toStoredItem(record);
      return item ? ok(item) : fail('malformed', 'The stored value is not an object.', { raw: record.value });
    },

    async set(item) {
      if (!isGroup(item.group)) return fail('storage', `Unknown storage group "${String(item.group)}".`);
      if (!isRecord(item.value)) return fail('storage', 'Only JSON objects can be stored.');
      let bytes: number;
      try {
        bytes = storageValueBytes(item.value);
      } catch {
        return fail('storage', 'The value cannot be stored as JSON.');
      }
      if (bytes > STORAGE_VALUE_MAX_BYTES) {
        return fail('storage', `The value is ${bytes} bytes; Desk storage holds at most ${STORAGE_VALUE_MAX_BYTES}.`);
      }
      const payload = { key: sanitiseStorageKey(item.key), value: item.value, queriableValue: item.group };
      const answer = await settle(() => zd.set('database', payload));
      return answer.ok ? parseDatabaseSet(answer.value) : storageError(answer.error, 'Storage refused the write.');
    },

    async delete(key) {
      const answer = await settle(() => zd.delete('database', { key: sanitiseStorageKey(key) }));
      if (!answer.ok) return isNotFoundRejection(answer.error) ? ok(undefined) : storageError(answer.error, 'Storage refused the delete.');
      return parseDatabaseDelete(answer.value);
    },

    async list(group) {
      // Desk pages by 20; whether `from` counts from 0 or 1 is not documented, so pages overlap by
      // one record and are de-duplicated by key: either reading then covers every record.
      const items = new Map<string, StoredItem>();
      let from = 0;
      for (let pageNo = 0; pageNo < MAX_STORAGE_PAGES; pageNo += 1) {
        const page = await readPage({ queriableValue: group, from, limit: STORAGE_PAGE_SIZE });
        if (page === 'not-found') break;
        if (!page.ok) return page;
        let fresh = 0;
        for (const record of page.value) {
          if (record.queriableValue !== '' && record.queriableValue !== group) continue;
          const item = toStoredItem(record, group);
          if (item && !items.has(item.key)) {
            items.set(item.key, item);
            fresh += 1;
          }
        }
        if (page.value.length < STORAGE_PAGE_SIZE || fresh === 0) break;
        from += page.value.length - 1;
      }
      return ok([...items.values()]);
    },

    async deleteGroup(group) {
      const answer = await settle(() => zd.delete('database', { queriableValue: group }));
      if (!answer.ok) return isNotFoundRejection(answer.error) ? ok(undefined) : storageError(answer.error, 'Storage refused the delete.');
      return parseDatabaseDelete(answer.value);
    },
  };
}
