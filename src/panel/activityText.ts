/**
 * Billing's recent-activity API gives a sentence, not a type ("Invoice created - INV-000241", "Payment of
 * $107.00 received"). The kinds it writes are recognised here so the panel can say them in the agent's
 * language from the facts inside (number, amount, date); anything else is kept as Billing wrote it.
 */

export type ActivityKind =
  | 'invoice'
  | 'payment'
  | 'paymentDeclined'
  | 'created'
  | 'activated'
  | 'trialStarted'
  | 'renewed'
  | 'cancelScheduled'
  | 'cancelled'
  | 'cancelledDunning'
  | 'expired'
  | 'paused'
  | 'resumed'
  | 'markedUnpaid'
  | 'creationFailed'
  | 'scheduledStart'
  | 'note'
  | 'other';

export interface ReadActivity {
  kind: ActivityKind;
  invoiceNumber: string | null;
  /** The amount in the sentence, in the subscription's currency (the caller knows which). */
  amount: number | null;
  /** "YYYY-MM-DD" named in the sentence. */
  onDate: string | null;
}

type Capture = 'number' | 'amount' | 'date' | null;

const SEP = String.raw`\s*[-–—:]\s*`;
const PATTERNS: Array<[RegExp, ActivityKind, Capture]> = [
  [new RegExp(String.raw`^invoice (?:created|generated|raised)(?:${SEP}|\s+)(?:for\s+)?(\S+)\s*$`, 'i'), 'invoice', 'number'],
  [/^payment of (.+?) (?:was )?received\b/i, 'payment', 'amount'],
  [/^payment of (.+?) (?:was )?(?:declined|failed)\b/i, 'paymentDeclined', 'amount'],
  [/^subscription created\s*$/i, 'created', null],
  [/^subscription activated\s*$/i, 'activated', null],
  [new RegExp(String.raw`^trial started(?:${SEP}ends on (.+?))?\s*$`, 'i'), 'trialStarted', 'date'],
  [/^subscription renewed\s*$/i, 'renewed', null],
  [/^subscription (?:marked|scheduled) to be cancell?ed(?: on (.+?))?\s*$/i, 'cancelScheduled', 'date'],
  [/^subscription cancell?ed after (?:failed payment|dunning)/i, 'cancelledDunning', null],
  [/^subscription cancell?ed\s*$/i, 'cancelled', null],
  [/^subscription expired\s*$/i, 'expired', null],
  [new RegExp(String.raw`^subscription paused(?:${SEP}resumes on (.+?))?\s*$`, 'i'), 'paused', 'date'],
  [/^subscription resumed\s*$/i, 'resumed', null],
  [/^subscription marked as unpaid\b/i, 'markedUnpaid', null],
  [/^subscription creation failed\b/i, 'creationFailed', null],
  [/^subscription scheduled to start on (.+?)\s*$/i, 'scheduledStart', 'date'],
  [/^note added\b/i, 'note', null],
];

/** "$1,234.50", "¥75,000", "€1.234,50", "1 234,50 EUR" → the number; null when it cannot be read for sure. */
export function amountIn(text: string): number | null {
  const m = /\d[\d.,\u00a0\u202f ']*/.exec(text);
  if (!m) return null;
  let digits = m[0].replace(/[\u00a0\u202f ']/g, '').replace(/[.,]$/, '');
  const negative = /-\s*\D{0,4}$/.test(text.slice(0, m.index));
  const lastComma = digits.lastIndexOf(',');
  const lastDot = digits.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    digits = digits.split(decimal === ',' ? '.' : ',').join('').replace(',', '.');
  } else if (lastComma >= 0) {
    // One comma before exactly two digits is a decimal comma; otherwise commas group thousands.
    digits = /^\d+,\d{2}$/.test(digits) ? digits.replace(',', '.') : digits.split(',').join('');
  } else if ((digits.match(/\./g) ?? []).length > 1) {
    digits = digits.split('.').join('');
  }
  if (!/^\d+(\.\d+)?$/.test(digits)) return null;
  const n = Number(digits);
  return Number.isFinite(n) ? (negative ? -n : n) : null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "2026-12-01", "01 Dec 2026", "Dec 1, 2026" → "2026-12-01"; anything else null (the sentence still shows it). */
export function dateIn(text: string): string | null {
  const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const dmy = /(\d{1,2})[\s-]([A-Za-z]{3})[A-Za-z]*[\s-,]+(\d{4})/.exec(text);
  const mdy = /([A-Za-z]{3})[A-Za-z]*\s+(\d{1,2}),?\s+(\d{4})/.exec(text);
  const [day, month, year] = dmy ? [dmy[1], dmy[2], dmy[3]] : mdy ? [mdy[2], mdy[1], mdy[3]] : [];
  const mi = month ? MONTHS.indexOf(month.toLowerCase()) : -1;
  if (mi < 0 || !day || !year || Number(day) < 1 || Number(day) > 31) return null;
  return `${year}-${String(mi + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** A bare 15+ digit value is one of Billing's internal ids, never a number to show an agent. */
export function isInternalId(value: string): boolean {
  return /^\d{15,}$/.test(value.trim());
}

export function readActivity(description: string): ReadActivity {
  const text = description.trim();
  for (const [pattern, kind, capture] of PATTERNS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const value = m[1] ?? '';
    return {
      kind,
      invoiceNumber: capture === 'number' && value && !isInternalId(value) ? value : null,
      amount: capture === 'amount' ? amountIn(value) : null,
      onDate: capture === 'date' && value ? dateIn(value) : null,
    };
  }
  return { kind: 'other', invoiceNumber: null, amount: null, onDate: null };
}
