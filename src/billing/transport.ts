/**
 * The one transport of every Billing call over the Desk connection (DeskHost.request). It builds every
 * URL itself (so each path segment and query value is encoded exactly once, whatever the SDK does with
 * `data`), checks the `{code, message}` envelope even on HTTP 200, turns every failure into one
 * BillingError kind, and reads rows through the schemas. Both the first-screen calls (billingClient.ts)
 * and the calls loaded on first use (laterCalls.ts) go through it; it imports neither.
 *
 * Nothing here retries: a write must happen exactly once (B8), and backing off is the caller's decision
 * (it knows the org-wide budget, C3).
 */
import { isRecord } from '../host/guards';
import type { DataCenter, DeskHost, HostRequest, HostResponse } from '../host/types';
import { billingApiBase } from './dataCenters';
import { BillingError, describe, envelopeOf, errorForCode, errorForStatus, hostError, jsonOf } from './errors';
import { parseRows, type Schema } from './schemas';

export interface BillingClientOptions {
  request: DeskHost['request'];
  dataCenter: DataCenter;
  /** Connected organization; null before one is chosen (only listOrganizations works then). */
  organizationId: string | null;
  /** Clock for Retry-After dates (tests). */
  now?: () => number;
  /** Told when list rows were dropped for lack of an id (diagnostics; the rest of the list is kept). */
  onDroppedRows?: (resource: string, count: number) => void;
}

export const ORGANIZATION_HEADER = 'X-com-zoho-subscriptions-organizationid';

type Query = Record<string, string | number | undefined>;

export interface Call {
  method: HostRequest['method'];
  /** Path segments, each encoded on its own (ids and emails come from outside). */
  path: string[];
  query?: Query;
  body?: unknown;
  /** Every call but GET /organizations carries the org header (§1.2). */
  orgScoped?: boolean;
  responseType?: 'blob';
}

/** The one transport and its row readers, shared by the first-screen calls and the later ones. */
export interface Transport {
  send(call: Call): Promise<HostResponse>;
  /** One JSON answer, envelope checked: the body object on success, a BillingError otherwise. */
  json(call: Call): Promise<Record<string, unknown>>;
  rowsOf<T>(body: Record<string, unknown>, key: string, schema: Schema<T>): T[];
  oneOf<T>(body: Record<string, unknown>, key: string, schema: Schema<T>): T;
  malformed(what: string): BillingError;
  now(): number;
  onDroppedRows: BillingClientOptions['onDroppedRows'];
}

// ---------------------------------------------------------------------------------------------

export function createTransport(options: BillingClientOptions): Transport {
  const base = billingApiBase(options.dataCenter);
  const now = options.now ?? (() => Date.now());
  const orgId = options.organizationId === null ? null : options.organizationId.trim() || null;

  function urlOf(call: Call): string {
    // "" would turn GET /customers/{id} into the customer list, and URL parsers resolve "." and ".." (even
    // percent-encoded) to other endpoints: such an id cannot name a record, so no call is made for it.
    if (call.path.some((segment) => /^(?:\s*|\.|\.\.)$/.test(segment))) {
      throw new BillingError('not-found', 'Not a Billing record id');
    }
    const path = call.path.map((segment) => encodeURIComponent(segment)).join('/');
    const query = Object.entries(call.query ?? {})
      .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
      .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
      .join('&');
    return `${base}/${path}${query ? `?${query}` : ''}`;
  }

  async function send(call: Call): Promise<HostResponse> {
    const orgScoped = call.orgScoped ?? true;
    if (orgScoped && orgId === null) {
      throw new BillingError('not-configured', 'No Billing organization is connected');
    }
    const headers: Record<string, string> = {};
    if (orgScoped && orgId !== null) headers[ORGANIZATION_HEADER] = orgId;
    if (call.method === 'POST' || call.method === 'PUT') headers['Content-Type'] = 'application/json';
    const req: HostRequest = { method: call.method, url: urlOf(call), headers };
    if (call.body !== undefined) req.body = call.body;
    if (call.responseType) req.responseType = call.responseType;
    let result: Awaited<ReturnType<DeskHost['request']>> | undefined;
    try {
      result = await options.request(req);
    } catch (e) {
      throw new BillingError('network', e instanceof Error ? e.message : 'The Desk connection failed', { cause: e });
    }
    // The seam is typed, but the value crossed an SDK boundary: check before trusting it.
    if (!isRecord(result)) throw new BillingError('malformed', 'The Desk connection gave no result');
    if (!result.ok) throw hostError(result.error);
    if (!isRecord(result.value) || typeof result.value.status !== 'number') {
      throw new BillingError('malformed', 'The Desk connection gave no HTTP status');
    }
    return result.value;
  }

  /** One JSON answer, envelope checked: the body object on success, a BillingError otherwise. */
  async function json(call: Call): Promise<Record<string, unknown>> {
    const res = await send(call);
    const body = jsonOf(res.body);
    const env = envelopeOf(body);
    if (!(res.status >= 200 && res.status <= 299)) throw errorForStatus(res, env, now());
    if (!isRecord(body)) {
      throw new BillingError('malformed', `Billing answered with ${describe(body)}`, { status: res.status });
    }
    // An answer without `code` is read for its resource; one with a non-zero code is a refusal.
    if (env && env.code !== null && env.code !== 0) throw errorForCode(res.status, env);
    if ('code' in body && (env === null || env.code === null)) {
      throw new BillingError('malformed', 'Billing answered with an unreadable code', { status: res.status });
    }
    return body;
  }

  function malformed(what: string): BillingError {
    return new BillingError('malformed', `Billing's answer has no usable ${what}`);
  }

  function rowsOf<T>(body: Record<string, unknown>, key: string, schema: Schema<T>): T[] {
    const raw = body[key];
    if (!Array.isArray(raw)) throw malformed(key);
    const { items, dropped } = parseRows(raw, schema);
    if (dropped > 0) options.onDroppedRows?.(key, dropped);
    return items;
  }

  function oneOf<T>(body: Record<string, unknown>, key: string, schema: Schema<T>): T {
    const r = schema.safeParse(body[key]);
    if (!r.success) throw malformed(key);
    return r.data;
  }

  return { json, send, rowsOf, oneOf, malformed, now, onDroppedRows: options.onDroppedRows };
}

