/**
 * Reports every `securitypolicyviolation` of the widget page to the diagnostics (observations.ts).
 * Our meta CSP is a guess at what Zoho's SDK needs (its source cannot be read); a violation on a
 * live portal is the evidence that shows an admin, and us, which source the policy is missing.
 * Only the directive and origins are kept: a blocked URL's path or query could carry ids.
 */
import { recordCspViolation } from './observations';

/** The origin of a URL, or the CSP keyword the browser puts in blockedURI ("inline", "eval" …). */
export function originOnly(value: string): string {
  const text = value.trim();
  if (text === '') return '';
  if (/^[a-z-]+$/i.test(text)) return text;
  try {
    const url = new URL(text);
    return url.origin === 'null' ? `${url.protocol.replace(/:$/, '')}` : url.origin;
  } catch {
    return text.replace(/[?#].*$/, '').slice(0, 80);
  }
}

export interface ViolationLike {
  effectiveDirective?: string;
  violatedDirective?: string;
  blockedURI?: string;
  sourceFile?: string;
  disposition?: string;
}

export function describeViolation(event: ViolationLike): Parameters<typeof recordCspViolation>[0] {
  return {
    directive: event.effectiveDirective || event.violatedDirective || 'unknown',
    blocked: originOnly(event.blockedURI ?? '') || 'unknown',
    source: originOnly(event.sourceFile ?? ''),
    disposition: event.disposition ?? 'enforce',
  };
}

const watched = new WeakSet<EventTarget>();

/** Starts listening once per page; safe to call from every entry. */
export function watchCspViolations(target: EventTarget | undefined = typeof document === 'undefined' ? undefined : document): void {
  if (!target || watched.has(target)) return;
  watched.add(target);
  // Violations from before this module ran (Zoho's SDK loads first), kept by app/csp-early.js.
  const holder = typeof window === 'undefined' ? undefined : (window as Window & { __zbdEarlyCsp?: ViolationLike[] | null });
  const early = holder?.__zbdEarlyCsp;
  if (holder && Array.isArray(early)) {
    holder.__zbdEarlyCsp = null;
    for (const v of early) recordCspViolation(describeViolation(v));
  }
  target.addEventListener('securitypolicyviolation', (event) => {
    recordCspViolation(describeViolation(event as unknown as ViolationLike));
  });
}
