/**
 * The real DeskHost: the only code that talks to the global ZOHODESK. Every SDK answer goes
 * through src/host/parse.ts, so callers only ever see HostResult values, never SDK shapes.
 * Storage lives in deskStorage.ts, requests through the connection in deskRequest.ts and event fan-out
 * in deskEvents.ts; what stays here is the adapter itself, one closure over the SDK and the live
 * context that every DeskHost method shares.
 */
import type { ZohoDeskGlobal, ZohoDeskInstance } from './sdkTypes';
import type {
  ConfirmOptions,
  DeskProfile,
  DeskAccount,
  DeskContact,
  DeskContext,
  DeskHost,
  DeskTicket,
  HostRequest,
  HostResult,
  LocationKind,
} from './types';
import { LOCATIONS } from './types';
import {
  fail,
  messageOf,
  ok,
  parseGetAnswer,
  parseGetRejection,
  parsePopupAnswer,
  rejectionError,
} from './parse';
import {
  agentIsAdmin,
  appearanceOf,
  lookOf,
  formValue,
  listData,
  parseApp,
  toDeskAccount,
  toDeskContact,
  toDeskTicket,
  toDeskUser,
} from './entities';
import { agentProfileOf, commentIdOf, privateCommentBody, profileList } from './profiles';
import { createEventHub, prefersDark, watchColorScheme } from './deskEvents';
import { createDeskRequest } from './deskRequest';
import { createDeskStorage } from './deskStorage';
import { httpsUrl, isRecord } from './guards';
import { escapeHtml, replyHtml, textToHtml } from './html';
import { deskApiBase, framingPages, resolveDataCenter } from './dataCenter';
import { statusForDeskErrorBody } from './deskErrors';
import { recordStart } from './observations';
import { createTicketFormReader } from './ticketForm';
import { settle } from './settle';

export { CONNECTION_LINK_NAME } from './connection';
export { deskApiBase } from './dataCenter';

function locationKind(location: string): LocationKind | null {
  for (const [kind, value] of Object.entries(LOCATIONS) as [LocationKind, string][]) {
    if (value === location) return kind;
  }
  return null;
}

function isInstance(value: unknown): value is ZohoDeskInstance {
  return isRecord(value) && typeof value.on === 'function';
}

const hosts = new WeakMap<ZohoDeskGlobal, Promise<DeskHost>>();

/** Whether Zoho's SDK script loaded: false when the page is opened outside Desk or the script was blocked. */
export function deskSdkPresent(): boolean {
  return typeof window !== 'undefined' && window.ZOHODESK !== undefined && window.ZOHODESK !== null;
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
    look: lookOf(app.userPreferences, prefersDark),
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

  const request = createDeskRequest(zd);

  /**
   * GET on the Desk REST API; non-2xx answers become errors (404 = not in context). A rejection that
   * carries Desk's error body but no status is read as the status that body stands for.
   */
  const deskApi = async (path: string, query?: HostRequest['query'], post?: { body: unknown }): Promise<HostResult<unknown>> => {
    const headers: Record<string, string> = {};
    if (context.portalId) headers.orgId = context.portalId;
    const answer = await request({
      method: post ? 'POST' : 'GET',
      url: `${apiBase}/${path}`,
      headers,
      ...(query ? { query } : {}),
      ...(post ? { body: post.body } : {}),
    });
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

  const agentRecord = async (): Promise<HostResult<unknown>> => {
    if (context.user.id === '') return ok(null);
    const answer = await deskApi(`agents/${encodeURIComponent(context.user.id)}`, { include: 'profile' });
    if (!answer.ok) {
      // Desk answered but would not say (403, 404, an unknown shape): the role cannot be told. No answer
      // at all (proxy down, timeout) or no authorisation is an error the caller should see as such.
      const deskAnswered = answer.error.kind === 'not-in-context' || (answer.error.kind === 'rejected' && answer.error.body !== undefined);
      return deskAnswered ? ok(null) : answer;
    }
    return answer;
  };

  const isAdmin = async (): Promise<HostResult<boolean | null>> => {
    const answer = await agentRecord();
    return answer.ok ? ok(agentIsAdmin(answer.value)) : answer;
  };

  const agentProfile = async (): Promise<HostResult<DeskProfile | null>> => {
    const answer = await agentRecord();
    return answer.ok ? ok(agentProfileOf(answer.value)) : answer;
  };

  const profiles = async (): Promise<HostResult<DeskProfile[]>> => {
    const answer = await deskApi('profiles');
    return answer.ok ? ok(profileList(answer.value)) : answer;
  };

  const addTicketComment = async (ticketId: string, text: string): Promise<HostResult<{ id: string | null }>> => {
    const answer = await deskApi(`tickets/${encodeURIComponent(ticketId)}/comments`, undefined, { body: privateCommentBody(text) });
    return answer.ok ? ok({ id: commentIdOf(answer.value) }) : answer;
  };

  const storage = createDeskStorage(zd);

  // Appearance must follow Desk even when nobody subscribed yet.
  let preferences: unknown = app.userPreferences;
  const events = createEventHub(instance, (event, payload) => {
    if (event !== 'preferencesChanged') return;
    preferences = payload;
    context = { ...context, appearance: appearanceOf(payload, prefersDark), look: lookOf(payload, prefersDark) };
  });
  events.listen('preferencesChanged');
  // With Desk's 'auto' appearance the browser's scheme decides, and it can change while the widget is open.
  watchColorScheme(() => {
    const appearance = appearanceOf(preferences, prefersDark);
    if (appearance === context.appearance) return;
    context = { ...context, appearance, look: lookOf(preferences, prefersDark) };
    events.emit('preferencesChanged', preferences);
  });

  const insertIntoReply = async (content: { text: string; url?: string; after?: string }): Promise<HostResult<void>> => {
    const html = replyHtml(content.text, content.url, content.after);
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
    agentProfile,
    profiles,
    addTicketComment,
    request,
    storage,
    on: events.on,
    insertIntoReply,
    confirm,
    notify,
    openUrl,
  };
}
