// Activity names every invoice row by its number (issue 22), whichever field of Zoho's transaction names the
// invoice: customers.yml does not say, so `reference_id` may be the invoice's id or its number and
// `transaction_id` may be the invoice's id. An invoice the first page does not hold costs one bounded read.
import { describe, expect, it } from 'vitest';
import type { InvoiceListQuery, InvoiceSummary, Page, Transaction } from '../../../src/billing/types';
import type { BillingReader, Fetched } from '../../../src/integration/cache/billingCacheTypes';
import { invoiceOfTransaction, loadTimeline } from '../../../src/panel/activity';

const invoice = (n: number): InvoiceSummary => ({
  id: `24680130000000${String(79000 + n)}`, number: `INV-${String(n).padStart(6, '0')}`, status: 'paid', date: `2025-${String((n % 12) + 1).padStart(2, '0')}-05`,
  dueDate: null, total: 100 + n, balance: 0, currencyCode: 'USD', customerId: 'c1', referenceNumber: null, transactionType: 'renewal',
});
/** The customer's invoices, newest first: 120 of them, so the first page of 50 misses the older ones. */
const INVOICES = Array.from({ length: 120 }, (_, i) => invoice(120 - i));
const recent = INVOICES[3]!;
const older = INVOICES[90]!;

const txn = (id: string, referenceId: string, type = 'invoice'): Transaction => ({
  id, type, date: '2025-03-05', amount: 107, status: 'paid', referenceId, currencyCode: 'USD',
});

/** Billing as the timeline reads it, counting every read by its call and arguments. */
function readerWith(transactions: Transaction[]) {
  const reads: string[] = [];
  const page = <T>(items: T[], hasMore = false): Page<T> => ({ items, page: 1, hasMore });
  const answer = (call: string, args: unknown[]): unknown => {
    if (call === 'listTransactions') return page(transactions);
    if (call === 'listSubscriptions') return page([]);
    if (call === 'getCustomer') return { id: 'c1', currencyCode: 'USD' };
    if (call === 'listInvoices') {
      const query = args[0] as InvoiceListQuery;
      const size = query.perPage ?? 50;
      return page(INVOICES.slice(0, size), INVOICES.length > size);
    }
    throw new Error(`unexpected read ${call}`);
  };
  const reader: BillingReader = {
    organizationId: 'org',
    read: async (call, ...args) => {
      reads.push(`${call} ${JSON.stringify(args)}`);
      return { value: answer(call, args), ageMs: 0, fetchedAt: 0, error: null } as Fetched<never>;
    },
  };
  return { reader, reads };
}

const known = (invoices: InvoiceSummary[]) => ({
  byId: new Map(invoices.map((i) => [i.id, i])),
  byNumber: new Map(invoices.map((i) => [i.number, i])),
});

describe('which invoice an invoice transaction names', () => {
  const k = known([recent]);
  it.each([
    ['reference_id is the invoice id', txn('2468013000000099001', recent.id)],
    ['reference_id is the invoice number', txn('2468013000000099002', recent.number)],
    ['transaction_id is the invoice id (reference_id something else)', txn(recent.id, '2468013000000055555')],
    ['transaction_id is the invoice id, no reference at all', txn(recent.id, '')],
  ])('%s: named by its number, opened by its id', (_, t) => {
    expect(invoiceOfTransaction(t, k)).toEqual({ number: recent.number, id: recent.id });
  });

  it('a number the known invoices do not hold is still the number (not an id, and nothing to open)', () => {
    expect(invoiceOfTransaction(txn('2468013000000099003', 'INV-009999'), k)).toEqual({ number: 'INV-009999', id: null });
  });

  it('an unknown internal id is never shown as a number', () => {
    expect(invoiceOfTransaction(txn('2468013000000099004', '2468013000000011111'), k)).toEqual({ number: null, id: '2468013000000011111' });
  });
});

describe('Activity rows over every transaction shape', () => {
  const invoiceRows = async (transactions: Transaction[]) => {
    const world = readerWith(transactions);
    const { events } = await loadTimeline(world.reader, 'c1');
    return { rows: events.filter((e) => e.kind === 'invoice').map((e) => [e.invoiceNumber, e.opens]), reads: world.reads };
  };

  it('on the first invoice page: every shape named, no read beyond the first screen\'s', async () => {
    const { rows, reads } = await invoiceRows([
      txn('2468013000000099011', recent.id),
      txn('2468013000000099012', INVOICES[4]!.number),
      txn(INVOICES[5]!.id, '2468013000000055555'),
    ]);
    expect(rows).toEqual([
      [recent.number, { kind: 'invoice', id: recent.id }],
      [INVOICES[4]!.number, { kind: 'invoice', id: INVOICES[4]!.id }],
      [INVOICES[5]!.number, { kind: 'invoice', id: INVOICES[5]!.id }],
    ]);
    expect(reads.filter((r) => r.startsWith('listInvoices'))).toEqual([`listInvoices [{"customerId":"c1","page":1}]`]);
  });

  it('past the first page: one read of a larger page names them all, however many rows', async () => {
    const shapes = [
      txn('2468013000000099021', older.id),
      txn(INVOICES[95]!.id, '2468013000000055555'),
      txn('2468013000000099023', INVOICES[100]!.id),
      txn('2468013000000099024', INVOICES[101]!.id),
    ];
    const { rows, reads } = await invoiceRows(shapes);
    expect(rows.map(([number]) => number)).toEqual([older.number, INVOICES[95]!.number, INVOICES[100]!.number, INVOICES[101]!.number]);
    expect(rows.every(([, opens]) => opens !== null)).toBe(true);
    expect(reads.filter((r) => r.startsWith('listInvoices'))).toEqual([
      `listInvoices [{"customerId":"c1","page":1}]`,
      `listInvoices [{"customerId":"c1","page":1,"perPage":200}]`,
    ]);
  });

  it('a number in reference_id needs no lookup, even past the first page', async () => {
    const { rows, reads } = await invoiceRows([txn('2468013000000099031', older.number)]);
    expect(rows).toEqual([[older.number, null]]);
    expect(reads.filter((r) => r.startsWith('listInvoices'))).toHaveLength(1);
  });

  it('payments and credits never cause the lookup', async () => {
    const { reads } = await invoiceRows([txn('2468013000000099041', older.id, 'payment'), txn('2468013000000099042', older.id, 'credit')]);
    expect(reads.filter((r) => r.startsWith('listInvoices'))).toHaveLength(1);
  });
});
