import type { KeysUnder } from '../i18n/i18n';
import { useI18n } from './i18nContext';
import { reportUnknownWord } from './unknownWords';

type Tone = 'ok' | 'warn' | 'danger' | 'muted' | 'info';

/** Known Billing statuses get a translation and a colour; anything else is humanised ("in_review" → "In review"). */
type KnownStatus = KeysUnder<'common.status'>;

/** Every status with words (the catalog's common.status) has a tone, and the other way round (type-checked). */
const TONES: Record<KnownStatus, Tone> = {
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
  trial_expired: 'muted',
  in_progress: 'info',
  open: 'info',
  closed: 'muted',
  failure: 'danger',
  refunded: 'muted',
  partially_refunded: 'warn',
};

/** Billing's own spelling made readable: "trial_expired" → "Trial expired". Plain text only. */
export function humanise(status: string): string {
  const words = status.trim().replace(/[_\s]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

export function statusKey(status: string): string {
  return status.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** The words for a status in the agent's language (also used where a status sits inside a sentence). */
export function useStatusText(): (status: string) => string {
  const i18n = useI18n();
  return (status) => {
    const key = statusKey(status);
    if (isKnown(key)) return i18n.t(`common.status.${key}`);
    reportUnknownWord('status', key);
    // English can show Billing's own spelling; any other language says so in its words (no English in ja).
    return i18n.language === 'en' ? humanise(status) : i18n.t('common.unknownStatus');
  };
}

function isKnown(key: string): key is KnownStatus {
  return Object.prototype.hasOwnProperty.call(TONES, key);
}

function toneOf(status: string): Tone | undefined {
  const key = statusKey(status);
  return isKnown(key) ? TONES[key] : undefined;
}

export function StatusBadge({ status }: { status: string }) {
  const text = useStatusText();
  const tone = toneOf(status) ?? 'muted';
  if (!status.trim()) return null;
  return <span className={`badge badge-${tone}`}>{text(status)}</span>;
}
