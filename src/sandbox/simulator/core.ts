/**
 * The simulator's core: ONE Billing sandbox + ONE Desk simulation, the configuration applied to
 * both, and the extension frame's lifecycle. The React shell renders `state()`; tests and the bench
 * drive the same object through `window.__deskSimulator`.
 */
import { clearSessionCache } from '../../integration/sessionCache';
import { LOCATIONS } from '../../host/types';
import { SETTINGS_KEY } from '../../integration/settingsStore';
import { createBillingSandbox, type BillingSandbox } from '../billing/sandbox';
import { DESK_FIXTURES } from '../desk/deskFixtures';
import type { DeskData } from '../desk/deskRecords';
import { createFakeZohoDesk } from '../desk/fakeZohoDesk';
import { createDeskSimulation, type DeskSimulation } from '../desk/simulation';
import type { BillingCallEntry, DeskRecordOption, DeskSimulatorApi, PendingConfirm, SimulatorState } from './api';
import { DEFAULT_CONFIG, mergeConfig, type SimulatorConfig, type SimulatorConfigPatch } from './config';

export interface SimulatorCoreOptions {
  seed?: number;
  initial?: SimulatorConfigPatch;
  /** Store a connected integration (first Billing organization) at start, so panels show data at once. */
  connected?: boolean;
}

type Rec = Record<string, unknown>;

function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

function ticketOption(t: Rec): DeskRecordOption {
  return { id: str(t.id), label: `#${str(t.number)} ${str(t.subject)}`.trim(), detail: str(t.contactName) || str(t.email) };
}
function contactOption(c: Rec): DeskRecordOption {
  const name = `${str(c.firstName)} ${str(c.lastName)}`.trim();
  return { id: str(c.id), label: name || str(c.email) || str(c.id), detail: str(c.email) };
}
function accountOption(a: Rec): DeskRecordOption {
  return { id: str(a.id), label: str(a.accountName) || str(a.name) || str(a.id), detail: str(a.website) };
}

/** Fields of a Desk data record, whatever the record's declared type. */
function asRecords(list: unknown): Rec[] {
  return Array.isArray(list) ? (list.filter((x) => x !== null && typeof x === 'object') as Rec[]) : [];
}

/** Desk's confirmation popup options → what the dialog shows (tolerant of every plausible shape). */
function toPendingConfirm(id: number, options: unknown): PendingConfirm {
  const o = (options && typeof options === 'object' ? options : {}) as Rec;
  return {
    id,
    title: str(o.title) || 'Confirm',
    message: str(o.content) || str(o.message),
    okText: str(o.okText) || 'OK',
    cancelText: str(o.cancelText) || 'Cancel',
    danger: o.color === 'red' || o.danger === true,
    html: o.contentType === 'html',
  };
}

/**
 * Which configuration changes need the widget to start again (it reads context once, at onload).
 * Faults are read per request, the width is the shell's, and appearance reaches a live widget
 * through Desk's user_preference.changed event, as it does in Desk.
 */
function needsReload(before: SimulatorConfig, after: SimulatorConfig, patch: SimulatorConfigPatch): boolean {
  const live = (c: SimulatorConfig) => JSON.stringify({ ...c, faults: null, panelWidth: 0, appearance: null });
  if ('location' in patch) return true;
  return live(before) !== live(after);
}

export function createSimulatorCore(options: SimulatorCoreOptions = {}): DeskSimulatorApi & {
  sandbox: BillingSandbox;
  sim: DeskSimulation;
  desk(): DeskData;
} {
  const seed = options.seed;
  const sandbox = createBillingSandbox(seed === undefined ? {} : { seed });
  // A new simulator page is a new sandbox: answers kept in this tab from the last one no longer hold.
  clearSessionCache();
  // The sandbox owns the Desk side too (its Desk API handlers answer from it); reset() replaces it.
  const desk = (): DeskData => sandbox.desk;
  let config: SimulatorConfig = mergeConfig(DEFAULT_CONFIG, options.initial ?? {});
  let frameKey = 1;
  let snapshot: SimulatorState | null = null;
  const listeners = new Set<() => void>();
  const loadWaiters = new Map<number, Array<() => void>>();
  let confirmSeq = 0;
  let pending: { view: PendingConfirm; resolve: (answer: boolean) => void } | null = null;

  const sim = createDeskSimulation({
    transport: (request) => sandbox.handle(request),
    confirmAnswer: (popup) =>
      new Promise<boolean>((resolve) => {
        pending?.resolve(false);
        pending = { view: toPendingConfirm(++confirmSeq, popup), resolve };
        changed();
      }),
  });

  function changed() {
    snapshot = null;
    for (const listener of [...listeners]) listener();
  }

  // Storage and logs change inside the fake SDK; notify after each SDK call settles.
  let notifyQueued = false;
  function changedSoon() {
    if (notifyQueued) return;
    notifyQueued = true;
    queueMicrotask(() => {
      notifyQueued = false;
      changed();
    });
  }

  function pick(list: Rec[], id: string | null): Rec | null {
    if (list.length === 0) return null;
    return list.find((r) => str(r.id) === id) ?? list[0] ?? null;
  }

  function apply() {
    const c = config;
    sim.app.location = LOCATIONS[c.location];
    sim.app.locale = c.locale;
    sim.app.dcType = c.dataCenter;
    sim.app.appearance = c.appearance;
    sim.app.user = { ...sim.app.user, timeZone: c.timeZone };
    sim.app.isAdmin = c.isAdmin;
    const d = desk();
    // Admin or not is a property of WHO is signed in: switch the agent, as Desk would.
    d.currentAgentId = c.isAdmin ? DESK_FIXTURES.adminAgentId : DESK_FIXTURES.agentAgentId;
    const agent = d.agents.find((a) => a.id === d.currentAgentId);
    if (agent) sim.app.user = { id: agent.id, name: agent.name, email: agent.emailId, timeZone: c.timeZone };
    sim.app.portalId = d.portalId;
    const tickets = asRecords(d.tickets);
    const contacts = asRecords(d.contacts);
    const accounts = asRecords(d.accounts);
    sim.page = {
      ticket: c.location === 'ticket' ? pick(tickets, c.ticketId) : null,
      contact: c.location === 'contact' ? pick(contacts, c.contactId) : null,
      account: c.location === 'account' ? pick(accounts, c.accountId) : null,
      ticketForm:
        c.location === 'ticketForm'
          ? {
              contactId: c.form.contactId || null,
              email: c.form.email || null,
              accountId: c.form.accountId || null,
              contactName: contactName(contacts, c.form.contactId),
              accountName: accountName(accounts, c.form.accountId),
              subject: null,
            }
          : null,
    };
    sim.faults.notAuthorised = c.faults.notAuthorised;
    sim.faults.hostReject = c.faults.hostReject;
    sim.faults.storageFails = c.faults.storageFails;
    sim.faults.storageWritesFail = c.faults.storageWritesFail;
    sandbox.faults.mode = c.faults.billing;
    sandbox.faults.retryAfterSeconds = c.faults.retryAfterSeconds;
    sandbox.faults.latencyMs = c.faults.latencyMs;
    sandbox.faults.timeoutMs = c.faults.timeoutMs;
    sandbox.faults.organizations = c.faults.organizations;
  }

  function contactName(contacts: Rec[], id: string): string | null {
    const c = id ? contacts.find((r) => str(r.id) === id) : undefined;
    return c ? `${str(c.firstName)} ${str(c.lastName)}`.trim() || null : null;
  }
  function accountName(accounts: Rec[], id: string): string | null {
    const a = id ? accounts.find((r) => str(r.id) === id) : undefined;
    return a ? str(a.accountName) || null : null;
  }

  function connectSample() {
    // The organization a single-org account would auto-link: the one that holds the sample customers.
    const primaryId = sandbox.dataset.organizationSets.one?.[0];
    const org = sandbox.dataset.organizations.find((o) => o.organization_id === primaryId) ?? sandbox.dataset.organizations[0];
    if (!org) return;
    sim.storage.set(SETTINGS_KEY, {
      key: SETTINGS_KEY,
      queriableValue: 'settings',
      value: {
        version: 1,
        enabled: true,
        organization: {
          id: org.organization_id,
          name: org.name,
          currencyCode: org.currency_code || null,
          dataCenter: config.dataCenter,
        },
        linkedHow: config.faults.organizations === 'one' ? 'auto' : 'chosen',
        updatedBy: { id: sim.app.user.id, name: sim.app.user.name },
        updatedAt: '2026-11-27T00:00:00.000Z',
      },
    });
  }

  /**
   * A Desk portal and its Billing organization live in one data center, so switching the simulated
   * portal's data center moves the stored organization with it (otherwise the panel would talk to
   * the old region and the switch would seem to do nothing).
   */
  function moveStoredOrganization(dataCenter: SimulatorConfig['dataCenter']) {
    const record = sim.storage.get(SETTINGS_KEY);
    const value = record?.value as Rec | undefined;
    const organization = value?.organization as Rec | null | undefined;
    if (!record || !value || !organization || typeof organization !== 'object') return;
    sim.storage.set(SETTINGS_KEY, { ...record, value: { ...value, organization: { ...organization, dataCenter } } });
  }

  function framePath(): string {
    return config.location === 'settings' ? '/app/settings.html' : '/app/panel.html';
  }

  function waitForFrame(key: number): Promise<void> {
    return new Promise((resolve) => {
      const list = loadWaiters.get(key) ?? [];
      list.push(resolve);
      loadWaiters.set(key, list);
    });
  }

  function reload(): Promise<void> {
    pending?.resolve(false);
    pending = null;
    frameKey += 1;
    const loaded = waitForFrame(frameKey);
    changed();
    return loaded;
  }

  function buildState(): SimulatorState {
    return {
      config,
      frameKey,
      framePath: framePath(),
      desk: {
        tickets: asRecords(desk().tickets).map(ticketOption),
        contacts: asRecords(desk().contacts).map(contactOption),
        accounts: asRecords(desk().accounts).map(accountOption),
      },
      storage: [...sim.storage.values()].map((r) => ({ key: r.key, queriableValue: r.queriableValue, value: r.value })),
      billingCalls: sandbox.calls.map(
        (c): BillingCallEntry => ({ method: c.method, path: c.path, url: c.url, status: c.status, at: c.at }),
      ),
      notifications: [...sim.log.notifications],
      inserted: [...sim.log.inserted],
      opened: [...sim.log.opened],
      pendingConfirm: pending?.view ?? null,
    };
  }

  /** Wraps every method of the fake SDK so the shell refreshes after the widget used it. */
  function observed<T extends object>(target: T): T {
    return new Proxy(target, {
      get(obj, prop, receiver) {
        const value: unknown = Reflect.get(obj, prop, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const result: unknown = (value as (...a: unknown[]) => unknown).apply(obj, args);
          if (result && typeof (result as Promise<unknown>).finally === 'function') {
            void (result as Promise<unknown>).finally(changedSoon).catch(() => undefined);
          } else changedSoon();
          return result;
        };
      },
    });
  }

  apply();
  if (options.connected ?? true) connectSample();

  const api = {
    sandbox,
    sim,
    desk,
    createSdk(frameWindow: Window) {
      // One widget frame at a time: handlers of the frame it replaced must not hear new events.
      sim.listeners.clear();
      // Links the widget opens (Billing web app, PDFs) are logged, then opened as usual.
      const open = frameWindow.open.bind(frameWindow);
      frameWindow.open = (url?: string | URL, target?: string, features?: string) => {
        sim.log.opened.push(String(url ?? ''));
        changedSoon();
        return open(url, target, features);
      };
      const zohodesk = createFakeZohoDesk(sim);
      return observed(zohodesk);
    },
    configure(patch: SimulatorConfigPatch, options: { reload?: boolean } = {}): Promise<void> {
      const before = config;
      config = mergeConfig(config, patch);
      apply();
      if (before.dataCenter !== config.dataCenter) {
        moveStoredOrganization(config.dataCenter);
        // Answers the tab kept came from the old data center's Billing.
        clearSessionCache();
      }
      if (options.reload ?? needsReload(before, config, patch)) return reload();
      if (before.appearance !== config.appearance) {
        sim.emit('user_preference.changed', { appearance: config.appearance, theme: 'blue', fontFamily: 'Puvi' });
      }
      changed();
      return Promise.resolve();
    },
    resetConfig() {
      config = mergeConfig(DEFAULT_CONFIG, {});
      apply();
      changed();
    },
    state(): SimulatorState {
      snapshot ??= buildState();
      return snapshot;
    },
    reload,
    emit(eventName: string, payload: unknown = {}) {
      sim.emit(eventName, payload);
      changedSoon();
    },
    shiftTicket() {
      const tickets = asRecords(desk().tickets);
      if (tickets.length === 0) return;
      const index = tickets.findIndex((t) => str(t.id) === (config.ticketId ?? str(tickets[0]?.id)));
      const next = tickets[(index + 1) % tickets.length] ?? tickets[0];
      config = mergeConfig(config, { ticketId: str(next?.id) });
      apply();
      sim.emit('ticket_Shift', { ticket_shifted: true, ticketId: str(next?.id) });
      changed();
    },
    openNextRecord() {
      const kind = config.location;
      if (kind !== 'contact' && kind !== 'account') return;
      const list = asRecords(kind === 'contact' ? desk().contacts : desk().accounts);
      if (list.length === 0) return;
      const currentId = kind === 'contact' ? config.contactId : config.accountId;
      const index = list.findIndex((r) => str(r.id) === (currentId ?? str(list[0]?.id)));
      const next = str(list[(index + 1) % list.length]?.id);
      config = mergeConfig(config, kind === 'contact' ? { contactId: next } : { accountId: next });
      apply();
      const view = { module: kind, page: 'detail', id: next };
      sim.emit('pageChange', { previousView: { ...view, id: currentId }, currentView: view });
      changed();
    },
    clearStorage() {
      sim.storage.clear();
      // Everything the extension keeps: Desk storage and its answers kept in this tab.
      clearSessionCache();
      changed();
    },
    async resetData() {
      sandbox.reset();
      sim.storage.clear();
      clearSessionCache();
      sim.log.notifications.length = 0;
      sim.log.inserted.length = 0;
      sim.log.opened.length = 0;
      sim.log.requests.length = 0;
      apply();
      connectSample();
      await reload();
    },
    connectSample() {
      connectSample();
      changed();
    },
    answerConfirm(answer: boolean) {
      const current = pending;
      pending = null;
      current?.resolve(answer);
      changed();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    frameLoaded(key: number) {
      const waiters = loadWaiters.get(key);
      loadWaiters.delete(key);
      for (const resolve of waiters ?? []) resolve();
      changedSoon();
    },
  };
  return api;
}
