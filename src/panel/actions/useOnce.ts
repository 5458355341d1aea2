import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Runs one task at a time. The ref is set synchronously, so a double click (two events before React
 * re-renders the disabled button) still starts only one task; `busy` drives the disabled state.
 */
export function useOnce(): { busy: boolean; run: (task: () => Promise<void>) => Promise<void> } {
  const running = useRef(false);
  const mounted = useRef(true);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = useCallback(async (task: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      await task();
    } finally {
      running.current = false;
      if (mounted.current) setBusy(false);
    }
  }, []);
  return { busy, run };
}
