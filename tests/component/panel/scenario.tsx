/** One consistent little world for panel tests, and a render helper. */
import { configure, render } from '@testing-library/react';
import { createI18n } from '../../../src/i18n/i18n';
import type { CacheOptions } from '../../../src/integration/cache/billingCache';
import { PanelApp } from '../../../src/panel/PanelApp';
import { createFakeBilling, customer, invoice, subscription, type FakeBilling } from './fakeBilling';
import { contact, createFakeHost, ticket, type FakeHost, type FakeHostOptions } from './fakeHost';

// The machine is shared by parallel runs: give async queries room (no test measures speed).
configure({ asyncUtilTimeout: 5000 });

export function standardBilling(): FakeBilling {
  return createFakeBilling({
    customers: [
      customer('c-ada', 'Ada Lovelace', 'ada@acme.test', { companyName: 'Acme Corp' }),
      customer('c-bob', 'Bob Builder', 'bob@build.test', { outstanding: 0, unusedCredits: 0 }),
      customer('c-twin1', 'Twin One', 'twin@shared.test', { companyName: 'Twins Ltd' }),
      customer('c-twin2', 'Twin Two', 'twin@shared.test', { companyName: 'Twins Ltd' }),
      customer('c-yamada', '山田 太郎', 'taro@yamada.test', {
        companyName: '山田商事',
        currencyCode: 'JPY',
        unusedCredits: 1500,
        outstanding: 32400,
      }),
      customer('c-evil', '<img src=x onerror="alert(1)">', 'evil@hack.test'),
      customer('c-globex', 'Globex billing', 'ap@globex.test', { companyName: 'Globex' }),
    ],
    subscriptions: [
      subscription('s1', 'c-ada'),
      subscription('s2', 'c-ada', { planName: 'Legacy plan', name: 'Legacy plan', status: 'cancelled', nextBillingAt: null, amount: 10 }),
      subscription('s3', 'c-yamada', { planName: 'スタンダード', currencyCode: 'JPY', amount: 5400 }),
    ],
    invoices: [
      invoice('i1', 'c-ada', { number: 'INV-0001', date: '2026-10-01', referenceNumber: 'DESK-104233' }),
      invoice('i2', 'c-ada', { number: 'INV-0002', date: '2026-11-01', status: 'overdue', balance: 64, paymentMade: 0, payments: [] }),
      invoice('s1-i3', 'c-ada', { number: 'INV-0003', date: '2026-09-01' }),
      invoice('i4', 'c-yamada', { number: 'INV-JP-1', currencyCode: 'JPY', total: 5400, balance: 5400, status: 'unpaid' }),
    ],
    activities: {
      s1: [{ id: 'a1', description: 'Subscription renewed', time: '2026-11-01T09:30:00+00:00', by: 'System' }],
      s2: [{ id: 'a2', description: 'Subscription cancelled', time: '2026-06-15T12:00:00+00:00', by: 'Ada' }],
    },
    transactions: {
      'c-ada': [{ id: 't1', type: 'payment', date: '2026-11-02', amount: 64, status: 'success', referenceId: 'i1', currencyCode: 'USD' }],
    },
  });
}

export const CONTACTS = [
  contact('101', 'Ada Lovelace', ['ada.personal@mail.test', 'ada@acme.test'], 'acc-acme'),
  contact('102', 'Bob Builder', ['bob@build.test']),
  contact('103', 'Twin Person', ['twin@shared.test']),
  contact('104', 'Nobody Known', ['nobody@nowhere.test']),
  contact('105', '山田 太郎', ['taro@yamada.test']),
  contact('106', 'Evil Name', ['evil@hack.test']),
  contact('107', 'Gina Globex', ['gina@globex-desk.test'], 'acc-globex'),
];

export const ACCOUNTS = [
  { id: 'acc-acme', name: 'Acme Corp', website: null, phone: null, address: null, contactIds: ['101'] },
  { id: 'acc-globex', name: 'Globex', website: null, phone: null, address: null, contactIds: ['107'] },
  { id: 'acc-empty', name: 'Unknown Org', website: null, phone: null, address: null, contactIds: [] },
];

export function ticketFor(contactId: string, number = '104233', email: string | null = null) {
  return ticket(`t-${number}`, number, contactId, email);
}

export interface Rendered {
  desk: FakeHost;
  billing: FakeBilling;
}

export function renderPanel(
  hostOptions: FakeHostOptions = {},
  billing: FakeBilling = standardBilling(),
  cacheOptions: Omit<CacheOptions, 'organizationId'> = {},
): Rendered {
  const desk = createFakeHost({ contacts: CONTACTS, accounts: ACCOUNTS, ...hostOptions });
  const i18n = createI18n(hostOptions.locale ?? 'en', hostOptions.timeZone ?? 'UTC');
  render(
    <PanelApp
      host={desk.host}
      i18n={i18n}
      createBilling={() => billing.api}
      cacheOptions={{ sleep: async () => undefined, random: () => 0, ...cacheOptions }}
    />,
  );
  return { desk, billing };
}
