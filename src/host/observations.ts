/**
 * What this widget has seen of the platform since it loaded, kept for the diagnostics (SPEC E2):
 * the App object's shape, SDK event registrations and arrivals, Content-Security-Policy violations,
 * and the shape of binary answers (responseType 'blob' has never been seen in public code,
 * desk-sdk.md §11). Only shapes, names and counts are kept, never values: a report built from this
 * can be sent to support without customer data.
 *
 * Each widget frame mirrors its own record into the tab's sessionStorage under its own key, so the
 * settings page can show what the ticket panel saw in the same tab (frames never write one key together).
 */
import type { AppShape } from './entities';
import type { DataCenter, DataCenterSource } from './types';

export interface CspViolation {
  /** effectiveDirective (or violatedDirective), e.g. "style-src-elem". */
  directive: string;
  /** Origin of what was blocked, or the CSP keyword ("inline", "eval", "data", "blob"). */
  blocked: string;
  /** Origin of the script or page that caused it, when the browser tells. */
  source: string;
  disposition: string;
  count: number;
}

/** How a binary (PDF) answer arrived: which wrapper and which JS type, plus the declared MIME type. */
export interface BinaryShape {
  shape: string;
  mimeType: string | null;
  bytes: number | null;
  /** Whether the PDF decoder could use it. */
  usable: boolean;
  at: number;
}

export interface StartFacts {
  location: string;
  locale: string;
  dataCenter: DataCenter;
  dataCenterSource: DataCenterSource;
  /** dcType exactly as Desk sent it (a region code, never customer data), or null. */
  dcType: string | null;
  appearance: string;
  /** userPreferences.appearance as sent, or null. */
  appearanceSetting: string | null;
  app: AppShape;
}

export interface Observations {
  widget: string;
  loadedAt: number;
  start: StartFacts | null;
  /** SDK event names this widget registered with App.instance.on. */
  registered: string[];
  /** Whether App.instance (or the global fallback) existed to register on. */
  eventsAvailable: boolean | null;
  /** Arrivals per SDK event name. */
  events: Record<string, number>;
  csp: CspViolation[];
  binary: BinaryShape | null;
  /** Billing values shown without words of their own ("status:in_review"): enum names, not customer data. */
  unknownWords: string[];
}

const STORAGE_PREFIX = 'zbd.observed.';
/** A page flooding violations must not grow the record without end: distinct entries are capped. */
const MAX_CSP_ENTRIES = 50;

function blank(widget: string): Observations {
  return {
    widget,
    loadedAt: Date.now(),
    start: null,
    registered: [],
    eventsAvailable: null,
    events: {},
    csp: [],
    binary: null,
    unknownWords: [],
  };
}

let current: Observations = blank('widget');
const listeners = new Set<() => void>();

function session(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

function changed(): void {
  try {
    session()?.setItem(STORAGE_PREFIX + current.widget, JSON.stringify(current));
  } catch {
    // Full or blocked storage: the in-memory record still serves this widget's diagnostics.
  }
  for (const listener of [...listeners]) listener();
}

/** This widget's record (the live object: read, do not change). */
export function observed(): Observations {
  return current;
}

/** Called when something new is recorded (the diagnostics panel re-renders its counts). */
export function onObserved(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Records of every widget frame of this tab (this one first), from sessionStorage. */
export function observedInTab(): Observations[] {
  const all: Observations[] = [current];
  const store = session();
  if (!store) return all;
  for (let i = 0; i < store.length; i += 1) {
    const key = store.key(i);
    if (!key?.startsWith(STORAGE_PREFIX) || key === STORAGE_PREFIX + current.widget) continue;
    try {
      const parsed = JSON.parse(store.getItem(key) ?? '') as unknown;
      if (typeof parsed === 'object' && parsed !== null && 'widget' in parsed && 'events' in parsed) all.push(parsed as Observations);
    } catch {
      // Another build's record or a damaged one: left out.
    }
  }
  return all;
}

export function recordStart(facts: StartFacts): void {
  // The widget is named after its location, so each frame keeps its own sessionStorage key.
  const name = facts.location || 'widget';
  if (current.widget !== name) current = { ...current, widget: name };
  current.start = facts;
  changed();
}

export function recordRegistration(sdkName: string, available: boolean): void {
  current.eventsAvailable = available;
  if (available && !current.registered.includes(sdkName)) current.registered.push(sdkName);
  changed();
}

export function recordEvent(sdkName: string): void {
  current.events[sdkName] = (current.events[sdkName] ?? 0) + 1;
  changed();
}

export function recordCspViolation(violation: Omit<CspViolation, 'count'>): void {
  const same = current.csp.find(
    (v) => v.directive === violation.directive && v.blocked === violation.blocked && v.source === violation.source,
  );
  if (same) same.count += 1;
  else if (current.csp.length < MAX_CSP_ENTRIES) current.csp.push({ ...violation, count: 1 });
  changed();
}

export function recordBinaryShape(shape: Omit<BinaryShape, 'at'>): void {
  current.binary = { ...shape, at: Date.now() };
  changed();
}

/** A Billing value the catalogs have no words for; kept short and to name characters (it names an enum). */
export function recordUnknownWord(kind: string, value: string): void {
  const entry = `${kind}:${value.slice(0, 40).replace(/[^\w .-]/g, '?')}`;
  if (current.unknownWords.includes(entry) || current.unknownWords.length >= MAX_CSP_ENTRIES) return;
  current.unknownWords.push(entry);
  changed();
}

/** Tests: a fresh record (and nothing left in the tab from an earlier test). */
export function resetObservations(widget = 'widget'): void {
  const store = session();
  if (store) {
    for (let i = store.length - 1; i >= 0; i -= 1) {
      const key = store.key(i);
      if (key?.startsWith(STORAGE_PREFIX)) store.removeItem(key);
    }
  }
  current = blank(widget);
  for (const listener of [...listeners]) listener();
}
