/**
 * The two value checks every layer needs, in the lowest layer so each has exactly one home: what counts
 * as a plain object, and which links may leave the widget (SPEC C5: absolute https only).
 */

export type UnknownRecord = Record<string, unknown>;

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The link when it is an absolute https URL (normalised by the URL parser), else null: javascript:,
 * data:, http:, protocol-relative "//host", relative paths, blanks and non-strings are all refused.
 */
export function httpsUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
