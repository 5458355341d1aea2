import { describe, expect, it } from 'vitest';
import {
  decodeJsonish,
  findNotAuthorised,
  parseDatabaseDelete,
  parseDatabaseGet,
  parseDatabaseSet,
  parseGetAnswer,
  parseGetRejection,
  parsePopupAnswer,
  parseRequestAnswer,
  parseRequestRejection,
} from '../../../src/host/parse';
import type { HostResponse, HostResult } from '../../../src/host/types';

function response(result: HostResult<HostResponse>): HostResponse {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.kind}: ${result.error.message}`);
  return result.value;
}

function errorOf<T>(result: HostResult<T>) {
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

const customer = { code: 0, message: 'success', customer: { customer_id: '9000001', display_name: 'Acme' } };

describe('get() answers (desk-sdk.md §2.1)', () => {
  it('reads a flat dotted key with its string value', () => {
    const answer = { status: 'success', 'ticket.email': 'support@zohodesk.com' };
    expect(parseGetAnswer(answer, 'ticket.email')).toEqual({ ok: true, value: 'support@zohodesk.com' });
  });

  it('keeps numbers and booleans as the strings Desk sends', () => {
    expect(parseGetAnswer({ status: 'success', 'ticket.threadCount': '1' }, 'ticket.threadCount')).toEqual({ ok: true, value: '1' });
    expect(parseGetAnswer({ status: 'success', 'ticket.isSpam': 'false' }, 'ticket.isSpam')).toEqual({ ok: true, value: 'false' });
  });

  it('reads an object nested under its name', () => {
    const ticket = { id: '1892000000143237', number: '104233', subject: 'Refund' };
    expect(parseGetAnswer({ status: 'success', ticket }, 'ticket')).toEqual({ ok: true, value: ticket });
    const user = { id: '5', fullName: 'Aiko', email: 'a@example.com' };
    expect(parseGetAnswer({ user }, 'user')).toEqual({ ok: true, value: user });
  });

  it('reads portal.id and a null form field (add page)', () => {
    expect(parseGetAnswer({ 'portal.id': '700000001' }, 'portal.id')).toEqual({ ok: true, value: '700000001' });
    expect(parseGetAnswer({ 'ticketForm.subject': null }, 'ticketForm.subject')).toEqual({ ok: true, value: null });
  });

  it('accepts a JSON-string answer and a dotted key answered as a nested object', () => {
    expect(parseGetAnswer(JSON.stringify({ 'portal.id': 7 }), 'portal.id')).toEqual({ ok: true, value: 7 });
    expect(parseGetAnswer({ ticket: { email: 'x@y.jp' } }, 'ticket.email')).toEqual({ ok: true, value: 'x@y.jp' });
  });

  it('turns {errMsg} rejections and answers into not-in-context', () => {
    const rejected = errorOf(parseGetRejection({ errMsg: 'Invalid Payload' }, 'ticket'));
    expect(rejected).toMatchObject({ kind: 'not-in-context', message: 'Invalid Payload' });
    expect(errorOf(parseGetAnswer({ errMsg: 'not here' }, 'ticket'))).toMatchObject({ kind: 'not-in-context' });
    expect(errorOf(parseGetAnswer({ status: 'success' }, 'ticket'))).toMatchObject({ kind: 'not-in-context' });
    expect(errorOf(parseGetRejection('Ticket not found', 'ticket')).message).toBe('Ticket not found');
    expect(errorOf(parseGetAnswer(undefined, 'ticket')).kind).toBe('malformed');
  });
});

describe('request() answers (desk-sdk.md §3)', () => {
  it('default mode: JSON string → {statusCode, response:"<string>"} → {status:"true", statusMessage: body}', () => {
    const raw = JSON.stringify({ statusCode: 200, response: JSON.stringify({ status: 'true', statusMessage: customer }) });
    expect(response(parseRequestAnswer(raw))).toEqual({ status: 200, body: customer, headers: {} });
  });

  it('default mode: a JSON array body still encoded in statusMessage needs the third parse', () => {
    const repos = [{ id: 1, name: 'a' }];
    const raw = JSON.stringify({
      statusCode: 200,
      response: JSON.stringify({ status: 'true', statusMessage: JSON.stringify(repos) }),
    });
    expect(response(parseRequestAnswer(raw)).body).toEqual(repos);
  });

  it('default mode with every level already parsed', () => {
    const raw = { statusCode: 201, response: { status: 'true', statusMessage: customer } };
    expect(response(parseRequestAnswer(raw))).toMatchObject({ status: 201, body: customer });
  });

  it('statusCode given as a string, and 204 with an empty body', () => {
    const raw = JSON.stringify({ statusCode: '204', response: JSON.stringify({ status: 'true', statusMessage: '' }) });
    expect(response(parseRequestAnswer(raw))).toMatchObject({ status: 204, body: '' });
  });

  it('no-connection mode: the response is the raw body', () => {
    const raw = JSON.stringify({ statusCode: 200, response: JSON.stringify(customer) });
    expect(response(parseRequestAnswer(raw))).toMatchObject({ status: 200, body: customer });
  });

  it('a non-JSON body stays the text the server sent', () => {
    const html = '<html><body>502 Bad Gateway</body></html>';
    const raw = JSON.stringify({ statusCode: 502, response: JSON.stringify({ status: 'true', statusMessage: html }) });
    expect(response(parseRequestAnswer(raw))).toMatchObject({ status: 502, body: html });
  });

  it("responseType 'json': res.data.statusMessage is the body", () => {
    const thread = { plainText: 'hello' };
    expect(response(parseRequestAnswer({ data: { statusMessage: thread } })).body).toEqual(thread);
    const list = { data: [{ id: 'c1' }] };
    const result = response(parseRequestAnswer({ data: { status: 'true', statusMessage: list } }));
    expect(result).toEqual({ status: 200, body: list, headers: {} });
  });

  it("responseType 'json' carrying an HTTP status and headers", () => {
    const raw = { status: 429, headers: { 'Retry-After': 30 }, data: { statusMessage: { code: 44, message: 'slow down' } } };
    expect(response(parseRequestAnswer(raw))).toEqual({
      status: 429,
      body: { code: 44, message: 'slow down' },
      headers: { 'retry-after': '30' },
    });
  });

  it('remote 4xx/5xx resolved with statusCode ≠ 200 are answers, not errors', () => {
    const body = { code: 1002, message: 'Customer does not exist.' };
    const raw = JSON.stringify({ statusCode: 404, response: JSON.stringify({ status: 'true', statusMessage: body }) });
    expect(response(parseRequestAnswer(raw))).toMatchObject({ status: 404, body });
    const server = JSON.stringify({ statusCode: 500, response: JSON.stringify({ status: 'true', statusMessage: { message: 'x' } }) });
    expect(response(parseRequestAnswer(server)).status).toBe(500);
  });

  it('a body whose own fields look like an envelope is not peeled', () => {
    const body = { code: 0, status: 'active', statusCode: 404, data: { statusMessage: 'x' }, headers: { a: 'b' } };
    const raw = JSON.stringify({ statusCode: 200, response: JSON.stringify({ status: 'true', statusMessage: body }) });
    expect(response(parseRequestAnswer(raw))).toEqual({ status: 200, body, headers: {} });
    expect(response(parseRequestAnswer({ data: { statusMessage: body } }))).toEqual({ status: 200, body, headers: {} });
  });

  it('connection envelope with status "false" and no HTTP status is a rejection', () => {
    const raw = JSON.stringify({ response: JSON.stringify({ status: 'false', statusMessage: 'Invalid connection' }) });
    expect(errorOf(parseRequestAnswer(raw))).toMatchObject({ kind: 'rejected', message: 'Invalid connection' });
  });

  it('nothing or plain text is malformed', () => {
    expect(errorOf(parseRequestAnswer(undefined)).kind).toBe('malformed');
    expect(errorOf(parseRequestAnswer('')).kind).toBe('malformed');
    expect(errorOf(parseRequestAnswer('garbage')).kind).toBe('malformed');
    expect(errorOf(parseRequestAnswer('{"statusCode":200, "response": ')).kind).toBe('malformed');
  });
});

describe('not authorised: error_code 1000 + resumeUrl (desk-sdk.md §3.4)', () => {
  const resumeUrl = 'https://accounts.zoho.com/oauth/resume?x=1';

  it('resolved with res.data.error_code "1000" and res.data.resumeUrl', () => {
    const error = errorOf(parseRequestAnswer({ data: { error_code: '1000', resumeUrl } }));
    expect(error).toMatchObject({ kind: 'not-authorised', authUrl: resumeUrl });
  });

  it('numeric 1000, in the default string mode, nested deeper', () => {
    const raw = JSON.stringify({ statusCode: 200, response: JSON.stringify({ data: { error_code: 1000, resumeUrl } }) });
    expect(errorOf(parseRequestAnswer(raw))).toMatchObject({ kind: 'not-authorised', authUrl: resumeUrl });
    const deeper = JSON.stringify({
      statusCode: 200,
      response: JSON.stringify({ status: 'true', statusMessage: JSON.stringify({ data: { error_code: '1000', resumeUrl } }) }),
    });
    expect(errorOf(parseRequestAnswer(deeper)).kind).toBe('not-authorised');
  });

  it('when the promise rejects with it', () => {
    expect(errorOf(parseRequestRejection({ data: { error_code: '1000', resumeUrl } }))).toMatchObject({
      kind: 'not-authorised',
      authUrl: resumeUrl,
    });
    expect(errorOf(parseRequestRejection(JSON.stringify({ error_code: 1000, resumeUrl }))).kind).toBe('not-authorised');
  });

  it('drops a resumeUrl that is not https', () => {
    const error = errorOf(parseRequestAnswer({ data: { error_code: '1000', resumeUrl: 'javascript:alert(1)' } }));
    expect(error.kind).toBe('not-authorised');
    expect(error.authUrl).toBeUndefined();
  });

  it('does not see 1000 in an ordinary body', () => {
    expect(findNotAuthorised({ statusCode: 200, response: { status: 'true', statusMessage: { code: 1000 } } })).toBeNull();
  });
});

describe('request() rejections (desk-sdk.md §3.4)', () => {
  it("the sample's shape: JSON string whose statusMessage is the remote error body as a JSON string", () => {
    const err = JSON.stringify({ statusMessage: JSON.stringify({ code: 57, message: 'You are not authorized to perform this operation' }) });
    const error = errorOf(parseRequestRejection(err));
    expect(error.kind).toBe('rejected');
    expect(error.message).toBe('You are not authorized to perform this operation');
    expect(error.raw).toEqual({ code: 57, message: 'You are not authorized to perform this operation' });
  });

  it('a rejection with an HTTP status is an answer (remote 4xx/5xx that reject)', () => {
    const err = JSON.stringify({ statusCode: 429, statusMessage: JSON.stringify({ code: 44, message: 'Too many' }) });
    expect(response(parseRequestRejection(err))).toMatchObject({ status: 429, body: { code: 44, message: 'Too many' } });
    const outer = JSON.stringify({ statusCode: 503, response: '<html>down</html>' });
    expect(response(parseRequestRejection(outer))).toMatchObject({ status: 503, body: '<html>down</html>' });
  });

  it('{errMsg} is rejected; an Error or nothing is a network failure', () => {
    expect(errorOf(parseRequestRejection({ errMsg: 'Domain not whitelisted' }))).toMatchObject({
      kind: 'rejected',
      message: 'Domain not whitelisted',
    });
    expect(errorOf(parseRequestRejection(new TypeError('Failed to fetch'))).kind).toBe('network');
    expect(errorOf(parseRequestRejection(undefined)).kind).toBe('network');
    expect(errorOf(parseRequestRejection('timeout')).message).toBe('timeout');
  });
});

describe('database answers (desk-sdk.md §5.1)', () => {
  it("get: {'database.get': {data:[…]}}", () => {
    const raw = { 'database.get': { data: [{ key: 'settings', queriableValue: 'settings', value: { a: 1 } }] } };
    expect(parseDatabaseGet(raw)).toEqual({ ok: true, value: [{ key: 'settings', queriableValue: 'settings', value: { a: 1 } }] });
  });

  it('get: value stored as a JSON string, empty data, the .d.ts nesting', () => {
    const raw = { 'database.get': { data: [{ key: 'k', queriableValue: 'cache', value: '{"a":2}' }] } };
    expect(parseDatabaseGet(raw)).toMatchObject({ ok: true, value: [{ value: { a: 2 } }] });
    expect(parseDatabaseGet({ 'database.get': { data: [] } })).toEqual({ ok: true, value: [] });
    expect(parseDatabaseGet({ 'database.get': {} })).toEqual({ ok: true, value: [] });
    expect(parseDatabaseGet({ database: { get: { data: [{ key: 'x', value: {} }] } } })).toMatchObject({
      ok: true,
      value: [{ key: 'x', queriableValue: '' }],
    });
  });

  it('get: errMsg and unknown shapes', () => {
    expect(errorOf(parseDatabaseGet({ errMsg: 'Invalid Payload' }))).toMatchObject({ kind: 'storage', message: 'Invalid Payload' });
    expect(errorOf(parseDatabaseGet({ other: 1 })).kind).toBe('malformed');
  });

  it("set: {'database.set': {key, value, queriableValue}}", () => {
    expect(parseDatabaseSet({ 'database.set': { key: 'k', value: {}, queriableValue: 'cache' } })).toEqual({ ok: true, value: undefined });
    expect(errorOf(parseDatabaseSet({ errMsg: 'Invalid Payload' })).kind).toBe('storage');
  });

  it('delete: {"database.delete": {"delete":"success"}}', () => {
    expect(parseDatabaseDelete({ 'database.delete': { delete: 'success' } })).toEqual({ ok: true, value: undefined });
    expect(errorOf(parseDatabaseDelete({ 'database.delete': { delete: 'failure' } })).kind).toBe('storage');
  });
});

describe('showpopup answers (desk-sdk.md §6.5)', () => {
  it('{result:true|false}', () => {
    expect(parsePopupAnswer({ result: true })).toBe(true);
    expect(parsePopupAnswer({ result: false })).toBe(false);
    expect(parsePopupAnswer('{"result":"true"}')).toBe(true);
    expect(parsePopupAnswer(undefined)).toBe(false);
  });
});

describe('decoding is bounded', () => {
  it('parses at most three levels and never throws', () => {
    const four = JSON.stringify(JSON.stringify(JSON.stringify(JSON.stringify({ a: 1 }))));
    const budget = { left: 3 };
    let v: unknown = four;
    for (let i = 0; i < 5; i += 1) v = decodeJsonish(v, budget);
    expect(typeof v).toBe('string');
    expect(decodeJsonish('{broken')).toBe('{broken');
    expect(decodeJsonish('123')).toBe('123');
  });
});
