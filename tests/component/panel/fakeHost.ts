/**
 * Panel fixtures over the one DeskHost fake (../fakeDeskHost.ts): a connected organization by default,
 * page objects, and helpers to build contacts and tickets. Billing is a separate fake (fakeBilling.ts).
 */
import type { DeskContact, DeskTicket } from '../../../src/host/types';
import { SETTINGS_KEY } from '../../../src/integration/records/settingsStore';
import type { IntegrationSettings } from '../../../src/integration/records/types';
import { createFakeDeskHost, type FakeDeskHost, type FakeDeskHostOptions } from '../fakeDeskHost';

export const ORG = { id: 'org1', name: 'Acme Billing', currencyCode: 'USD', dataCenter: 'US' as const };

export function connectedSettings(overrides: Partial<IntegrationSettings> = {}): IntegrationSettings {
  return {
    version: 1,
    enabled: true,
    organization: ORG,
    linkedHow: 'auto',
    updatedBy: null,
    updatedAt: null,
    ...overrides,
  };
}

export function contact(id: string, name: string, emails: string[], accountId: string | null = null): DeskContact {
  const [firstName = '', lastName = ''] = name.split(' ');
  return { id, firstName, lastName, name, emails, phone: null, accountId, accountName: null, address: null };
}

export function ticket(id: string, number: string, contactId: string | null, email: string | null): DeskTicket {
  return { id, number, subject: `Ticket ${number}`, email, contactId, contactName: null, accountId: null, accountName: null };
}

export interface FakeHostOptions extends Omit<FakeDeskHostOptions, 'isAdmin'> {
  isAdmin?: boolean | null;
  /** Stored integration settings; connected to ORG unless given (null: nothing stored). */
  settings?: IntegrationSettings | null;
}

export type FakeHost = FakeDeskHost;

export function createFakeHost(options: FakeHostOptions = {}): FakeHost {
  const { settings: given, ...rest } = options;
  const fake = createFakeDeskHost(rest);
  const settings = given === undefined ? connectedSettings() : given;
  if (settings) fake.put(SETTINGS_KEY, 'settings', JSON.parse(JSON.stringify(settings)));
  return fake;
}
