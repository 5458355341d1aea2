/**
 * The one DeskHost fake for component tests (panel and settings). Storage is a Map, JSON round-tripped
 * like Desk, so tests assert what is really stored; `world` is mutable so a test can change the outside
 * (open another ticket, make storage fail, answer a confirm); events can be fired with `emit`.
 * Billing is never reached through it: tests hand the app a Billing fake or the sandbox instead.
 */
import type {
  ConfirmOptions,
  DataCenter,
  DeskAccount,
  DeskContact,
  DeskHost,
  DeskProfile,
  DeskTicket,
  HostEvent,
  HostResult,
  JsonObject,
  LocationKind,
  StorageGroup,
  StoredItem,
  TicketFormValues,
} from '../../src/host/types';
import { LOCATIONS } from '../../src/host/types';

export interface FakeDeskHostOptions {
  kind?: LocationKind;
  locale?: string;
  timeZone?: string;
  dataCenter?: DataCenter;
  user?: { id: string; name: string; email: string };
  portalId?: string;
  /** 'not-authorised': the role lookup needs the (unauthorised) connection, as in the real adapter. */
  isAdmin?: boolean | null | 'not-authorised';
  /** The resume URL a 'not-authorised' role lookup carries. */
  authUrl?: string;
  ticket?: DeskTicket | null;
  contacts?: DeskContact[];
  /** The contact/account of a contact/account page. */
  pageContactId?: string;
  pageAccountId?: string;
  accounts?: Array<DeskAccount & { contactIds: string[] }>;
  form?: TicketFormValues | null;
}

export interface FakeDeskHostWorld {
  ticket: DeskTicket | null;
  form: TicketFormValues | null;
  pageContactId: string | undefined;
  pageAccountId: string | undefined;
  isAdmin: boolean | null | 'not-authorised';
  storageSetFails: boolean;
  /** Records that survive every delete (Desk failing silently). */
  stickyKeys: Set<string>;
  /** Answers for host.confirm, in order; true when the queue is empty. */
  confirmAnswers: boolean[];
  /** Runs just before a storage write lands (e.g. another admin saving). */
  beforeSet: ((item: StoredItem) => void) | null;
  /** The portal's Desk profiles (settings' "who may act"); null: Desk refuses to list them. */
  profiles: DeskProfile[] | null;
  /** The signed-in agent's profile; by default Administrator when isAdmin is true, else Agent. */
  agentProfile: DeskProfile | null | undefined;
  /** Private ticket comments the extension added, in order. */
  comments: { ticketId: string; text: string }[];
  /** Adding a ticket comment fails (Desk refuses). */
  commentFails: boolean;
}

export const FAKE_PROFILES: DeskProfile[] = [
  { id: 'p-admin', name: 'Administrator', type: 'Administrator', isAdmin: true },
  { id: 'p-agent', name: 'Agent', type: 'Standard', isAdmin: false },
  { id: 'p-lead', name: 'Support Lead', type: 'Custom', isAdmin: false },
];

export interface FakeDeskHost {
  host: DeskHost;
  store: Map<string, StoredItem>;
  world: FakeDeskHostWorld;
  emit(event: HostEvent, payload?: unknown): void;
  confirms: ConfirmOptions[];
  opened: string[];
  formReads: number;
  put(key: string, group: StorageGroup, value: JsonObject): void;
  group(group: StorageGroup): StoredItem[];
}

const clone = <T,>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export function createFakeDeskHost(options: FakeDeskHostOptions = {}): FakeDeskHost {
  const kind = options.kind ?? 'ticket';
  const store = new Map<string, StoredItem>();
  const listeners = new Map<HostEvent, Set<(payload: unknown) => void>>();
  const contacts = new Map((options.contacts ?? []).map((c) => [c.id, c]));
  const accounts = new Map((options.accounts ?? []).map((a) => [a.id, a]));
  const world: FakeDeskHostWorld = {
    ticket: options.ticket ?? null,
    form: options.form ?? null,
    pageContactId: options.pageContactId,
    pageAccountId: options.pageAccountId,
    isAdmin: options.isAdmin === undefined ? false : options.isAdmin,
    storageSetFails: false,
    stickyKeys: new Set(),
    confirmAnswers: [],
    beforeSet: null,
    profiles: clone(FAKE_PROFILES),
    agentProfile: undefined,
    comments: [],
    commentFails: false,
  };
  const ok = <T,>(value: T): HostResult<T> => ({ ok: true, value: value === undefined ? value : clone(value) });
  const missing = <T,>(what: string): HostResult<T> => ({ ok: false, error: { kind: 'not-in-context', message: `no ${what}` } });
  const put = (key: string, group: StorageGroup, value: JsonObject) => store.set(key, { key, group, value: clone(value) });
  const user = options.user ?? { id: 'agent1', name: 'Agent One', email: 'agent@desk.test' };

  const fake: FakeDeskHost = {
    store,
    world,
    confirms: [],
    opened: [],
    formReads: 0,
    put,
    group: (g) => [...store.values()].filter((i) => i.group === g),
    emit(event, payload) {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
    host: {
      context: () => ({
        location: LOCATIONS[kind],
        kind,
        locale: options.locale ?? 'en',
        dataCenter: options.dataCenter ?? 'US',
        appearance: 'light',
        user: { ...user, timeZone: options.timeZone ?? 'UTC' },
        portalId: options.portalId ?? 'portal1',
      }),
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
      isAdmin: async () =>
        world.isAdmin === 'not-authorised'
          ? {
              ok: false,
              error: { kind: 'not-authorised', message: 'Connection not authorised', ...(options.authUrl ? { authUrl: options.authUrl } : {}) },
            }
          : ok(world.isAdmin),
      agentProfile: async () => {
        if (world.isAdmin === 'not-authorised') return { ok: false, error: { kind: 'not-authorised', message: 'Connection not authorised' } };
        if (world.agentProfile !== undefined) return ok(world.agentProfile);
        if (world.isAdmin === null) return ok(null);
        return ok(world.isAdmin ? FAKE_PROFILES[0]! : FAKE_PROFILES[1]!);
      },
      profiles: async () =>
        world.profiles ? ok(world.profiles) : { ok: false, error: { kind: 'rejected', message: 'Desk refused', body: null } },
      addTicketComment: async (ticketId, text) => {
        if (world.commentFails) return { ok: false, error: { kind: 'rejected', message: 'Desk refused the comment', body: null } };
        world.comments.push({ ticketId, text });
        return ok({ id: `comment-${world.comments.length}` });
      },
      request: async () => ({ ok: false, error: { kind: 'network', message: 'no transport in this fake' } }),
      storage: {
        get: async (key) => ok(store.get(key) ?? null),
        set: async (item) => {
          if (world.storageSetFails) return { ok: false, error: { kind: 'storage', message: 'Storage not available' } };
          world.beforeSet?.(item);
          put(item.key, item.group, item.value);
          return ok(undefined);
        },
        delete: async (key) => {
          if (!world.stickyKeys.has(key)) store.delete(key);
          return ok(undefined);
        },
        list: async (group) => ok([...store.values()].filter((i) => i.group === group)),
        deleteGroup: async (group) => {
          for (const [k, v] of store) if (v.group === group && !world.stickyKeys.has(k)) store.delete(k);
          return ok(undefined);
        },
      },
      on(event, handler) {
        const set = listeners.get(event) ?? new Set();
        set.add(handler);
        listeners.set(event, set);
        return () => set.delete(handler);
      },
      insertIntoReply: async () => ok(undefined),
      confirm: async (o) => {
        fake.confirms.push(o);
        return world.confirmAnswers.length > 0 ? world.confirmAnswers.shift()! : true;
      },
      notify: () => undefined,
      openUrl: (url) => {
        fake.opened.push(url);
      },
    },
  };
  return fake;
}
