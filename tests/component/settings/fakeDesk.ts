/**
 * A small typed DeskHost + Billing organizations fake for the settings page. It keeps storage in a
 * Map (JSON round-tripped, like Desk) so tests can assert what is actually stored.
 */
import { BillingError } from '../../../src/billing/errors';
import type { Organization } from '../../../src/billing/types';
import type {
  ConfirmOptions,
  DataCenter,
  DeskHost,
  DeskStorage,
  HostResult,
  JsonObject,
  StorageGroup,
  StoredItem,
} from '../../../src/host/types';
import { SETTINGS_KEY } from '../../../src/integration/settingsStore';
import type { IntegrationSettings } from '../../../src/integration/types';
import type { OrganizationsApi } from '../../../src/settings/useSettingsPage';

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

export interface FakeDesk {
  host: DeskHost;
  billing: OrganizationsApi & { calls: number };
  /** Mutable: change to simulate the outside world (authorising, creating an org, …). */
  world: {
    billingMode: NonNullable<FakeDeskOptions['billingMode']>;
    organizations: Organization[];
    storageSetFails: boolean;
    isAdmin: boolean | null | 'not-authorised';
    /** Records that survive every delete (Desk failing silently). */
    stickyKeys: Set<string>;
    /** Answers for host.confirm, in order; true when the queue is empty. */
    confirmAnswers: boolean[];
    /** Runs just before a storage write lands (e.g. another admin saving). */
    beforeSet: ((item: StoredItem) => void) | null;
  };
  store: Map<string, StoredItem>;
  confirms: ConfirmOptions[];
  opened: string[];
  put(key: string, group: StorageGroup, value: JsonObject): void;
  group(group: StorageGroup): StoredItem[];
  storedSettings(): JsonObject | null;
}

export function createFakeDesk(options: FakeDeskOptions = {}): FakeDesk {
  const store = new Map<string, StoredItem>();
  const confirms: ConfirmOptions[] = [];
  const opened: string[] = [];
  const world: FakeDesk['world'] = {
    billingMode: options.billingMode ?? 'ok',
    organizations: options.organizations ?? [org('700001', 'Acme Inc')],
    storageSetFails: false,
    isAdmin: options.isAdmin === undefined ? true : options.isAdmin,
    confirmAnswers: [],
    beforeSet: null,
    stickyKeys: new Set(),
  };
  const clone = <T,>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
  const put = (key: string, group: StorageGroup, value: JsonObject) => store.set(key, { key, group, value: clone(value) });
  if (options.settings) put(SETTINGS_KEY, 'settings', options.settings as unknown as JsonObject);
  const ok = <T,>(value: T): HostResult<T> => ({ ok: true, value });

  const storage: DeskStorage = {
    async get(key) {
      const item = store.get(key);
      return ok(item ? clone(item) : null);
    },
    async set(item) {
      if (world.storageSetFails) return { ok: false, error: { kind: 'storage', message: 'Storage not available' } };
      world.beforeSet?.(item);
      put(item.key, item.group, item.value);
      return ok(undefined);
    },
    async delete(key) {
      if (!world.stickyKeys.has(key)) store.delete(key);
      return ok(undefined);
    },
    async list(group) {
      return ok([...store.values()].filter((i) => i.group === group).map(clone));
    },
    async deleteGroup(group) {
      for (const [k, v] of store) if (v.group === group && !world.stickyKeys.has(k)) store.delete(k);
      return ok(undefined);
    },
  };

  const unsupported = async () => ({ ok: false as const, error: { kind: 'not-in-context' as const, message: 'not here' } });
  const host: DeskHost = {
    context: () => ({
      location: 'desk.extension.preference',
      kind: 'settings',
      locale: options.locale ?? 'en',
      dataCenter: options.dataCenter ?? 'US',
      appearance: 'light',
      user: { id: 'agent-1', name: 'Ana Admin', email: 'ana@example.com', timeZone: 'UTC' },
      portalId: '9001',
    }),
    ticket: unsupported,
    contact: unsupported,
    account: unsupported,
    accountContacts: unsupported,
    ticketForm: unsupported,
    isAdmin: async () =>
      world.isAdmin === 'not-authorised'
        ? { ok: false, error: { kind: 'not-authorised', message: 'Connection not authorised', authUrl: AUTH_URL } }
        : ok(world.isAdmin),
    request: async () => ({ ok: false, error: { kind: 'network', message: 'no transport in this fake' } }),
    storage,
    on: () => () => undefined,
    insertIntoReply: async () => ok(undefined),
    confirm: async (o) => {
      confirms.push(o);
      return world.confirmAnswers.length > 0 ? world.confirmAnswers.shift()! : true;
    },
    notify: () => undefined,
    openUrl: (url) => {
      opened.push(url);
    },
  };

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

  return {
    host,
    billing,
    world,
    store,
    confirms,
    opened,
    put,
    group: (g) => [...store.values()].filter((i) => i.group === g),
    storedSettings: () => store.get(SETTINGS_KEY)?.value ?? null,
  };
}

export const LINKED: IntegrationSettings = {
  version: 2,
  enabled: true,
  organization: { id: '700001', name: 'Acme Inc', currencyCode: 'USD', dataCenter: 'US' },
  linkedHow: 'chosen',
  updatedBy: { id: 'agent-9', name: 'Bo Boss' },
  updatedAt: '2026-11-20T10:00:00.000Z',
};
