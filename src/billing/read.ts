/**
 * A small declarative reader for outside data, in place of a schema library (issue 12: zod was 12 KB
 * gzip of the panel's first script and was only used as a mapping language; issue 19: zod 4's zod/mini
 * would still add 4.4–6.3 KB, README "Page weight").
 *
 * Two kinds of reader share one result type:
 *  - `record(fields, build)` — tolerant, for Billing answers: every field is a coercion that never fails
 *    (a bad value becomes null/""), `build` maps the coerced row to the model and may `refuse()` it
 *    (a row without its identity id). Only a non-object or a refused row fails.
 *  - `shape({...})` with `str`, `nonEmpty`, `oneOf`, `bool`, `count`, `nullable`, `listOf` — strict, for
 *    records this app wrote itself (Desk storage): anything off is refused, unknown keys are dropped.
 */
import { isRecord, type UnknownRecord } from '../host/guards';

export interface ReadIssue {
  path: (string | number)[];
  message: string;
}

export type ReadResult<T> = { success: true; data: T } | { success: false; error: ReadError };

export class ReadError extends Error {
  constructor(readonly issues: ReadIssue[]) {
    super(issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; '));
    this.name = 'ReadError';
  }
}

export interface Schema<T> {
  safeParse(value: unknown): ReadResult<T>;
  /** The value, or throws ReadError. */
  parse(value: unknown): T;
}

/** Thrown inside a reader to refuse the value; `safeParse` turns it into a failure, nothing else is caught. */
class Refusal {
  constructor(readonly issues: ReadIssue[]) {}
}

export function refuse(message: string): never {
  throw new Refusal([{ path: [], message }]);
}

/** A schema from a read function that returns the value or calls `refuse`. */
export function reader<T>(read: (value: unknown) => T): Schema<T> {
  const safeParse = (value: unknown): ReadResult<T> => {
    try {
      return { success: true, data: read(value) };
    } catch (e) {
      if (e instanceof Refusal) return { success: false, error: new ReadError(e.issues) };
      throw e;
    }
  };
  return {
    safeParse,
    parse(value) {
      const r = safeParse(value);
      if (r.success) return r.data;
      throw r.error;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Tolerant records (Billing answers)

/** A field coercion: takes the raw value (undefined when the key is missing) and never fails. */
export type Field<T> = (value: unknown) => T;
export type Fields = Record<string, Field<unknown>>;
/** The coerced row of a field list. */
export type Row<F extends Fields> = { [K in keyof F]: ReturnType<F[K]> };

/**
 * An object read field by field, then mapped by `build` (which also gets the raw object for keys read
 * in more than one spelling). A non-object is refused.
 */
export function record<F extends Fields, T>(fields: F, build: (row: Row<F>, raw: UnknownRecord) => T): Schema<T> {
  const keys = Object.keys(fields);
  return reader((value) => {
    if (!isRecord(value)) refuse('not an object');
    const row: UnknownRecord = {};
    for (const key of keys) row[key] = fields[key]!(value[key]);
    return build(row as Row<F>, value);
  });
}

/** Any value as it is (for keys `build` reads itself). */
export const asIs: Field<unknown> = (value) => value;

/** A nested object that is read on its own: a broken one becomes null instead of breaking its parent. */
export function nested<T>(schema: Schema<T>): Field<T | null> {
  return (value) => {
    const r = schema.safeParse(value);
    return r.success ? r.data : null;
  };
}

export interface ParsedRows<T> {
  items: T[];
  /** Rows that were not objects or had no identity id. */
  dropped: number;
}

/** Reads each row on its own so one bad row never loses the rest. A non-array gives no rows. */
export function parseRows<T>(value: unknown, row: Schema<T>): ParsedRows<T> {
  if (!Array.isArray(value)) return { items: [], dropped: 0 };
  const items: T[] = [];
  let dropped = 0;
  for (const item of value) {
    const r = row.safeParse(item);
    if (r.success) items.push(r.data);
    else dropped += 1;
  }
  return { items, dropped };
}

/** A nested list whose rows are read one by one (bad rows dropped). */
export function rows<T>(schema: Schema<T>): Field<T[]> {
  return (value) => parseRows(value, schema).items;
}

// ---------------------------------------------------------------------------------------------
// Strict shapes (records the app stored itself)

/** A strict check: returns the value, or records what is wrong at `path` (the return is then unused). */
export type Check<T> = (value: unknown, path: (string | number)[], issues: ReadIssue[]) => T;

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'nan';
  return typeof value;
}

function expected<T>(what: string, value: unknown, path: (string | number)[], issues: ReadIssue[]): T {
  issues.push({ path, message: `Expected ${what}, received ${typeName(value)}` });
  return undefined as T;
}

export const str: Check<string> = (v, path, issues) => (typeof v === 'string' ? v : expected('string', v, path, issues));

export const nonEmpty: Check<string> = (v, path, issues) => {
  if (typeof v !== 'string') return expected('string', v, path, issues);
  if (v === '') issues.push({ path, message: 'must not be empty' });
  return v;
};

export const bool: Check<boolean> = (v, path, issues) => (typeof v === 'boolean' ? v : expected('boolean', v, path, issues));

/** A whole number ≥ 0. */
export const count: Check<number> = (v, path, issues) =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : expected('a whole number ≥ 0', v, path, issues);

export function oneOf<const V extends readonly string[]>(values: V): Check<V[number]> {
  return (v, path, issues) =>
    typeof v === 'string' && values.includes(v) ? v : expected(values.map((s) => `'${s}'`).join(' | '), v, path, issues);
}

export function nullable<T>(check: Check<T>): Check<T | null> {
  return (v, path, issues) => (v === null ? null : check(v, path, issues));
}

export function listOf<T>(check: Check<T>): Check<T[]> {
  return (v, path, issues) => (Array.isArray(v) ? v.map((item, i) => check(item, [...path, i], issues)) : expected('array', v, path, issues));
}

export type Checked<S extends Record<string, Check<unknown>>> = { [K in keyof S]: ReturnType<S[K]> };

/** An object with exactly these keys checked; other keys are dropped from the result. */
export function shape<S extends Record<string, Check<unknown>>>(fields: S): Check<Checked<S>> {
  return (v, path, issues) => {
    if (!isRecord(v)) return expected('object', v, path, issues);
    const out: UnknownRecord = {};
    for (const key of Object.keys(fields)) out[key] = fields[key]!(v[key], [...path, key], issues);
    return out as Checked<S>;
  };
}

/** A schema from a strict check: every issue found is reported, none is let through. */
export function strict<T>(check: Check<T>): Schema<T> {
  return reader((value) => {
    const issues: ReadIssue[] = [];
    const data = check(value, [], issues);
    if (issues.length > 0) throw new Refusal(issues);
    return data;
  });
}
