import { useEffect, useRef } from 'react';

/** If the pointer is never released inside this window (dragged out of the frame), look anyway. */
const RELEASE_WAIT_MS = 2000;

/**
 * Calls `onFocus` when the widget's window gets the focus back (the agent returns from another tab or
 * clicks into the frame), but never in the middle of a click. The first mousedown inside Desk's iframe is
 * what focuses it; a re-check that re-renders then could take the button away before its mouseup and the
 * click would be lost (SPEC A1). So when a pointer is down, the call waits until after that click.
 */
export function useWindowFocus(onFocus: () => void, enabled = true): void {
  const callback = useRef(onFocus);
  callback.current = onFocus;
  useEffect(() => {
    if (!enabled) return;
    let pointerDown = false;
    let cancelWait: (() => void) | null = null;
    const down = () => {
      pointerDown = true;
    };
    const up = () => {
      pointerDown = false;
    };
    const waitForRelease = () => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const stop = () => {
        window.removeEventListener('pointerup', released, true);
        window.removeEventListener('pointercancel', released, true);
        clearTimeout(timer);
        cancelWait = null;
      };
      const run = () => {
        stop();
        callback.current();
      };
      // After pointerup the browser still dispatches the click; the next task runs after it.
      const released = () => {
        clearTimeout(timer);
        timer = setTimeout(run, 0);
      };
      window.addEventListener('pointerup', released, true);
      window.addEventListener('pointercancel', released, true);
      timer = setTimeout(run, RELEASE_WAIT_MS);
      cancelWait = stop;
    };
    const focus = () => {
      if (!pointerDown) callback.current();
      else if (!cancelWait) waitForRelease();
    };
    window.addEventListener('pointerdown', down, true);
    window.addEventListener('pointerup', up, true);
    window.addEventListener('pointercancel', up, true);
    window.addEventListener('focus', focus);
    return () => {
      window.removeEventListener('pointerdown', down, true);
      window.removeEventListener('pointerup', up, true);
      window.removeEventListener('pointercancel', up, true);
      window.removeEventListener('focus', focus);
      cancelWait?.();
    };
  }, [enabled]);
}
