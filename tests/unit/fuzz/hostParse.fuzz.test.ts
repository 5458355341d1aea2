/**
 * Property: the host parsers (src/host/parse.ts, src/host/entities.ts) turn ANY SDK answer — the real
 * envelopes with recorded Billing bodies inside, damaged at any level, JSON-encoded or not, or plain
 * garbage — into a well-formed HostResult (or a normalised record / null), and never throw.
 */
import fc from 'fast-check';
import {
  agentIsAdmin,
  appearanceOf,
  collectEmails,
  parseApp,
  toDeskAccount,
  toDeskContact,
  toDeskTicket,
  toDeskUser,
} from '../../../src/host/entities';
import { toDataCenter } from '../../../src/host/dataCenter';
import {
  findNotAuthorised,
  messageOf,
  parseDatabaseDelete,
  parseDatabaseGet,
  parseDatabaseSet,
  parseGetAnswer,
  parseGetRejection,
  parsePopupAnswer,
  parseRequestAnswer,
  parseRequestRejection,
} from '../../../src/host/parse';
import { DATA_CENTERS, type HostErrorKind, type HostResult } from '../../../src/host/types';
import { recorded, RECORDED_NAMES, recordedByName } from '../../fixtures/billingRecorded';
import { XSS_STRINGS } from '../../fixtures/xss';
import { configureFuzz, FUZZ_TIMEOUT_MS, hostileValue, jsonText, mutated, prototypePolluted } from './mutate';

configureFuzz();

const HOST_ERROR_KINDS: readonly HostErrorKind[] = ['not-authorised', 'not-in-context', 'storage', 'malformed', 'network', 'rejected'];

function resultProblems(r: HostResult<unknown>, check: (value: unknown) => string[] = () => []): string[] {
  if (typeof r !== 'object' || r === null) return ['not an object'];
  if (r.ok === true) return check(r.value);
  if (r.ok !== false) return [`ok is ${String((r as { ok: unknown }).ok)}`];
  const e = r.error;
  const out: string[] = [];
  if (!HOST_ERROR_KINDS.includes(e.kind)) out.push(`kind ${String(e.kind)}`);
  if (typeof e.message !== 'string' || e.message === '') out.push('no message');
  if (typeof e.message === 'string' && e.message.length > 2_000) out.push(`message of ${e.message.length} chars`);
  if (e.authUrl !== undefined && !(typeof e.authUrl === 'string' && e.authUrl.startsWith('https://'))) out.push(`authUrl ${String(e.authUrl)}`);
  return out;
}

function responseProblems(value: unknown): string[] {
  const out: string[] = [];
  const v = value as { status: unknown; headers: unknown };
  if (!(typeof v.status === 'number' && Number.isInteger(v.status) && v.status >= 100 && v.status <= 599)) out.push(`status ${String(v.status)}`);
  if (typeof v.headers !== 'object' || v.headers === null) out.push('no headers');
  else {
    for (const [k, h] of Object.entries(v.headers)) {
      if (typeof h !== 'string') out.push(`header ${k} is ${typeof h}`);
      if (k !== k.toLowerCase()) out.push(`header ${k} not lower-case`);
    }
  }
  return out;
}

/** A value as the SDK may hand it over: sometimes still a JSON string. */
const maybeEncoded = (v: unknown) => fc.boolean().map((encode) => (encode ? jsonText(v) : v));

/** Recorded Billing body → damaged → inside damaged SDK envelopes, each level maybe JSON-encoded. */
const sdkAnswer: fc.Arbitrary<unknown> = fc
  .tuple(fc.constantFrom(...RECORDED_NAMES), fc.constantFrom('default', 'object', 'json', 'bare', 'auth'))
  .chain(([name, style]) =>
    mutated(recordedByName(name)).chain((body) =>
      maybeEncoded(body).chain((inner) => {
        const statusCode = fc.oneof(fc.constantFrom(200, 201, 400, 404, 429, 500, '200', '429', 'abc'), hostileValue);
        if (style === 'json') {
          return fc
            .tuple(statusCode, fc.dictionary(fc.string({ maxLength: 12 }), hostileValue, { maxKeys: 3 }))
            .chain(([status, headers]) => mutated({ status, headers, data: { status: 'true', statusMessage: inner } }));
        }
        if (style === 'bare') return statusCode.chain((s) => mutated({ statusCode: s, response: inner }));
        if (style === 'auth') {
          return mutated({ statusCode: 200, response: { status: 'true', statusMessage: { data: { error_code: '1000', resumeUrl: 'https://accounts.zoho.com/resume' } } } }).chain(maybeEncoded);
        }
        return statusCode.chain((s) =>
          mutated({ status: 'true', statusMessage: inner }).chain((envelope) =>
            maybeEncoded(envelope).chain((response) => mutated({ statusCode: s, response }).chain(style === 'default' ? maybeEncoded : fc.constant)),
          ),
        );
      }),
    ),
  );

const anyAnswer = fc.oneof({ weight: 3, arbitrary: sdkAnswer }, { weight: 1, arbitrary: hostileValue }, { weight: 1, arbitrary: fc.anything() });

const deskRecord = fc.oneof(
  mutated({
    id: '1892000000093011',
    ticketNumber: '104233',
    subject: 'Invoice question',
    email: 'ben.george@bowman.example',
    contactId: '1892000000042001',
    contact: { id: '1892000000042001', firstName: 'Benjamin', lastName: 'George', email: 'ben.george@bowman.example', secondaryEmail: 'ben@bowman.example' },
    account: { id: '1892000000050001', accountName: 'Bowman Furniture', website: 'https://bowman.example' },
    cf: { cf_billing_email: 'billing@bowman.example' },
    address: { street: '1200 Harrison St', city: 'San Francisco', state: 'CA', zip: '94103', country: 'USA' },
  }).chain(maybeEncoded),
  hostileValue,
  fc.anything(),
);

function textOrNull(label: string, v: unknown): string[] {
  return v === null || typeof v === 'string' ? [] : [`${label} is ${typeof v}`];
}

describe('host parsers over damaged SDK answers', () => {
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>).polluted;
  });

  it(
    'parseRequestAnswer / parseRequestRejection always give a well-formed HostResult',
    () => {
      fc.assert(
        fc.property(anyAnswer, (raw) => {
          const problems = [
            ...resultProblems(parseRequestAnswer(raw), responseProblems).map((p) => `answer: ${p}`),
            ...resultProblems(parseRequestRejection(raw), responseProblems).map((p) => `rejection: ${p}`),
          ];
          if (prototypePolluted()) problems.push('Object.prototype polluted');
          expect(problems).toEqual([]);
        }),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'the undamaged default envelope still reads back as the recorded body (the property is not vacuous)',
    () => {
      const body = recorded.customerDetail();
      const raw = JSON.stringify({ statusCode: 200, response: JSON.stringify({ status: 'true', statusMessage: body }) });
      expect(parseRequestAnswer(raw)).toEqual({ ok: true, value: { status: 200, body, headers: {} } });
    },
  );

  it(
    'get / database / popup / message parsers never throw and keep their shapes',
    () => {
      const key = fc.constantFrom('ticket', 'contact', 'ticket.email', 'ticket.contact.id', 'database', '__proto__', 'constructor', '');
      fc.assert(
        fc.property(anyAnswer, key, (raw, k) => {
          const problems: string[] = [];
          problems.push(...resultProblems(parseGetAnswer(raw, k)));
          problems.push(...resultProblems(parseGetRejection(raw, k)));
          problems.push(
            ...resultProblems(parseDatabaseGet(raw), (records) =>
              Array.isArray(records)
                ? records.flatMap((r: { key: unknown; queriableValue: unknown }) =>
                    typeof r.key === 'string' && typeof r.queriableValue === 'string' ? [] : ['database record key/queriableValue not text'],
                  )
                : ['database records not a list'],
            ),
          );
          problems.push(...resultProblems(parseDatabaseSet(raw)));
          problems.push(...resultProblems(parseDatabaseDelete(raw)));
          if (typeof parsePopupAnswer(raw) !== 'boolean') problems.push('popup answer not boolean');
          const message = messageOf(raw, 'fallback');
          if (typeof message !== 'string' || message === '' || message.length > 500) problems.push(`message ${String(message).slice(0, 40)}`);
          const auth = findNotAuthorised(raw);
          if (auth !== null && auth.authUrl !== undefined && !auth.authUrl.startsWith('https://')) problems.push(`authUrl ${auth.authUrl}`);
          if (prototypePolluted()) problems.push('Object.prototype polluted');
          expect(problems).toEqual([]);
        }),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'Desk records (ticket, contact, account, user, agent, App) normalise or come back null',
    () => {
      fc.assert(
        fc.property(deskRecord, (raw) => {
          const problems: string[] = [];
          const ticket = toDeskTicket(raw);
          if (ticket !== null) {
            if (typeof ticket.id !== 'string' || ticket.id === '') problems.push('ticket id');
            if (typeof ticket.number !== 'string' || typeof ticket.subject !== 'string') problems.push('ticket text');
            for (const k of ['email', 'contactId', 'contactName', 'accountId', 'accountName'] as const) problems.push(...textOrNull(`ticket.${k}`, ticket[k]));
          }
          const contact = toDeskContact(raw);
          if (contact !== null) {
            if (typeof contact.id !== 'string' || contact.id === '') problems.push('contact id');
            if (!Array.isArray(contact.emails) || contact.emails.some((e) => typeof e !== 'string' || e !== e.toLowerCase() || /[\s<>"]/.test(e))) {
              problems.push(`contact emails ${JSON.stringify(contact.emails)}`);
            }
            if (new Set(contact.emails).size !== contact.emails.length) problems.push('contact emails repeat');
            if (typeof contact.name !== 'string') problems.push('contact name');
          }
          const account = toDeskAccount(raw);
          if (account !== null && (typeof account.id !== 'string' || typeof account.name !== 'string')) problems.push('account id/name');
          if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
            const emails = collectEmails(raw as Record<string, unknown>);
            if (!emails.every((e) => typeof e === 'string')) problems.push('collectEmails');
          }
          const user = toDeskUser(raw);
          if (typeof user.id !== 'string' || typeof user.name !== 'string' || typeof user.email !== 'string') problems.push('user');
          const admin = agentIsAdmin(raw);
          if (admin !== null && typeof admin !== 'boolean') problems.push('agentIsAdmin');
          if (!DATA_CENTERS.includes(toDataCenter(raw))) problems.push('data center');
          if (!['light', 'dark'].includes(appearanceOf(raw, () => null))) problems.push('appearance');
          const app = parseApp(raw);
          if (typeof app.location !== 'string' || typeof app.locale !== 'string') problems.push('App');
          if (prototypePolluted()) problems.push('Object.prototype polluted');
          expect(problems).toEqual([]);
        }),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it('hostile text in Desk records survives as text, untouched', () => {
    for (const payload of XSS_STRINGS.filter((s) => s.trim() !== '' && s.length < 1_000)) {
      const ticket = toDeskTicket({ id: '1', subject: payload, contactName: payload });
      expect(ticket?.subject).toBe(payload.trim());
      expect(ticket?.contactName).toBe(payload.trim());
    }
  });
});

describe('regressions found by the fuzzer', () => {
  it("toDataCenter ignores Object.prototype names ('constructor' used to return a Function)", () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(toDataCenter(name)).toBe('US');
    }
    expect(toDataCenter('com.au')).toBe('AU');
  });
});
