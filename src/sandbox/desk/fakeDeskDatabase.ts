/**
 * The fake ZOHODESK's `database` (desk-sdk.md §5): Desk's storage rules (names, value size, items per
 * set, page size), its `{errMsg}` refusals, an optional per-minute call limit, and a log of every call.
 */
import { isRecord } from '../../host/guards';
import {
  isValidStorageName,
  STORAGE_ITEMS_PER_SET,
  STORAGE_PAGE_SIZE,
  STORAGE_VALUE_MAX_BYTES,
  storageValueBytes,
} from '../../host/storageRules';
import { INVALID_PAYLOAD, reject } from './sdkAnswers';
import type { DeskSimulation, StorageCall, StoredRecord } from './simulation';

const STORAGE_DOWN = { errMsg: 'Storage is unavailable' };
const RATE_LIMITED = { errMsg: 'Too many requests. Please try again after some time.' };

export function createFakeDatabase(sim: DeskSimulation) {
  /**
   * Logs one storage call and, when limits are on, refuses it past Desk's per-minute count. Desk's
   * answer to a rate-limited storage call is not documented; an {errMsg} rejection like its others.
   */
  const overLimit = (op: StorageCall['op'], items: number): boolean => {
    const at = sim.storageClock();
    const limits = sim.storageLimits;
    if (limits) {
      const max = op === 'get' ? limits.readsPerMinute : op === 'set' ? limits.writesPerMinute : limits.deletesPerMinute;
      const recent = sim.log.storageCalls.filter((c) => c.op === op && at - c.at < 60_000).length;
      if (recent >= max) return true;
    }
    sim.log.storageCalls.push({ at, op, items });
    return false;
  };

  const databaseGet = (options: unknown): Promise<unknown> => {
    if (sim.faults.storageFails) return reject(STORAGE_DOWN);
    if (!isRecord(options)) return reject(INVALID_PAYLOAD);
    if (overLimit('get', 1)) return reject(RATE_LIMITED);
    const key = options.key;
    const queriable = options.queriableValue;
    if (typeof key === 'string' ? !isValidStorageName(key) : typeof queriable !== 'string' || !isValidStorageName(queriable)) {
      return reject(INVALID_PAYLOAD);
    }
    const from = Math.max(0, Number(options.from ?? 0) || 0);
    const limit = Math.min(STORAGE_PAGE_SIZE, Math.max(1, Number(options.limit ?? STORAGE_PAGE_SIZE) || STORAGE_PAGE_SIZE));
    const matches = [...sim.storage.values()].filter((r) =>
      typeof key === 'string' ? r.key === key : r.queriableValue === queriable,
    );
    const data = matches.slice(from, from + limit).map((r) => ({ ...r, value: structuredClone(r.value) }));
    return Promise.resolve({ 'database.get': { data } });
  };

  const validItem = (item: unknown): item is StoredRecord =>
    isRecord(item) &&
    typeof item.key === 'string' &&
    isValidStorageName(item.key) &&
    typeof item.queriableValue === 'string' &&
    isValidStorageName(item.queriableValue) &&
    isRecord(item.value) &&
    storageValueBytes(item.value) <= STORAGE_VALUE_MAX_BYTES;

  const databaseSet = (payload: unknown): Promise<unknown> => {
    if (sim.faults.storageFails || sim.faults.storageWritesFail) return reject(STORAGE_DOWN);
    const items = Array.isArray(payload) ? payload : [payload];
    if (items.length === 0 || items.length > STORAGE_ITEMS_PER_SET || !items.every(validItem)) {
      return reject(INVALID_PAYLOAD);
    }
    if (overLimit('set', items.length)) return reject(RATE_LIMITED);
    const saved = items.map((item) => {
      const record = { key: item.key, queriableValue: item.queriableValue, value: structuredClone(item.value) };
      sim.storage.set(item.key, record);
      return record;
    });
    return Promise.resolve({ 'database.set': Array.isArray(payload) ? saved : saved[0] });
  };

  const databaseDelete = (options: unknown): Promise<unknown> => {
    if (sim.faults.storageFails || sim.faults.storageWritesFail) return reject(STORAGE_DOWN);
    if (!isRecord(options)) return reject(INVALID_PAYLOAD);
    if (overLimit('delete', 1)) return reject(RATE_LIMITED);
    const { key, queriableValue } = options;
    if (typeof key === 'string') {
      if (!isValidStorageName(key)) return reject(INVALID_PAYLOAD);
      sim.storage.delete(key);
    } else if (typeof queriableValue === 'string') {
      if (!isValidStorageName(queriableValue)) return reject(INVALID_PAYLOAD);
      for (const [k, r] of sim.storage) if (r.queriableValue === queriableValue) sim.storage.delete(k);
    } else {
      return reject(INVALID_PAYLOAD);
    }
    return Promise.resolve({ 'database.delete': { delete: 'success' } });
  };

  return { get: databaseGet, set: databaseSet, delete: databaseDelete };
}
