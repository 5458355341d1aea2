import { toBillingError, type BillingError } from '../../billing/errors';
import type { I18n } from '../../i18n/i18n';
import { agentReason } from '../errorWords';

/**
 * A write failure in plain words, plus Billing's own message as plain text when it sent one
 * (e.g. "Please enter a valid email"): the agent needs both to fix the input.
 */
export function errorText(i18n: I18n, e: unknown): { reason: string; detail: string | null } {
  const error: BillingError = toBillingError(e);
  const reason = agentReason(i18n, error.kind);
  const detail = error.detail?.trim() || null;
  return { reason, detail };
}
