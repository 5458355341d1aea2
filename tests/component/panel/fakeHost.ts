/**
 * A small typed DeskHost for panel tests: page objects, storage in a Map (JSON round-tripped like Desk),
 * events the test can fire, and counters. Billing is a separate fake (fakeBilling.ts) handed to PanelApp.
 */
import type {
  DeskAccount,
  DeskContact,
  DeskContext,
  DeskHost,
  DeskTicket,
  HostEvent,
  HostResult,
  LocationKind,
  StoredItem,
  TicketFormValues,
} from '../../../src/host/types';
import { LOCATIONS } from '../../../src/host/types';
import { SETTINGS_KEY } from '../../../src/integration/settingsStore';
import type { IntegrationSettings } from '../../../src/integration/types';

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

export interface FakeHostOptions {
  kind?: LocationKind;
  locale?: string;
  timeZone?: string;
  isAdmin?: boolean | null;
  settings?: IntegrationSettings | null;
  ticket?: DeskTicket | null;
  contacts?: DeskContact[];
  /** The contact/account of a contact/account page. */
  pageContactId?: string;
  pageAccountId?: string;
  accounts?: Array<DeskAccount & { contactIds: string[] }>;
  form?: TicketFormValues | null;
}

export interface FakeHost {
  host: DeskHost;
  store: Map<string, StoredItem>;
  world: {
    ticket: DeskTicket | null;
    form: TicketFormValues | null;
    pageContactId: string | undefined;
    pageAccountId: string | undefined;
  };
  emit(event: HostEvent, payload?: unknown): void;
  opened: string[];
  formReads: number;
}

export function ticket(id: string, number: string, contactId: string | null, email: string | null): DeskTicket {
  return { id, number, subject: `Ticket ${number}`, email, contactId, contactName: null, accountId: null, accountName: null };
}

export function createFakeHost(options: FakeHostOptions = {}): FakeHost {
  const kind = options.kind ?? 'ticket';
  const store = new Map<string, StoredItem>();
  const listeners = new Map<HostEvent, Set<(payload: unknown) => void>>();
  const contacts = new Map((options.contacts ?? []).map((c) => [c.id, c]));
  const accounts = new Map((options.accounts ?? []).map((a) => [a.id, a]));
  const opened: string[] = [];
  const world: FakeHost['world'] = {
    ticket: options.ticket ?? null,
    form: options.form ?? null,
    pageContactId: options.pageContactId,
    pageAccountId: options.pageAccountId,
  };
  const settings = options.settings === undefined ? connectedSettings() : options.settings;
  if (settings) store.set(SETTINGS_KEY, { key: SETTINGS_KEY, group: 'settings', value: JSON.parse(JSON.stringify(settings)) });

  const missing = <T,>(what: string): HostResult<T> => ({ ok: false, error: { kind: 'not-in-context', message: `no ${what}` } });
  const ok = <T,>(value: T): HostResult<T> => ({ ok: true, value: JSON.parse(JSON.stringify(value)) as T });

  const context: DeskContext = {
    location: LOCATIONS[kind],
    kind,
    locale: options.locale ?? 'en',
    dataCenter: 'US',
    appearance: 'light',
    user: { id: 'agent1', name: 'Agent One', email: 'agent@desk.test', timeZone: options.timeZone ?? 'UTC' },
    portalId: 'portal1',
  };

  const fake: FakeHost = {
    store,
    world,
    opened,
    formReads: 0,
    emit(event, payload) {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
    host: {
      context: () => context,
      ticket: async () => (world.ticket ? ok(world.ticket) : missing('ticket')),
      contact: async (id) => {
        const c = contacts.get(id ?? world.pageContactId ?? '');
        return c ? ok(c) : missing('contact');
      },
      account: async (id) => {
        const a = accounts.get(id ?? world.pageAccountId ?? '');
        if (!a) return missing('account');
        const { contactIds: _ignored, ...account } = a;
        return ok(account);
      },
      accountContacts: async (accountId) => {
        const a = accounts.get(accountId);
        if (!a) return missing('account');
        return ok(a.contactIds.flatMap((id) => (contacts.has(id) ? [contacts.get(id) as DeskContact] : [])));
      },
      ticketForm: async () => {
        fake.formReads += 1;
        return world.form ? ok(world.form) : missing('form');
      },
      isAdmin: async () => ({ ok: true, value: options.isAdmin === undefined ? false : options.isAdmin }),
      request: async () => ({ ok: false, error: { kind: 'network', message: 'panel tests use fakeBilling' } }),
      storage: {
        get: async (key) => ok(store.get(key) ?? null),
        set: async (item) => {
          store.set(item.key, JSON.parse(JSON.stringify(item)) as StoredItem);
          return { ok: true, value: undefined };
        },
        delete: async (key) => {
          store.delete(key);
          return { ok: true, value: undefined };
        },
        list: async (group) => ok([...store.values()].filter((i) => i.group === group)),
        deleteGroup: async (group) => {
          for (const [k, v] of store) if (v.group === group) store.delete(k);
          return { ok: true, value: undefined };
        },
      },
      on(event, handler) {
        const set = listeners.get(event) ?? new Set();
        set.add(handler);
        listeners.set(event, set);
        return () => set.delete(handler);
      },
      insertIntoReply: async () => ({ ok: true, value: undefined }),
      confirm: async () => true,
      notify: () => undefined,
      openUrl: (url) => {
        opened.push(url);
      },
    },
  };
  return fake;
}
