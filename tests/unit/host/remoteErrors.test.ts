/**
 * A rejection that carries the remote service's error body but no HTTP status (Zoho's own sample
 * reads `JSON.parse(JSON.parse(err).statusMessage).message`, desk-sdk.md §11) is the server's answer:
 * the host hands the body on, and Desk bodies are classified here by what they say.
 */
import { describe, expect, it } from 'vitest';
import { connectDeskHost } from '../../../src/host/deskHost';
import { statusForDeskErrorCode } from '../../../src/host/deskErrors';
import { parseRequestAnswer, parseRequestRejection, remoteErrorBody } from '../../../src/host/parse';
import type { HostResult } from '../../../src/host/types';
import { createDeskSimulation } from '../../../src/sandbox/desk/simulation';
import { createFakeZohoDesk } from '../../../src/sandbox/desk/fakeZohoDesk';

function errorOf<T>(result: HostResult<T>) {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

const billingNotFound = { code: 1002, message: 'Invoice does not exist.' };
const deskNotFound = { errorCode: 'URL_NOT_FOUND', message: 'The URL you requested could not be found.' };

describe('rejections carrying a remote body and no status', () => {
  it.each([
    ['the sample shape: JSON string, statusMessage a JSON string', JSON.stringify({ statusMessage: JSON.stringify(billingNotFound) }), billingNotFound],
    ['statusMessage already an object', { statusMessage: billingNotFound }, billingNotFound],
    ['the bare Billing body', billingNotFound, billingNotFound],
    ['a numeric-string code', { code: '57', message: 'You are not authorized to perform this operation' }, { code: '57', message: 'You are not authorized to perform this operation' }],
    ['nested under error', { error: billingNotFound }, billingNotFound],
    ['a Desk body', JSON.stringify({ statusMessage: JSON.stringify(deskNotFound) }), deskNotFound],
    ['a Desk body with only errorCode', { errorCode: 'FORBIDDEN' }, { errorCode: 'FORBIDDEN' }],
  ])('%s: kept as the body, message from it', (_name, rejection, body) => {
    const error = errorOf(parseRequestRejection(rejection));
    expect(error.kind).toBe('rejected');
    expect(error.body).toEqual(body);
  });

  it('an SDK refusal ({errMsg}), a plain string and code 0 carry no remote body', () => {
    expect(errorOf(parseRequestRejection({ errMsg: 'Unable to reach the server.' })).body).toBeUndefined();
    expect(errorOf(parseRequestRejection('something broke')).body).toBeUndefined();
    expect(remoteErrorBody({ code: 0, message: 'success' })).toBeNull();
    expect(remoteErrorBody({ code: 1002 })).toBeNull();
  });

  it('a status on the rejection still makes it an HTTP answer', () => {
    const answer = parseRequestRejection(JSON.stringify({ statusCode: 404, statusMessage: JSON.stringify(billingNotFound) }));
    expect(answer).toEqual({ ok: true, value: { status: 404, body: billingNotFound, headers: {} } });
  });

  it("a resolved connection envelope with status 'false' and a body, but no statusCode", () => {
    const error = errorOf(parseRequestAnswer({ status: 'false', statusMessage: JSON.stringify(billingNotFound) }));
    expect(error.body).toEqual(billingNotFound);
  });
});

describe('Desk error codes stand for their HTTP status', () => {
  it.each([
    ['URL_NOT_FOUND', 404],
    ['RESOURCE_NOT_FOUND', 404],
    ['INVALID_OAUTH', 401],
    ['SCOPE_MISMATCH', 401],
    ['UNAUTHORIZED', 401],
    ['FORBIDDEN', 403],
    ['LICENSE_ACCESS_LIMITED', 403],
    ['TOO_MANY_REQUESTS', 429],
    ['INTERNAL_SERVER_ERROR', 500],
    ['INVALID_DATA', 422],
    ['UNPROCESSABLE_ENTITY', 422],
    ['SOMETHING_NEW', 400],
  ])('%s → %i', (code, status) => {
    expect(statusForDeskErrorCode(code)).toBe(status);
  });
});

describe('Desk API calls rejected with only the body (simulated portal)', () => {
  async function host(byPath: Record<string, { errorCode: string; message?: string }>) {
    const transport = async (request: Request): Promise<Response> => {
      const path = new URL(request.url).pathname;
      const body = byPath[Object.keys(byPath).find((p) => path.startsWith(p)) ?? ''] ?? { errorCode: 'URL_NOT_FOUND' };
      return new Response(JSON.stringify(body), { status: 400, headers: { 'content-type': 'application/json' } });
    };
    const sim = createDeskSimulation({ transport, faults: { remoteErrorsReject: true, rejectWithoutStatus: true } });
    return connectDeskHost(createFakeZohoDesk(sim));
  }

  it('not found → not in context (was: a generic refusal)', async () => {
    const h = await host({ '/api/v1/contacts/': { errorCode: 'URL_NOT_FOUND', message: 'No such contact' } });
    const error = errorOf(await h.contact('404404'));
    expect(error.kind).toBe('not-in-context');
    expect(error.message).toBe('No such contact');
  });

  it('not authorised → not-authorised, and isAdmin reports it instead of "unknown"', async () => {
    const h = await host({ '/api/v1/': { errorCode: 'INVALID_OAUTH', message: 'The OAuth Token you provided is invalid.' } });
    expect(errorOf(await h.contact('1')).kind).toBe('not-authorised');
    expect(errorOf(await h.isAdmin()).kind).toBe('not-authorised');
  });

  it('forbidden and invalid → a refusal (never "network"); isAdmin then cannot tell', async () => {
    const h = await host({ '/api/v1/agents/': { errorCode: 'FORBIDDEN' }, '/api/v1/accounts/': { errorCode: 'INVALID_DATA' } });
    expect(await h.isAdmin()).toEqual({ ok: true, value: null });
    const error = errorOf(await h.account('x'));
    expect(error.kind).toBe('rejected');
  });
});
