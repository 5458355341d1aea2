import { describe, expect, it } from 'vitest';
import { BillingError } from '../../../src/billing/errors';
import type { DocumentInput, InvoiceDetail, InvoiceListQuery, InvoiceSummary, Page, Quote } from '../../../src/billing/types';
import type { DeskStorage, HostResult, StorageGroup, StoredItem } from '../../../src/host/types';
import { writeKey } from '../../../src/integration/writes/pendingWrite';
import { WRITES } from '../../../src/host/timeWindows';
import { createWriteGuard, isAmbiguous, todayIn, type WriteApi } from '../../../src/integration/writes/writeGuard';

class MemoryStorage implements DeskStorage {
  items = new Map<string, StoredItem>();
  fail = false;
  async get(key: string): Promise<HostResult<StoredItem | null>> {
    if (this.fail) return { ok: false, error: { kind: 'storage', message: 'down' } };
    const item = this.items.get(key);
    return { ok: true, value: item ? (JSON.parse(JSON.stringify(item)) as StoredItem) : null };
  }
  async set(item: StoredItem): Promise<HostResult<void>> {
    if (this.fail) return { ok: false, error: { kind: 'storage', message: 'down' } };
    this.items.set(item.key, JSON.parse(JSON.stringify(item)) as StoredItem);
    return { ok: true, value: undefined };
  }
  async delete(key: string): Promise<HostResult<void>> {
    this.items.delete(key);
    return { ok: true, value: undefined };
  }
  async list(group: StorageGroup): Promise<HostResult<StoredItem[]>> {
    return { ok: true, value: [...this.items.values()].filter((i) => i.group === group) };
  }
  async deleteGroup(group: StorageGroup): Promise<HostResult<void>> {
    for (const [k, v] of this.items) if (v.group === group) this.items.delete(k);
    return { ok: true, value: undefined };
  }
}

type Fault = 'none' | 'lost-answer' | 'timeout' | 'reject-400' | 'rate-limited' | 'malformed-ok';

/** A Billing stand-in that keeps created invoices and can lose answers after the write landed. */
class FakeBilling {
  invoices: InvoiceSummary[] = [];
  posts = 0;
  lists = 0;
  postFaults: Fault[] = [];
  listFails = 0;
  private next = 1;

  invoice(input: DocumentInput): InvoiceSummary {
    const id = `inv${this.next}`;
    const number = `INV-${String(this.next).padStart(4, '0')}`;
    this.next += 1;
    const total = input.lines.reduce((s, l) => s + l.price * l.quantity, 0);
    return {
      id,
      number,
      status: 'sent',
      date: input.date,
      dueDate: input.date,
      total,
      balance: total,
      currencyCode: 'USD',
      customerId: input.customerId,
      referenceNumber: input.referenceNumber || null,
      transactionType: null,
    };
  }

  api: WriteApi = {
    createInvoice: async (input) => {
      this.posts += 1;
      const fault = this.postFaults.shift() ?? 'none';
      if (fault === 'reject-400') throw new BillingError('rejected', 'HTTP 400', { status: 400, code: 4, detail: 'Invalid value passed for rate' });
      if (fault === 'rate-limited') throw new BillingError('rate-limited', 'HTTP 429', { status: 429 });
      if (fault === 'timeout') throw new BillingError('network', 'timed out');
      const row = this.invoice(input);
      this.invoices.unshift(row);
      if (fault === 'lost-answer') throw new BillingError('server', 'HTTP 504', { status: 504 });
      if (fault === 'malformed-ok') throw new BillingError('malformed', 'cut JSON');
      return { ...row, lines: [], subTotal: row.total, taxTotal: 0, paymentMade: 0, creditsApplied: 0, writeOffAmount: 0, payments: [], invoiceUrl: null, notes: '' } satisfies InvoiceDetail;
    },
    createQuote: async (input): Promise<Quote> => {
      this.posts += 1;
      const fault = this.postFaults.shift() ?? 'none';
      if (fault === 'timeout') throw new BillingError('network', 'timed out');
      return { id: `q${this.posts}`, number: `QT-${this.posts}`, status: 'draft', date: input.date, total: 1, currencyCode: 'USD', referenceNumber: input.referenceNumber };
    },
    listInvoices: async (query: InvoiceListQuery): Promise<Page<InvoiceSummary>> => {
      this.lists += 1;
      if (this.listFails > 0) {
        this.listFails -= 1;
        throw new BillingError('network', 'down');
      }
      const rows = this.invoices.filter((i) => i.customerId === query.customerId);
      const per = query.perPage ?? 50;
      const page = query.page ?? 1;
      return { items: rows.slice((page - 1) * per, page * per), page, hasMore: rows.length > page * per };
    },
    // The connection has no scope to read quotes: Billing refuses to list them.
    listQuotes: async (): Promise<Page<Quote>> => {
      throw new BillingError('forbidden', 'HTTP 403', { status: 403 });
    },
  };

  createdFor(customerId: string): InvoiceSummary[] {
    return this.invoices.filter((i) => i.customerId === customerId);
  }
}

const input = (overrides: Partial<DocumentInput> = {}): DocumentInput => ({
  customerId: 'c1',
  date: '2026-11-27',
  referenceNumber: 'DESK-104233',
  lines: [{ productId: 'p1', name: 'Setup', price: 149, quantity: 1 }],
  ...overrides,
});

function setup() {
  const storage = new MemoryStorage();
  const billing = new FakeBilling();
  const guard = createWriteGuard({ storage, api: billing.api, now: () => Date.parse('2026-11-27T10:00:00Z') });
  return { storage, billing, guard };
}

describe('writeKey', () => {
  it('is a valid Desk storage key that changes with customer, reference and lines but not the date', () => {
    const key = writeKey('invoice', input());
    expect(key).toMatch(/^[A-Za-z0-9_,:]{1,50}$/);
    expect(writeKey('invoice', input({ date: '2026-11-28' }))).toBe(key);
    expect(writeKey('invoice', input({ customerId: 'c2' }))).not.toBe(key);
    expect(writeKey('invoice', input({ referenceNumber: 'DESK-1' }))).not.toBe(key);
    expect(writeKey('invoice', input({ lines: [{ productId: 'p1', name: 'Setup', price: 149, quantity: 2 }] }))).not.toBe(key);
    expect(writeKey('quote', input())).not.toBe(key);
  });

  it('classifies only answer-lost failures as ambiguous', () => {
    expect(isAmbiguous(new BillingError('network', 'x'))).toBe(true);
    expect(isAmbiguous(new BillingError('server', 'x'))).toBe(true);
    expect(isAmbiguous(new BillingError('malformed', 'x'))).toBe(true);
    for (const kind of ['rejected', 'not-found', 'forbidden', 'rate-limited', 'not-authorised', 'not-configured'] as const) {
      expect(isAmbiguous(new BillingError(kind, 'x'))).toBe(false);
    }
  });

  it('gives today in the agent zone as YYYY-MM-DD', () => {
    const at = Date.parse('2026-11-27T20:00:00Z');
    expect(todayIn('Asia/Tokyo', at)).toBe('2026-11-28');
    expect(todayIn('America/New_York', at)).toBe('2026-11-27');
    expect(todayIn('Not/AZone', at)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('createWriteGuard', () => {
  it('creates once and leaves no pending record', async () => {
    const { storage, billing, guard } = setup();
    const outcome = await guard.create('invoice', input());
    expect(outcome).toMatchObject({ status: 'created', found: false, document: { number: 'INV-0001', referenceNumber: 'DESK-104233' } });
    expect(billing.posts).toBe(1);
    expect(billing.createdFor('c1')).toHaveLength(1);
    expect(storage.items.size).toBe(0);
  });

  it('shares one POST between two simultaneous calls (double click)', async () => {
    const { billing, guard } = setup();
    const [a, b] = await Promise.all([guard.create('invoice', input()), guard.create('invoice', input())]);
    expect(billing.posts).toBe(1);
    expect(billing.createdFor('c1')).toHaveLength(1);
    expect(a).toEqual(b);
  });

  it('records the pending write before POSTing', async () => {
    const { storage, billing, guard } = setup();
    let seen: StoredItem | undefined;
    const create = billing.api.createInvoice;
    billing.api.createInvoice = async (i) => {
      seen = [...storage.items.values()][0];
      return create(i);
    };
    await guard.create('invoice', input());
    expect(seen).toMatchObject({
      group: 'write',
      key: writeKey('invoice', input()),
      value: { reference: 'DESK-104233', customerId: 'c1', kind: 'invoice', date: '2026-11-27', startedAt: '2026-11-27T10:00:00.000Z' },
    });
  });

  it('treats a POST that landed but lost its answer as success, without a second POST', async () => {
    const { storage, billing, guard } = setup();
    billing.postFaults = ['lost-answer'];
    const outcome = await guard.create('invoice', input());
    expect(outcome).toMatchObject({ status: 'created', found: true, document: { number: 'INV-0001' } });
    expect(billing.posts).toBe(1);
    expect(billing.createdFor('c1')).toHaveLength(1);
    expect(storage.items.size).toBe(0);
  });

  it('does not mistake an older invoice with the same reference for the lost one', async () => {
    const { billing, guard } = setup();
    // The agent already invoiced this ticket earlier today.
    billing.invoices.push(billing.invoice(input()));
    billing.postFaults = ['timeout'];
    const outcome = await guard.create('invoice', input());
    expect(outcome.status).toBe('unknown');
    expect(billing.createdFor('c1')).toHaveLength(1);
  });

  it('after a timeout whose check also fails, keeps the record and the retry finds the landed invoice', async () => {
    const { storage, billing, guard } = setup();
    billing.postFaults = ['lost-answer'];
    billing.listFails = 0;
    // First the snapshot works, then the check after the lost answer fails.
    const list = billing.api.listInvoices;
    let calls = 0;
    billing.api.listInvoices = async (q) => {
      calls += 1;
      if (calls === 2) throw new BillingError('network', 'still down');
      return list(q);
    };
    const first = await guard.create('invoice', input());
    expect(first.status).toBe('unknown');
    expect(storage.items.size).toBe(1);
    const retry = await guard.create('invoice', input());
    expect(retry).toMatchObject({ status: 'created', found: true });
    expect(billing.posts).toBe(1);
    expect(billing.createdFor('c1')).toHaveLength(1);
    expect(storage.items.size).toBe(0);
  });

  it('after a timeout that did not land, the retry checks and then sends once', async () => {
    const { storage, billing, guard } = setup();
    billing.postFaults = ['timeout'];
    expect((await guard.create('invoice', input())).status).toBe('unknown');
    expect(storage.items.size).toBe(1);
    const listsBefore = billing.lists;
    const retry = await guard.create('invoice', input());
    expect(retry).toMatchObject({ status: 'created', found: false });
    expect(billing.lists).toBeGreaterThan(listsBefore);
    expect(billing.posts).toBe(2);
    expect(billing.createdFor('c1')).toHaveLength(1);
  });

  it('a definite rejection clears the record and a corrected retry creates exactly one', async () => {
    const { storage, billing, guard } = setup();
    billing.postFaults = ['reject-400'];
    const failed = await guard.create('invoice', input());
    expect(failed).toMatchObject({ status: 'failed', error: { kind: 'rejected', detail: 'Invalid value passed for rate' } });
    expect(storage.items.size).toBe(0);
    expect(billing.createdFor('c1')).toHaveLength(0);
    expect((await guard.create('invoice', input())).status).toBe('created');
    expect(billing.createdFor('c1')).toHaveLength(1);
  });

  it('a 429 is a definite failure (nothing was processed)', async () => {
    const { storage, billing, guard } = setup();
    billing.postFaults = ['rate-limited'];
    expect((await guard.create('invoice', input())).status).toBe('failed');
    expect(storage.items.size).toBe(0);
  });

  it('an unreadable 2xx is ambiguous and resolved by the check', async () => {
    const { billing, guard } = setup();
    billing.postFaults = ['malformed-ok'];
    expect(await guard.create('invoice', input())).toMatchObject({ status: 'created', found: true });
    expect(billing.createdFor('c1')).toHaveLength(1);
  });

  it('when the snapshot cannot be read nothing is sent and the failure is definite', async () => {
    const { storage, billing, guard } = setup();
    billing.listFails = 1;
    expect(await guard.create('invoice', input())).toMatchObject({ status: 'failed', error: { kind: 'network' } });
    expect(billing.posts).toBe(0);
    expect(storage.items.size).toBe(0);
  });

  it('a pending record left by a reload makes the next attempt check before any POST', async () => {
    const { storage, billing, guard } = setup();
    // Session 1 sent the POST (it landed) and was reloaded before the answer: only the record is left.
    const landed = billing.invoice(input());
    billing.invoices.unshift(landed);
    storage.items.set(writeKey('invoice', input()), {
      key: writeKey('invoice', input()),
      group: 'write',
      value: { startedAt: '2026-11-27T09:59:00.000Z', reference: 'DESK-104233', customerId: 'c1', kind: 'invoice', date: '2026-11-27', knownIds: [] },
    });
    const outcome = await guard.create('invoice', input());
    expect(outcome).toMatchObject({ status: 'created', found: true, document: { id: landed.id } });
    expect(billing.posts).toBe(0);
    expect(storage.items.size).toBe(0);
  });

  it('a pending record older than the limit is dropped and the write goes ahead', async () => {
    const { storage, billing, guard } = setup();
    const old = new Date(Date.parse('2026-11-27T10:00:00Z') - WRITES.pendingMaxAgeMs - 1000).toISOString();
    storage.items.set(writeKey('invoice', input()), {
      key: writeKey('invoice', input()),
      group: 'write',
      value: { startedAt: old, reference: 'DESK-104233', customerId: 'c1', kind: 'invoice', date: '2026-11-19', knownIds: [] },
    });
    expect((await guard.create('invoice', input())).status).toBe('created');
    expect(billing.posts).toBe(1);
  });

  it('when Desk storage cannot keep the pending record nothing is sent: the outcome says it is unprotected', async () => {
    const { storage, billing, guard } = setup();
    storage.fail = true;
    const outcome = await guard.create('invoice', input());
    expect(outcome).toMatchObject({ status: 'unprotected', error: { kind: 'storage' } });
    expect(billing.posts).toBe(0);
    expect(billing.createdFor('c1')).toHaveLength(0);
  });

  it('the agent may post anyway (allowUnprotected): one POST, double clicks still shared in memory', async () => {
    const { storage, billing, guard } = setup();
    storage.fail = true;
    const options = { allowUnprotected: true };
    const [a, b] = await Promise.all([guard.create('invoice', input(), options), guard.create('invoice', input(), options)]);
    expect(a.status).toBe('created');
    expect(b).toEqual(a);
    expect(billing.posts).toBe(1);
  });

  it('quotes Billing will not list (403): an ambiguous failure is unknown, the next attempt needs the agent (force)', async () => {
    const { storage, billing, guard } = setup();
    billing.postFaults = ['timeout'];
    expect((await guard.create('quote', input())).status).toBe('unknown');
    expect(storage.items.size).toBe(1);
    expect(await guard.create('quote', input())).toEqual({ status: 'unverifiable' });
    expect(billing.posts).toBe(1);
    expect((await guard.create('quote', input(), { force: true })).status).toBe('created');
    expect(billing.posts).toBe(2);
    expect(storage.items.size).toBe(0);
  });

  it('quotes use listQuotes when the client offers it', async () => {
    const storage = new MemoryStorage();
    const quotes: Quote[] = [];
    let posts = 0;
    const api: WriteApi = {
      createInvoice: async () => {
        throw new Error('not used');
      },
      listInvoices: async () => ({ items: [], page: 1, hasMore: false }),
      createQuote: async (i) => {
        posts += 1;
        quotes.unshift({ id: `q${posts}`, number: `QT-${posts}`, status: 'draft', date: i.date, total: 149, currencyCode: 'USD', referenceNumber: i.referenceNumber });
        throw new BillingError('network', 'lost');
      },
      listQuotes: async () => ({ items: quotes, page: 1, hasMore: false }),
    };
    const guard = createWriteGuard({ storage, api });
    expect(await guard.create('quote', input())).toMatchObject({ status: 'created', found: true, document: { number: 'QT-1', kind: 'quote' } });
    expect(posts).toBe(1);
  });
});

describe('what the write guard reads and tells', () => {
  it('the invoice found after a lost answer shows its status and the balance still to pay', async () => {
    const { billing, guard } = setup();
    billing.postFaults = ['lost-answer'];
    const outcome = await guard.create('invoice', input());
    expect(outcome).toMatchObject({ status: 'created', found: true, document: { kind: 'invoice', status: 'sent', balance: 149, total: 149, currencyCode: 'USD' } });
  });

  it('an invoice without a reference whose answer is lost is found by the snapshot taken before', async () => {
    const { billing, guard } = setup();
    billing.postFaults = ['lost-answer'];
    const outcome = await guard.create('invoice', input({ referenceNumber: '' }));
    expect(outcome).toMatchObject({ status: 'created', found: true, document: { id: 'inv1', number: 'INV-0001' } });
  });

  it("checks the customer's 100 newest invoices (two pages of 50), no more", async () => {
    const { billing, guard } = setup();
    for (let i = 0; i < 120; i += 1) billing.invoices.push(billing.invoice(input({ referenceNumber: `OTHER-${i}` })));
    const queries: InvoiceListQuery[] = [];
    const list = billing.api.listInvoices;
    billing.api.listInvoices = async (q) => {
      queries.push(q);
      return list(q);
    };
    expect((await guard.create('invoice', input())).status).toBe('created');
    expect(queries).toEqual([
      { customerId: 'c1', page: 1, perPage: 50 },
      { customerId: 'c1', page: 2, perPage: 50 },
    ]);
  });

  it('reads one page when the customer has fewer than 50 invoices', async () => {
    const { billing, guard } = setup();
    await guard.create('invoice', input());
    expect(billing.lists).toBe(1);
  });

  it('an invoice whose customer Billing refuses to list (403) is not sent: the agent is told it failed', async () => {
    const { billing, guard } = setup();
    billing.api.listInvoices = async () => {
      throw new BillingError('forbidden', 'HTTP 403', { status: 403 });
    };
    expect(await guard.create('invoice', input())).toMatchObject({ status: 'failed', error: { kind: 'forbidden' } });
    expect(billing.posts).toBe(0);
  });

  it("asks Billing for this customer's quotes, and once it refused (its own 401 / code 57) does not ask again", async () => {
    const storage = new MemoryStorage();
    const asked: unknown[] = [];
    let posts = 0;
    const api: WriteApi = {
      createInvoice: async () => {
        throw new Error('not used');
      },
      listInvoices: async () => ({ items: [], page: 1, hasMore: false }),
      createQuote: async (i) => {
        posts += 1;
        return { id: `q${posts}`, number: `QT-${posts}`, status: 'draft', date: i.date, total: 149, currencyCode: 'USD', referenceNumber: i.referenceNumber };
      },
      listQuotes: async (q) => {
        asked.push(q);
        throw new BillingError('not-authorised', 'code 57', { code: 57 });
      },
    };
    const guard = createWriteGuard({ storage, api });
    expect(await guard.create('quote', input())).toMatchObject({ status: 'created', document: { number: 'QT-1' } });
    expect(await guard.create('quote', input({ referenceNumber: 'DESK-2' }))).toMatchObject({ status: 'created', document: { number: 'QT-2' } });
    expect(asked).toEqual([{ customerId: 'c1', page: 1 }]);
  });

  function quoteGuard(listQuotes: WriteApi['listQuotes']) {
    const storage = new MemoryStorage();
    const counts = { posts: 0, invoiceLists: 0 };
    const api: WriteApi = {
      createInvoice: async (i) => {
        counts.posts += 1;
        return { id: 'i1', number: 'INV-1', status: 'draft', date: i.date, dueDate: i.date, total: 149, balance: 149, currencyCode: 'USD', customerId: i.customerId, referenceNumber: i.referenceNumber, transactionType: null, lines: [], subTotal: 149, taxTotal: 0, paymentMade: 0, creditsApplied: 0, writeOffAmount: 0, payments: [], invoiceUrl: null, notes: '' };
      },
      listInvoices: async () => {
        counts.invoiceLists += 1;
        return { items: [], page: 1, hasMore: false };
      },
      createQuote: async (i) => {
        counts.posts += 1;
        return { id: `q${counts.posts}`, number: `QT-${counts.posts}`, status: 'draft', date: i.date, total: 149, currencyCode: 'USD', referenceNumber: i.referenceNumber };
      },
      listQuotes,
    };
    return { guard: createWriteGuard({ storage, api }), counts };
  }

  it("a quote is sent when Billing answers HTTP 401 to listing quotes (a missing scope); an invoice after it is still checked", async () => {
    const { guard, counts } = quoteGuard(async () => {
      throw new BillingError('not-authorised', 'HTTP 401', { status: 401 });
    });
    expect((await guard.create('quote', input())).status).toBe('created');
    expect((await guard.create('invoice', input())).status).toBe('created');
    expect(counts.invoiceLists).toBe(1);
  });

  it('a quote is not sent when listing quotes fails with a server error: nothing could be checked', async () => {
    const { guard, counts } = quoteGuard(async () => {
      throw new BillingError('server', 'HTTP 500', { status: 500 });
    });
    expect(await guard.create('quote', input())).toMatchObject({ status: 'failed', error: { kind: 'server' } });
    expect(counts.posts).toBe(0);
  });

  it('quotes over a dead connection (not authorised, no answer from Billing) are not sent', async () => {
    const storage = new MemoryStorage();
    let posts = 0;
    const api: WriteApi = {
      createInvoice: async () => {
        throw new Error('not used');
      },
      listInvoices: async () => ({ items: [], page: 1, hasMore: false }),
      createQuote: async () => {
        posts += 1;
        throw new Error('not expected');
      },
      listQuotes: async () => {
        throw new BillingError('not-authorised', 'The Zoho Billing connection is not authorised');
      },
    };
    const guard = createWriteGuard({ storage, api });
    expect(await guard.create('quote', input())).toMatchObject({ status: 'failed', error: { kind: 'not-authorised' } });
    expect(posts).toBe(0);
  });

  it('a pending record whose check cannot reach Billing sends nothing: the outcome stays unknown', async () => {
    const { storage, billing, guard } = setup();
    billing.postFaults = ['timeout'];
    expect((await guard.create('invoice', input())).status).toBe('unknown');
    billing.listFails = 1;
    expect(await guard.create('invoice', input())).toMatchObject({ status: 'unknown', error: { kind: 'network' } });
    expect(billing.posts).toBe(1);
    expect(storage.items.size).toBe(1);
  });

  it('tells the form about a pending record left by an earlier attempt', async () => {
    const { guard, billing } = setup();
    expect(await guard.pending('invoice', input())).toBeNull();
    billing.postFaults = ['timeout'];
    await guard.create('invoice', input());
    expect(await guard.pending('invoice', input())).toMatchObject({ reference: 'DESK-104233', customerId: 'c1', kind: 'invoice' });
  });

  it('storage that throws instead of answering gives an unknown outcome, not a crash', async () => {
    const { storage, billing, guard } = setup();
    storage.get = async () => {
      throw new Error('storage exploded');
    };
    expect(await guard.create('invoice', input())).toMatchObject({ status: 'unknown', error: { kind: 'malformed', message: 'storage exploded' } });
    expect(billing.posts).toBe(0);
  });
});
