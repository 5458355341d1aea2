import { describe, expect, it } from 'vitest';
import {
  agentIsAdmin,
  collectEmails,
  formValue,
  parseApp,
  toDeskAccount,
  toDeskContact,
  toDeskTicket,
  toDeskUser,
} from '../../../src/host/entities';
import { toDataCenter } from '../../../src/host/dataCenter';
import { parseRequestAnswer } from '../../../src/host/parse';

describe('Desk records', () => {
  it('ticket: reads contact/account from nested objects when the flat fields are missing', () => {
    expect(
      toDeskTicket({ id: 5, number: 104233, subject: 's', contact: { id: 'c', firstName: 'A', lastName: 'B', email: 'a@b.jp' }, account: { id: 'ac', accountName: 'Acme' } }),
    ).toEqual({ id: '5', number: '104233', subject: 's', email: 'a@b.jp', contactId: 'c', contactName: 'A B', accountId: 'ac', accountName: 'Acme' });
    expect(toDeskTicket({ subject: 'no id' })).toBeNull();
    expect(toDeskTicket('not json')).toBeNull();
    expect(toDeskTicket(JSON.stringify({ id: '1' }))).toMatchObject({ id: '1', number: '1', email: null });
  });

  it('contact: every email, lower-cased and de-duplicated, primary first', () => {
    const contact = {
      id: '1',
      email: 'A@X.jp',
      secondaryEmail: 'b@x.jp',
      workEmail: 'a@x.jp',
      customFields: { 'Invoice Emails': 'c@x.jp, d@x.jp' },
      notes: 'e@x.jp is not an email field',
    };
    expect(collectEmails(contact)).toEqual(['a@x.jp', 'b@x.jp', 'c@x.jp', 'd@x.jp']);
    expect(toDeskContact({ id: '2', firstName: '太郎', lastName: '山田' })).toMatchObject({ name: '太郎 山田', emails: [], address: null });
    expect(toDeskContact({ id: '3', email: 'not-an-email' })?.emails).toEqual([]);
  });

  it('account: name from accountName or name, zip from code', () => {
    expect(toDeskAccount({ id: '1', name: 'Acme', code: '100-0001' })).toMatchObject({ name: 'Acme', address: { zip: '100-0001' } });
  });

  it('user and form values', () => {
    expect(toDeskUser({ id: 1, firstName: 'A', lastName: 'B', emailId: 'a@b.c' })).toEqual({ id: '1', name: 'A B', email: 'a@b.c', timeZone: null });
    expect(toDeskUser(undefined)).toEqual({ id: '', name: '', email: '', timeZone: null });
    expect(formValue({ id: '9', name: 'Ken' })).toBe('9');
    expect(formValue({ id: '9', name: 'Ken' }, true)).toBe('Ken');
    expect(formValue(42)).toBe('42');
    expect(formValue('  ')).toBeNull();
  });

  it('agent profile: Administrator by name or type, case-insensitive; null without a profile', () => {
    expect(agentIsAdmin({ profile: { name: 'Custom', type: 'ADMINISTRATOR' } })).toBe(true);
    expect(agentIsAdmin({ profile: { name: 'Support Administrator Lite', type: 'Agent' } })).toBe(false);
    expect(agentIsAdmin({ id: '1' })).toBeNull();
    expect(agentIsAdmin('')).toBeNull();
  });
});

describe('App object', () => {
  it('data centers: upper, lower, domains, unknown → US', () => {
    expect(['US', 'eu', 'In', 'com.au', 'jp', 'CA', 'sa', 'com.cn', 'UK', '', null].map(toDataCenter)).toEqual([
      'US', 'EU', 'IN', 'AU', 'JP', 'CA', 'SA', 'CN', 'US', 'US', 'US',
    ]);
  });

  it('tolerates a meta given as a JSON string and missing fields', () => {
    expect(parseApp({ location: 'desk.ticket.detail.rightpanel', meta: JSON.stringify({ dcType: 'EU', userPreferences: { appearance: 'dark' } }) })).toMatchObject({
      location: 'desk.ticket.detail.rightpanel',
      locale: 'en',
      dcType: 'EU',
      userPreferences: { appearance: 'dark' },
    });
    expect(parseApp({ meta: 5 })).toMatchObject({ dcType: null, locale: 'en' });
  });
});

describe('binary answers', () => {
  it('a Blob, bare or under data, is the body', () => {
    const pdf = new Blob(['%PDF-1.4'], { type: 'application/pdf' });
    expect(parseRequestAnswer(pdf)).toEqual({ ok: true, value: { status: 200, body: pdf, headers: {} } });
    expect(parseRequestAnswer({ data: pdf, status: 200 })).toEqual({ ok: true, value: { status: 200, body: pdf, headers: {} } });
  });
});
