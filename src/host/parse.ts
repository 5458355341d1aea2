/**
 * Normalisers for every answer shape of the Desk SDK (desk-sdk.md §2, §3, §5, §6). The SDK wraps
 * answers in JSON strings up to three levels deep, sometimes already parsed, sometimes not, and
 * several shapes are NOT CONFIRMED; so every level accepts `string | object`, parsing is bounded
 * (at most three JSON.parse per path) and guarded, and nothing here throws: callers get a HostResult.
 *
 * Over ~300 lines because it is the one place every SDK answer shape is read (requests, rejections,
 * storage, popups); the shapes share the bounded decoder, and splitting them would duplicate it.
 */
import { httpsUrl, isRecord, type UnknownRecord } from './guards';
import type { HostError, HostResponse, HostResult } from './types';

export function ok<T>(value: T): HostResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(kind: HostError['kind'], message: string, extra: Partial<HostError> = {}): HostResult<T> {
  return { ok: false, error: { kind, message, ...extra } };
}

/** How many more JSON strings may be decoded along one path. */
const MAX_DECODES = 3;

interface Budget {
  left: number;
}

/**
 * Decodes a string that looks like JSON (object, array or a JSON-quoted string), spending one unit of
 * the budget; anything else comes back untouched (a body "123" stays the text the server sent).
 */
export function decodeJsonish(value: unknown, budget: Budget = { left: MAX_DECODES }): unknown {
  if (typeof value !== 'string' || budget.left <= 0) return value;
  const text = value.trim();
  const first = text.charAt(0);
  if (first !== '{' && first !== '[' && first !== '"') return value;
  try {
    const parsed: unknown = JSON.parse(text);
    budget.left -= 1;
    return parsed;
  } catch {
    return value;
  }
}

/** String of a string/number/bigint scalar; null for everything else and for blank strings. */
export function scalarText(value: unknown): string | null {
  if (typeof value === 'string') {
    const t = value.trim();
    return t === '' || t === 'null' || t === 'undefined' ? null : t;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return value.toString();
  return null;
}

/** An HTTP status from a number or numeric string (100–599), else undefined. */
export function httpStatus(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d{3}\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 100 && n <= 599 ? n : undefined;
}

// ---------------------------------------------------------------------------------------------
// Rejections: {errMsg}, JSON strings of envelopes, Error objects, plain strings.

/** Best human-readable message inside an SDK answer or rejection. */
export function messageOf(value: unknown, fallback: string): string {
  const v = decodeJsonish(value, { left: 2 });
  if (typeof v === 'string' && v.trim() !== '') return v.trim().slice(0, 500);
  if (v instanceof Error) return v.message || fallback;
  if (isRecord(v)) {
    for (const key of ['errMsg', 'message', 'error_message', 'errorMessage', 'error', 'statusMessage', 'msg']) {
      const candidate = v[key];
      if (typeof candidate === 'string' && candidate.trim() !== '') {
        const inner = decodeJsonish(candidate, { left: 1 });
        if (isRecord(inner)) return messageOf(inner, fallback);
        return candidate.trim().slice(0, 500);
      }
      if (isRecord(candidate)) return messageOf(candidate, fallback);
    }
  }
  return fallback;
}

/** A rejected get/set/delete/invoke as a HostError of the given kind. */
export function rejectionError(err: unknown, kind: HostError['kind'], fallback: string): HostError {
  return { kind, message: messageOf(decodeJsonish(err), fallback), raw: err };
}

// ---------------------------------------------------------------------------------------------
// Connection not authorised: data.error_code 1000 + resumeUrl, at any nesting level (§3.4).

const MAX_AUTH_DEPTH = 6;

function isAuthCode(value: unknown): boolean {
  return value === 1000 || (typeof value === 'string' && value.trim() === '1000');
}

/** Finds the not-authorised marker anywhere in an answer; returns the authorisation URL when https. */
export function findNotAuthorised(value: unknown): { authUrl: string | undefined } | null {
  const walk = (node: unknown, depth: number, budget: Budget): { authUrl: string | undefined } | null => {
    if (depth > MAX_AUTH_DEPTH) return null;
    const v = decodeJsonish(node, budget);
    if (!isRecord(v)) return null;
    const resume = v.resumeUrl ?? v.resumeURL ?? v.resume_url;
    if (isAuthCode(v.error_code) || isAuthCode(v.errorCode) || typeof resume === 'string') {
      let authUrl = httpsUrl(resume) ?? undefined;
      if (authUrl === undefined) {
        // The URL may sit one level below the code (e.g. {error_code, data:{resumeUrl}}).
        for (const child of Object.values(v)) {
          const found = walk(child, depth + 1, { left: budget.left });
          if (found?.authUrl) {
            authUrl = found.authUrl;
            break;
          }
        }
      }
      return { authUrl };
    }
    for (const child of Object.values(v)) {
      if (!isRecord(child) && typeof child !== 'string') continue;
      const found = walk(child, depth + 1, { left: budget.left });
      if (found) return found;
    }
    return null;
  };
  return walk(value, 0, { left: MAX_DECODES });
}

function notAuthorised(found: { authUrl: string | undefined }, raw: unknown): HostResult<never> {
  return fail('not-authorised', 'The Zoho connection is not authorised yet.', {
    ...(found.authUrl ? { authUrl: found.authUrl } : {}),
    raw,
  });
}

// ---------------------------------------------------------------------------------------------
// Remote error bodies without an HTTP status (desk-sdk.md §3.4, §11).

/** Numeric Zoho `code` (number or digit string). */
function zohoCode(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
  return null;
}

/**
 * The remote service's error body inside a rejection, when it is one: a Billing-style `{code ≠ 0,
 * message}` or a Desk-style `{errorCode, message?}`, at the top or under `error` (some Zoho APIs nest
 * it). Anything else (an SDK `{errMsg}`, a bare string) is not a remote answer and gives null.
 */
export function remoteErrorBody(value: unknown): UnknownRecord | null {
  const v = decodeJsonish(value, { left: 1 });
  if (!isRecord(v)) return null;
  if (typeof v.errorCode === 'string' && v.errorCode.trim() !== '') return v;
  const code = zohoCode(v.code);
  if (code !== null && code !== 0 && typeof v.message === 'string') return v;
  const nested = decodeJsonish(v.error, { left: 1 });
  return isRecord(nested) && nested !== v ? remoteErrorBody(nested) : null;
}

// ---------------------------------------------------------------------------------------------
// request(): envelopes.

function normaliseHeaders(value: unknown, into: Record<string, string>): void {
  if (typeof Headers !== 'undefined' && value instanceof Headers) {
    value.forEach((v, k) => {
      into[k.toLowerCase()] = v;
    });
    return;
  }
  if (!isRecord(value)) return;
  for (const [k, v] of Object.entries(value)) {
    const text = Array.isArray(v) ? v.map(scalarText).filter((s): s is string => s !== null).join(', ') : scalarText(v);
    if (text !== null) into[k.toLowerCase()] = text;
  }
}

/** By its tag, not instanceof: a Blob made in another frame's realm is still a Blob. */
function isBlob(value: unknown): value is Blob {
  const tag = Object.prototype.toString.call(value);
  return tag === '[object Blob]' || tag === '[object File]';
}

interface Peeled {
  status: number | undefined;
  headers: Record<string, string>;
  body: unknown;
  /** `status` of a connection envelope ('true' / 'false'), when there was one. */
  connectionOk: boolean | undefined;
  sawEnvelope: boolean;
}

/**
 * Peels the SDK envelopes off an answer:
 *  default mode   "{statusCode, response:"{status:'true', statusMessage: body}"}" (statusMessage may be a string),
 *  no connection  "{statusCode, response:"<body>"}",
 *  json mode      {data:{statusMessage: body, …}, status?, headers?}.
 * The innermost HTTP status wins: it is the one closest to the remote server.
 */
function peel(raw: unknown): Peeled {
  const budget: Budget = { left: MAX_DECODES };
  let node = decodeJsonish(raw, budget);
  let status: number | undefined;
  const headers: Record<string, string> = {};
  let connectionOk: boolean | undefined;
  let sawEnvelope = false;
  for (let level = 0; level < 4 && isRecord(node); level += 1) {
    const current: UnknownRecord = node;
    let next: unknown;
    let peeled = false;
    if ('response' in current && (level === 0 || 'statusCode' in current)) {
      next = decodeJsonish(current.response, budget);
      peeled = true;
    } else {
      const data = decodeJsonish(current.data, { left: budget.left });
      if (isRecord(data) && ('statusMessage' in data || 'statusCode' in data || 'response' in data)) {
        next = data;
        peeled = true;
      } else if ('statusMessage' in current) {
        const flag = current.status;
        if (flag === 'true' || flag === true) connectionOk = true;
        else if (flag === 'false' || flag === false) connectionOk = false;
        next = decodeJsonish(current.statusMessage, budget);
        peeled = true;
      }
    }
    // Status and headers are read only off envelopes, never off the remote body itself.
    if (!peeled) break;
    const found = httpStatus(current.statusCode) ?? httpStatus(current.status) ?? httpStatus(current.httpStatus);
    if (found !== undefined) status = found;
    normaliseHeaders(current.headers ?? current.responseHeaders, headers);
    sawEnvelope = true;
    node = next;
    // statusMessage always holds the remote body: never peel the body itself.
    if ('statusMessage' in current && !('response' in current)) break;
  }
  return { status, headers, body: node, connectionOk, sawEnvelope };
}

/** A resolved `ZOHODESK.request` answer (any mode) as a HostResponse, or the not-authorised error. */
export function parseRequestAnswer(raw: unknown): HostResult<HostResponse> {
  if (isBlob(raw)) return ok({ status: 200, body: raw, headers: {} });
  // responseType 'blob' may also come back axios-style, the Blob under data.
  if (isRecord(raw) && isBlob(raw.data)) return ok({ status: httpStatus(raw.status) ?? 200, body: raw.data, headers: {} });
  if (raw === undefined || raw === null || raw === '') return fail('malformed', 'The Desk SDK answered with nothing.', { raw });
  const auth = findNotAuthorised(raw);
  if (auth) return notAuthorised(auth, raw);
  const peeled = peel(raw);
  if (!peeled.sawEnvelope && typeof peeled.body === 'string') {
    return fail('malformed', 'The Desk SDK answer is not an envelope.', { raw });
  }
  if (peeled.status === undefined && peeled.connectionOk === false) {
    const body = remoteErrorBody(peeled.body);
    return fail('rejected', messageOf(peeled.body, 'The connection refused the request.'), { raw, ...(body ? { body } : {}) });
  }
  return ok({ status: peeled.status ?? 200, body: peeled.body ?? null, headers: peeled.headers });
}

/**
 * A rejected `ZOHODESK.request`. A rejection that still carries an HTTP status is an answer
 * (remote 4xx/5xx may reject instead of resolve, §3.4) and comes back ok; one without a status is
 * an error whose `raw` holds the decoded remote body for diagnostics.
 */
export function parseRequestRejection(err: unknown): HostResult<HostResponse> {
  if (err instanceof Error) return fail('network', err.message || 'The request did not reach the server.', { raw: err });
  const auth = findNotAuthorised(err);
  if (auth) return notAuthorised(auth, err);
  const decoded = decodeJsonish(err);
  if (isRecord(decoded) && 'errMsg' in decoded && !('statusMessage' in decoded) && !('statusCode' in decoded)) {
    return fail('rejected', messageOf(decoded, 'The Desk SDK refused the request.'), { raw: err });
  }
  const peeled = peel(err);
  if (peeled.status !== undefined) {
    return ok({ status: peeled.status, body: peeled.body ?? null, headers: peeled.headers });
  }
  if (err === undefined || err === null || err === '') {
    return fail('network', 'The request failed without an answer.', { raw: err });
  }
  // The official sample's rejection: the remote body with no status. It is the server's answer.
  const body = remoteErrorBody(peeled.body);
  return fail('rejected', messageOf(peeled.body, 'The Desk SDK refused the request.'), {
    raw: peeled.sawEnvelope ? peeled.body : err,
    ...(body ? { body } : {}),
  });
}

// ---------------------------------------------------------------------------------------------
// get(): flat dotted keys and nested objects (§2.1).

/** What `get(key)` resolved with: the value under the exact key, or under the object path. */
export function parseGetAnswer(raw: unknown, key: string): HostResult<unknown> {
  const top = decodeJsonish(raw);
  if (!isRecord(top)) return fail('malformed', `get('${key}') answered with no object.`, { raw });
  if ('errMsg' in top && !(key in top)) return fail('not-in-context', messageOf(top, `'${key}' is not available here.`), { raw });
  const status = top.status;
  if ((status === 'failure' || status === 'error' || status === false) && !(key in top)) {
    return fail('not-in-context', messageOf(top, `'${key}' is not available here.`), { raw });
  }
  if (key in top) return ok(decodeJsonish(top[key], { left: 2 }));
  // Tolerate a nested answer for a dotted key: {ticket:{email}} for get('ticket.email').
  const parts = key.split('.');
  let node: unknown = top;
  for (const part of parts) {
    node = decodeJsonish(node, { left: 1 });
    if (!isRecord(node) || !(part in node)) return fail('not-in-context', `'${key}' is not available here.`, { raw });
    node = node[part];
  }
  return ok(decodeJsonish(node, { left: 2 }));
}

/** A rejected get(): off-context keys reject with {errMsg} (§2.1). */
export function parseGetRejection(err: unknown, key: string): HostResult<never> {
  const error = rejectionError(err, 'not-in-context', `'${key}' is not available here.`);
  return { ok: false, error };
}

// ---------------------------------------------------------------------------------------------
// Database (§5.1).

export interface DatabaseRecord {
  key: string;
  queriableValue: string;
  value: unknown;
}

const isKeyish = (v: unknown): v is string | number => typeof v === 'string' || (typeof v === 'number' && !Number.isNaN(v));

/** One `{key, queriableValue?, value}` entry; an entry with no usable key (or an odd queriableValue) is skipped. */
function databaseRecord(entry: unknown): DatabaseRecord | null {
  if (!isRecord(entry) || !isKeyish(entry.key)) return null;
  const q = entry.queriableValue;
  if (q !== undefined && q !== null && !isKeyish(q)) return null;
  return { key: String(entry.key), queriableValue: q == null ? '' : String(q), value: decodeJsonish(entry.value, { left: 2 }) };
}

function databaseSection(top: unknown, op: 'get' | 'set' | 'delete'): unknown {
  if (!isRecord(top)) return undefined;
  const flat = top[`database.${op}`];
  if (flat !== undefined) return decodeJsonish(flat, { left: 2 });
  // The community .d.ts documents response.database.get (wrong per §5.1, accepted anyway).
  const nested = decodeJsonish(top.database, { left: 1 });
  if (isRecord(nested) && nested[op] !== undefined) return decodeJsonish(nested[op], { left: 2 });
  return undefined;
}

/** `{'database.get': {data:[{key, queriableValue, value}]}}` → records (value decoded when a JSON string). */
export function parseDatabaseGet(raw: unknown): HostResult<DatabaseRecord[]> {
  const top = decodeJsonish(raw);
  if (isRecord(top) && 'errMsg' in top) return fail('storage', messageOf(top, 'Storage refused the read.'), { raw });
  const section = databaseSection(top, 'get');
  if (section === undefined) return fail('malformed', 'Storage answered without database.get.', { raw });
  const data = isRecord(section) ? decodeJsonish(section.data, { left: 1 }) : section;
  if (data === undefined || data === null) return ok([]);
  if (!Array.isArray(data)) return fail('malformed', 'Storage answered with no data list.', { raw });
  const records: DatabaseRecord[] = [];
  for (const entry of data) {
    const record = databaseRecord(decodeJsonish(entry, { left: 1 }));
    if (record) records.push(record);
  }
  return ok(records);
}

/** `{'database.set': {key, value, queriableValue}}` (or an array of them) → ok. */
export function parseDatabaseSet(raw: unknown): HostResult<void> {
  const top = decodeJsonish(raw);
  if (isRecord(top) && 'errMsg' in top) return fail('storage', messageOf(top, 'Storage refused the write.'), { raw });
  if (isRecord(top) && (top.status === 'failure' || top.status === false)) {
    return fail('storage', messageOf(top, 'Storage refused the write.'), { raw });
  }
  if (databaseSection(top, 'set') === undefined && !isRecord(top)) {
    return fail('malformed', 'Storage answered the write with nothing.', { raw });
  }
  return ok(undefined);
}

/** `{"database.delete": {"delete":"success"}}` → ok; any other delete status is a storage error. */
export function parseDatabaseDelete(raw: unknown): HostResult<void> {
  const top = decodeJsonish(raw);
  if (isRecord(top) && 'errMsg' in top) return fail('storage', messageOf(top, 'Storage refused the delete.'), { raw });
  const section = databaseSection(top, 'delete');
  if (isRecord(section) && section.delete !== undefined) {
    const flag = section.delete;
    if (flag === 'success' || flag === true || flag === 'true') return ok(undefined);
    return fail('storage', messageOf(section, 'Storage refused the delete.'), { raw });
  }
  if (!isRecord(top)) return fail('malformed', 'Storage answered the delete with nothing.', { raw });
  return ok(undefined);
}

/** Whether a rejected database read merely means "no such record" (not confirmed; tolerated). */
export function isNotFoundRejection(err: unknown): boolean {
  const message = messageOf(err, '');
  return /not\s*found|no\s*data|does\s*not\s*exist|no\s*records?/i.test(message);
}

// ---------------------------------------------------------------------------------------------
// showpopup (§6.5).

/** `{result:true|false}` (also 'true', or a JSON string of it) → the agent's choice; anything else is no. */
export function parsePopupAnswer(raw: unknown): boolean {
  const top = decodeJsonish(raw);
  if (top === true || top === 'true') return true;
  if (!isRecord(top)) return false;
  const result = decodeJsonish(top.result, { left: 1 });
  if (result === true || result === 'true') return true;
  if (isRecord(result)) return parsePopupAnswer(result);
  return false;
}
