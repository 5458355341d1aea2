/**
 * The mutable state behind the fake ZOHODESK: what Desk knows (app, open page, storage), which
 * faults are on, where requests go, and what the widget did (logs). One simulation can back several
 * fake SDK objects (one per widget frame); events reach all of them.
 */
import type { SdkEventHandler } from '../../host/sdkTypes';

export type SimAppearance = 'light' | 'dark' | 'pureDark' | 'auto';

export interface DeskSimulationApp {
  location: string;
  locale: string;
  dcType: string;
  appearance: SimAppearance;
  user: { id: string; name: string; email: string; timeZone: string };
  portalId: string;
  isAdmin: boolean;
}

export interface DeskSimulationPage {
  ticket: Record<string, unknown> | null;
  contact: Record<string, unknown> | null;
  account: Record<string, unknown> | null;
  ticketForm: Record<string, string | null> | null;
}

export interface DeskSimulationFaults {
  /** Billing requests answer error_code 1000 + resumeUrl (connection not authorised). */
  notAuthorised: boolean;
  /** ZOHODESK.request rejects with {errMsg} (proxy down). */
  hostReject: boolean;
  /** Desk storage is down: ZOHODESK.get/set/delete('database') all reject. */
  storageFails: boolean;
  /** Desk storage reads work but set/delete('database') reject (a full or read-only store). */
  storageWritesFail: boolean;
  /** 'string': the default SDK mode, JSON strings nested 2–3 levels; 'json': already-parsed objects. */
  answerStyle: 'string' | 'json';
  /** Remote 4xx/5xx reject (sample's JSON-string shape) instead of resolving with statusCode ≠ 200. */
  remoteErrorsReject: boolean;
}

export interface StoredRecord {
  key: string;
  queriableValue: string;
  value: unknown;
}

export interface DeskSimulationLog {
  notifications: unknown[];
  inserted: unknown[];
  opened: string[];
  requests: unknown[];
  /** Every `instance.on` registration, by SDK event name (the adapter registers each name once). */
  registered: string[];
  /** Every other invoke (ROUTE_TO, RESIZE, …) and set of non-database keys. */
  invoked: unknown[];
}

export interface DeskSimulation {
  app: DeskSimulationApp;
  page: DeskSimulationPage;
  storage: Map<string, StoredRecord>;
  faults: DeskSimulationFaults;
  transport: (request: Request) => Promise<Response>;
  confirmAnswer: (options: unknown) => Promise<boolean>;
  log: DeskSimulationLog;
  /** Fires an SDK event to every widget's `instance.on` handlers (ticket_Shift, pageChange, …). */
  emit(eventName: string, payload: unknown): void;
  /** Registered `instance.on` handlers, by SDK event name (used by the fake SDK). */
  listeners: Map<string, Set<SdkEventHandler>>;
}

export interface DeskSimulationOptions {
  app?: Partial<DeskSimulationApp>;
  page?: Partial<DeskSimulationPage>;
  faults?: Partial<DeskSimulationFaults>;
  transport?: (request: Request) => Promise<Response>;
  confirmAnswer?: (options: unknown) => Promise<boolean>;
}

export const DEFAULT_SIM_APP: DeskSimulationApp = {
  location: 'desk.ticket.detail.rightpanel',
  locale: 'en',
  dcType: 'US',
  appearance: 'light',
  user: { id: '4000000000001', name: 'Aiko Tanaka', email: 'aiko.tanaka@example.com', timeZone: 'Asia/Tokyo' },
  portalId: '700000001',
  isAdmin: true,
};

export const DEFAULT_SIM_FAULTS: DeskSimulationFaults = {
  notAuthorised: false,
  hostReject: false,
  storageFails: false,
  storageWritesFail: false,
  answerStyle: 'string',
  remoteErrorsReject: false,
};

export function createDeskSimulation(options: DeskSimulationOptions = {}): DeskSimulation {
  const listeners = new Map<string, Set<SdkEventHandler>>();
  return {
    app: { ...DEFAULT_SIM_APP, ...options.app, user: { ...DEFAULT_SIM_APP.user, ...options.app?.user } },
    page: { ticket: null, contact: null, account: null, ticketForm: null, ...options.page },
    storage: new Map(),
    faults: { ...DEFAULT_SIM_FAULTS, ...options.faults },
    transport:
      options.transport ??
      (async () => new Response(JSON.stringify({ code: 404, message: 'No sandbox is attached.' }), { status: 404 })),
    confirmAnswer: options.confirmAnswer ?? (async () => true),
    log: { notifications: [], inserted: [], opened: [], requests: [], registered: [], invoked: [] },
    listeners,
    emit(eventName: string, payload: unknown): void {
      for (const handler of [...(listeners.get(eventName) ?? [])]) {
        try {
          void handler(payload);
        } catch {
          // A failing widget handler must not stop the other frames from hearing the event.
        }
      }
    },
  };
}
