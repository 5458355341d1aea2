import { useCallback, useEffect, useRef, useState } from 'react';
import { toBillingError, type BillingError } from '../billing/errors';
import type { Fetched } from '../integration/billingCache';

export type LoadState<T> =
  | { status: 'loading'; value: T | null }
  | { status: 'ready'; value: T; ageMs: number; staleError: BillingError | null }
  | { status: 'error'; error: BillingError; value: null };

/**
 * Runs `load` whenever `key` changes (or on retry) and keeps only the answer of the latest run:
 * a slow answer for a context the agent already left is dropped (SPEC B13).
 * `load` may return a cache Fetched (age + fallback error are kept) or a plain value.
 */
export function useLoad<T>(key: string | null, load: () => Promise<Fetched<T> | T>, isFetched = true): LoadState<T> & { retry: () => void } {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading', value: null });
  const [attempt, setAttempt] = useState(0);
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    if (key === null) return;
    const mine = ++generation.current;
    setState((previous) => ({ status: 'loading', value: previous.status === 'ready' && attempt > 0 ? previous.value : null }));
    loadRef.current().then(
      (answer) => {
        if (generation.current !== mine) return;
        if (isFetched) {
          const f = answer as Fetched<T>;
          setState({ status: 'ready', value: f.value, ageMs: f.ageMs, staleError: f.error });
        } else {
          setState({ status: 'ready', value: answer as T, ageMs: 0, staleError: null });
        }
      },
      (e: unknown) => {
        if (generation.current !== mine) return;
        setState({ status: 'error', error: toBillingError(e), value: null });
      },
    );
    return () => {
      // Unmounted or superseded: whatever arrives later belongs to nobody.
      if (generation.current === mine) generation.current += 1;
    };
  }, [key, attempt, isFetched]);

  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  return { ...state, retry };
}
