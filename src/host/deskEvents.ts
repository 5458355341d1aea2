/**
 * Desk events for DeskHost.on: each SDK event name is registered once, however many subscribers, and
 * fanned out to them so one subscriber's failure cannot stop the others (registrations and arrivals are
 * recorded for the diagnostics, observations.ts). Also the browser's colour
 * scheme, which decides the appearance when Desk's preference is 'auto'.
 */
import type { ZohoDeskInstance } from './sdkTypes';
import { recordEvent, recordRegistration } from './observations';
import type { HostEvent } from './types';

/**
 * SDK event names for the add-ticket form's contact/account changes that have been verified on a
 * live portal. Empty on purpose: no name is confirmed yet (desk-sdk.md §1.4); the form is re-read instead.
 */
export const VERIFIED_FORM_EVENT_NAMES: readonly string[] = [];

export const SDK_EVENT_NAMES: Record<HostEvent, readonly string[]> = {
  ticketChanged: ['ticket_Shift'],
  preferencesChanged: ['user_preference.changed'],
  pageChanged: ['pageChange'],
  replyEditorOpened: ['ticket_replyEditor.opened'],
  formChanged: VERIFIED_FORM_EVENT_NAMES,
};

export function prefersDark(): boolean | null {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return null;
  try {
    return window.matchMedia('(prefers-color-scheme: dark)').matches;
  } catch {
    return null;
  }
}

export function watchColorScheme(onChange: () => void): void {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return;
  try {
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    if (typeof query.addEventListener === 'function') query.addEventListener('change', onChange);
  } catch {
    // No media queries (old or headless browser): 'auto' stays as first read.
  }
}

export interface EventHub {
  on(event: HostEvent, handler: (payload: unknown) => void): () => void;
  /** Registers the SDK names of an event before anyone subscribes (so its side effects run anyway). */
  listen(event: HostEvent): void;
  /** Delivers a payload to the event's subscribers as if the SDK had sent it. */
  emit(event: HostEvent, payload: unknown): void;
}

/** `beforeFanOut` runs for every SDK event before subscribers hear it (the adapter updates its context there). */
export function createEventHub(
  instance: ZohoDeskInstance | null,
  beforeFanOut: (event: HostEvent, payload: unknown) => void,
): EventHub {
  const subscribers = new Map<HostEvent, Set<(payload: unknown) => void>>();
  const registered = new Set<string>();
  const emit = (event: HostEvent, payload: unknown): void => {
    for (const handler of [...(subscribers.get(event) ?? [])]) {
      try {
        handler(payload);
      } catch {
        // One subscriber's failure must not stop the others.
      }
    }
  };
  const register = (sdkName: string, event: HostEvent): void => {
    if (registered.has(sdkName)) return;
    if (!instance) {
      recordRegistration(sdkName, false);
      return;
    }
    registered.add(sdkName);
    try {
      instance.on(sdkName, (payload: unknown) => {
        recordEvent(sdkName);
        beforeFanOut(event, payload);
        emit(event, payload);
      });
      recordRegistration(sdkName, true);
    } catch {
      registered.delete(sdkName);
      recordRegistration(sdkName, false);
    }
  };
  const listen = (event: HostEvent): void => {
    for (const name of SDK_EVENT_NAMES[event]) register(name, event);
  };
  const on = (event: HostEvent, handler: (payload: unknown) => void): (() => void) => {
    let set = subscribers.get(event);
    if (!set) {
      set = new Set();
      subscribers.set(event, set);
    }
    // Wrapped so subscribing the same function twice yields two independent subscriptions.
    const entry = (payload: unknown): void => handler(payload);
    set.add(entry);
    listen(event);
    return () => {
      subscribers.get(event)?.delete(entry);
    };
  };
  return { on, listen, emit };
}
