import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { connectDeskHost } from '../../../src/host/deskHost';
import { isValidStorageName, sanitiseStorageKey, STORAGE_VALUE_MAX_BYTES } from '../../../src/host/storageRules';
import type { HostResult } from '../../../src/host/types';
import { createDeskSimulation, type DeskSimulationOptions } from '../../../src/sandbox/desk/simulation';
import { createFakeZohoDesk } from '../../../src/sandbox/desk/fakeZohoDesk';

function value<T>(result: HostResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.kind}: ${result.error.message}`);
  return result.value;
}
function errorOf<T>(result: HostResult<T>) {
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

async function setup(options: DeskSimulationOptions = {}) {
  const sim = createDeskSimulation(options);
  const zohodesk = createFakeZohoDesk(sim);
  const host = await connectDeskHost(zohodesk);
  return { sim, zohodesk, host };
}

describe('sanitiseStorageKey', () => {
  it('keeps valid keys as they are', () => {
    expect(sanitiseStorageKey('settings')).toBe('settings');
    expect(sanitiseStorageKey('link:contact_123,x')).toBe('link:contact_123,x');
  });

  it('maps other characters and long keys to valid, distinct keys', () => {
    const a = sanitiseStorageKey('link:ken@example.jp');
    const b = sanitiseStorageKey('link:ken_example_jp');
    const c = sanitiseStorageKey('link:ken.example@jp');
    expect(isValidStorageName(a)).toBe(true);
    expect(new Set([a, b, c]).size).toBe(3);
    const long = 'cache:' + 'x'.repeat(80);
    expect(sanitiseStorageKey(long).length).toBeLessThanOrEqual(50);
    expect(sanitiseStorageKey(long)).not.toBe(sanitiseStorageKey(long + 'y'));
    expect(sanitiseStorageKey('顧客:山田')).toMatch(/^[A-Za-z0-9_,:]{1,50}$/);
  });

  it('is deterministic, valid and idempotent for any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (key) => {
        const once = sanitiseStorageKey(key);
        expect(isValidStorageName(once)).toBe(true);
        expect(sanitiseStorageKey(key)).toBe(once);
        expect(sanitiseStorageKey(once)).toBe(once);
      }),
    );
  });
});

describe('DeskStorage over the fake SDK', () => {
  it('sets, gets and deletes, with the group as queriableValue', async () => {
    const { host, sim } = await setup();
    value(await host.storage.set({ key: 'link:ken@example.jp', group: 'link', value: { customerId: '9' } }));
    const stored = [...sim.storage.values()][0];
    expect(stored).toMatchObject({ queriableValue: 'link', value: { customerId: '9' } });
    expect(stored?.key).toBe(sanitiseStorageKey('link:ken@example.jp'));
    expect(value(await host.storage.get('link:ken@example.jp'))).toEqual({
      key: sanitiseStorageKey('link:ken@example.jp'),
      group: 'link',
      value: { customerId: '9' },
    });
    value(await host.storage.delete('link:ken@example.jp'));
    expect(sim.storage.size).toBe(0);
    expect(value(await host.storage.get('link:ken@example.jp'))).toBeNull();
  });

  it('refuses values over 5.1 KB before sending anything', async () => {
    const { host, sim, zohodesk } = await setup();
    const set = vi.spyOn(zohodesk, 'set');
    const big = { blob: 'x'.repeat(STORAGE_VALUE_MAX_BYTES) };
    expect(errorOf(await host.storage.set({ key: 'big', group: 'cache', value: big }))).toMatchObject({ kind: 'storage' });
    // Multi-byte text counts in UTF-8 bytes, not characters.
    const japanese = { note: 'あ'.repeat(1800) };
    expect(errorOf(await host.storage.set({ key: 'jp', group: 'cache', value: japanese })).kind).toBe('storage');
    expect(set).not.toHaveBeenCalled();
    expect(sim.storage.size).toBe(0);
    value(await host.storage.set({ key: 'fits', group: 'cache', value: { blob: 'x'.repeat(STORAGE_VALUE_MAX_BYTES - 20) } }));
    expect(sim.storage.size).toBe(1);
  });

  it('lists a whole group across Desk pages of 20', async () => {
    const { host } = await setup();
    for (let i = 0; i < 45; i += 1) value(await host.storage.set({ key: `link:${i}`, group: 'link', value: { i } }));
    value(await host.storage.set({ key: 'settings', group: 'settings', value: { v: 1 } }));
    const links = value(await host.storage.list('link'));
    expect(links).toHaveLength(45);
    expect(new Set(links.map((l) => l.value.i)).size).toBe(45);
    expect(value(await host.storage.list('settings'))).toHaveLength(1);
    expect(value(await host.storage.list('write'))).toEqual([]);
  });

  it('deleteGroup deletes by queriableValue only', async () => {
    const { host, sim } = await setup();
    value(await host.storage.set({ key: 'a', group: 'cache', value: {} }));
    value(await host.storage.set({ key: 'b', group: 'cache', value: {} }));
    value(await host.storage.set({ key: 'settings', group: 'settings', value: {} }));
    value(await host.storage.deleteGroup('cache'));
    expect([...sim.storage.keys()]).toEqual(['settings']);
  });

  it('reports storage failures as storage errors', async () => {
    const { host, sim } = await setup({ faults: { storageFails: true } });
    expect(errorOf(await host.storage.get('a')).kind).toBe('storage');
    expect(errorOf(await host.storage.list('link')).kind).toBe('storage');
    expect(errorOf(await host.storage.set({ key: 'a', group: 'cache', value: {} })).kind).toBe('storage');
    expect(errorOf(await host.storage.delete('a')).kind).toBe('storage');
    expect(errorOf(await host.storage.deleteGroup('cache')).kind).toBe('storage');
    sim.faults.storageFails = false;
    value(await host.storage.set({ key: 'a', group: 'cache', value: {} }));
  });

  it('a rejected read is a storage error unless it says "not found"', async () => {
    const { host, zohodesk } = await setup();
    zohodesk.get = () => Promise.reject({ errMsg: 'Rate limit exceeded' });
    expect(errorOf(await host.storage.get('a'))).toMatchObject({ kind: 'storage', message: 'Rate limit exceeded' });
    expect(errorOf(await host.storage.list('link')).kind).toBe('storage');
    zohodesk.get = () => Promise.reject({ errMsg: 'No data found' });
    expect(value(await host.storage.get('a'))).toBeNull();
  });

  it('refuses non-object values and unknown groups', async () => {
    const { host } = await setup();
    const notObject = { key: 'a', group: 'cache', value: ['x'] } as unknown as Parameters<typeof host.storage.set>[0];
    expect(errorOf(await host.storage.set(notObject)).kind).toBe('storage');
    const badGroup = { key: 'a', group: 'other', value: {} } as unknown as Parameters<typeof host.storage.set>[0];
    expect(errorOf(await host.storage.set(badGroup)).kind).toBe('storage');
  });
});
