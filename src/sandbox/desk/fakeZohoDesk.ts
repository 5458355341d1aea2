/**
 * A fake ZOHODESK that answers in the real SDK's shapes (desk-sdk.md §1–§6): flat dotted get keys
 * with string values, objects nested under their name, `{errMsg}` rejections, JSON-string request
 * envelopes (`{statusCode, response:"{status:'true', statusMessage}"}`), error_code 1000 + resumeUrl,
 * and Desk's storage rules. Requests become real `Request`s for `sim.transport` (the msw sandbox).
 */
import { isRecord } from '../../host/guards';
import type { SdkEventHandler, SdkRequestOptions, ZohoDeskGlobal, ZohoDeskInstance } from '../../host/sdkTypes';
import {
  isValidStorageName,
  STORAGE_ITEMS_PER_SET,
  STORAGE_PAGE_SIZE,
  STORAGE_VALUE_MAX_BYTES,
  storageValueBytes,
} from '../../host/storageRules';
import { DESK_DOMAINS, knownDataCenter } from '../../host/dataCenter';
import type { DeskSimulation, StorageCall, StoredRecord } from './simulation';

const INVALID_PAYLOAD = { errMsg: 'Invalid Payload' };
const STORAGE_DOWN = { errMsg: 'Storage is unavailable' };
const BILLING_HOST = /^www\.zohoapis\.(com|eu|in|com\.au|jp|ca|sa|com\.cn)$/;
const DESK_HOST = /^desk\.(zoho\.(com|eu|in|com\.au|jp|sa|com\.cn)|zohocloud\.ca)$/;
export const SIM_RESUME_URL = 'https://accounts.zoho.com/oauth/v2/connection/authorize?connection=zohobillingfordesk';

/** Desk's dotted-key answers carry every scalar as a string (§2.1). */
function asSdkString(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function reject(value: unknown): Promise<never> {
  return Promise.reject(value);
}

function offContext(key: string): Promise<never> {
  return reject({ errMsg: `${key} is not available in this location` });
}

/** Handlers each fake registered, so a reloaded frame's old handlers can be dropped. */
const registrations = new WeakMap<ZohoDeskGlobal, { sim: DeskSimulation; handlers: [string, SdkEventHandler][] }>();

/** Forgets every `instance.on` handler of a fake (call when its widget frame unloads). */
export function disposeFakeZohoDesk(zd: ZohoDeskGlobal): void {
  const entry = registrations.get(zd);
  if (!entry) return;
  for (const [name, handler] of entry.handlers) entry.sim.listeners.get(name)?.delete(handler);
  entry.handlers.length = 0;
}

export function createFakeZohoDesk(sim: DeskSimulation): ZohoDeskGlobal {
  const own: [string, SdkEventHandler][] = [];
  const instance: ZohoDeskInstance = {
    on(eventName: string, handler: SdkEventHandler) {
      sim.log.registered.push(eventName);
      own.push([eventName, handler]);
      let set = sim.listeners.get(eventName);
      if (!set) {
        set = new Set();
        sim.listeners.set(eventName, set);
      }
      set.add(handler);
    },
    emit(eventName: string, payload: unknown) {
      sim.emit(eventName, payload);
    },
  };

  const deskDomainUrl = (): string | null => {
    if (sim.app.deskDomainUrl !== undefined) return sim.app.deskDomainUrl;
    const dc = knownDataCenter(sim.app.dcType);
    return dc ? `https://${DESK_DOMAINS[dc]}` : null;
  };

  const app = () => ({
    instance,
    uniqueID: 'sim-widget',
    extensionID: 'sim-extension',
    locale: sim.app.locale,
    localeResources: {},
    location: sim.app.location,
    meta: {
      ...(sim.app.dcType === '' ? {} : { dcType: sim.app.dcType }),
      ...(deskDomainUrl() === null ? {} : { deskDomainUrl: deskDomainUrl() }),
      // Every region's Desk host, as the real meta lists them (desk-sdk.md §11).
      deskDomainUrls: Object.fromEntries(Object.entries(DESK_DOMAINS).map(([dc, host]) => [dc, `https://${host}`])),
      service: 'zohodesk',
      platform: { os: { name: 'Linux', version: '' }, browser: { name: 'Chrome', version: '', major: '' }, resolution: '' },
      userPreferences: { appearance: sim.app.appearance, theme: 'blue', fontFamily: 'Puvi' },
    },
  });

  const getObject = (name: string): Record<string, unknown> | null => {
    switch (name) {
      case 'ticket':
        return sim.page.ticket;
      case 'contact':
        return sim.page.contact;
      case 'account':
        return sim.page.account;
      case 'ticketForm':
        return sim.page.ticketForm;
      case 'user':
        return {
          id: sim.app.user.id,
          fullName: sim.app.user.name,
          email: sim.app.user.email,
          timeZone: sim.app.user.timeZone,
          tzoffset: '0',
        };
      case 'portal':
        return { id: sim.app.portalId, plan: 'ENTERPRISE EDITION' };
      default:
        return null;
    }
  };

  /**
   * Logs one storage call and, when limits are on, refuses it past Desk's per-minute count. Desk's
   * answer to a rate-limited storage call is not documented; an {errMsg} rejection like its others.
   */
  const overLimit = (op: StorageCall['op'], items: number): boolean => {
    const at = sim.storageClock();
    const limits = sim.storageLimits;
    if (limits) {
      const max = op === 'get' ? limits.readsPerMinute : op === 'set' ? limits.writesPerMinute : limits.deletesPerMinute;
      const recent = sim.log.storageCalls.filter((c) => c.op === op && at - c.at < 60_000).length;
      if (recent >= max) return true;
    }
    sim.log.storageCalls.push({ at, op, items });
    return false;
  };
  const RATE_LIMITED = { errMsg: 'Too many requests. Please try again after some time.' };

  const databaseGet = (options: unknown): Promise<unknown> => {
    if (sim.faults.storageFails) return reject(STORAGE_DOWN);
    if (!isRecord(options)) return reject(INVALID_PAYLOAD);
    if (overLimit('get', 1)) return reject(RATE_LIMITED);
    const key = options.key;
    const queriable = options.queriableValue;
    if (typeof key === 'string' ? !isValidStorageName(key) : typeof queriable !== 'string' || !isValidStorageName(queriable)) {
      return reject(INVALID_PAYLOAD);
    }
    const from = Math.max(0, Number(options.from ?? 0) || 0);
    const limit = Math.min(STORAGE_PAGE_SIZE, Math.max(1, Number(options.limit ?? STORAGE_PAGE_SIZE) || STORAGE_PAGE_SIZE));
    const matches = [...sim.storage.values()].filter((r) =>
      typeof key === 'string' ? r.key === key : r.queriableValue === queriable,
    );
    const data = matches.slice(from, from + limit).map((r) => ({ ...r, value: structuredClone(r.value) }));
    return Promise.resolve({ 'database.get': { data } });
  };

  const validItem = (item: unknown): item is StoredRecord =>
    isRecord(item) &&
    typeof item.key === 'string' &&
    isValidStorageName(item.key) &&
    typeof item.queriableValue === 'string' &&
    isValidStorageName(item.queriableValue) &&
    isRecord(item.value) &&
    storageValueBytes(item.value) <= STORAGE_VALUE_MAX_BYTES;

  const databaseSet = (payload: unknown): Promise<unknown> => {
    if (sim.faults.storageFails || sim.faults.storageWritesFail) return reject(STORAGE_DOWN);
    const items = Array.isArray(payload) ? payload : [payload];
    if (items.length === 0 || items.length > STORAGE_ITEMS_PER_SET || !items.every(validItem)) {
      return reject(INVALID_PAYLOAD);
    }
    if (overLimit('set', items.length)) return reject(RATE_LIMITED);
    const saved = items.map((item) => {
      const record = { key: item.key, queriableValue: item.queriableValue, value: structuredClone(item.value) };
      sim.storage.set(item.key, record);
      return record;
    });
    return Promise.resolve({ 'database.set': Array.isArray(payload) ? saved : saved[0] });
  };

  const databaseDelete = (options: unknown): Promise<unknown> => {
    if (sim.faults.storageFails || sim.faults.storageWritesFail) return reject(STORAGE_DOWN);
    if (!isRecord(options)) return reject(INVALID_PAYLOAD);
    if (overLimit('delete', 1)) return reject(RATE_LIMITED);
    const { key, queriableValue } = options;
    if (typeof key === 'string') {
      if (!isValidStorageName(key)) return reject(INVALID_PAYLOAD);
      sim.storage.delete(key);
    } else if (typeof queriableValue === 'string') {
      if (!isValidStorageName(queriableValue)) return reject(INVALID_PAYLOAD);
      for (const [k, r] of sim.storage) if (r.queriableValue === queriableValue) sim.storage.delete(k);
    } else {
      return reject(INVALID_PAYLOAD);
    }
    return Promise.resolve({ 'database.delete': { delete: 'success' } });
  };

  const get = (key: string, options?: Record<string, unknown>): Promise<unknown> => {
    if (key === 'database') return databaseGet(options);
    if (key === 'extension.config') return Promise.resolve({ status: 'success', 'extension.config': [] });
    const dot = key.indexOf('.');
    if (dot < 0) {
      const object = getObject(key);
      return object ? Promise.resolve({ status: 'success', [key]: structuredClone(object) }) : offContext(key);
    }
    const object = getObject(key.slice(0, dot));
    if (!object) return offContext(key);
    return Promise.resolve({ status: 'success', [key]: asSdkString(object[key.slice(dot + 1)]) });
  };

  const set = (key: string, value: unknown): Promise<unknown> => {
    if (key === 'database') return databaseSet(value);
    if (key.startsWith('ticketForm.')) {
      if (!sim.page.ticketForm) return offContext(key);
      const v = isRecord(value) ? value.value : value;
      sim.page.ticketForm[key.slice('ticketForm.'.length)] = asSdkString(v);
      return Promise.resolve({ status: 'success' });
    }
    sim.log.invoked.push({ set: key, value });
    return Promise.resolve({ status: 'success' });
  };

  const del = (key: string, value: unknown): Promise<unknown> => {
    if (key === 'database') return databaseDelete(value);
    return reject(INVALID_PAYLOAD);
  };

  const request = async (options: SdkRequestOptions): Promise<unknown> => {
    sim.log.requests.push(structuredClone(options));
    if (sim.faults.hostReject) return reject({ errMsg: 'Unable to reach the server. Please try again later.' });
    if (!isRecord(options) || typeof options.url !== 'string' || typeof options.type !== 'string' || !isRecord(options.headers)) {
      return reject(INVALID_PAYLOAD);
    }
    let url: URL;
    try {
      url = new URL(options.url);
    } catch {
      return reject(INVALID_PAYLOAD);
    }
    if (!BILLING_HOST.test(url.hostname) && !DESK_HOST.test(url.hostname)) {
      return reject({ errMsg: `${url.origin} is not in whiteListedDomains` });
    }
    const method = options.type.toUpperCase();
    if (method !== 'GET' && method !== 'DELETE' && (options.postBody === undefined || typeof options.postBody !== 'object')) {
      return reject(INVALID_PAYLOAD);
    }
    const withConnection = typeof options.connectionLinkName === 'string' && options.connectionLinkName !== '';
    const jsonStyle = sim.faults.answerStyle === 'json' || options.responseType === 'json';

    if (sim.faults.notAuthorised && withConnection && BILLING_HOST.test(url.hostname)) {
      const data = { error_code: '1000', resumeUrl: SIM_RESUME_URL, statusMessage: 'Connection not authorised' };
      return jsonStyle
        ? { data }
        : JSON.stringify({ statusCode: 200, response: JSON.stringify({ data }) });
    }

    for (const [k, v] of Object.entries(options.data ?? {})) url.searchParams.set(k, String(v));
    const headers = new Headers();
    for (const [k, v] of Object.entries(options.headers)) headers.set(k, String(v));
    if (withConnection) headers.set('Authorization', 'Zoho-oauthtoken sim-connection-token');
    const hasBody = method !== 'GET' && method !== 'DELETE' && options.responseType === undefined;
    if (hasBody) headers.set('Content-Type', 'application/json');
    const httpRequest = new Request(url, {
      method,
      headers,
      ...(hasBody ? { body: JSON.stringify(options.postBody) } : {}),
    });

    let response: Response;
    try {
      response = await sim.transport(httpRequest);
    } catch (cause) {
      return reject({ errMsg: cause instanceof Error ? cause.message : 'Network error' });
    }

    if (options.responseType === 'blob' && response.ok) return response.blob();

    const text = await response.text();
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((v, k) => {
      responseHeaders[k] = v;
    });
    let body: unknown = text;
    try {
      body = text === '' ? '' : (JSON.parse(text) as unknown);
    } catch {
      body = text;
    }
    const statusCode = response.status;

    if (sim.faults.remoteErrorsReject && statusCode >= 400) {
      // The official sample's shape: a JSON string whose statusMessage is the remote body as a JSON string.
      const statusMessage = typeof body === 'string' ? body : JSON.stringify(body);
      return reject(JSON.stringify(sim.faults.rejectWithoutStatus ? { statusMessage } : { statusCode, statusMessage }));
    }

    if (jsonStyle) {
      return { status: statusCode, headers: responseHeaders, data: withConnection ? { status: 'true', statusMessage: body } : { statusMessage: body } };
    }
    if (!withConnection) {
      return JSON.stringify({ statusCode, headers: responseHeaders, response: text });
    }
    // Arrays came back still encoded (a third parse) on a real portal; objects arrive parsed (§3.2).
    const statusMessage = Array.isArray(body) ? JSON.stringify(body) : body;
    return JSON.stringify({
      statusCode,
      headers: responseHeaders,
      response: JSON.stringify({ status: 'true', statusMessage }),
    });
  };

  const invoke = (action: string, target?: unknown, options?: unknown): Promise<unknown> => {
    if (action.toUpperCase() === 'INSERT' && target === 'ticket.replyEditor') {
      if (!sim.page.ticket) return offContext('ticket.replyEditor');
      if (!isRecord(options) || typeof (options.value ?? options.content) !== 'string') return reject(INVALID_PAYLOAD);
      sim.log.inserted.push(structuredClone(options));
      return Promise.resolve({ status: 'success' });
    }
    sim.log.invoked.push({ action, target, options });
    return Promise.resolve({ status: 'success' });
  };

  const showpopup = async (options: unknown): Promise<unknown> => {
    if (isRecord(options) && options.type === 'confirmation') {
      const result = await sim.confirmAnswer(options);
      return { result };
    }
    return { result: true };
  };

  const notify = (options: unknown): unknown => {
    sim.log.notifications.push(options);
    return undefined;
  };

  const zd: ZohoDeskGlobal = {
    extension: { onload: () => Promise.resolve(app()) },
    get,
    set,
    delete: del,
    request,
    invoke,
    showpopup,
    notify,
    instance,
  };
  registrations.set(zd, { sim, handlers: own });
  return zd;
}
