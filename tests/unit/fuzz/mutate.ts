/**
 * Arbitraries that damage recorded-shape answers the way a real proxy, a new Billing release or a
 * hostile record could: missing fields, nulls, wrong types, numbers as strings, huge strings, unknown
 * enum values, deep nesting, unicode/RTL and XSS text, prototype keys.
 *
 * Seed and run count come from the environment so CI is reproducible (fixed seed, ~200 runs) and
 * `scripts/fuzz.mjs` can run the same properties 10,000+ times with a printed random seed.
 */
import fc from 'fast-check';
import { XSS_STRINGS } from '../../fixtures/xss';

export const FUZZ_SEED = Number.isInteger(Number(process.env.FUZZ_SEED)) && process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20261127;
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS) > 0 ? Number(process.env.FUZZ_RUNS) : 200;

/** Called at the top of every fuzz file (fast-check's global config is per module instance). */
export function configureFuzz(): void {
  fc.configureGlobal({ seed: FUZZ_SEED, numRuns: FUZZ_RUNS, endOnFailure: true });
}

/** A per-test timeout that grows with the run count (10,000 runs through the schemas take a while). */
export const FUZZ_TIMEOUT_MS = Math.max(30_000, FUZZ_RUNS * 20);

type Path = (string | number)[];

/** Every path to a value inside `root`, the root itself included (bounded, so deep inputs stay cheap). */
export function pathsOf(root: unknown, limit = 2_000): Path[] {
  const out: Path[] = [[]];
  const walk = (node: unknown, path: Path): void => {
    if (out.length >= limit) return;
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        out.push([...path, i]);
        walk(child, [...path, i]);
      });
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, child] of Object.entries(node)) {
        out.push([...path, key]);
        walk(child, [...path, key]);
      }
    }
  };
  walk(root, []);
  return out;
}

function nestedValue(depth: number, leaf: unknown, asArray: boolean): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i += 1) v = asArray ? [v] : { a: v };
  return v;
}

const HUGE_SIZES = [10_000, 100_000, 1_000_000] as const;

const numericStrings = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.integer().map(String),
  fc.constantFrom('1e309', '-1e309', '-0', '0x10', '1,000.00', ' 12 ', '12abc', 'NaN', 'Infinity', '', '  ', '٣٤٥', '１２３', '9007199254740993', '2468013000000051001'),
);

const enumLike = fc.constantFrom(
  'PAUSED',
  'Live ',
  'unknown_status',
  'non_renewing',
  'trial_expired',
  'future',
  'null',
  'undefined',
  'true',
  '🟢',
  '有効',
  '__proto__',
  'constructor',
  'toString',
);

const unicodeText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('\u202Eevil\u202C', '\u200F\u200E', 'مرحبا بالعالم', 'שלום', '日本語の会社', '\u0000', '\uD800', 'a\u0301\u0301\u0301', '\r\n\t'),
);

/** A value that could replace any field: every JSON type and then some. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: 'small' },
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MAX_SAFE_INTEGER + 2, -0, 1e21, 2468013000000051001),
  numericStrings,
  enumLike,
  unicodeText,
  fc.constantFrom(...XSS_STRINGS.filter((s) => s.length < 1_000)),
  fc.constantFrom(...HUGE_SIZES).map((n) => 'x'.repeat(n)),
  fc.tuple(fc.integer({ min: 10, max: 1_000 }), fc.boolean()).map(([d, asArray]) => nestedValue(d, 'deep', asArray)),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constant([]),
  fc.constant({}),
  fc.constant(JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}') as unknown),
  fc.constantFrom('{"code":0}', '[1,2]', '"\\"nested\\""', '<html><body>502 Bad Gateway</body></html>', 'null'),
);

export type MutationOp = 'delete' | 'replace' | 'stringify-number' | 'wrap-array' | 'add-key';

export interface Mutation {
  at: number;
  op: MutationOp;
  value: unknown;
  key: string;
}

export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom<MutationOp>('delete', 'replace', 'replace', 'replace', 'stringify-number', 'wrap-array', 'add-key'),
  value: hostileValue,
  key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'code', 'page_context', 'status', 'id')),
});

function setAt(root: unknown, path: Path, value: unknown, remove: boolean): unknown {
  if (path.length === 0) return remove ? undefined : value;
  let parent: unknown = root;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[key];
  const last = path[path.length - 1] as string | number;
  if (Array.isArray(parent) && typeof last === 'number') {
    if (remove) parent.splice(last, 1);
    else parent[last] = value;
  } else if (typeof parent === 'object' && parent !== null) {
    const record = parent as Record<string, unknown>;
    if (remove) delete record[last];
    else Object.defineProperty(record, last, { value, enumerable: true, writable: true, configurable: true });
  }
  return root;
}

function cloneValue(value: unknown): unknown {
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
}

function getAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  return node;
}

/** Applies mutations one after another to a deep copy of `value`. */
export function applyMutations(value: unknown, mutations: readonly Mutation[]): unknown {
  let root: unknown = structuredClone(value);
  for (const original of mutations) {
    // Generated values may be shared between runs (fc.constant): never let one run edit another's.
    const m = { ...original, value: cloneValue(original.value) };
    const paths = pathsOf(root);
    const path = paths[m.at % paths.length] ?? [];
    const current = getAt(root, path);
    switch (m.op) {
      case 'delete':
        root = setAt(root, path, undefined, true);
        break;
      case 'replace':
        root = setAt(root, path, m.value, false);
        break;
      case 'stringify-number':
        root = setAt(root, path, typeof current === 'number' || typeof current === 'boolean' ? String(current) : String(jsonText(current)), false);
        break;
      case 'wrap-array':
        root = setAt(root, path, [current], false);
        break;
      case 'add-key':
        if (typeof current === 'object' && current !== null && !Array.isArray(current)) {
          Object.defineProperty(current, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
        } else {
          root = setAt(root, path, { [m.key]: current }, false);
        }
        break;
    }
  }
  return root;
}

/** A recorded body after 1–6 random mutations (sometimes none: the happy path must hold too). */
export function mutated(body: unknown): fc.Arbitrary<unknown> {
  return fc.array(mutationArb, { minLength: 0, maxLength: 6 }).map((ms) => applyMutations(body, ms));
}

/** JSON text of a value, or the value itself when it cannot be written as JSON. */
export function jsonText(value: unknown): unknown {
  try {
    return JSON.stringify(value) ?? value;
  } catch {
    return value;
  }
}

/** True when something wrote to Object.prototype (a parser merged a `__proto__` key). */
export function prototypePolluted(): boolean {
  return 'polluted' in Object.prototype || 'polluted' in ({} as Record<string, unknown>);
}
