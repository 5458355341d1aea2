/**
 * Every way a Billing call can fail, as one typed error. The UI words each kind; nothing
 * downstream inspects HTTP statuses or Zoho codes itself.
 */
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
  /** The extension reached the daily cap an admin set (integration/dailyMeter.ts): no call was made. */
  | 'over-cap';

export interface BillingErrorInit {
  status?: number;
  code?: number;
  /** Milliseconds to wait before retrying, from Retry-After when Billing sent one. */
  retryAfterMs?: number;
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
  readonly authUrl: string | undefined;
  readonly detail: string | undefined;

  constructor(kind: BillingErrorKind, message: string, init: BillingErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'BillingError';
    this.kind = kind;
    this.status = init.status;
    this.code = init.code;
    this.retryAfterMs = init.retryAfterMs;
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
