import type { BillingError, BillingErrorKind } from '../billing/errors';
import type { I18n } from '../i18n/i18n';

/** HTTP statuses that mean "no answer in time" (a gateway or Billing gave up waiting), whatever kind they were filed under. */
const TIMED_OUT = new Set([408, 504]);

/**
 * When Billing said to come back: the cache's cool-down end when it set one (the same instant for every
 * read, and for a re-created widget), else fixed when the error first reached the panel.
 */
export function retryInstant(error: BillingError, receivedAt: number): number | null {
  if (error.kind !== 'rate-limited') return null;
  if (error.retryAt !== undefined) return error.retryAt;
  return error.retryAfterMs !== undefined ? receivedAt + error.retryAfterMs : null;
}

function waitText(i18n: I18n, ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds <= 90
    ? i18n.t('common.wait.seconds', { seconds: i18n.number(seconds) })
    : i18n.t('common.wait.minutes', { minutes: i18n.number(Math.ceil(seconds / 60)) });
}

/**
 * The agents' failure words (errors.agent in the catalogs): one dictionary for every place an agent sees a
 * failed Billing call, reads and writes alike. Typed by kind: a kind without words fails the type check.
 */
export function agentReason(i18n: I18n, kind: BillingErrorKind): string {
  return i18n.t(`errors.agent.${kind}`);
}

/**
 * The sentence an agent reads for a failed Billing call (SPEC B12): a timeout says it timed out, and a 429
 * says when to try again when Billing sent Retry-After ("Try again at 14:03:20 (in 30 s)").
 */
export function errorWords(i18n: I18n, error: BillingError, retryAt: number | null, now: number): string {
  if (error.status !== undefined && TIMED_OUT.has(error.status)) return i18n.t('errors.agent.timeout');
  if (retryAt !== null) {
    return retryAt > now
      ? i18n.t('errors.agent.rateLimitedUntil', { time: i18n.time(retryAt), wait: waitText(i18n, retryAt - now) })
      : i18n.t('errors.agent.rateLimitedOver');
  }
  return agentReason(i18n, error.kind);
}
