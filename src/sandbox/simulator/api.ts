/**
 * `window.__deskSimulator`: how the framed widget gets its fake ZOHODESK (via /sim/sdk-shim.js) and
 * how e2e tests and the bench drive the simulator (`page.evaluate`). Everything `state()` returns is
 * plain JSON so it survives the trip out of the browser.
 */
import type { SimulatorConfig, SimulatorConfigPatch } from './config';

export interface DeskRecordOption {
  id: string;
  label: string;
  /** Secondary text for the picker (email, ticket number, …). */
  detail: string;
}

export interface StorageEntry {
  key: string;
  queriableValue: string;
  value: unknown;
}

export interface BillingCallEntry {
  method: string;
  path: string;
  url: string;
  status: number;
  at: number;
}

export interface PendingConfirm {
  id: number;
  title: string;
  message: string;
  okText: string;
  cancelText: string;
  danger: boolean;
  /** contentType 'html': Desk renders title and content as HTML (entities decoded, <br> a line break). */
  html: boolean;
}

export interface SimulatorState {
  config: SimulatorConfig;
  /** Bumped on every (re)load of the extension frame. */
  frameKey: number;
  /** Path of the page in the extension frame, e.g. "/app/panel.html". */
  framePath: string;
  desk: {
    tickets: DeskRecordOption[];
    contacts: DeskRecordOption[];
    accounts: DeskRecordOption[];
  };
  storage: StorageEntry[];
  billingCalls: BillingCallEntry[];
  notifications: unknown[];
  inserted: unknown[];
  opened: string[];
  pendingConfirm: PendingConfirm | null;
}

export interface DeskSimulatorApi {
  /** Called by /sim/sdk-shim.js inside the extension frame: the fake ZOHODESK for that window. */
  createSdk(frameWindow: Window): unknown;
  /**
   * Changes context and/or faults. Context changes reload the extension frame and resolve once it has
   * loaded; `reload: false` only records the change (call reload() when ready), `true` always reloads.
   */
  configure(patch: SimulatorConfigPatch, options?: { reload?: boolean }): Promise<void>;
  /** Back to the default configuration (does not reload by itself). */
  resetConfig(): void;
  state(): SimulatorState;
  /** Reloads the extension frame; resolves when it has loaded. */
  reload(): Promise<void>;
  /** Fires an SDK event into the widget (ticket_Shift, pageChange, …). */
  emit(eventName: string, payload?: unknown): void;
  /** Opens the next ticket of the Desk data and fires ticket_Shift, as Desk does when the agent switches. */
  shiftTicket(): void;
  /** On a contact or account page: opens the next record and fires pageChange, as Desk navigation does. */
  openNextRecord(): void;
  clearStorage(): void;
  /** Stores a connected integration (the sandbox's first organization), as if an admin had set it up. */
  connectSample(): void;
  /** Fresh Billing data, storage and logs (the configuration stays). */
  resetData(): Promise<void>;
  /** Answers the confirmation popup the widget is waiting on. */
  answerConfirm(answer: boolean): void;
  subscribe(listener: () => void): () => void;
  /** The shell tells the core its extension frame finished loading (resolves configure/reload). */
  frameLoaded(frameKey: number): void;
  /** The Billing sandbox (dataset, faults, calls) and the Desk simulation, for tests and the bench. */
  readonly sandbox: unknown;
  readonly sim: unknown;
}

declare global {
  interface Window {
    __deskSimulator?: DeskSimulatorApi;
  }
}
