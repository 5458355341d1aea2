/**
 * Settings-page fixtures over the one DeskHost fake (../fakeDeskHost.ts): an admin on the settings
 * location by default, plus a fake of the Billing organizations call whose answer the test can switch.
 */
import { BillingError } from '../../../src/billing/errors';
import type { Organization } from '../../../src/billing/types';
import type { DataCenter, JsonObject } from '../../../src/host/types';
import { SETTINGS_KEY } from '../../../src/integration/records/settingsStore';
import type { IntegrationSettings } from '../../../src/integration/records/types';
import type { OrganizationsApi } from '../../../src/settings/settingsModel';
import { createFakeDeskHost, type FakeDeskHost, type FakeDeskHostWorld } from '../fakeDeskHost';

export const AUTH_URL = 'https://accounts.zoho.com/oauth/resume?connection=zohobilling';

export function org(id: string, name: string, overrides: Partial<Organization> = {}): Organization {
  return { id, name, currencyCode: 'USD', role: 'admin', isAdmin: true, isDefault: false, ...overrides };
}

export interface FakeDeskOptions {
  /** 'not-authorised': the role lookup needs the (unauthorised) connection, as in the real adapter. */
  isAdmin?: boolean | null | 'not-authorised';
  locale?: string;
  dataCenter?: DataCenter;
  organizations?: Organization[];
  billingMode?: 'ok' | 'not-authorised' | 'forbidden' | 'server-error';
  settings?: IntegrationSettings | JsonObject | null;
}

export interface FakeDesk extends Omit<FakeDeskHost, 'world'> {
  billing: OrganizationsApi & { calls: number };
  /** Mutable: change to simulate the outside world (authorising, creating an org, …). */
  world: FakeDeskHostWorld & {
    billingMode: NonNullable<FakeDeskOptions['billingMode']>;
    organizations: Organization[];
  };
  storedSettings(): JsonObject | null;
}

export function createFakeDesk(options: FakeDeskOptions = {}): FakeDesk {
  const desk = createFakeDeskHost({
    kind: 'settings',
    locale: options.locale ?? 'en',
    dataCenter: options.dataCenter ?? 'US',
    user: { id: 'agent-1', name: 'Ana Admin', email: 'ana@example.com' },
    portalId: '9001',
    isAdmin: options.isAdmin === undefined ? true : options.isAdmin,
    authUrl: AUTH_URL,
  });
  const world = Object.assign(desk.world, {
    billingMode: options.billingMode ?? 'ok',
    organizations: options.organizations ?? [org('700001', 'Acme Inc')],
  });
  if (options.settings) desk.put(SETTINGS_KEY, 'settings', options.settings as unknown as JsonObject);

  const billing = {
    calls: 0,
    async listOrganizations(): Promise<Organization[]> {
      billing.calls += 1;
      switch (world.billingMode) {
        case 'not-authorised':
          throw new BillingError('not-authorised', 'Connection not authorised', { authUrl: AUTH_URL });
        case 'forbidden':
          throw new BillingError('forbidden', 'Forbidden', { status: 403 });
        case 'server-error':
          throw new BillingError('server', 'Server error', { status: 500 });
        default:
          return world.organizations.map((o) => ({ ...o }));
      }
    },
  };

  return Object.assign(desk, {
    billing,
    world,
    storedSettings: () => desk.store.get(SETTINGS_KEY)?.value ?? null,
  });
}

export const LINKED: IntegrationSettings = {
  version: 2,
  enabled: true,
  organization: { id: '700001', name: 'Acme Inc', currencyCode: 'USD', dataCenter: 'US' },
  linkedHow: 'chosen',
  updatedBy: { id: 'agent-9', name: 'Bo Boss' },
  updatedAt: '2026-11-20T10:00:00.000Z',
};
