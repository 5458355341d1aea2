import { describe, expect, it } from 'vitest';
import { createBillingClient } from '../../../src/billing/billingClient';
import { loadPages, pageNumber, perPage } from '../../../src/billing/pagination';
import type { Page } from '../../../src/billing/types';
import { fakeRequest, ok } from './fakeRequest';
import { fixtures } from './fixtures';

function pages(total: number) {
  const asked: number[] = [];
  const fetchPage = async (page: number): Promise<Page<string>> => {
    asked.push(page);
    return { items: [`row-${page}`], page, hasMore: page < total };
  };
  return { asked, fetchPage };
}

describe('loadPages', () => {
  it('stops when Billing says there is no more', async () => {
    const p = pages(2);
    const loaded = await loadPages(p.fetchPage, 10);
    expect(p.asked).toEqual([1, 2]);
    expect(loaded).toEqual({ items: ['row-1', 'row-2'], pagesLoaded: 2, hasMore: false });
  });

  it('never loads more pages than asked, and says more exist', async () => {
    const p = pages(50);
    const loaded = await loadPages(p.fetchPage, 3);
    expect(p.asked).toEqual([1, 2, 3]);
    expect(loaded.hasMore).toBe(true);
    expect(loaded.items).toHaveLength(3);
  });

  it('loads nothing when asked for no pages', async () => {
    const p = pages(5);
    expect((await loadPages(p.fetchPage, 0)).pagesLoaded).toBe(0);
    expect(p.asked).toEqual([]);
  });

  it('lets an error through instead of passing half a list for a whole one', async () => {
    const fetchPage = async (page: number): Promise<Page<string>> => {
      if (page === 2) throw new Error('rate limited');
      return { items: ['x'], page, hasMore: true };
    };
    await expect(loadPages(fetchPage, 5)).rejects.toThrow('rate limited');
  });

  it('normalises page numbers and sizes', () => {
    expect(pageNumber(undefined)).toBe(1);
    expect(pageNumber(0)).toBe(1);
    expect(pageNumber(2.5)).toBe(1);
    expect(pageNumber(4)).toBe(4);
    expect(perPage(undefined, 50)).toBe(50);
    expect(perPage(1000, 50)).toBe(200);
    expect(perPage(-1, 50)).toBe(50);
    expect(perPage(25, 50)).toBe(25);
  });
});

describe('client pages', () => {
  it('follows page_context through the real client, one request per page', async () => {
    let served = 0;
    const fake = fakeRequest().on('GET /subscriptions', () => {
      served += 1;
      const body = fixtures.subscriptionsList();
      const row = (body.subscriptions as Record<string, unknown>[])[0];
      body.subscriptions = [{ ...row, subscription_id: `S${served}` }];
      body.page_context = { page: served, per_page: 1, has_more_page: served < 3 };
      return ok(body);
    });
    const api = createBillingClient({ request: fake.request, dataCenter: 'US', organizationId: '1' });
    const loaded = await loadPages((page) => api.listSubscriptions('C1', page), 10);
    expect(loaded.items.map((s) => s.id)).toEqual(['S1', 'S2', 'S3']);
    expect(fake.calls.map((c) => c.parsed.searchParams.get('page'))).toEqual(['1', '2', '3']);
  });

  it('treats a missing page_context as the last page', async () => {
    const body = fixtures.invoicesList();
    delete body.page_context;
    const fake = fakeRequest().on('GET /invoices', ok(body));
    const api = createBillingClient({ request: fake.request, dataCenter: 'US', organizationId: '1' });
    const loaded = await loadPages((page) => api.listInvoices({ customerId: 'C1', page }), 10);
    expect(loaded).toMatchObject({ pagesLoaded: 1, hasMore: false });
    expect(fake.calls).toHaveLength(1);
  });
});
