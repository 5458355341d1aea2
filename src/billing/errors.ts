/**
 * Every way a Billing call can fail, as one typed error, and the one place that decides which kind an
 * answer is (HTTP status, Zoho's {code, message} envelope, Retry-After, a failed Desk connection). The UI
 * words each kind; nothing downstream inspects HTTP statuses or Zoho codes itself.
 */
import { statusForDeskErrorBody } from '../host/deskErrors';
import { httpsUrl, isRecord } from '../host/guards';
import type { HostError, HostResponse } from '../host/types';
import { envelopeSchema } from './schemas';

export type BillingErrorKind =
  /** Desk connection not authorised (SDK error_code 1000 / HTTP 401 / Zoho code 57). */
  | 'not-authorised'
  /** HTTP 403: no permission, or the user is not part of the organization. */
  | 'forbidden'
  /** HTTP 404, or HTTP 400 with Zoho code 3004/1002 ("does not exist"). */
  | 'not-found'
  /** HTTP 429 (Zoho codes 44 per-minute, 45 per-day). */
  | 'rate-limited'
  /** HTTP 5xx. */
  | 'server'
  /** Any other 4xx, or code ≠ 0 on a 2xx: Billing refused the request. */
  | 'rejected'
  /** The answer could not be understood (not JSON, HTML error page, wrong shape). */
  | 'malformed'
  /** No answer at all: offline, proxy failure, timeout. */
  | 'network'
  /** The integration is disabled or has no organization: no call was made. */
  | 'not-configured'
  /** The extension reached the daily cap an admin set (integration/portal/dailyMeter.ts): no call was made. */
  | 'over-cap';

export interface BillingErrorInit {
  status?: number;
  code?: number;
  /** Milliseconds to wait before retrying, from Retry-After when Billing sent one. */
  retryAfterMs?: number;
  /** When Billing may be called again (epoch ms): the end of a 429 cool-down, so the UI can say "retry at …". */
  retryAt?: number;
  authUrl?: string;
  /** Billing's own message, shown only as plain text. */
  detail?: string;
  cause?: unknown;
}

export class BillingError extends Error {
  readonly kind: BillingErrorKind;
  readonly status: number | undefined;
  readonly code: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly retryAt: number | undefined;
  readonly authUrl: string | undefined;
  readonly detail: string | undefined;

  constructor(kind: BillingErrorKind, message: string, init: BillingErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'BillingError';
    this.kind = kind;
    this.status = init.status;
    this.code = init.code;
    this.retryAfterMs = init.retryAfterMs;
    this.retryAt = init.retryAt;
    this.authUrl = init.authUrl;
    this.detail = init.detail;
  }

  /** Worth retrying later without changing anything. */
  get transient(): boolean {
    return this.kind === 'rate-limited' || this.kind === 'server' || this.kind === 'network';
  }
}

export function isBillingError(e: unknown): e is BillingError {
  return e instanceof BillingError;
}

/** Any thrown value as a BillingError (unknown throws become 'malformed': a bug or a bad answer). */
export function toBillingError(e: unknown): BillingError {
  if (e instanceof BillingError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new BillingError('malformed', message, { cause: e });
}

// ---------------------------------------------------------------------------------------------
// Classification: every HTTP answer, Zoho code and Desk connection failure becomes one BillingError.

function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  if (!/[a-z]/i.test(v)) return undefined;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export interface Envelope {
  code: number | null;
  message: string;
}

export function envelopeOf(body: unknown): Envelope | null {
  if (!isRecord(body)) return null;
  const r = envelopeSchema.safeParse(body);
  return r.success ? { code: r.data.code, message: r.data.message } : null;
}

/** Zoho codes that mean the same thing whatever HTTP status carried them (§3.4). */
function kindForCode(code: number | null): 'not-authorised' | 'not-found' | 'rate-limited' | null {
  if (code === 57 || code === 14) return 'not-authorised';
  if (code === 3004 || code === 1002) return 'not-found';
  if (code === 44 || code === 45) return 'rate-limited';
  return null;
}

export function errorForStatus(res: HostResponse, env: Envelope | null, now: number): BillingError {
  const status = res.status;
  const code = env?.code ?? undefined;
  const detail = env?.message || undefined;
  const init = { status, code, detail };
  // The HTTP status decides first (§3.4); the Zoho code only refines the catch-all 4xx answers.
  if (status === 401) {
    return new BillingError('not-authorised', `Billing refused the connection's authorisation (HTTP ${status})`, init);
  }
  if (status === 403) return new BillingError('forbidden', 'Billing says this user may not do that (HTTP 403)', init);
  if (status >= 400 && status <= 499 && status !== 404 && status !== 429 && code === 57) {
    // Sibling Zoho APIs send code 57 (token expired or scope missing) with HTTP 400 as well as 401.
    return new BillingError('not-authorised', `Billing refused the connection's authorisation (code 57)`, init);
  }
  if (status === 404 || (status === 400 && (code === 3004 || code === 1002))) {
    return new BillingError('not-found', `Billing has no such record (HTTP ${status})`, init);
  }
  if (status === 429) {
    return new BillingError('rate-limited', 'Billing rate limit reached (HTTP 429)', {
      ...init,
      retryAfterMs: retryAfterMs(headerValue(res.headers, 'retry-after'), now),
    });
  }
  if (status >= 500 && status <= 599) return new BillingError('server', `Billing server error (HTTP ${status})`, init);
  if (status >= 400 && status <= 499) return new BillingError('rejected', `Billing rejected the request (HTTP ${status})`, init);
  if (status === 0) return new BillingError('network', 'No answer from Billing', init);
  return new BillingError('malformed', `Unexpected HTTP status ${status} from Billing`, init);
}

/** code ≠ 0 inside a 2xx answer: Billing refused after all. */
export function errorForCode(status: number, env: Envelope): BillingError {
  const init = { status, code: env.code ?? undefined, detail: env.message || undefined };
  const kind = kindForCode(env.code);
  if (kind === 'not-authorised') return new BillingError(kind, `Billing refused the connection's authorisation (code ${env.code})`, init);
  if (kind === 'not-found') return new BillingError(kind, `Billing has no such record (code ${env.code})`, init);
  if (kind === 'rate-limited') return new BillingError(kind, `Billing rate limit reached (code ${env.code})`, init);
  return new BillingError('rejected', `Billing rejected the request (code ${env.code})`, init);
}

export function hostError(error: HostError | undefined): BillingError {
  if (!isRecord(error)) return new BillingError('malformed', 'The Desk connection failed without a reason');
  if (error.kind === 'not-authorised') {
    return new BillingError('not-authorised', error.message || 'The Zoho Billing connection is not authorised', {
      authUrl: httpsUrl(error.authUrl) ?? undefined,
      cause: error,
    });
  }
  if (error.kind === 'malformed') return new BillingError('malformed', error.message || 'The Desk connection gave an unreadable answer', { cause: error });
  if (error.kind === 'rejected' && error.body !== undefined && error.body !== null) return errorForBody(error.body, error);
  return new BillingError('network', error.message || 'No answer from Billing', { cause: error });
}

/**
 * The SDK rejected with the remote service's error body and no HTTP status (Zoho's own sample reads
 * failures so, desk-sdk.md §11). The server answered: the body decides, and a refusal is never taken
 * for a lost request (which would be retried as transient). Billing `{code, message}` by its code,
 * Desk `{errorCode}` (the proxy's own refusals) by the status that code stands for.
 */
function errorForBody(body: unknown, cause: HostError): BillingError {
  const env = envelopeOf(jsonOf(body));
  const deskStatus = statusForDeskErrorBody(body);
  // The envelope reader reads `message` from any object (Desk's bodies too); a body that is no object has none.
  const message = env?.message ?? '';
  const init = { code: env?.code ?? undefined, detail: message || undefined, cause };
  const said = env?.code != null ? `code ${env.code}` : isRecord(body) ? String(body.errorCode ?? 'an error') : 'an error';
  const kind =
    (env ? kindForCode(env.code) : null) ??
    (deskStatus === 401 ? 'not-authorised'
      : deskStatus === 403 ? 'forbidden'
        : deskStatus === 404 ? 'not-found'
          : deskStatus === 429 ? 'rate-limited'
            : deskStatus !== undefined && deskStatus >= 500 ? 'server'
              // Billing's 403 text ("not enough permission … not an user of the organization") has no code of its own.
              : /permission|not an? user of/i.test(message) ? 'forbidden'
                : 'rejected');
  return new BillingError(kind, `Billing answered ${said} without an HTTP status`, init);
}

export function looksLikeHtml(s: string): boolean {
  return /^\s*</.test(s);
}

/** The host hands back parsed JSON, or the raw string when it was not JSON; parse once more to be sure. */
export function jsonOf(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  const s = body.trim();
  if (s === '') return undefined;
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return body;
  }
}

export function describe(body: unknown): string {
  if (body === undefined || body === null || body === '') return 'an empty answer';
  if (typeof body === 'string') return looksLikeHtml(body) ? 'an HTML page' : 'text that is not JSON';
  if (Array.isArray(body)) return 'a list instead of an object';
  return `a ${typeof body}`;
}
