/**
 * Zoho's Billing API as its OpenAPI files describe it (tests/contract/zoho-billing-openapi.json, derived by
 * scripts/derive-openapi.mjs), and the checks the contract tests apply to a captured request or answer:
 * - a request names a documented operation, sends only documented query parameters and body properties
 *   (nested), each with the documented type and, where Zoho lists allowed values, one of them;
 * - an answer carries only documented properties (nested; Zoho's own answer types are too often wrong, e.g.
 *   ids typed int64 and `page_context` typed as an array, to judge values by them).
 * Whatever Zoho's files do not say but real Billing is known to do is in tests/contract/allowList.ts, once,
 * with its evidence; `allowed()` is the only door to it.
 */
import contractJson from '../../contract/zoho-billing-openapi.json';
import { ALLOW_LIST, type AllowEntry } from '../../contract/allowList';

export interface Schema {
  type?: string;
  format?: string;
  enum?: string[];
  enumFrom?: string;
  properties?: Record<string, Schema>;
  required?: string[] | boolean;
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  from?: string;
  $cycle?: string;
}

export interface Operation {
  file: string;
  summary: string;
  scopes: string[];
  headers: string[];
  path: Record<string, Schema>;
  query: Record<string, Schema>;
  body: Schema | null;
  answers: Record<string, Schema | null>;
}

export interface Contract {
  source: { what: string; copiedFrom: string; derivedFrom: string; sha256: Record<string, string> };
  operations: Record<string, Operation>;
}

export const CONTRACT = contractJson as unknown as Contract;

/** One request the client sent and what the sandbox answered, as they crossed the wire. */
export interface Exchange {
  method: string;
  url: string;
  /** The parsed JSON body sent, or undefined when none was. */
  body: unknown;
  status: number;
  contentType: string;
  /** The parsed JSON answer, or undefined for a non-JSON one (a PDF). */
  answer: unknown;
  /** The scenario that made it (for the failure message). */
  scenario: string;
}

export const BILLING_PREFIX = '/billing/v1';

/** "GET /customers/{customer_id}" for "GET /billing/v1/customers/2468013000000051001". */
export function operationKeyOf(method: string, pathname: string): string | null {
  const segments = pathname.replace(new RegExp(`^${BILLING_PREFIX}`), '').split('/').filter(Boolean).map(decodeURIComponent);
  let best: { key: string; literal: number } | null = null;
  for (const key of [...Object.keys(CONTRACT.operations), ...ALLOW_LIST.filter((e) => e.kind === 'operation').flatMap((e) => e.operations)]) {
    const [m, template] = key.split(' ') as [string, string];
    if (m !== method.toUpperCase()) continue;
    const parts = template.split('/').filter(Boolean);
    if (parts.length !== segments.length) continue;
    let literal = 0;
    const fits = parts.every((part, i) => {
      if (/^\{\w+\}$/.test(part)) return true;
      literal += 1;
      return part === segments[i];
    });
    // "/hostedpages/invoicepayment" over "/hostedpages/{hostedpage_id}": the more literal template wins.
    if (fits && (!best || literal > best.literal)) best = { key, literal };
  }
  return best?.key ?? null;
}

export function allowed(kind: AllowEntry['kind'], operation: string, where: string): AllowEntry | undefined {
  return ALLOW_LIST.find((e) => e.kind === kind && e.operations.includes(operation) && (typeof e.where === 'string' ? e.where === where : e.where.includes(where)));
}

/** Every allow-list entry a check leaned on (the tests require each entry to be needed). */
export const USED_ALLOWANCES = new Set<AllowEntry>();

function allow(kind: AllowEntry['kind'], operation: string, where: string): boolean {
  const entry = allowed(kind, operation, where);
  if (entry) USED_ALLOWANCES.add(entry);
  return entry !== undefined;
}

// ---------------------------------------------------------------------------------------------
// Values against Zoho's types

function typeOfJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Whether a JSON value has the schema's type (an integer is a number too). */
function fitsType(schema: Schema, value: unknown): boolean {
  if (!schema.type) return true;
  const actual = typeOfJson(value);
  if (schema.type === 'number') return actual === 'number' || actual === 'integer';
  return actual === schema.type;
}

/** Whether a query string value spells the schema's type. */
function fitsQueryType(schema: Schema, value: string): boolean {
  switch (schema.type) {
    case 'integer':
      return /^-?\d+$/.test(value);
    case 'number':
      return value.trim() !== '' && Number.isFinite(Number(value));
    case 'boolean':
      return value === 'true' || value === 'false';
    default:
      return true;
  }
}

const variants = (schema: Schema): Schema[] => schema.oneOf ?? schema.anyOf ?? [schema];

const isEmptyObject = (value: unknown): boolean =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0;

// ---------------------------------------------------------------------------------------------
// Requests

export function checkRequest(exchange: Pick<Exchange, 'method' | 'url' | 'body'>): string[] {
  const url = new URL(exchange.url);
  const key = operationKeyOf(exchange.method, url.pathname);
  if (key === null) return [`${exchange.method} ${url.pathname}: no such operation in Zoho's files`];
  const op = CONTRACT.operations[key];
  if (!op) allow('operation', key, '');
  const problems: string[] = [];
  for (const [name, value] of url.searchParams) {
    const schema = op?.query[name];
    if (!schema) {
      if (!allow('query', key, name)) problems.push(`${key}: query parameter ${name} is not documented`);
      continue;
    }
    if (!fitsQueryType(schema, value)) problems.push(`${key}: query ${name}=${value} is not a ${schema.type}`);
    if (schema.enum && !schema.enum.includes(value) && !allow('value', key, `${name}=${value}`)) {
      problems.push(`${key}: query ${name}=${value} is not one of ${schema.enum.join(', ')}`);
    }
  }
  if (exchange.body !== undefined) {
    const empty = isEmptyObject(exchange.body);
    if (!op) {
      // An allow-listed operation outside Zoho's files: its body is judged by its evidence alone.
    } else if (!op.body) {
      // Desk's request() requires a postBody on every POST/PUT, so a call without one sends `{}` (desk-sdk.md §3.1).
      if (!empty) problems.push(`${key}: sends a body where Zoho's files document none`);
    } else if (empty && Array.isArray(op.body.required) && op.body.required.length > 0) {
      problems.push(`${key}: sends no body where Zoho's files require ${op.body.required.join(', ')}`);
    } else {
      problems.push(...checkBody(key, op.body, exchange.body, ''));
    }
  } else if (op?.body?.required && Array.isArray(op.body.required) && op.body.required.length > 0) {
    problems.push(`${key}: sends no body where Zoho's files require ${op.body.required.join(', ')}`);
  }
  return problems;
}

function checkBody(key: string, schema: Schema, value: unknown, at: string): string[] {
  const where = at || '(body)';
  if (schema.$cycle) return [];
  if (!fitsType(schema, value) && !allow('type', key, at)) {
    return [`${key}: ${where} is ${typeOfJson(value)}, Zoho's files say ${schema.type}`];
  }
  if (schema.enum && !schema.enum.includes(String(value)) && !allow('value', key, `${at}=${String(value)}`)) {
    return [`${key}: ${where}=${JSON.stringify(value)} is not one of ${schema.enum.join(', ')}`];
  }
  if (Array.isArray(value)) return schema.items ? value.flatMap((v) => checkBody(key, schema.items as Schema, v, `${at}[]`)) : [];
  if (value === null || typeof value !== 'object') return [];
  const problems: string[] = [];
  const properties = schema.properties ?? {};
  const record = value as Record<string, unknown>;
  for (const name of Array.isArray(schema.required) ? schema.required : []) {
    const path = at ? `${at}.${name}` : name;
    if ((record[name] === undefined || record[name] === null || record[name] === '') && !allow('missing', key, path)) {
      problems.push(`${key}: body property ${path} is required by Zoho's files and not sent`);
    }
  }
  for (const [name, child] of Object.entries(record)) {
    const path = at ? `${at}.${name}` : name;
    // A name Zoho's files require is documented even where their property list forgets it (invoice lines' `rate`).
    const documented = properties[name] ?? (Array.isArray(schema.required) && schema.required.includes(name) ? {} : undefined);
    if (!documented) {
      if (!allow('body', key, path)) problems.push(`${key}: body property ${path} is not documented`);
      continue;
    }
    problems.push(...checkBody(key, documented, child, path));
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Answers

/** Property paths of an answer that its operation's documented answer does not name. */
export function checkAnswer(exchange: Pick<Exchange, 'method' | 'url' | 'status' | 'answer' | 'contentType'>): string[] {
  const url = new URL(exchange.url);
  const key = operationKeyOf(exchange.method, url.pathname);
  if (key === null) return [];
  // Failures are Zoho's `{code, message}` envelope, which no operation documents.
  if (exchange.status < 200 || exchange.status > 299) return [];
  if (exchange.answer === undefined) return [];
  const op = CONTRACT.operations[key];
  if (!op) return allowedOperationAnswer(key, exchange.answer);
  const schema = op.answers[String(exchange.status)];
  if (schema === undefined) {
    return allow('status', key, String(exchange.status))
      ? checkProperties(key, Object.values(op.answers).find((s) => s) ?? {}, exchange.answer, '')
      : [`${key}: answers HTTP ${exchange.status}, Zoho's files document ${Object.keys(op.answers).join(', ')}`];
  }
  return checkProperties(key, schema ?? {}, exchange.answer, '');
}

function allowedOperationAnswer(key: string, answer: unknown): string[] {
  // An operation outside Zoho's files (organizations): its answer is what its evidence lists.
  return paths(answer, '').filter((p) => !allow('answer', key, p)).map((p) => `${key}: answer property ${p} is not in its evidence`);
}

function paths(value: unknown, at: string): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => paths(v, `${at}[]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([name, child]) => {
    const path = at ? `${at}.${name}` : name;
    return [path, ...paths(child, path)];
  });
}

function propertiesOf(schema: Schema): Record<string, Schema> | null {
  const all = variants(schema).concat(schema.allOf ?? []);
  const merged: Record<string, Schema> = {};
  let any = false;
  for (const s of all) {
    // Zoho types some objects as arrays of them (`page_context`): the properties are what is documented.
    const source = s.properties ?? s.items?.properties;
    if (source) {
      any = true;
      Object.assign(merged, source);
    }
  }
  return any ? merged : null;
}

function checkProperties(key: string, schema: Schema, value: unknown, at: string): string[] {
  if (schema.$cycle) return [];
  if (Array.isArray(value)) {
    const items = schema.items ?? schema;
    return value.flatMap((v) => checkProperties(key, items, v, `${at}[]`));
  }
  if (value === null || typeof value !== 'object') return [];
  const properties = propertiesOf(schema);
  const problems: string[] = [];
  for (const [name, child] of Object.entries(value as Record<string, unknown>)) {
    const path = at ? `${at}.${name}` : name;
    const documented = properties?.[name];
    if (!documented) {
      if (!allow('answer', key, path)) problems.push(`${key}: answer property ${path} is not documented`);
      continue;
    }
    problems.push(...checkProperties(key, documented, child, path));
  }
  return problems;
}
