import { describe, expect, it } from 'vitest';
import { addDays, cancelQuery, collectBody, daysBetween, noteBody, NOTE_MAX_LENGTH, postponeBody, postponeBounds, POSTPONE_MAX_DAYS } from '../../../src/billing/actionBodies';
import { actionCalls, churnSettingsOf, collectResultOf } from '../../../src/billing/actionCalls';
import { BillingError } from '../../../src/billing/errors';
import { createTransport } from '../../../src/billing/transport';
import { fakeRequest, ok } from './fakeRequest';

const SUB = { subscription_id: '903', subscription_number: 'SUB-1', status: 'non_renewing', plan: { plan_code: 'pro', name: 'Pro' } };

function client() {
  const fake = fakeRequest();
  const calls = actionCalls(createTransport({ request: fake.request, dataCenter: 'JP', organizationId: '600' }));
  return { fake, calls };
}

describe('exact requests (Zoho’s files)', () => {
  it('cancel: POST /subscriptions/{id}/cancel with cancel_at_end always said, no body', async () => {
    const { fake, calls } = client();
    fake.on('POST /subscriptions/903/cancel', ok({ code: 0, message: 'ok', subscription: SUB }));
    await calls.cancelSubscription('903', true);
    await calls.cancelSubscription('903', false);
    expect(fake.calls.map((c) => [c.method, c.parsed.origin, c.path, c.parsed.search, c.body])).toEqual([
      ['POST', 'https://www.zohoapis.jp', '/subscriptions/903/cancel', '?cancel_at_end=true', undefined],
      ['POST', 'https://www.zohoapis.jp', '/subscriptions/903/cancel', '?cancel_at_end=false', undefined],
    ]);
    expect(fake.calls[0]!.headers?.['X-com-zoho-subscriptions-organizationid']).toBe('600');
  });

  it('reactivate: no query, no body; postpone: {renewal_at}; note: {description}; collect: {card_id}', async () => {
    const { fake, calls } = client();
    fake.on('POST /subscriptions/903/reactivate', ok({ code: 0, message: 'ok', subscription: { ...SUB, status: 'live' } }));
    fake.on('POST /subscriptions/903/postpone', ok({ code: 0, message: 'ok', subscription: SUB }));
    fake.on('POST /subscriptions/903/notes', ok({ code: 0, message: 'Notes added.' }));
    fake.on('POST /invoices/77/collect', ok({ code: 0, message: 'The customer payment has been recorded.', payment: { status: 'success', amount: 1200, currency_code: 'JPY' } }));
    expect((await calls.reactivateSubscription('903')).status).toBe('live');
    await calls.postponeRenewal('903', '2026-12-20', { min: '2026-12-06', max: '2027-12-05' });
    await calls.addSubscriptionNote('903', '  Cancellation reason: Too expensive ');
    expect(await calls.collectInvoice('77', 'card-9')).toEqual({ status: 'success', amount: 1200, currencyCode: 'JPY', date: null, gatewayMessage: null });
    expect(fake.calls.map((c) => [c.path, c.parsed.search, c.body])).toEqual([
      ['/subscriptions/903/reactivate', '', undefined],
      ['/subscriptions/903/postpone', '', { renewal_at: '2026-12-20' }],
      ['/subscriptions/903/notes', '', { description: 'Cancellation reason: Too expensive' }],
      ['/invoices/77/collect', '', { card_id: 'card-9' }],
    ]);
  });

  it('churn reasons: GET /settings/preferences/churnmessages, read tolerantly', async () => {
    const { fake, calls } = client();
    fake.on('GET /settings/preferences/churnmessages', ok({ code: 0, message: 'success', churn_messages_settings: { is_reason_mandatory: 'true', churn_messages: [{ churn_message_id: 5, label: ' Too expensive ' }, { label: 'no id' }, 'x'] } }));
    expect(await calls.getChurnSettings()).toEqual({ required: true, reasons: [{ id: '5', label: 'Too expensive' }] });
    expect(churnSettingsOf({})).toEqual({ required: false, reasons: [] });
  });

  it('a decline is read from the payment: status failure and the gateway’s message', () => {
    expect(collectResultOf({ payment: { status: 'FAILURE', amount: 0, autotransaction: { gateway_error_message: ' Card expired ' } } })).toMatchObject({
      status: 'failure',
      gatewayMessage: 'Card expired',
    });
    expect(collectResultOf({})).toMatchObject({ status: 'success', amount: null });
  });
});

describe('limits checked before sending', () => {
  it('postpone only forward: from the day after the renewal (never before tomorrow), at most a year past it', () => {
    expect(postponeBounds('2026-12-05', '2026-11-27')).toEqual({ min: '2026-12-06', max: '2027-12-05' });
    expect(postponeBounds('2026-12-05', '2026-12-07')).toEqual({ min: '2026-12-08', max: '2027-12-05' });
    expect(postponeBounds('2026-12-05', '2026-12-05')).toEqual({ min: '2026-12-06', max: '2027-12-05' });
    expect(postponeBounds('nope', '2026-12-05')).toBeNull();
    expect(daysBetween('2026-12-05', postponeBounds('2026-12-05', '2026-11-27')!.max)).toBe(POSTPONE_MAX_DAYS);
    const bounds = { min: '2026-12-06', max: '2027-12-05' };
    expect(postponeBody('2026-12-06', bounds)).toEqual({ renewal_at: '2026-12-06' });
    expect(postponeBody('2027-12-05', bounds)).toEqual({ renewal_at: '2027-12-05' });
    for (const bad of ['2026-12-05', '2027-12-06', '2026-13-01', '']) expect(() => postponeBody(bad, bounds)).toThrow(BillingError);
    expect(() => postponeBody('2026-12-10', null)).toThrow(BillingError);
  });

  it('dates cross months and years; cancel always says true or false', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(cancelQuery(true)).toEqual({ cancel_at_end: 'true' });
    expect(cancelQuery(false)).toEqual({ cancel_at_end: 'false' });
  });

  it('collect needs a card; a note is trimmed, never empty, and bounded', () => {
    expect(collectBody('c1')).toEqual({ card_id: 'c1' });
    expect(() => collectBody(' ')).toThrow(BillingError);
    expect(() => noteBody('  ')).toThrow(BillingError);
    const long = noteBody('x'.repeat(NOTE_MAX_LENGTH + 10)).description;
    expect(long).toHaveLength(NOTE_MAX_LENGTH);
    expect(long.endsWith('…')).toBe(true);
    expect(noteBody('x'.repeat(NOTE_MAX_LENGTH)).description).toHaveLength(NOTE_MAX_LENGTH);
  });

  it('no request is made for a postpone out of bounds', async () => {
    const { fake, calls } = client();
    await expect(calls.postponeRenewal('903', '2026-12-01', { min: '2026-12-06', max: '2027-12-05' })).rejects.toThrow(BillingError);
    expect(fake.calls).toHaveLength(0);
  });
});
