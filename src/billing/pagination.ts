/**
 * Billing pages lists (page/per_page, `page_context.has_more_page`, no total count — billing-api.md §3.2).
 * Every extra page costs a call from an org-wide budget of about 100 per minute (C3), so nothing here
 * ever fetches a page the caller did not ask for.
 */
import type { Page } from './types';

/** Billing's documented default and the value Zoho's own tools use; treated as the maximum. */
export const MAX_PER_PAGE = 200;

export function emptyPage<T>(page = 1): Page<T> {
  return { items: [], page, hasMore: false };
}

/** A 1-based page number from a caller; anything else means the first page. */
export function pageNumber(page: number | undefined): number {
  return page !== undefined && Number.isInteger(page) && page >= 1 ? page : 1;
}

export function perPage(value: number | undefined, fallback: number): number {
  if (value === undefined || !Number.isInteger(value) || value < 1) return fallback;
  return Math.min(value, MAX_PER_PAGE);
}

export interface LoadedPages<T> {
  items: T[];
  pagesLoaded: number;
  /** Billing said there is more after the last page loaded. */
  hasMore: boolean;
}

/**
 * Loads pages 1, 2, … one after another while Billing says there is more, and never more than
 * `maxPages` of them. Errors propagate: a half-loaded list must not pass for a whole one.
 */
export async function loadPages<T>(
  fetchPage: (page: number) => Promise<Page<T>>,
  maxPages: number,
): Promise<LoadedPages<T>> {
  const items: T[] = [];
  let pagesLoaded = 0;
  let hasMore = true;
  const limit = Math.max(0, Math.floor(maxPages));
  while (hasMore && pagesLoaded < limit) {
    const page = await fetchPage(pagesLoaded + 1);
    pagesLoaded += 1;
    items.push(...page.items);
    hasMore = page.hasMore;
  }
  // With maxPages 0 nothing is known, so more may exist.
  return { items, pagesLoaded, hasMore };
}
