import { describe, expect, it } from 'vitest';
import type { DeskStorage, HostError, HostResult, JsonObject, StorageGroup, StoredItem } from '../../../src/host/types';
import { loadSettings, saveSettings, SETTINGS_KEY } from '../../../src/integration/records/settingsStore';
import { removeIntegration } from '../../../src/integration/records/removeIntegration';
import { DEFAULT_SETTINGS, type IntegrationSettings } from '../../../src/integration/records/types';

/** In-memory Desk storage that round-trips values through JSON like the real SDK, with fault switches. */
class FakeStorage implements DeskStorage {
  items = new Map<string, StoredItem>();
  failGet = false;
  failSet = false;
  failDeleteGroup = false;
  /** Keys whose single delete reports success but leaves the record (Desk rate limit gone wrong). */
  stickyKeys = new Set<string>();
  /** Runs just before a set lands: simulates another admin writing in between. */
  beforeSet: ((item: StoredItem) => void) | null = null;
  /** Rewrites what is stored: simulates storage truncating or altering a value. */
  transform: ((value: JsonObject) => JsonObject) | null = null;
  sets = 0;

  private err(message: string): { ok: false; error: HostError } {
    return { ok: false, error: { kind: 'storage', message } };
  }
  put(key: string, group: StorageGroup, value: JsonObject): void {
    this.items.set(key, { key, group, value: JSON.parse(JSON.stringify(value)) as JsonObject });
  }
  async get(key: string): Promise<HostResult<StoredItem | null>> {
    if (this.failGet) return this.err('get failed');
    const item = this.items.get(key);
    return { ok: true, value: item ? (JSON.parse(JSON.stringify(item)) as StoredItem) : null };
  }
  async set(item: StoredItem): Promise<HostResult<void>> {
    if (this.failSet) return this.err('Storage not available');
    this.beforeSet?.(item);
    this.sets += 1;
    const value = this.transform ? this.transform(item.value) : item.value;
    this.put(item.key, item.group, value);
    return { ok: true, value: undefined };
  }
  async delete(key: string): Promise<HostResult<void>> {
    if (!this.stickyKeys.has(key)) this.items.delete(key);
    return { ok: true, value: undefined };
  }
  async list(group: StorageGroup): Promise<HostResult<StoredItem[]>> {
    if (this.failGet) return this.err('list failed');
    return { ok: true, value: [...this.items.values()].filter((i) => i.group === group) };
  }
  async deleteGroup(group: StorageGroup): Promise<HostResult<void>> {
    if (this.failDeleteGroup) return this.err('deleteGroup failed');
    for (const [k, v] of this.items) if (v.group === group && !this.stickyKeys.has(k)) this.items.delete(k);
    return { ok: true, value: undefined };
  }
}

const connected: IntegrationSettings = {
  version: 3,
  enabled: true,
  organization: { id: '700001', name: 'Acme Inc', currencyCode: 'USD', dataCenter: 'US' },
  linkedHow: 'chosen',
  updatedBy: { id: 'u1', name: 'Ana Admin' },
  updatedAt: '2026-11-20T10:00:00.000Z',
  actionAccess: { payment: ['p-lead'], subscription: [] },
};

function hostWith(storage: FakeStorage) {
  return { storage };
}

function seed(storage: FakeStorage, s: IntegrationSettings): void {
  storage.put(SETTINGS_KEY, 'settings', s as unknown as JsonObject);
}

describe('loadSettings', () => {
  it('gives the defaults when nothing is stored', async () => {
    const result = await loadSettings(hostWith(new FakeStorage()));
    expect(result).toEqual({ ok: true, value: DEFAULT_SETTINGS });
  });

  it('gives the stored settings', async () => {
    const storage = new FakeStorage();
    seed(storage, connected);
    expect(await loadSettings(hostWith(storage))).toEqual({ ok: true, value: connected });
  });

  it('reads a record written before "who may act" existed as admins only, and never widens a malformed list', async () => {
    const storage = new FakeStorage();
    const { actionAccess: _none, ...older } = connected;
    seed(storage, older);
    expect(await loadSettings(hostWith(storage))).toEqual({ ok: true, value: { ...older, actionAccess: { payment: [], subscription: [] } } });
    seed(storage, { ...connected, actionAccess: { payment: 'p-lead', subscription: ['p-lead', 7, '', 'p-lead'], refund: ['x'] } } as unknown as IntegrationSettings);
    expect(await loadSettings(hostWith(storage))).toMatchObject({ ok: true, value: { actionAccess: { payment: [], subscription: ['p-lead'] } } });
  });

  it('reports an invalid stored value as an error instead of crashing', async () => {
    const storage = new FakeStorage();
    storage.put(SETTINGS_KEY, 'settings', { version: 'two', enabled: 'yes', organization: { id: 5 } });
    const result = await loadSettings(hostWith(storage));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('malformed');
      expect(result.error.message).toMatch(/version/);
    }
  });

  it('rejects an unknown data center', async () => {
    const storage = new FakeStorage();
    seed(storage, { ...connected, organization: { ...connected.organization!, dataCenter: 'UK' as 'US' } });
    expect((await loadSettings(hostWith(storage))).ok).toBe(false);
  });

  it('passes a storage failure through', async () => {
    const storage = new FakeStorage();
    storage.failGet = true;
    const result = await loadSettings(hostWith(storage));
    expect(result).toMatchObject({ ok: false, error: { kind: 'storage' } });
  });
});

describe('saveSettings', () => {
  it('increments the version, writes group settings and returns what was read back', async () => {
    const storage = new FakeStorage();
    seed(storage, connected);
    const result = await saveSettings(hostWith(storage), { ...connected, enabled: false }, 3);
    expect(result).toEqual({ ok: true, value: { ...connected, enabled: false, version: 4 } });
    expect(storage.items.get(SETTINGS_KEY)).toMatchObject({ group: 'settings', value: { version: 4, enabled: false } });
  });

  it('saves the first settings over nothing at version 0', async () => {
    const storage = new FakeStorage();
    const result = await saveSettings(hostWith(storage), { ...connected, version: 99 }, 0);
    expect(result).toMatchObject({ ok: true, value: { version: 1, organization: { id: '700001' } } });
  });

  it('refuses to overwrite when another admin saved meanwhile, and hands back the current value', async () => {
    const storage = new FakeStorage();
    seed(storage, { ...connected, version: 5, organization: { ...connected.organization!, name: 'Other Org' } });
    const result = await saveSettings(hostWith(storage), { ...connected, enabled: false }, 3);
    expect(result.ok).toBe(false);
    if (!result.ok && result.reason === 'conflict') {
      expect(result.current.version).toBe(5);
      expect(result.current.organization?.name).toBe('Other Org');
    } else {
      throw new Error(`expected a conflict, got ${JSON.stringify(result)}`);
    }
    expect(storage.sets).toBe(0);
  });

  it('detects a write that landed between our write and read-back as a conflict', async () => {
    const storage = new FakeStorage();
    seed(storage, connected);
    storage.transform = (v) => ({ ...v, version: 9, enabled: true });
    const result = await saveSettings(hostWith(storage), { ...connected, enabled: false }, 3);
    expect(result).toMatchObject({ ok: false, reason: 'conflict', current: { version: 9 } });
  });

  it('reports a read-back that differs from what was written and keeps the previous state', async () => {
    const storage = new FakeStorage();
    seed(storage, connected);
    storage.transform = (v) => ({ ...v, organization: null });
    const result = await saveSettings(hostWith(storage), { ...connected, enabled: false }, 3);
    expect(result).toMatchObject({ ok: false, reason: 'failed', previous: connected, error: { kind: 'storage' } });
  });

  it('a failed write keeps and returns the previous state with the error', async () => {
    const storage = new FakeStorage();
    seed(storage, connected);
    storage.failSet = true;
    const result = await saveSettings(hostWith(storage), { ...connected, enabled: false }, 3);
    expect(result).toMatchObject({ ok: false, reason: 'failed', previous: connected, error: { message: 'Storage not available' } });
    expect(storage.items.get(SETTINGS_KEY)?.value).toMatchObject({ version: 3, enabled: true });
  });

  it('a failed read before writing writes nothing', async () => {
    const storage = new FakeStorage();
    seed(storage, connected);
    storage.failGet = true;
    const result = await saveSettings(hostWith(storage), { ...connected, enabled: false }, 3);
    expect(result).toMatchObject({ ok: false, reason: 'failed', previous: null });
    expect(storage.sets).toBe(0);
  });

  it('can repair an unreadable record when the admin saw its version', async () => {
    const storage = new FakeStorage();
    storage.put(SETTINGS_KEY, 'settings', { version: 2, enabled: 'broken' });
    const result = await saveSettings(hostWith(storage), connected, 2);
    expect(result).toMatchObject({ ok: true, value: { version: 3, enabled: true } });
  });
});

describe('removeIntegration', () => {
  function fullStorage(): FakeStorage {
    const storage = new FakeStorage();
    seed(storage, connected);
    storage.put('link:contact:1', 'link', { customerId: 'c1' });
    storage.put('link:account:2', 'link', { customerId: 'c2' });
    storage.put('cache:cust:c1', 'cache', { at: 1 });
    storage.put('write:inv:1', 'write', { state: 'done' });
    return storage;
  }

  it('deletes every group and verifies nothing is left', async () => {
    const storage = fullStorage();
    expect(storage.items.size).toBe(5);
    const report = await removeIntegration(hostWith(storage));
    expect(report).toEqual({ ok: true, failures: [] });
    expect(storage.items.size).toBe(0);
  });

  it('falls back to deleting key by key when deleteGroup fails', async () => {
    const storage = fullStorage();
    storage.failDeleteGroup = true;
    const report = await removeIntegration(hostWith(storage));
    expect(report.ok).toBe(true);
    expect(storage.items.size).toBe(0);
  });

  it('reports records that survive deletion', async () => {
    const storage = fullStorage();
    storage.stickyKeys.add('link:account:2');
    const report = await removeIntegration(hostWith(storage));
    expect(report.ok).toBe(false);
    expect(report.failures).toEqual([
      expect.objectContaining({ group: 'link', remainingKeys: ['link:account:2'] }),
    ]);
    // The settings record stays so the integration still shows as configured and removal can be retried.
    expect([...storage.items.keys()].sort()).toEqual(['link:account:2', SETTINGS_KEY].sort());
  });

  it('reports when nothing can be verified', async () => {
    const storage = fullStorage();
    storage.failGet = true;
    const report = await removeIntegration(hostWith(storage));
    expect(report.ok).toBe(false);
    expect(report.failures.map((f) => f.group)).toEqual(['link', 'cache', 'snapshot', 'lease', 'meter', 'write']);
    expect(storage.items.has(SETTINGS_KEY)).toBe(true);
  });
});
