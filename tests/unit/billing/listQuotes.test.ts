import { describe, expect, it } from 'vitest';
import { createBillingClient } from '../../../src/billing/billingClient';
import { BillingError } from '../../../src/billing/errors';
import { createBillingCache } from '../../../src/integration/cache/billingCache';
import { fakeRequest, ok, type FakeRequest } from './fakeRequest';

const ORG = '60012345678';

function client(fake: FakeRequest, dropped?: (r: string, n: number) => void) {
  return createBillingClient({
    request: fake.request,
    dataCenter: 'US',
    organizationId: ORG,
    ...(dropped ? { onDroppedRows: dropped } : {}),
  });
}

const row = (id: string | number, customer: unknown, extra: Record<string, unknown> = {}) => ({
  estimate_id: id,
  estimate_number: `QT-${id}`,
  customer_id: customer,
  customer_name: 'Someone',
  status: 'draft',
  date: '2026-11-27',
  currency_code: 'USD',
  total: 120.5,
  reference_number: 'DESK-104233',
  created_time: '2026-11-27T10:00:00+0000',
  ...extra,
});

describe('listQuotes', () => {
  it('reads GET /estimates newest first and keeps only the rows of the customer', async () => {
    const fake = fakeRequest().on(
      'GET /estimates',
      ok({
        code: 0,
        message: 'success',
        estimates: [row('1', '900'), row('2', '901'), row(3, 900), row('4', null), row('5', '  ')],
        page_context: { page: 1, per_page: 200, has_more_page: true },
      }),
    );
    const page = await client(fake).listQuotes!({ customerId: '900' });
    expect(page.items.map((q) => q.id)).toEqual(['1', '3']);
    expect(page.items[0]).toEqual({
      id: '1',
      number: 'QT-1',
      status: 'draft',
      date: '2026-11-27',
      total: 120.5,
      currencyCode: 'USD',
      referenceNumber: 'DESK-104233',
    });
    expect(page).toMatchObject({ page: 1, hasMore: true });
    const call = fake.calls[0]!;
    expect(fake.calls).toHaveLength(1);
    expect(call.parsed.searchParams.get('sort_column')).toBe('created_time');
    expect(call.parsed.searchParams.get('sort_order')).toBe('D');
    expect(call.parsed.searchParams.get('filter_by')).toBe('Status.All');
    expect(call.parsed.searchParams.get('page')).toBe('1');
  });

  it('asks for the requested page and reads hasMore from page_context', async () => {
    const fake = fakeRequest().on('GET /estimates', ok({ code: 0, estimates: [], page_context: { page: 2, has_more_page: false } }));
    const page = await client(fake).listQuotes!({ customerId: '900', page: 2 });
    expect(fake.calls[0]!.parsed.searchParams.get('page')).toBe('2');
    expect(page).toEqual({ items: [], page: 2, hasMore: false });
  });

  it('tolerates the estimate_date / number variants and drops rows without an id', async () => {
    const dropped: Array<[string, number]> = [];
    const fake = fakeRequest().on(
      'GET /estimates',
      ok({
        code: 0,
        estimates: [
          { estimate_id: '7', number: 'QT-7', estimate_date: '2026-11-20', customer_id: '900', status: 'Sent', total: '10' },
          { customer_id: '900', estimate_number: 'QT-?' },
        ],
      }),
    );
    const page = await client(fake, (r, n) => dropped.push([r, n])).listQuotes!({ customerId: '900' });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ id: '7', number: 'QT-7', date: '2026-11-20', status: 'sent' });
    expect(dropped).toEqual([['estimates', 1]]);
  });

  it('a body without an estimates list is malformed', async () => {
    const fake = fakeRequest().on('GET /estimates', ok({ code: 0, message: 'success' }));
    await expect(client(fake).listQuotes!({ customerId: '900' })).rejects.toBeInstanceOf(BillingError);
    await expect(client(fake).listQuotes!({ customerId: '900' })).rejects.toMatchObject({ kind: 'malformed' });
  });

  it('the panel cache passes it straight through, uncached', async () => {
    const fake = fakeRequest().on('GET /estimates', ok({ code: 0, estimates: [row('1', '900')] }));
    const cache = createBillingCache(client(fake), { organizationId: ORG });
    expect(typeof cache.api.listQuotes).toBe('function');
    await cache.api.listQuotes!({ customerId: '900' });
    const second = await cache.api.listQuotes!({ customerId: '900' });
    expect(second.items.map((q) => q.id)).toEqual(['1']);
    expect(fake.calls).toHaveLength(2);
  });
});
