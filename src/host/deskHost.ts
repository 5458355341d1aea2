/**
 * The real DeskHost: the only code that talks to the global ZOHODESK. Every SDK answer goes
 * through src/host/parse.ts, so callers only ever see HostResult values, never SDK shapes.
 */
import type { SdkRequestOptions, ZohoDeskGlobal, ZohoDeskInstance } from './sdkTypes';
import type {
  ConfirmOptions,
  DeskAccount,
  DeskContact,
  DeskContext,
  DeskHost,
  DeskStorage,
  DeskTicket,
  HostEvent,
  HostRequest,
  HostResponse,
  HostResult,
  JsonObject,
  LocationKind,
  StorageGroup,
  StoredItem,
} from './types';
import { LOCATIONS } from './types';
import {
  fail,
  isNotFoundRejection,
  messageOf,
  ok,
  parseDatabaseDelete,
  parseDatabaseGet,
  parseDatabaseSet,
  parseGetAnswer,
  parseGetRejection,
  parsePopupAnswer,
  parseRequestAnswer,
  parseRequestRejection,
  rejectionError,
  type DatabaseRecord,
} from './parse';
import {
  agentIsAdmin,
  appearanceOf,
  formValue,
  listData,
  parseApp,
  toDeskAccount,
  toDeskContact,
  toDeskTicket,
  toDeskUser,
} from './entities';
import { httpsUrl, isRecord } from './guards';
import { escapeHtml, replyHtml, textToHtml } from './html';
import { CONNECTION_LINK_NAME } from './connection';
import { deskApiBase, framingPages, resolveDataCenter } from './dataCenter';
import { statusForDeskErrorBody } from './deskErrors';
import { recordBinaryShape, recordEvent, recordRegistration, recordStart } from './observations';
import { describeBinaryAnswer } from './binaryShape';
import { createTicketFormReader } from './ticketForm';
import {
  sanitiseStorageKey,
  STORAGE_PAGE_SIZE,
  STORAGE_VALUE_MAX_BYTES,
  storageValueBytes,
} from './storageRules';

export { CONNECTION_LINK_NAME } from './connection';
export { deskApiBase } from './dataCenter';

/**
 * SDK event names for the add-ticket form's contact/account changes that have been verified on a
 * live portal. Empty on purpose: no name is confirmed yet (desk-sdk.md §1.4); the form is re-read instead.
 */
export const VERIFIED_FORM_EVENT_NAMES: readonly string[] = [];

export const SDK_EVENT_NAMES: Record<HostEvent, readonly string[]> = {
  ticketChanged: ['ticket_Shift'],
  preferencesChanged: ['user_preference.changed'],
  pageChanged: ['pageChange'],
  replyEditorOpened: ['ticket_replyEditor.opened'],
  formChanged: VERIFIED_FORM_EVENT_NAMES,
};

const STORAGE_GROUPS: readonly StorageGroup[] = ['settings', 'link', 'cache', 'write', 'snapshot', 'lease', 'meter'];
/** Safety stop for storage paging: 100 pages of 20 is far beyond what this extension stores. */
const MAX_STORAGE_PAGES = 100;

function locationKind(location: string): LocationKind | null {
  for (const [kind, value] of Object.entries(LOCATIONS) as [LocationKind, string][]) {
    if (value === location) return kind;
  }
  return null;
}

function prefersDark(): boolean | null {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return null;
  try {
    return window.matchMedia('(prefers-color-scheme: dark)').matches;
  } catch {
    return null;
  }
}

function watchColorScheme(onChange: () => void): void {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return;
  try {
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    if (typeof query.addEventListener === 'function') query.addEventListener('change', onChange);
  } catch {
    // No media queries (old or headless browser): 'auto' stays as first read.
  }
}

function isInstance(value: unknown): value is ZohoDeskInstance {
  return isRecord(value) && typeof value.on === 'function';
}

/** Calls an SDK method that may throw synchronously or return a non-promise. */
async function settle(call: () => unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    return { ok: false, error };
  }
}

function toSdkRequest(req: HostRequest): SdkRequestOptions {
  const data: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.query ?? {})) {
    if (v !== undefined) data[k] = String(v);
  }
  const body = req.body;
  const postBody = isRecord(body) || Array.isArray(body) ? body : {};
  const options: SdkRequestOptions = {
    url: req.url,
    type: req.method,
    headers: { ...(req.headers ?? {}) },
    postBody,
    connectionLinkName: CONNECTION_LINK_NAME,
  };
  if (Object.keys(data).length > 0) options.data = data;
  // responseType makes the SDK drop postBody, so it is only ever sent on reads (desk-sdk.md §3.1).
  if (req.responseType && (req.method === 'GET' || req.method === 'DELETE')) options.responseType = req.responseType;
  return options;
}

const hosts = new WeakMap<ZohoDeskGlobal, Promise<DeskHost>>();

/**
 * The SDK's request promise has no timeout of its own: a proxy that never answers would leave the
 * panel loading forever. 45 s is past Desk's own proxy limits, so a slow but live call still lands.
 */
export const REQUEST_TIMEOUT_MS = 45_000;

function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expiry = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout()), ms);
  });
  return Promise.race([work, expiry]).finally(() => clearTimeout(timer));
}

/**
 * Waits for ZOHODESK.extension.onload() (once per SDK object) and returns the adapter.
 * Rejects with an Error when the SDK is missing or onload fails.
 */
export function connectDeskHost(zohodesk?: ZohoDeskGlobal): Promise<DeskHost> {
  const zd = zohodesk ?? (typeof window === 'undefined' ? undefined : window.ZOHODESK);
  if (!zd || typeof zd !== 'object' || typeof zd.extension?.onload !== 'function') {
    return Promise.reject(
      new Error('ZOHODESK is not available: the widget must run inside Zoho Desk (ZohoDeskClientSDK.min.js did not load).'),
    );
  }
  const existing = hosts.get(zd);
  if (existing) return existing;
  const created = createHost(zd).catch((cause: unknown) => {
    hosts.delete(zd);
    throw cause instanceof Error ? cause : new Error(`Zoho Desk did not start the extension: ${messageOf(cause, 'onload failed')}`);
  });
  hosts.set(zd, created);
  return created;
}

async function createHost(zd: ZohoDeskGlobal): Promise<DeskHost> {
  const app = parseApp(await zd.extension.onload());
  const instance = isInstance(app.instance) ? app.instance : isInstance(zd.instance) ? zd.instance : null;

  const sdkGet = async (key: string, options?: Record<string, unknown>): Promise<HostResult<unknown>> => {
    const answer = await settle(() => (options === undefined ? zd.get(key) : zd.get(key, options)));
    return answer.ok ? parseGetAnswer(answer.value, key) : parseGetRejection(answer.error, key);
  };

  const [userAnswer, portalAnswer] = await Promise.all([sdkGet('user'), sdkGet('portal.id')]);
  const { dataCenter, source: dataCenterSource } = resolveDataCenter({
    dcType: app.dcType,
    deskDomainUrl: app.deskDomainUrl,
    deskDomainUrls: app.deskDomainUrls,
    framedBy: framingPages(),
  });
  let context: DeskContext = {
    location: app.location,
    kind: locationKind(app.location),
    locale: app.locale,
    dataCenter,
    dataCenterSource,
    appearance: appearanceOf(app.userPreferences, prefersDark),
    user: toDeskUser(userAnswer.ok ? userAnswer.value : null),
    portalId: portalAnswer.ok ? formValue(portalAnswer.value) : null,
  };
  const apiBase = deskApiBase(dataCenter);
  const prefs = isRecord(app.userPreferences) ? app.userPreferences : {};
  recordStart({
    location: app.location,
    locale: app.locale,
    dataCenter,
    dataCenterSource,
    dcType: app.dcType,
    appearance: context.appearance,
    appearanceSetting: typeof prefs.appearance === 'string' ? prefs.appearance : null,
    app: app.shape,
  });

  const request = async (req: HostRequest): Promise<HostResult<HostResponse>> => {
    const answered = settle(() => zd.request(toSdkRequest(req))).then((answer) => {
      const parsed = answer.ok ? parseRequestAnswer(answer.value) : parseRequestRejection(answer.error);
      // The blob answer has never been seen in public code: its shape is kept for the diagnostics.
      if (req.responseType === 'blob') recordBinaryShape(describeBinaryAnswer(answer.ok ? answer.value : answer.error, parsed));
      return parsed;
    });
    return withTimeout(answered, REQUEST_TIMEOUT_MS, () =>
      fail('network', `Zoho Desk's connection did not answer within ${REQUEST_TIMEOUT_MS / 1000} seconds.`),
    );
  };

  /**
   * GET on the Desk REST API; non-2xx answers become errors (404 = not in context). A rejection that
   * carries Desk's error body but no status is read as the status that body stands for.
   */
  const deskApi = async (path: string, query?: HostRequest['query']): Promise<HostResult<unknown>> => {
    const headers: Record<string, string> = {};
    if (context.portalId) headers.orgId = context.portalId;
    const answer = await request({ method: 'GET', url: `${apiBase}/${path}`, headers, ...(query ? { query } : {}) });
    let status: number;
    let body: unknown;
    if (answer.ok) ({ status, body } = answer.value);
    else {
      const standsFor = statusForDeskErrorBody(answer.error.body);
      if (standsFor === undefined) return answer;
      status = standsFor;
      body = answer.error.body;
    }
    if (status === 404) return fail('not-in-context', messageOf(body, `Desk has no record at ${path}.`), { raw: body });
    if (status === 401) return fail('not-authorised', messageOf(body, 'Desk refused the connection.'), { raw: body });
    if (status === 204) return ok(null);
    if (status < 200 || status >= 300) return fail('rejected', messageOf(body, `Desk answered ${status}.`), { raw: body, body: body ?? null });
    return ok(body);
  };

  const ticket = async (): Promise<HostResult<DeskTicket>> => {
    const answer = await sdkGet('ticket');
    if (!answer.ok) return answer;
    const parsed = toDeskTicket(answer.value);
    return parsed ? ok(parsed) : fail('not-in-context', 'No ticket is open here.', { raw: answer.value });
  };

  const contactById = async (id: string): Promise<HostResult<DeskContact>> => {
    const answer = await deskApi(`contacts/${encodeURIComponent(id)}`);
    if (!answer.ok) return answer;
    const parsed = toDeskContact(answer.value);
    return parsed ? ok(parsed) : fail('malformed', 'Desk answered with no contact.', { raw: answer.value });
  };

  const contact = async (id?: string): Promise<HostResult<DeskContact>> => {
    if (id !== undefined) return contactById(id);
    const answer = await sdkGet('contact');
    if (!answer.ok) return answer;
    const page = toDeskContact(answer.value);
    if (!page) return fail('not-in-context', 'No contact is open here.', { raw: answer.value });
    // The page object may omit secondary/custom emails: the REST record completes it when reachable.
    const full = await contactById(page.id);
    if (!full.ok) return ok(page);
    const emails = [...full.value.emails];
    for (const email of page.emails) if (!emails.includes(email)) emails.push(email);
    return ok({ ...full.value, emails });
  };

  const account = async (id?: string): Promise<HostResult<DeskAccount>> => {
    if (id === undefined) {
      const answer = await sdkGet('account');
      if (!answer.ok) return answer;
      const page = toDeskAccount(answer.value);
      return page ? ok(page) : fail('not-in-context', 'No account is open here.', { raw: answer.value });
    }
    const answer = await deskApi(`accounts/${encodeURIComponent(id)}`);
    if (!answer.ok) return answer;
    const parsed = toDeskAccount(answer.value);
    return parsed ? ok(parsed) : fail('malformed', 'Desk answered with no account.', { raw: answer.value });
  };

  const accountContacts = async (accountId: string): Promise<HostResult<DeskContact[]>> => {
    const answer = await deskApi(`accounts/${encodeURIComponent(accountId)}/contacts`, { limit: 100 });
    if (!answer.ok) return answer;
    const contacts = listData(answer.value)
      .map(toDeskContact)
      .filter((c): c is DeskContact => c !== null);
    return ok(contacts);
  };

  const ticketForm = createTicketFormReader(sdkGet);

  const isAdmin = async (): Promise<HostResult<boolean | null>> => {
    if (context.user.id === '') return ok(null);
    const answer = await deskApi(`agents/${encodeURIComponent(context.user.id)}`, { include: 'profile' });
    if (!answer.ok) {
      // Desk answered but would not say (403, 404, an unknown shape): the role cannot be told. No answer
      // at all (proxy down, timeout) or no authorisation is an error the caller should see as such.
      const deskAnswered = answer.error.kind === 'not-in-context' || (answer.error.kind === 'rejected' && answer.error.body !== undefined);
      return deskAnswered ? ok(null) : answer;
    }
    return ok(agentIsAdmin(answer.value));
  };

  const storage = createStorage(zd);

  // Events: one SDK registration per name, fanned out to local subscribers.
  const subscribers = new Map<HostEvent, Set<(payload: unknown) => void>>();
  const registered = new Set<string>();
  const fanOut = (event: HostEvent, payload: unknown): void => {
    for (const handler of [...(subscribers.get(event) ?? [])]) {
      try {
        handler(payload);
      } catch {
        // One subscriber's failure must not stop the others.
      }
    }
  };
  const register = (sdkName: string, event: HostEvent): void => {
    if (registered.has(sdkName)) return;
    if (!instance) {
      recordRegistration(sdkName, false);
      return;
    }
    registered.add(sdkName);
    try {
      instance.on(sdkName, (payload: unknown) => {
        recordEvent(sdkName);
        if (event === 'preferencesChanged') {
          preferences = payload;
          context = { ...context, appearance: appearanceOf(payload, prefersDark) };
        }
        fanOut(event, payload);
      });
      recordRegistration(sdkName, true);
    } catch {
      registered.delete(sdkName);
      recordRegistration(sdkName, false);
    }
  };
  // Appearance must follow Desk even when nobody subscribed yet.
  let preferences: unknown = app.userPreferences;
  for (const name of SDK_EVENT_NAMES.preferencesChanged) register(name, 'preferencesChanged');
  // With Desk's 'auto' appearance the browser's scheme decides, and it can change while the widget is open.
  watchColorScheme(() => {
    const appearance = appearanceOf(preferences, prefersDark);
    if (appearance === context.appearance) return;
    context = { ...context, appearance };
    fanOut('preferencesChanged', preferences);
  });

  const on = (event: HostEvent, handler: (payload: unknown) => void): (() => void) => {
    let set = subscribers.get(event);
    if (!set) {
      set = new Set();
      subscribers.set(event, set);
    }
    // Wrapped so subscribing the same function twice yields two independent subscriptions.
    const entry = (payload: unknown): void => handler(payload);
    set.add(entry);
    for (const name of SDK_EVENT_NAMES[event]) register(name, event);
    return () => {
      subscribers.get(event)?.delete(entry);
    };
  };

  const insertIntoReply = async (content: { text: string; url?: string }): Promise<HostResult<void>> => {
    const html = replyHtml(content.text, content.url);
    const answer = await settle(() => zd.invoke('INSERT', 'ticket.replyEditor', { value: html }));
    if (!answer.ok) return { ok: false, error: rejectionError(answer.error, 'rejected', 'The reply editor refused the text.') };
    if (isRecord(answer.value) && 'errMsg' in answer.value) {
      return fail('rejected', messageOf(answer.value, 'The reply editor refused the text.'), { raw: answer.value });
    }
    return ok(undefined);
  };

  const confirm = async (options: ConfirmOptions): Promise<boolean> => {
    // The popup is documented with contentType 'html' only, so the plain-text message is escaped.
    const answer = await settle(() =>
      zd.showpopup({
        title: escapeHtml(options.title),
        content: textToHtml(options.message),
        type: 'confirmation',
        contentType: 'html',
        color: options.danger ? 'red' : 'blue',
        okText: options.okText,
        cancelText: options.cancelText,
      }),
    );
    return answer.ok ? parsePopupAnswer(answer.value) : false;
  };

  const notify = (message: string, kind: 'success' | 'failure'): void => {
    void settle(() => zd.notify({ content: escapeHtml(message), icon: kind }));
  };

  const openUrl = (url: string): void => {
    const safe = httpsUrl(url);
    if (safe === null || typeof window === 'undefined' || typeof window.open !== 'function') return;
    window.open(safe, '_blank', 'noopener');
  };

  return {
    context: () => context,
    ticket,
    contact,
    account,
    accountContacts,
    ticketForm,
    isAdmin,
    request,
    storage,
    on,
    insertIntoReply,
    confirm,
    notify,
    openUrl,
  };
}

function isGroup(value: string): value is StorageGroup {
  return (STORAGE_GROUPS as readonly string[]).includes(value);
}

function toStoredItem(record: DatabaseRecord, group?: StorageGroup): StoredItem | null {
  if (!isRecord(record.value)) return null;
  const stored = record.queriableValue;
  return { key: record.key, group: isGroup(stored) ? stored : (group ?? 'cache'), value: record.value as JsonObject };
}

function createStorage(zd: ZohoDeskGlobal): DeskStorage {
  const storageError = (err: unknown, fallback: string): HostResult<never> => ({
    ok: false,
    error: rejectionError(err, 'storage', fallback),
  });

  const readPage = async (query: Record<string, unknown>): Promise<HostResult<DatabaseRecord[]> | 'not-found'> => {
    const answer = await settle(() => zd.get('database', query));
    if (!answer.ok) return isNotFoundRejection(answer.error) ? 'not-found' : storageError(answer.error, 'Storage refused the read.');
    return parseDatabaseGet(answer.value);
  };

  return {
    async get(key) {
      const stored = sanitiseStorageKey(key);
      const page = await readPage({ key: stored });
      if (page === 'not-found') return ok(null);
      if (!page.ok) return page;
      const record = page.value.find((r) => r.key === stored) ?? null;
      if (record === null) return ok(null);
      const item = toStoredItem(record);
      return item ? ok(item) : fail('malformed', 'The stored value is not an object.', { raw: record.value });
    },

    async set(item) {
      if (!isGroup(item.group)) return fail('storage', `Unknown storage group "${String(item.group)}".`);
      if (!isRecord(item.value)) return fail('storage', 'Only JSON objects can be stored.');
      let bytes: number;
      try {
        bytes = storageValueBytes(item.value);
      } catch {
        return fail('storage', 'The value cannot be stored as JSON.');
      }
      if (bytes > STORAGE_VALUE_MAX_BYTES) {
        return fail('storage', `The value is ${bytes} bytes; Desk storage holds at most ${STORAGE_VALUE_MAX_BYTES}.`);
      }
      const payload = { key: sanitiseStorageKey(item.key), value: item.value, queriableValue: item.group };
      const answer = await settle(() => zd.set('database', payload));
      return answer.ok ? parseDatabaseSet(answer.value) : storageError(answer.error, 'Storage refused the write.');
    },

    async delete(key) {
      const answer = await settle(() => zd.delete('database', { key: sanitiseStorageKey(key) }));
      if (!answer.ok) return isNotFoundRejection(answer.error) ? ok(undefined) : storageError(answer.error, 'Storage refused the delete.');
      return parseDatabaseDelete(answer.value);
    },

    async list(group) {
      // Desk pages by 20; whether `from` counts from 0 or 1 is not documented, so pages overlap by
      // one record and are de-duplicated by key: either reading then covers every record.
      const items = new Map<string, StoredItem>();
      let from = 0;
      for (let pageNo = 0; pageNo < MAX_STORAGE_PAGES; pageNo += 1) {
        const page = await readPage({ queriableValue: group, from, limit: STORAGE_PAGE_SIZE });
        if (page === 'not-found') break;
        if (!page.ok) return page;
        let fresh = 0;
        for (const record of page.value) {
          if (record.queriableValue !== '' && record.queriableValue !== group) continue;
          const item = toStoredItem(record, group);
          if (item && !items.has(item.key)) {
            items.set(item.key, item);
            fresh += 1;
          }
        }
        if (page.value.length < STORAGE_PAGE_SIZE || fresh === 0) break;
        from += page.value.length - 1;
      }
      return ok([...items.values()]);
    },

    async deleteGroup(group) {
      const answer = await settle(() => zd.delete('database', { queriableValue: group }));
      if (!answer.ok) return isNotFoundRejection(answer.error) ? ok(undefined) : storageError(answer.error, 'Storage refused the delete.');
      return parseDatabaseDelete(answer.value);
    },
  };
}
