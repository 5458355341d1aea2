import { useI18n } from './i18nContext';

type Tone = 'ok' | 'warn' | 'danger' | 'muted' | 'info';

/** Known Billing statuses get a translation and a colour; anything else is shown as it came, as text. */
const TONES: Record<string, Tone> = {
  active: 'ok',
  live: 'ok',
  paid: 'ok',
  trial: 'info',
  future: 'info',
  sent: 'info',
  draft: 'muted',
  inactive: 'muted',
  cancelled: 'muted',
  expired: 'muted',
  void: 'muted',
  non_renewing: 'warn',
  unpaid: 'warn',
  partially_paid: 'warn',
  pending: 'warn',
  overdue: 'danger',
  dunning: 'danger',
  unpaid_subscription: 'danger',
  creation_failed: 'danger',
  failed: 'danger',
  success: 'ok',
  viewed: 'info',
  written_off: 'muted',
  paused: 'warn',
  cancelled_from_dunning: 'muted',
  accepted: 'ok',
  declined: 'danger',
  invoiced: 'ok',
};

export function StatusBadge({ status }: { status: string }) {
  const i18n = useI18n();
  const key = status.trim().toLowerCase().replace(/[\s-]+/g, '_');
  const known = Object.prototype.hasOwnProperty.call(TONES, key);
  const label = known ? i18n.t(`common.status.${key}`) : status;
  const tone = known ? TONES[key] : 'muted';
  if (!status) return null;
  return <span className={`badge badge-${tone}`}>{label}</span>;
}
