/**
 * Following the add-ticket form while the agent types (SPEC B7, B13). No change event for the form
 * is confirmed (desk-sdk.md §1.4), so the form is re-read — but every read is an SDK call, and a panel
 * nobody looks at must not keep calling. So:
 *  - reads happen only while the panel is visible (the tab is visible and the widget frame is on screen);
 *  - the pause doubles each time nothing changed (3 s → 30 s) and drops back to 3 s after a change;
 *  - after MAX_MISSES failed reads in a row polling stops; focus, becoming visible again, a
 *    formChanged event or the panel's Refresh start it again.
 */
import type { DeskHost, HostResult, TicketFormValues } from './types';
import { HOST } from './timeWindows';

export const MAX_MISSES = 5;

export const EMPTY_FORM: TicketFormValues = { contactId: null, accountId: null, email: null, contactName: null, accountName: null };

export interface Visibility {
  visible(): boolean;
  /** Calls back when visibility may have changed; returns the unsubscribe. */
  watch(onChange: () => void): () => void;
}

export interface FormPollerOptions {
  read: () => Promise<HostResult<TicketFormValues>>;
  onValues: (values: TicketFormValues) => void;
  visibility: Visibility;
  /** Other reasons to read at once (focus, formChanged); each returns its unsubscribe. */
  wakeUps?: ((wake: () => void) => () => void)[];
  firstDelayMs?: number;
  maxDelayMs?: number;
  maxMisses?: number;
}

export interface FormPoller {
  stop(): void;
  /** For diagnostics and tests: the next pause, and whether polling gave up. */
  state(): { delayMs: number; misses: number; stopped: boolean; reads: number };
}

function same(a: TicketFormValues | null, b: TicketFormValues): boolean {
  return a !== null && (Object.keys(b) as (keyof TicketFormValues)[]).every((k) => a[k] === b[k]);
}

export function pollTicketForm(options: FormPollerOptions): FormPoller {
  const first = options.firstDelayMs ?? HOST.formPollMs;
  const max = options.maxDelayMs ?? HOST.formPollMaxMs;
  const maxMisses = options.maxMisses ?? MAX_MISSES;
  let last: TicketFormValues | null = null;
  let delay = first;
  let misses = 0;
  let reads = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let reading = false;
  let again = false;
  let ended = false;

  const gaveUp = () => misses >= maxMisses;

  const schedule = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (ended || gaveUp() || !options.visibility.visible()) return;
    timer = setTimeout(() => void read(), delay);
  };

  const read = async (): Promise<void> => {
    if (ended) return;
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    clearTimeout(timer);
    let result: HostResult<TicketFormValues>;
    try {
      reads += 1;
      result = await options.read();
    } catch (e) {
      result = { ok: false, error: { kind: 'rejected', message: String(e) } };
    }
    reading = false;
    if (ended) return;
    if (result.ok) {
      misses = 0;
      if (same(last, result.value)) delay = Math.min(max, delay * 2);
      else {
        last = result.value;
        delay = first;
        options.onValues(result.value);
      }
    } else {
      misses += 1;
      delay = Math.min(max, delay * 2);
      // An unreadable form counts as an empty one: the panel waits for input instead of spinning.
      if (last === null) {
        last = EMPTY_FORM;
        options.onValues(EMPTY_FORM);
      }
    }
    if (again) {
      again = false;
      void read();
      return;
    }
    schedule();
  };

  /** Something happened that may have changed the form: read now, and poll briskly again. */
  const wake = (): void => {
    if (ended || !options.visibility.visible()) {
      schedule();
      return;
    }
    misses = 0;
    delay = first;
    void read();
  };

  const unsubscribe = [options.visibility.watch(wake), ...(options.wakeUps ?? []).map((w) => w(wake))];
  void read();

  return {
    stop() {
      ended = true;
      clearTimeout(timer);
      for (const off of unsubscribe) off();
    },
    state: () => ({ delayMs: delay, misses, stopped: gaveUp(), reads }),
  };
}

/** Visible = the tab is visible and (where the browser can tell) the widget's frame is on screen. */
export function documentVisibility(doc: Document | undefined = typeof document === 'undefined' ? undefined : document): Visibility {
  let onScreen = true;
  return {
    visible: () => (doc ? doc.visibilityState !== 'hidden' : true) && onScreen,
    watch(onChange) {
      if (!doc) return () => undefined;
      doc.addEventListener('visibilitychange', onChange);
      let observer: IntersectionObserver | undefined;
      const view = doc.defaultView;
      if (view && typeof view.IntersectionObserver === 'function') {
        // A collapsed Desk side panel hides the frame without hiding the tab.
        observer = new view.IntersectionObserver((entries) => {
          const entry = entries[entries.length - 1];
          if (!entry || entry.isIntersecting === onScreen) return;
          onScreen = entry.isIntersecting;
          onChange();
        });
        observer.observe(doc.documentElement);
      }
      return () => {
        doc.removeEventListener('visibilitychange', onChange);
        observer?.disconnect();
      };
    },
  };
}

/** The panel's form watch: the host's reader, its formChanged event, window focus and visibility. */
export function watchTicketForm(host: DeskHost, onValues: (values: TicketFormValues) => void): () => void {
  const poller = pollTicketForm({
    read: () => host.ticketForm(),
    onValues,
    visibility: documentVisibility(),
    wakeUps: [
      (wake) => host.on('formChanged', wake),
      (wake) => {
        if (typeof window === 'undefined') return () => undefined;
        window.addEventListener('focus', wake);
        return () => window.removeEventListener('focus', wake);
      },
    ],
  });
  return () => poller.stop();
}
