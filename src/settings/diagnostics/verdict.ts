import type { I18n } from '../../i18n/i18n';
import { reasonText } from '../reasons';
import type { CheckResult } from './checks';

/** A check's one-line verdict in the admin's language (a failed Billing call in the admins' failure words). */
export function verdictText(i18n: I18n, r: CheckResult): string {
  const params = r.reason ? { ...r.params, reason: reasonText(i18n, r.reason) } : r.params;
  return i18n.t(`settings.diagnostics.result.${r.key}`, params);
}
