/**
 * Which kind of failure each Billing answer is (src/billing/errors.ts). The kind decides what the agent is
 * offered (retry later, reconnect, "may have been created") and the message is what the settings
 * diagnostics show an admin, so both are stated here for every status, Zoho code and Desk failure.
 */
import { describe, expect, it } from 'vitest';
import {
  BillingError,
  describe as describeBody,
  envelopeOf,
  errorForCode,
  errorForStatus,
  hostError,
  isBillingError,
  jsonOf,
  looksLikeHtml,
  retryAfterMs,
  toBillingError,
  type BillingErrorKind,
} from '../../../src/billing/errors';
import type { HostError, HostResponse } from '../../../src/host/types';

const NOW = Date.parse('2026-12-07T10:00:00Z');
const answer = (status: number, headers: Record<string, string> = {}): HostResponse => ({ status, body: null, headers });
const facts = (e: BillingError) => ({ kind: e.kind, message: e.message, status: e.status, code: e.code, detail: e.detail, transient: e.transient });

describe('an HTTP answer that is not 2xx', () => {
  it.each([
    [401, null, 'not-authorised', "Billing refused the connection's authorisation (HTTP 401)"],
    [401, 0, 'not-authorised', "Billing refused the connection's authorisation (HTTP 401)"],
    [403, 57, 'forbidden', 'Billing says this user may not do that (HTTP 403)'],
    [400, 57, 'not-authorised', "Billing refused the connection's authorisation (code 57)"],
    [429, 57, 'rate-limited', 'Billing rate limit reached (HTTP 429)'],
    [302, 57, 'malformed', 'Unexpected HTTP status 302 from Billing'],
    [0, 57, 'network', 'No answer from Billing'],
    [499, 57, 'not-authorised', "Billing refused the connection's authorisation (code 57)"],
    [404, 57, 'not-found', 'Billing has no such record (HTTP 404)'],
    [404, null, 'not-found', 'Billing has no such record (HTTP 404)'],
    [400, 3004, 'not-found', 'Billing has no such record (HTTP 400)'],
    [400, 1002, 'not-found', 'Billing has no such record (HTTP 400)'],
    [422, 1002, 'rejected', 'Billing rejected the request (HTTP 422)'],
    [400, 2, 'rejected', 'Billing rejected the request (HTTP 400)'],
    [400, null, 'rejected', 'Billing rejected the request (HTTP 400)'],
    [499, null, 'rejected', 'Billing rejected the request (HTTP 499)'],
    [500, 57, 'server', 'Billing server error (HTTP 500)'],
    [503, null, 'server', 'Billing server error (HTTP 503)'],
    [599, null, 'server', 'Billing server error (HTTP 599)'],
    [0, null, 'network', 'No answer from Billing'],
    [600, null, 'malformed', 'Unexpected HTTP status 600 from Billing'],
    [399, null, 'malformed', 'Unexpected HTTP status 399 from Billing'],
    [302, null, 'malformed', 'Unexpected HTTP status 302 from Billing'],
  ] as const)('HTTP %s with Zoho code %s is %s: "%s"', (status, code, kind, message) => {
    const e = errorForStatus(answer(status), code === null ? null : { code, message: 'Billing says so' }, NOW);
    expect(facts(e)).toEqual({
      kind,
      message,
      status,
      code: code ?? undefined,
      detail: code === null ? undefined : 'Billing says so',
      transient: kind === 'server' || kind === 'network' || kind === 'rate-limited',
    });
  });

  it("a 429 is a rate limit that says when to try again, from Retry-After in seconds or as a date, whatever the header's case", () => {
    const limited = errorForStatus(answer(429, { 'Retry-After': '30' }), { code: 44, message: 'Too many requests' }, NOW);
    expect(facts(limited)).toEqual({ kind: 'rate-limited', message: 'Billing rate limit reached (HTTP 429)', status: 429, code: 44, detail: 'Too many requests', transient: true });
    expect(limited.retryAfterMs).toBe(30_000);
    expect(errorForStatus(answer(429, { 'retry-after': 'Mon, 07 Dec 2026 10:01:00 GMT' }), null, NOW).retryAfterMs).toBe(60_000);
    expect(errorForStatus(answer(429, { 'x-other': '5' }), null, NOW).retryAfterMs).toBeUndefined();
    expect(errorForStatus(answer(429), null, NOW).retryAfterMs).toBeUndefined();
  });

  it('an answer without an envelope message has no detail', () => {
    expect(errorForStatus(answer(400), { code: 2, message: '' }, NOW).detail).toBeUndefined();
  });

  it('a 429 whose answer came without any headers is still a rate limit, with no wait time', () => {
    const bare = { status: 429, body: null } as unknown as HostResponse;
    expect(errorForStatus(bare, null, NOW)).toMatchObject({ kind: 'rate-limited', retryAfterMs: undefined });
  });

  it('other answers never carry a retry time', () => {
    expect(errorForStatus(answer(503, { 'Retry-After': '30' }), null, NOW).retryAfterMs).toBeUndefined();
  });
});

describe('Retry-After', () => {
  it.each([
    ['120', 120_000],
    [' 5 ', 5_000],
    ['0', 0],
    ['Mon, 07 Dec 2026 10:00:30 GMT', 30_000],
    // A date already past means "now", never a negative wait.
    ['Mon, 07 Dec 2026 09:59:00 GMT', 0],
  ])('"%s" means wait %s ms', (value, ms) => {
    expect(retryAfterMs(value, NOW)).toBe(ms);
  });
  it.each([[undefined], ['-5'], ['1.5'], ['soon'], ['2026-12-07'], ['']])('%s is no wait time', (value) => {
    expect(retryAfterMs(value, NOW)).toBeUndefined();
  });
});

describe("Zoho's code inside a 2xx answer", () => {
  it.each([
    [57, 'not-authorised', "Billing refused the connection's authorisation (code 57)"],
    [14, 'not-authorised', "Billing refused the connection's authorisation (code 14)"],
    [3004, 'not-found', 'Billing has no such record (code 3004)'],
    [1002, 'not-found', 'Billing has no such record (code 1002)'],
    [44, 'rate-limited', 'Billing rate limit reached (code 44)'],
    [45, 'rate-limited', 'Billing rate limit reached (code 45)'],
    [2, 'rejected', 'Billing rejected the request (code 2)'],
    [null, 'rejected', 'Billing rejected the request (code null)'],
  ] as const)('code %s is %s: "%s"', (code, kind, message) => {
    expect(facts(errorForCode(200, { code, message: 'Billing says so' }))).toEqual({
      kind, message, status: 200, code: code ?? undefined, detail: 'Billing says so', transient: kind === 'rate-limited',
    });
    expect(errorForCode(201, { code, message: '' }).detail).toBeUndefined();
  });
});

describe('a Desk connection failure', () => {
  const fail = (error: Partial<HostError> & Pick<HostError, 'kind'>): HostError => ({ message: '', ...error });

  it('not authorised, with the https page where the admin authorises (never another scheme)', () => {
    const e = hostError(fail({ kind: 'not-authorised', message: 'Authorise Zoho Billing', authUrl: 'https://accounts.zoho.com/oauth?x=1' }));
    expect(facts(e)).toMatchObject({ kind: 'not-authorised', message: 'Authorise Zoho Billing', transient: false });
    expect(e.authUrl).toBe('https://accounts.zoho.com/oauth?x=1');
    expect(e.cause).toMatchObject({ kind: 'not-authorised' });
    expect(hostError(fail({ kind: 'not-authorised', authUrl: 'javascript:alert(1)' }))).toMatchObject({
      message: 'The Zoho Billing connection is not authorised',
      authUrl: undefined,
    });
  });

  it('an unreadable SDK answer is malformed; a connection failing with no reason at all too', () => {
    expect(facts(hostError(fail({ kind: 'malformed', message: 'bad JSON' })))).toMatchObject({ kind: 'malformed', message: 'bad JSON' });
    const unreadable = hostError(fail({ kind: 'malformed' }));
    expect(unreadable.message).toBe('The Desk connection gave an unreadable answer');
    expect(unreadable.cause).toMatchObject({ kind: 'malformed' });
    expect(facts(hostError(undefined))).toMatchObject({ kind: 'malformed', message: 'The Desk connection failed without a reason' });
  });

  it('a lost request is a network failure worth retrying', () => {
    const lost = hostError(fail({ kind: 'network', message: 'Unable to reach the server.' }));
    expect(facts(lost)).toMatchObject({ kind: 'network', message: 'Unable to reach the server.', transient: true });
    expect(lost.cause).toMatchObject({ kind: 'network' });
    expect(hostError(fail({ kind: 'network' })).message).toBe('No answer from Billing');
    // A rejection that carries no remote body (or an empty one) is a lost request too.
    expect(hostError(fail({ kind: 'rejected', body: null })).kind).toBe('network');
    expect(hostError(fail({ kind: 'rejected' })).kind).toBe('network');
    // Only a rejection is read by its body: a lost request stays lost whatever the SDK attached.
    expect(hostError(fail({ kind: 'network', body: { code: 1002, message: 'Gone' } })).kind).toBe('network');
  });
});

describe('a rejection carrying only the remote body (no HTTP status)', () => {
  const rejected = (body: unknown) => hostError({ kind: 'rejected', message: 'refused', body });

  it.each([
    [{ code: 57, message: 'Not authorised' }, 'not-authorised', 'code 57', 57, 'Not authorised'],
    [{ code: 1002, message: 'Invoice does not exist.' }, 'not-found', 'code 1002', 1002, 'Invoice does not exist.'],
    [{ code: 45, message: 'Daily limit' }, 'rate-limited', 'code 45', 45, 'Daily limit'],
    [{ code: 2, message: 'Invalid value' }, 'rejected', 'code 2', 2, 'Invalid value'],
    [{ code: 2, message: 'You do not have permission to do that' }, 'forbidden', 'code 2', 2, 'You do not have permission to do that'],
    [{ code: 4, message: 'possibly not an user of the respective organization' }, 'forbidden', 'code 4', 4, 'possibly not an user of the respective organization'],
    [{ code: 4, message: 'not a user of this organization' }, 'forbidden', 'code 4', 4, 'not a user of this organization'],
    ['{"code":1002,"message":"Gone"}', 'not-found', 'code 1002', 1002, 'Gone'],
    [{ errorCode: 'INVALID_OAUTH' }, 'not-authorised', 'INVALID_OAUTH', undefined, undefined],
    [{ errorCode: 'FORBIDDEN', message: 'No access' }, 'forbidden', 'FORBIDDEN', undefined, 'No access'],
    [{ errorCode: 'URL_NOT_FOUND' }, 'not-found', 'URL_NOT_FOUND', undefined, undefined],
    [{ errorCode: 'TOO_MANY_REQUESTS' }, 'rate-limited', 'TOO_MANY_REQUESTS', undefined, undefined],
    [{ errorCode: 'INTERNAL_SERVER_ERROR' }, 'server', 'INTERNAL_SERVER_ERROR', undefined, undefined],
    [{ errorCode: 'INVALID_DATA', message: 'Bad value' }, 'rejected', 'INVALID_DATA', undefined, 'Bad value'],
    [{ message: 'Something broke' }, 'rejected', 'an error', undefined, 'Something broke'],
    [{ message: 42 }, 'rejected', 'an error', undefined, '42'],
    ['a plain refusal', 'rejected', 'an error', undefined, undefined],
  ] as const)('%j is %s', (body, kind, said, code, detail) => {
    const e = rejected(body);
    expect(facts(e)).toEqual({ kind, message: `Billing answered ${said} without an HTTP status`, status: undefined, code, detail, transient: kind === 'rate-limited' || kind === 'server' });
    expect(e.cause).toMatchObject({ kind: 'rejected', body });
  });

  it("a Billing code wins over a Desk errorCode; an unknown Billing code leaves the Desk errorCode to decide", () => {
    expect(rejected({ code: 1002, message: 'gone', errorCode: 'FORBIDDEN' }).kind).toBe('not-found');
    expect(rejected({ code: 2, message: 'no', errorCode: 'FORBIDDEN' }).kind).toBe('forbidden');
  });
});

describe('errors as values', () => {
  it('only rate limits, server errors and lost requests are worth retrying as they are', () => {
    const kinds: BillingErrorKind[] = ['not-authorised', 'forbidden', 'not-found', 'rate-limited', 'server', 'rejected', 'malformed', 'network', 'not-configured', 'over-cap'];
    expect(kinds.filter((k) => new BillingError(k, 'x').transient)).toEqual(['rate-limited', 'server', 'network']);
  });

  it('keeps every fact it was given, and its cause only when there is one', () => {
    const e = new BillingError('rate-limited', 'busy', { status: 429, code: 44, retryAfterMs: 5, retryAt: 99, authUrl: 'https://a.example', detail: 'd', cause: 'c' });
    expect(e).toMatchObject({ name: 'BillingError', message: 'busy', kind: 'rate-limited', status: 429, code: 44, retryAfterMs: 5, retryAt: 99, authUrl: 'https://a.example', detail: 'd', cause: 'c' });
    expect('cause' in new BillingError('server', 'down')).toBe(false);
  });

  it('anything thrown becomes a BillingError; an unknown throw is malformed and keeps its words', () => {
    const original = new BillingError('not-found', 'gone');
    expect(toBillingError(original)).toBe(original);
    expect(facts(toBillingError(new TypeError('x is undefined')))).toMatchObject({ kind: 'malformed', message: 'x is undefined' });
    expect(toBillingError('plain')).toMatchObject({ kind: 'malformed', message: 'plain', cause: 'plain' });
    expect(isBillingError(original)).toBe(true);
    expect(isBillingError(new Error('x'))).toBe(false);
  });
});

describe('reading an answer body', () => {
  it("finds Zoho's {code, message} envelope only in an object", () => {
    expect(envelopeOf({ code: 0, message: 'success', invoices: [] })).toEqual({ code: 0, message: 'success' });
    expect(envelopeOf({ code: '14', message: 'Invalid OAuth token' })).toEqual({ code: 14, message: 'Invalid OAuth token' });
    expect(envelopeOf([{ code: 1 }])).toBeNull();
    expect(envelopeOf('code 1')).toBeNull();
    expect(envelopeOf(null)).toBeNull();
  });

  it('parses JSON text once more, keeps other text as it is, and reads blank text as nothing', () => {
    expect(jsonOf(' {"code":0} ')).toEqual({ code: 0 });
    expect(jsonOf('<html>')).toBe('<html>');
    expect(jsonOf('   ')).toBeUndefined();
    const object = { a: 1 };
    expect(jsonOf(object)).toBe(object);
  });

  it('names what came back instead of JSON, as the diagnostics say it', () => {
    expect(describeBody(undefined)).toBe('an empty answer');
    expect(describeBody(null)).toBe('an empty answer');
    expect(describeBody('')).toBe('an empty answer');
    expect(describeBody('  <!DOCTYPE html>')).toBe('an HTML page');
    expect(describeBody('oops')).toBe('text that is not JSON');
    expect(describeBody([1])).toBe('a list instead of an object');
    expect(describeBody(5)).toBe('a number');
    expect(looksLikeHtml('x <b>')).toBe(false);
  });
});
