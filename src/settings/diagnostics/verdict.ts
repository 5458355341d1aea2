import type { I18n } from '../../i18n/i18n';
import { reasonText } from '../reasons';
import type { CheckResult } from './checks';

/** A check's one-line verdict in the admin's language (a failed Billing call in the admins' failure words). */
export function verdictText(i18n: I18n, r: CheckResult): string {
  const params = {
    ...r.params,
    ...(r.reason ? { reason: reasonText(i18n, r.reason) } : {}),
    ...(r.step ? { step: i18n.t(`settings.diagnostics.step.${r.step}`) } : {}),
  };
  return i18n.t(`settings.diagnostics.result.${r.key}`, params);
}
