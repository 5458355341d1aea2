import { useCallback, useEffect, useRef, useState } from 'react';
import { toBillingError, type BillingError } from '../billing/errors';
import type { Page } from '../billing/types';
import type { Fetched } from '../integration/billingCache';

export interface PagedList<T> {
  items: T[];
  status: 'loading' | 'ready' | 'error' | 'loading-more';
  error: BillingError | null;
  staleError: BillingError | null;
  ageMs: number;
  hasMore: boolean;
  loadMore: () => void;
  retry: () => void;
}

/**
 * Page-by-page list ("Load more", or scrolling near the end) that drops answers of a superseded key
 * (SPEC B13). Loaded rows stay in memory; the DOM only holds what InvoiceRows windows in.
 */
export function usePagedList<T extends { id: string }>(key: string, fetchPage: (page: number) => Promise<Fetched<Page<T>>>): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [page, setPage] = useState(0);
  const [hasMore, setHasMore] = useState(false);
  const [status, setStatus] = useState<PagedList<T>['status']>('loading');
  const [error, setError] = useState<BillingError | null>(null);
  const [stale, setStale] = useState<{ ageMs: number; error: BillingError | null }>({ ageMs: 0, error: null });
  const [attempt, setAttempt] = useState(0);
  const generation = useRef(0);
  // Scrolling fires loadMore many times per page: only one page may be on its way at once.
  const busy = useRef(false);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const run = useCallback((pageNo: number, append: boolean) => {
    const mine = generation.current;
    busy.current = true;
    setStatus(append ? 'loading-more' : 'loading');
    setError(null);
    fetchRef.current(pageNo).then(
      (answer) => {
        if (generation.current !== mine) return;
        busy.current = false;
        // Pages may overlap (a first small page, then larger ones): each row once.
        setItems((previous) => {
          if (!append) return answer.value.items;
          const seen = new Set(previous.map((item) => item.id));
          return [...previous, ...answer.value.items.filter((item) => !seen.has(item.id))];
        });
        setPage(pageNo);
        setHasMore(answer.value.hasMore);
        setStale({ ageMs: answer.ageMs, error: answer.error });
        setStatus('ready');
      },
      (e: unknown) => {
        if (generation.current !== mine) return;
        busy.current = false;
        setError(toBillingError(e));
        setStatus('error');
      },
    );
  }, []);

  useEffect(() => {
    generation.current += 1;
    busy.current = false;
    setItems([]);
    setPage(0);
    run(1, false);
    return () => {
      generation.current += 1;
    };
  }, [key, attempt, run]);

  const loadMore = useCallback(() => {
    if (!busy.current && status === 'ready' && hasMore) run(page + 1, true);
  }, [status, hasMore, page, run]);
  return {
    items,
    status,
    error,
    staleError: stale.error,
    ageMs: stale.ageMs,
    hasMore,
    loadMore,
    retry: () => {
      if (page > 0 && items.length > 0) run(page + 1, true);
      else setAttempt((a) => a + 1);
    },
  };
}
