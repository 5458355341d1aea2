/**
 * The pending record of one invoice or quote POST (src/integration/writes/pendingWrite.ts): under which key
 * it is kept, when a stored record still belongs to this write, and which document proves the POST landed.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentInput } from '../../../src/billing/types';
import type { DeskStorage, HostResult, StoredItem } from '../../../src/host/types';
import { landed, pendingRecord, readPending, writeKey, type DocumentRef, type PendingWrite } from '../../../src/integration/writes/pendingWrite';
import { WRITES } from '../../../src/host/timeWindows';

const NOW = Date.parse('2026-11-27T10:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const input = (over: Partial<DocumentInput> = {}): DocumentInput => ({
  customerId: 'c1',
  date: '2026-11-27',
  referenceNumber: 'DESK-104233',
  lines: [{ productId: 'p1', name: 'Setup', price: 149, quantity: 1 }],
  ...over,
});
const ref = (id: string, over: Partial<DocumentRef> = {}): DocumentRef => ({
  id, number: `INV-${id}`, referenceNumber: 'DESK-104233', date: '2026-11-27', total: 149, currencyCode: 'USD', ...over,
});
const record = (over: Partial<PendingWrite> = {}): PendingWrite => ({
  startedAt: new Date(NOW - 60_000).toISOString(), reference: 'DESK-104233', customerId: 'c1', kind: 'invoice', date: '2026-11-27', knownIds: [], ...over,
});

/** One stored value under one key, and every delete asked for. */
function storageWith(value: unknown): Pick<DeskStorage, 'get' | 'delete'> & { deleted: string[] } {
  const deleted: string[] = [];
  return {
    deleted,
    async get(key: string): Promise<HostResult<StoredItem | null>> {
      return { ok: true, value: value === undefined ? null : ({ key, group: 'write', value } as StoredItem) };
    },
    async delete(key: string): Promise<HostResult<void>> {
      deleted.push(key);
      return { ok: true, value: undefined };
    },
  };
}
const read = (value: unknown, over: Partial<DocumentInput> = {}, kind: 'invoice' | 'quote' = 'invoice', at = NOW) => {
  const storage = storageWith(value);
  return { storage, result: readPending(storage, 'write:inv:k', kind, input(over), () => at) };
};

describe('the key a write is kept under', () => {
  it("names the kind (write:inv / write:quo) so an admin's storage list tells invoices from quotes", () => {
    expect(writeKey('invoice', input())).toMatch(/^write:inv:[0-9a-z]+:[0-9a-z]+$/);
    expect(writeKey('quote', input())).toMatch(/^write:quo:[0-9a-z]+:[0-9a-z]+$/);
  });

  it('is the same write whatever the reference\'s case and spaces, or a missing vs empty description', () => {
    expect(writeKey('invoice', input({ referenceNumber: '  desk-104233 ' }))).toBe(writeKey('invoice', input()));
    const noDescription = input({ lines: [{ productId: 'p1', name: 'Setup', price: 149, quantity: 1 }] });
    const emptyDescription = input({ lines: [{ productId: 'p1', name: 'Setup', description: '', price: 149, quantity: 1 }] });
    expect(writeKey('invoice', emptyDescription)).toBe(writeKey('invoice', noDescription));
  });

  it('is another write when a line differs in its description, price or quantity', () => {
    const key = writeKey('invoice', input());
    expect(writeKey('invoice', input({ lines: [{ productId: 'p1', name: 'Setup', description: 'On site', price: 149, quantity: 1 }] }))).not.toBe(key);
    expect(writeKey('invoice', input({ lines: [{ productId: 'p1', name: 'Setup', price: 150, quantity: 1 }] }))).not.toBe(key);
    expect(writeKey('invoice', input({ lines: [{ productId: 'p2', name: 'Setup', price: 149, quantity: 1 }] }))).not.toBe(key);
  });
});

describe('which document proves the POST landed', () => {
  it('a new document with our reference (any case and spaces) and date', () => {
    expect(landed([ref('old'), ref('new', { referenceNumber: ' desk-104233 ' })], record({ knownIds: ['old'] }))?.id).toBe('new');
  });

  it('a new document without a date in the list still counts by its reference', () => {
    expect(landed([ref('new', { date: null })], record())?.id).toBe('new');
  });

  it('not a document that was there before, nor one with another reference or another date', () => {
    expect(landed([ref('old')], record({ knownIds: ['old'] }))).toBeNull();
    expect(landed([ref('x', { referenceNumber: 'DESK-1' })], record())).toBeNull();
    expect(landed([ref('x', { referenceNumber: null })], record())).toBeNull();
    expect(landed([ref('x', { date: '2026-11-26' })], record())).toBeNull();
  });

  it('not a document whose reference only matches in capitals (STRASSE is not straße)', () => {
    expect(landed([ref('x', { referenceNumber: 'STRASSE-1' })], record({ reference: 'straße-1' }))).toBeNull();
  });

  it('without a snapshot, only a real reference tells ours apart', () => {
    expect(landed([ref('new')], record({ knownIds: null }))?.id).toBe('new');
    expect(landed([ref('new', { referenceNumber: null })], record({ knownIds: null, reference: ' ' }))).toBeNull();
    // With a snapshot an empty reference is enough: every other unreferenced document was in it.
    expect(landed([ref('old', { referenceNumber: null }), ref('new', { referenceNumber: '' })], record({ knownIds: ['old'], reference: '' }))?.id).toBe('new');
  });
});

describe('the record kept while a POST is out', () => {
  it('keeps when it started, for whom, and the look-alike documents from before (only those)', () => {
    const before = [ref('a'), ref('b', { referenceNumber: 'DESK-1' }), ref('c', { date: '2026-11-26' }), ref('d', { date: null })];
    expect(pendingRecord('quote', input(), before, NOW)).toEqual({
      startedAt: '2026-11-27T10:00:00.000Z', reference: 'DESK-104233', customerId: 'c1', kind: 'quote', date: '2026-11-27', knownIds: ['a', 'd'],
    });
    expect(pendingRecord('invoice', input(), null, NOW).knownIds).toBeNull();
  });

  it('keeps at most 100 look-alikes, the newest', () => {
    const many = Array.from({ length: 130 }, (_, i) => ref(`r${i}`));
    const ids = pendingRecord('invoice', input(), many, NOW).knownIds!;
    expect(ids).toHaveLength(100);
    expect(ids[0]).toBe('r0');
    expect(ids[99]).toBe('r99');
  });
});

describe('a stored record found before sending', () => {
  it('is this write\'s when kind, customer and reference match', async () => {
    expect(await read(record(), { referenceNumber: ' Desk-104233' }).result).toEqual(record());
  });

  it.each([
    ['another kind', record({ kind: 'quote' }), {}],
    ['another customer', record({ customerId: 'c2' }), {}],
    ['another reference', record({ reference: 'DESK-1' }), {}],
    ['a broken record', { reference: 'DESK-104233' }, {}],
  ] as const)('is not this write when it has %s', async (_, value, over) => {
    const { storage, result } = read(value, over);
    expect(await result).toBeNull();
    expect(storage.deleted).toEqual([]);
  });

  it('nothing stored, or storage failing, is no record', async () => {
    expect(await read(undefined).result).toBeNull();
    const failing: Pick<DeskStorage, 'get' | 'delete'> = {
      get: async () => ({ ok: false, error: { kind: 'storage', message: 'down' } }),
      delete: async () => ({ ok: true, value: undefined }),
    };
    expect(await readPending(failing, 'k', 'invoice', input(), () => NOW)).toBeNull();
  });

  it('still protects the write six days and exactly seven days later; a day more, it is dropped from storage', async () => {
    expect(WRITES.pendingMaxAgeMs).toBe(7 * DAY);
    expect(await read(record({ startedAt: new Date(NOW - 6 * DAY).toISOString() })).result).not.toBeNull();
    expect(await read(record({ startedAt: new Date(NOW - 7 * DAY).toISOString() })).result).not.toBeNull();
    const old = read(record({ startedAt: new Date(NOW - 8 * DAY).toISOString() }));
    expect(await old.result).toBeNull();
    expect(old.storage.deleted).toEqual(['write:inv:k']);
  });

  it('a record whose start cannot be read is dropped from storage', async () => {
    const unreadable = read(record({ startedAt: 'yesterday-ish' }));
    expect(await unreadable.result).toBeNull();
    expect(unreadable.storage.deleted).toEqual(['write:inv:k']);
  });
});
