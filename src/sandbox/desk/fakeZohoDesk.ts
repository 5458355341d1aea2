/**
 * A fake ZOHODESK that answers in the real SDK's shapes (desk-sdk.md §1–§6): flat dotted get keys
 * with string values, objects nested under their name, `{errMsg}` rejections, JSON-string request
 * envelopes (`{statusCode, response:"{status:'true', statusMessage}"}`), error_code 1000 + resumeUrl,
 * and Desk's storage rules. Storage is in fakeDeskDatabase.ts, requests in fakeDeskRequest.ts.
 */
import { isRecord } from '../../host/guards';
import type { SdkEventHandler, ZohoDeskGlobal, ZohoDeskInstance } from '../../host/sdkTypes';
import { DESK_DOMAINS, knownDataCenter } from '../../host/dataCenter';
import { createFakeDatabase } from './fakeDeskDatabase';
import { createFakeRequest } from './fakeDeskRequest';
import { INVALID_PAYLOAD, reject } from './sdkAnswers';
import type { DeskSimulation } from './simulation';

export { SIM_RESUME_URL } from './fakeDeskRequest';

/** Desk's dotted-key answers carry every scalar as a string (§2.1). */
function asSdkString(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
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
      userPreferences: { appearance: sim.app.appearance, theme: sim.app.theme, fontFamily: sim.app.fontFamily },
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

  const database = createFakeDatabase(sim);
  const request = createFakeRequest(sim);

  const get = (key: string, options?: Record<string, unknown>): Promise<unknown> => {
    if (key === 'database') return database.get(options);
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
    if (key === 'database') return database.set(value);
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
    if (key === 'database') return database.delete(value);
    return reject(INVALID_PAYLOAD);
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
