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
  /** '' sends no dcType at all (as a portal outside the documented list might). */
  dcType: string;
  /** meta.deskDomainUrl; undefined: the Desk host of dcType's region, null: not sent. */
  deskDomainUrl?: string | null;
  appearance: SimAppearance;
  /** meta.userPreferences' theme colour and font family. */
  theme: string;
  fontFamily: string;
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
  /** With remoteErrorsReject: the rejection carries only the remote body, no statusCode (desk-sdk.md §11). */
  rejectWithoutStatus?: boolean;
}

export interface StoredRecord {
  key: string;
  queriableValue: string;
  value: unknown;
}

/** One Desk storage call as Desk's rate limits count it (desk-sdk.md §5.1). */
export interface StorageCall {
  at: number;
  op: 'get' | 'set' | 'delete';
  items: number;
}

/** Desk's per-minute storage limits, enforced by the fake when set (off by default: most tests ignore them). */
export interface StorageLimits {
  writesPerMinute: number;
  readsPerMinute: number;
  deletesPerMinute: number;
}

export const DESK_STORAGE_LIMITS: StorageLimits = { writesPerMinute: 50, readsPerMinute: 250, deletesPerMinute: 50 };

export interface DeskSimulationLog {
  notifications: unknown[];
  inserted: unknown[];
  opened: string[];
  requests: unknown[];
  /** Every `instance.on` registration, by SDK event name (the adapter registers each name once). */
  registered: string[];
  /** Every other invoke (ROUTE_TO, RESIZE, …) and set of non-database keys. */
  invoked: unknown[];
  /** Every database get/set/delete, stamped with `storageClock` (rate figures, quota tests). */
  storageCalls: StorageCall[];
}

export interface DeskSimulation {
  app: DeskSimulationApp;
  page: DeskSimulationPage;
  /** The portal's Desk storage. Several simulations (agents) may share one map, as a real portal does. */
  storage: Map<string, StoredRecord>;
  /** When set, database calls beyond these per-minute counts reject as Desk's rate limit would. */
  storageLimits: StorageLimits | null;
  /** The clock storage calls are stamped with (a bench's virtual clock, a test's fake one). */
  storageClock: () => number;
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
  /** Share another simulation's Desk storage (agents of one portal). */
  storage?: Map<string, StoredRecord>;
  storageLimits?: StorageLimits | null;
  storageClock?: () => number;
  faults?: Partial<DeskSimulationFaults>;
  transport?: (request: Request) => Promise<Response>;
  confirmAnswer?: (options: unknown) => Promise<boolean>;
}

export const DEFAULT_SIM_APP: DeskSimulationApp = {
  location: 'desk.ticket.detail.rightpanel',
  locale: 'en',
  dcType: 'US',
  appearance: 'light',
  theme: 'blue',
  fontFamily: 'Puvi',
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
    storage: options.storage ?? new Map(),
    storageLimits: options.storageLimits ?? null,
    storageClock: options.storageClock ?? Date.now,
    faults: { ...DEFAULT_SIM_FAULTS, ...options.faults },
    transport:
      options.transport ??
      (async () => new Response(JSON.stringify({ code: 404, message: 'No sandbox is attached.' }), { status: 404 })),
    confirmAnswer: options.confirmAnswer ?? (async () => true),
    log: { notifications: [], inserted: [], opened: [], requests: [], registered: [], invoked: [], storageCalls: [] },
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
