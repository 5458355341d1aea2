import type { BillingErrorKind } from '../billing/errors';
import type { HostErrorKind } from '../host/types';
import type { I18n } from '../i18n/i18n';

const KEYS: Record<BillingErrorKind | HostErrorKind, string> = {
  'not-authorised': 'notAuthorised',
  'not-in-context': 'notInContext',
  storage: 'storage',
  malformed: 'malformed',
  network: 'network',
  rejected: 'rejected',
  forbidden: 'forbidden',
  'not-found': 'notFound',
  'rate-limited': 'rateLimited',
  server: 'server',
  'not-configured': 'notConfigured',
  'over-cap': 'overCap',
};

/** Plain-language reason for a failure; technical messages stay out of the sentence (they are English). */
export function reasonText(i18n: I18n, kind: BillingErrorKind | HostErrorKind): string {
  return i18n.t(`settings.reasons.${KEYS[kind] ?? 'rejected'}`);
}
