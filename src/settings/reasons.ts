import type { BillingErrorKind } from '../billing/errors';
import type { HostErrorKind } from '../host/types';
import type { I18n } from '../i18n/i18n';

/**
 * Plain-language reason for a failure, for an admin (errors.admin in the catalogs: the one dictionary of
 * every settings and diagnostics page); technical messages stay out of the sentence (they are English).
 * Typed by kind: a Billing or Desk failure kind without words fails the type check.
 */
export function reasonText(i18n: I18n, kind: BillingErrorKind | HostErrorKind): string {
  return i18n.t(`errors.admin.${kind}`);
}
