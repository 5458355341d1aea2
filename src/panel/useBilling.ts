/**
 * The panel's one way to read Billing data. Every hook reads through the panel's cache, keeps only the
 * latest answer (SPEC B13), shows the last good answer with its age when a refresh fails (B14), and
 * reads again by itself when the cache drops or renews what it showed (a write, Refresh, a background
 * refresh) — no remounting, no hand-written keys: the cache key comes from the call and its arguments.
 *
 *   useBillingRead(call, ...args)              one read, e.g. useBillingRead('getCustomer', id);
 *                                              call null: nothing is read (e.g. no query typed yet)
 *   useBillingQuery((billing) => work, deps)   several reads combined (resolveCustomer, the timeline):
 *                                              `billing.read` is tracked, so the query follows every key it read
 *   useBillingPages(call, (page) => args)      page-by-page list: items, hasMore, loadMore, retry
 *
 * Read<T>: { status: 'loading', value: T | null } | { status: 'ready', value, ageMs, staleError, refreshing }
 *        | { status: 'error', error: BillingError }, plus retry(). A retry (the agent's click) supersedes
 * every call in flight: it never joins a request still hanging (see billingRequests.ts).
 * Work that is not a Billing read uses useLatest (src/ui/useLatest.ts).
 */
import { useCallback, useEffect, useRef, type DependencyList } from 'react';
import { toBillingError, type BillingError } from '../billing/errors';
import type { BillingApi, Page } from '../billing/types';
import type { BillingReader, Fetched, ReadCall, ReadResult } from '../integration/cache/billingCache';
import { isSuperseded } from '../integration/cache/billingRequests';
import { useLatest, type RunReason } from '../ui/useLatest';
import { usePanelEnv } from './panelEnv';

export type LoadState<T> =
  | { status: 'loading'; value: T | null }
  | { status: 'ready'; value: T; ageMs: number; staleError: BillingError | null; refreshing?: boolean }
  | { status: 'error'; error: BillingError; value: null };

export type Read<T> = LoadState<T> & { retry: () => void };

interface Answer<T> {
  value: T;
  ageMs: number;
  staleError: BillingError | null;
}

/** Reads superseded while queued are read again, in the new epoch; more than this means something is wrong. */
const MAX_SUPERSEDED = 3;

/**
 * The engine of the hooks below: runs `work` with a reader that records the keys it reads, and reads
 * again when the cache drops one of them (`invalidated`) or another reader keeps a newer answer (`stored`).
 */
function useTrackedRun<T>(
  work: ((billing: BillingReader, reason: RunReason, previous: T | null) => Promise<Answer<T>>) | null,
  deps: DependencyList,
  follow: { stored: boolean },
) {
  const { billing } = usePanelEnv();
  const watched = useRef<ReadonlySet<string>>(new Set());
  const running = useRef(false);
  /**
   * The run was asked for by a 'stored' event: its own stale-while-revalidate read must not start another
   * (with a freshness window of 0 that would never end).
   */
  const followedStored = useRef(false);
  const followingNow = useRef(false);
  const latest = useLatest<Answer<T>>(
    work &&
      (async (reason, previous) => {
        for (let superseded = 0; ; superseded += 1) {
          const keys = new Set<string>();
          const reader: BillingReader = {
            organizationId: billing.organizationId,
            read: (call, ...args) => {
              keys.add(billing.keyOf(call, ...args));
              return billing.read(call, ...args);
            },
          };
          running.current = true;
          followedStored.current = followingNow.current;
          followingNow.current = false;
          // New deps start over; a retry or refresh (a next page too) adds to what the screen shows.
          const follow = () => {
            watched.current = reason === 'load' ? keys : new Set([...watched.current, ...keys]);
          };
          try {
            const answer = await work(reader, reason, previous?.value ?? null);
            follow();
            return answer;
          } catch (e) {
            follow();
            if (isSuperseded(e) && superseded < MAX_SUPERSEDED) continue;
            const error = toBillingError(e);
            // Re-reading what a write or Refresh dropped failed for now: keep showing what we had, marked (B14).
            if (reason === 'refresh' && previous && error.transient) return { ...previous, staleError: error };
            throw error;
          } finally {
            running.current = false;
          }
        }
      }),
    [billing, ...deps],
  );
  const { refresh } = latest;
  useEffect(
    () =>
      billing.subscribe((event) => {
        const hit =
          event.type === 'invalidated'
            ? [...watched.current].some((key) => event.keys.has(key))
            : follow.stored && !running.current && !followedStored.current && watched.current.has(event.key);
        if (!hit) return;
        followingNow.current = event.type === 'stored';
        refresh();
      }),
    [billing, refresh, follow.stored],
  );
  const { retry: retryLatest } = latest;
  const retry = useCallback(() => {
    // The agent's click: calls still hanging from before must not answer it (issue: Retry joins a hung call).
    billing.supersede();
    retryLatest();
  }, [billing, retryLatest]);
  return { latest, retry };
}

function toRead<T>(latest: ReturnType<typeof useTrackedRun<T>>['latest'], retry: () => void): Read<T> {
  if (latest.status === 'ready') {
    const { value, ageMs, staleError } = latest.value;
    return { status: 'ready', value, ageMs, staleError, refreshing: latest.refreshing, retry };
  }
  if (latest.status === 'error') return { status: 'error', error: toBillingError(latest.error), value: null, retry };
  return { status: 'loading', value: latest.value?.value ?? null, retry };
}

/** Several reads combined; age and fallback error are those of the oldest answer it used. */
export function useBillingQuery<T>(work: ((billing: BillingReader) => Promise<T>) | null, deps: DependencyList): Read<T> {
  const { latest, retry } = useTrackedRun<T>(
    work &&
      (async (billing) => {
        const answers: Array<Fetched<unknown>> = [];
        const tracking: BillingReader = {
          organizationId: billing.organizationId,
          read: async (call, ...args) => {
            const fetched = await billing.read(call, ...args);
            answers.push(fetched);
            return fetched;
          },
        };
        const value = await work(tracking);
        const oldest = answers.reduce<Fetched<unknown> | null>((a, b) => (a && a.ageMs >= b.ageMs ? a : b), null);
        return { value, ageMs: oldest?.ageMs ?? 0, staleError: answers.find((a) => a.error)?.error ?? null };
      }),
    deps,
    { stored: true },
  );
  return toRead(latest, retry);
}

/** One cached Billing read. */
export function useBillingRead<K extends ReadCall>(call: K | null, ...args: Parameters<BillingApi[K]>): Read<ReadResult<K>> {
  const { billing } = usePanelEnv();
  const key = call === null ? null : billing.keyOf(call, ...args);
  return useBillingQuery<ReadResult<K>>(call === null ? null : async (reader) => {
    const fetched: Fetched<ReadResult<K>> = await reader.read(call, ...args);
    return fetched.value;
  }, [key]);
}

type PagedCall = { [K in ReadCall]: ReadResult<K> extends Page<unknown> ? K : never }[ReadCall];
type ItemOf<K extends PagedCall> = ReadResult<K> extends Page<infer T> ? T : never;

export interface Pages<T> {
  items: T[];
  status: 'loading' | 'ready' | 'error' | 'loading-more';
  error: BillingError | null;
  staleError: BillingError | null;
  ageMs: number;
  hasMore: boolean;
  loadMore: () => void;
  retry: () => void;
}

interface Loaded<T> {
  items: T[];
  page: number;
  hasMore: boolean;
  /** The next page could not be read; the rows so far stay. */
  moreError: BillingError | null;
}

/**
 * Page-by-page list ("Load more", or scrolling near the end). The list is the one of `argsFor(1)`; when the
 * cache drops any page of it, it reads from page 1 again and the new rows replace the old when they arrive.
 */
export function useBillingPages<K extends PagedCall>(call: K, argsFor: (page: number) => Parameters<BillingApi[K]>): Pages<ItemOf<K>> {
  type T = ItemOf<K> & { id: string };
  const { billing } = usePanelEnv();
  const identity = billing.keyOf(call, ...argsFor(1));
  const argsRef = useRef(argsFor);
  argsRef.current = argsFor;
  /** Set by loadMore (and a retry after a failed page): the next run appends a page instead of starting over. */
  const more = useRef(false);
  /** A page is on its way: scrolling calls loadMore many times per page, one may go out. */
  const busy = useRef(false);
  const appending = useRef(false);
  const { latest, retry: retryAll } = useTrackedRun<Loaded<T>>(
    async (reader, reason, previous) => {
      const append = more.current && reason !== 'load' && previous !== null;
      busy.current = true;
      appending.current = append;
      const pageNo = append ? previous.page + 1 : 1;
      try {
        const fetched = await reader.read(call, ...argsRef.current(pageNo));
        more.current = false;
        const page = fetched.value as unknown as Page<T>;
        // Pages may overlap (a first small page, then larger ones): each row once.
        const seen = new Set(append ? previous.items.map((item) => item.id) : []);
        const items = append ? [...previous.items, ...page.items.filter((item) => !seen.has(item.id))] : page.items;
        return { value: { items, page: pageNo, hasMore: page.hasMore, moreError: null }, ageMs: fetched.ageMs, staleError: fetched.error };
      } catch (e) {
        // Superseded while queued: the same page is asked for again.
        if (isSuperseded(e)) throw e;
        more.current = false;
        if (!append) throw e;
        return { value: { ...previous, moreError: toBillingError(e) }, ageMs: 0, staleError: null };
      } finally {
        busy.current = false;
        appending.current = false;
      }
    },
    [identity],
    { stored: false },
  );
  const loaded = latest.status === 'ready' ? latest.value.value : null;
  const { refresh } = latest;
  const loadMore = useCallback(() => {
    if (busy.current || !loaded || !loaded.hasMore || loaded.moreError) return;
    busy.current = true;
    more.current = true;
    refresh();
  }, [loaded, refresh]);
  const retry = () => {
    if (!loaded?.moreError) return retryAll();
    billing.supersede();
    more.current = true;
    refresh();
  };
  const answer = latest.status === 'ready' ? latest.value : null;
  let status: Pages<T>['status'] = 'loading';
  if (latest.status === 'error' || loaded?.moreError) status = 'error';
  else if (latest.status === 'ready') status = latest.refreshing && appending.current ? 'loading-more' : 'ready';
  return {
    items: loaded?.items ?? [],
    status,
    error: latest.status === 'error' ? toBillingError(latest.error) : (loaded?.moreError ?? null),
    staleError: answer?.staleError ?? null,
    ageMs: answer?.ageMs ?? 0,
    hasMore: loaded?.hasMore ?? false,
    loadMore,
    retry,
  };
}
