/**
 * Value coercions for Billing's wire values (billing-api.md §11): each takes anything and never throws;
 * a value that fails its check becomes null (or "" for text). The schemas are built from these.
 */

/**
 * Ids are decimal strings; a few are typed int64 in the SPEC. A 19-digit number has already lost precision
 * at JSON.parse — nothing can recover it, but it still becomes a string so every id has one type.
 */
export function toId(v: unknown): string | null {
  if (typeof v === 'string') {
    const s = v.trim();
    return s === '' ? null : s;
  }
  if (typeof v === 'number' && Number.isFinite(v)) {
    // String() switches to exponent notation from 1e21 on; BigInt keeps all digits.
    return Number.isInteger(v) && Math.abs(v) >= 1e21 ? BigInt(v).toString() : String(v);
  }
  if (typeof v === 'bigint') return v.toString();
  return null;
}

export function toText(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return String(v);
  return '';
}

/** Text, or null when absent or blank (for fields where "not given" differs from "empty"). */
export function toOptText(v: unknown): string | null {
  const s = toText(v);
  return s === '' ? null : s;
}

const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Money and other quantities: numbers or numeric strings ("20.50"); anything else (NaN, "abc", "") is null. */
export function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') {
    const s = v.trim();
    if (!NUMERIC.test(s)) return null;
    const n = Number(s);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

export function toCurrency(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const s = v.trim();
  return /^[A-Za-z]{3}$/.test(s) ? s.toUpperCase() : null;
}

export function toStatus(v: unknown): string {
  return toText(v).toLowerCase();
}

export function toBool(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (s === 'true') return true;
    if (s === 'false') return false;
  }
  return null;
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** "YYYY-MM-DD" of a real calendar day, else null ("" means "not set" on the wire). */
export function toDate(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const s = v.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  return isRealDate(Number(m[1]), Number(m[2]), Number(m[3])) ? s : null;
}

const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Billing sends "2025-03-05T00:04:51-0800" (no colon in the offset), which not every parser accepts.
 * Normalised to "2025-03-05T00:04:51-08:00". An instant without an offset is ambiguous, hence null.
 */
export function toDateTime(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const m = DATETIME.exec(v.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, sec, frac, zone] = m;
  if (!isRealDate(Number(y), Number(mo), Number(d))) return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(sec ?? '0') > 59) return null;
  let offset = zone ?? 'Z';
  if (offset !== 'Z') {
    const digits = offset.replace(':', '');
    if (Number(digits.slice(1, 3)) > 14 || Number(digits.slice(3, 5)) > 59) return null;
    offset = `${digits.slice(0, 3)}:${digits.slice(3, 5)}`;
  }
  const fraction = frac ? `.${frac.slice(0, 3)}` : '';
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${sec ?? '00'}${fraction}${offset}`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

