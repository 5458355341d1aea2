/**
 * The simulator's core: ONE Billing sandbox + ONE Desk simulation, the configuration applied to
 * both (applyConfig.ts), and the extension frame's lifecycle. The React shell renders `state()`; tests and the bench
 * drive the same object through `window.__deskSimulator`.
 */
import { clearSessionCache } from '../../integration/cache/sessionCache';
import { createBillingSandbox, type BillingSandbox } from '../billing/sandbox';
import type { DeskData } from '../desk/deskRecords';
import { createFakeZohoDesk } from '../desk/fakeZohoDesk';
import { createDeskSimulation, type DeskSimulation } from '../desk/simulation';
import type { BillingCallEntry, DeskSimulatorApi, PendingConfirm, SimulatorState } from './api';
import { applyConfig, connectSample, moveStoredOrganization, needsReload } from './applyConfig';
import { DEFAULT_CONFIG, mergeConfig, type SimulatorConfig, type SimulatorConfigPatch } from './config';
import { accountOption, asRecords, contactOption, str, ticketOption, toPendingConfirm } from './shapes';

export interface SimulatorCoreOptions {
  seed?: number;
  initial?: SimulatorConfigPatch;
  /** Store a connected integration (first Billing organization) at start, so panels show data at once. */
  connected?: boolean;
}

export function createSimulatorCore(options: SimulatorCoreOptions = {}): DeskSimulatorApi & {
  sandbox: BillingSandbox;
  sim: DeskSimulation;
  desk(): DeskData;
} {
  const seed = options.seed;
  // The world's "today" is the real one (UTC): the panel dates what it shows by the real clock (a trial
  // ending in 3 days, an invoice overdue for 25), so a fixed world would drift out of those windows.
  const today = new Date().toISOString().slice(0, 10);
  const sandbox = createBillingSandbox(seed === undefined ? { today } : { seed, today });
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

  const apply = () => applyConfig(sim, sandbox, config);
  const connect = () => connectSample(sim, sandbox, config);

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
  if (options.connected ?? true) connect();

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
        moveStoredOrganization(sim, config.dataCenter);
        // Answers the tab kept came from the old data center's Billing.
        clearSessionCache();
      }
      if (options.reload ?? needsReload(before, config, patch)) return reload();
      if (['appearance', 'pureDark', 'theme', 'fontFamily'].some((k) => before[k as keyof SimulatorConfig] !== config[k as keyof SimulatorConfig])) {
        // Desk's own payload: the same shape as meta.userPreferences.
        sim.emit('user_preference.changed', { appearance: sim.app.appearance, theme: sim.app.theme, fontFamily: sim.app.fontFamily });
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
      connect();
      await reload();
    },
    connectSample() {
      connect();
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
