/**
 * "Latest answer wins" for any async work, as one hook (SPEC B13): a slow answer for deps the screen
 * already left is dropped, and so is one from a run a retry or refresh replaced.
 *
 *   const r = useLatest(async (reason, previous) => work(), [deps], { keep: false });
 *   r.status: 'loading' (r.value: previous value or null) | 'ready' (r.value, r.refreshing) | 'error' (r.error)
 *   r.retry()    runs again, showing loading (the previous value stays in r.value)
 *   r.refresh()  runs again quietly: 'ready' stays on screen (refreshing: true) until the answer
 *   r.set(v)     shows v now (a confirmed write) and drops any run in progress
 *
 * `run` null: nothing runs (the state stays). `keep`: on new deps, keep the previous value while loading.
 * Billing reads use src/panel/useBilling.ts, which is built on this.
 */
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

export type Latest<T> =
  | { status: 'loading'; value: T | null }
  | { status: 'ready'; value: T; refreshing: boolean }
  | { status: 'error'; error: unknown; value: null };

export type RunReason = 'load' | 'retry' | 'refresh';

export interface LatestControls<T> {
  retry(): void;
  refresh(): void;
  set(value: T): void;
}

/**
 * A number that moves when the caller's deps change (compared as React compares them), so the run's
 * effect can list it: a spread of the caller's deps could not be checked by the hooks lint.
 */
function useDepsVersion(deps: DependencyList): number {
  const seen = useRef({ deps, version: 0 });
  const before = seen.current.deps;
  if (before.length !== deps.length || before.some((d, i) => !Object.is(d, deps[i]))) {
    seen.current = { deps, version: seen.current.version + 1 };
  }
  return seen.current.version;
}

export function useLatest<T>(
  run: ((reason: RunReason, previous: T | null) => Promise<T>) | null,
  deps: DependencyList,
  options: { keep?: boolean } = {},
): Latest<T> & LatestControls<T> {
  const [state, setState] = useState<Latest<T>>({ status: 'loading', value: null });
  const [tick, setTick] = useState(0);
  const reason = useRef<RunReason>('load');
  const generation = useRef(0);
  const stateRef = useRef(state);
  stateRef.current = state;
  const runRef = useRef(run);
  runRef.current = run;
  const keep = options.keep ?? false;
  const enabled = run !== null;
  const depsVersion = useDepsVersion(deps);

  useEffect(() => {
    const fn = runRef.current;
    const why = reason.current;
    reason.current = 'load';
    if (!fn) return;
    const mine = ++generation.current;
    const before = stateRef.current;
    const previous = before.value;
    const shown = why === 'load' && !keep ? null : previous;
    if (why === 'refresh' && before.status === 'ready') setState({ ...before, refreshing: true });
    else if (before.status !== 'loading' || before.value !== shown) setState({ status: 'loading', value: shown });
    fn(why, previous).then(
      (value) => {
        if (generation.current === mine) setState({ status: 'ready', value, refreshing: false });
      },
      (error: unknown) => {
        if (generation.current === mine) setState({ status: 'error', error, value: null });
      },
    );
    return () => {
      // New deps, a retry, or unmounted: whatever this run answers later belongs to nobody.
      if (generation.current === mine) generation.current += 1;
    };
  }, [depsVersion, tick, enabled, keep]);

  const again = useCallback((why: RunReason) => {
    // A retry outranks a refresh asked for in the same moment.
    if (reason.current !== 'retry') reason.current = why;
    setTick((n) => n + 1);
  }, []);
  const retry = useCallback(() => again('retry'), [again]);
  const refresh = useCallback(() => again('refresh'), [again]);
  const set = useCallback((value: T) => {
    generation.current += 1;
    setState({ status: 'ready', value, refreshing: false });
  }, []);
  return { ...state, retry, refresh, set };
}
