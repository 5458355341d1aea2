import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTicketFormReader, KEY_GIVE_UP_AFTER, valuesFromFields } from '../../../src/host/ticketForm';
import { EMPTY_FORM, MAX_MISSES, pollTicketForm, type Visibility } from '../../../src/host/formPoller';
import { HOST } from '../../../src/host/timeWindows';
import type { HostResult, TicketFormValues } from '../../../src/host/types';

const { formPollMs: FORM_POLL_MS, formPollMaxMs: FORM_POLL_MAX_MS } = HOST;

type Answers = Record<string, unknown>;

/** A get() over a table of keys: absent keys reject as off-context, as the SDK does. */
function sdk(answers: Answers) {
  const asked: string[] = [];
  const get = async (key: string): Promise<HostResult<unknown>> => {
    asked.push(key);
    return key in answers ? { ok: true, value: answers[key] } : { ok: false, error: { kind: 'not-in-context', message: `${key} is not available` } };
  };
  return { get, asked };
}

function value<T>(r: HostResult<T>): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('ticketForm.fields, the confirmed key, in every plausible shape', () => {
  it.each([
    ['a map of api names to values', { contactId: '55', email: 'A@x.jp', accountName: 'Acme' }],
    ['a map of {value}', { contactId: { value: '55' }, email: { value: 'a@x.jp' }, accountName: { value: 'Acme' } }],
    ['a list of {apiName, value}', [{ apiName: 'contactId', value: '55' }, { apiName: 'email', value: 'a@x.jp' }, { apiName: 'accountName', value: 'Acme' }]],
    ['a list of {name, displayValue}', [{ name: 'Contact ID', displayValue: '55' }, { name: 'email', displayValue: 'a@x.jp' }, { name: 'account_name', displayValue: 'Acme' }]],
    ['lookups as {id, name} under fields', { fields: { contact: { id: '55', name: 'Ken' }, email: 'a@x.jp', account: { id: '77', name: 'Acme' } } }],
    ['a JSON string', JSON.stringify({ data: [{ fieldName: 'contactId', value: 55 }, { key: 'email', value: 'a@x.jp' }, { apiName: 'accountName', value: 'Acme' }] })],
  ])('%s', async (_name, fields) => {
    const { get, asked } = sdk({ 'ticketForm.fields': fields, 'ticketForm.email': null });
    const form = value(await createTicketFormReader(get)());
    expect(form.contactId).toBe('55');
    expect(form.email).toBe('a@x.jp');
    expect(form.accountName).toBe('Acme');
    // The confirmed answer named the contact: no unconfirmed key was asked.
    expect(asked.sort()).toEqual(['ticketForm.email', 'ticketForm.fields']);
  });

  it('field metadata without values gives nothing (and the fallbacks are asked)', () => {
    expect(valuesFromFields([{ apiName: 'contactId', displayLabel: 'Contact' }, { apiName: 'email', type: 'Email' }])).toEqual({});
  });
});

describe('the set keys seen in public code, then the unconfirmed fallbacks', () => {
  it('ticketForm.email alone (fields empty)', async () => {
    const { get } = sdk({ 'ticketForm.fields': null, 'ticketForm.email': 'New@Example.com' });
    expect(value(await createTicketFormReader(get)())).toEqual({ ...EMPTY_FORM, email: 'new@example.com' });
  });

  it('ticketForm.contactId / accountId / contactName / accountName (unconfirmed) still work', async () => {
    const { get } = sdk({
      'ticketForm.fields': [],
      'ticketForm.email': null,
      'ticketForm.contactId': '56',
      'ticketForm.accountId': '77',
      'ticketForm.contactName': 'Ken Sato',
      'ticketForm.accountName': 'Example KK',
    });
    expect(value(await createTicketFormReader(get)())).toEqual({ contactId: '56', accountId: '77', email: null, contactName: 'Ken Sato', accountName: 'Example KK' });
  });

  it('ticketForm.contact / account as objects (unconfirmed)', async () => {
    const { get } = sdk({ 'ticketForm.contact': JSON.stringify({ id: '56', name: 'Ken Sato' }), 'ticketForm.account': { id: '77', accountName: 'Example KK' } });
    expect(value(await createTicketFormReader(get)())).toMatchObject({ contactId: '56', contactName: 'Ken Sato', accountId: '77', accountName: 'Example KK' });
  });

  it(`a fallback key rejected ${KEY_GIVE_UP_AFTER} times in a row is no longer asked`, async () => {
    const { get, asked } = sdk({ 'ticketForm.fields': null, 'ticketForm.email': 'a@x.jp' });
    const read = createTicketFormReader(get);
    for (let i = 0; i < KEY_GIVE_UP_AFTER; i += 1) await read();
    asked.length = 0;
    expect(value(await read()).email).toBe('a@x.jp');
    expect(asked.sort()).toEqual(['ticketForm.email', 'ticketForm.fields']);
  });

  it('every key rejected: the first rejection comes back (no form here)', async () => {
    const { get } = sdk({});
    const r = await createTicketFormReader(get)();
    expect(r.ok ? null : r.error.kind).toBe('not-in-context');
  });
});

function visibilityStub(initial = true) {
  let visible = initial;
  const watchers = new Set<() => void>();
  const v: Visibility = {
    visible: () => visible,
    watch(cb) {
      watchers.add(cb);
      return () => watchers.delete(cb);
    },
  };
  return {
    v,
    set(next: boolean) {
      visible = next;
      for (const cb of watchers) cb();
    },
  };
}

describe('polling the form', () => {
  afterEach(() => vi.useRealTimers());

  function setup(results: () => HostResult<TicketFormValues>, visible = true) {
    vi.useFakeTimers();
    const seen: TicketFormValues[] = [];
    const vis = visibilityStub(visible);
    let wake: () => void = () => undefined;
    const read = vi.fn(async () => results());
    const poller = pollTicketForm({
      read,
      onValues: (v) => seen.push(v),
      visibility: vis.v,
      wakeUps: [(w) => ((wake = w), () => undefined)],
    });
    return { seen, read, poller, vis, wake: () => wake() };
  }
  const form = (contactId: string | null): HostResult<TicketFormValues> => ({ ok: true, value: { ...EMPTY_FORM, contactId } });

  it('backs off while nothing changes (3 s, 6 s, 12 s … up to 30 s) and is brisk again after a change', async () => {
    let current = form(null);
    const { read, poller } = setup(() => current);
    await vi.advanceTimersByTimeAsync(0);
    expect(read).toHaveBeenCalledTimes(1);
    const delays: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      delays.push(poller.state().delayMs);
      await vi.advanceTimersByTimeAsync(poller.state().delayMs);
    }
    expect(delays).toEqual([FORM_POLL_MS, FORM_POLL_MS * 2, FORM_POLL_MS * 4, FORM_POLL_MS * 8, FORM_POLL_MAX_MS]);
    current = form('55');
    await vi.advanceTimersByTimeAsync(poller.state().delayMs);
    expect(poller.state().delayMs).toBe(FORM_POLL_MS);
    poller.stop();
  });

  it('reports each change once, and an unreadable first form as empty', async () => {
    let current: HostResult<TicketFormValues> = { ok: false, error: { kind: 'not-in-context', message: 'x' } };
    const { seen, poller } = setup(() => current);
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual([EMPTY_FORM]);
    current = form('55');
    await vi.advanceTimersByTimeAsync(poller.state().delayMs);
    await vi.advanceTimersByTimeAsync(poller.state().delayMs);
    expect(seen.map((f) => f.contactId)).toEqual([null, '55']);
    poller.stop();
  });

  it(`stops after ${MAX_MISSES} failed reads in a row; a wake-up (focus, formChanged) starts it again`, async () => {
    let current: HostResult<TicketFormValues> = { ok: false, error: { kind: 'rejected', message: 'x' } };
    const { read, poller, wake } = setup(() => current);
    await vi.advanceTimersByTimeAsync(10 * FORM_POLL_MAX_MS);
    expect(read).toHaveBeenCalledTimes(MAX_MISSES);
    expect(poller.state().stopped).toBe(true);
    await vi.advanceTimersByTimeAsync(10 * FORM_POLL_MAX_MS);
    expect(read).toHaveBeenCalledTimes(MAX_MISSES);
    current = form('55');
    wake();
    await vi.advanceTimersByTimeAsync(0);
    expect(read).toHaveBeenCalledTimes(MAX_MISSES + 1);
    expect(poller.state()).toMatchObject({ stopped: false, delayMs: FORM_POLL_MS });
    poller.stop();
  });

  it('does not poll while the panel is hidden, and reads at once when it shows again', async () => {
    const { read, vis, poller } = setup(() => form(null), true);
    await vi.advanceTimersByTimeAsync(0);
    vis.set(false);
    await vi.advanceTimersByTimeAsync(5 * FORM_POLL_MAX_MS);
    expect(read).toHaveBeenCalledTimes(1);
    vis.set(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(read).toHaveBeenCalledTimes(2);
    poller.stop();
    await vi.advanceTimersByTimeAsync(5 * FORM_POLL_MAX_MS);
    expect(read).toHaveBeenCalledTimes(2);
  });
});
