/**
 * The Desk host seam: everything the extension needs from Zoho Desk, typed.
 * Only src/host/deskHost.ts touches window.ZOHODESK; everything else receives a DeskHost.
 */

export const LOCATIONS = {
  ticket: 'desk.ticket.detail.rightpanel',
  contact: 'desk.contact.detail.rightpanel',
  account: 'desk.account.detail.rightpanel',
  ticketForm: 'desk.ticket.form.rightpanel',
  settings: 'desk.extension.preference',
} as const;
export type LocationKind = keyof typeof LOCATIONS;
export type DeskLocation = (typeof LOCATIONS)[LocationKind];

export const DATA_CENTERS = ['US', 'EU', 'IN', 'AU', 'JP', 'CA', 'SA', 'CN'] as const;
export type DataCenter = (typeof DATA_CENTERS)[number];
/**
 * Where the data center came from: Desk's dcType, the portal's Desk URL(s), the page framing the
 * widget, or nothing at all ('default': US assumed, and the settings page says so).
 */
export type DataCenterSource = 'dcType' | 'deskDomainUrl' | 'deskDomainUrls' | 'framingPage' | 'default';

export type Appearance = 'light' | 'dark';
/** Desk's theme colours and fonts (desk-sdk.md §1.1, meta.userPreferences). */
export const DESK_THEMES = ['red', 'green', 'blue', 'yellow', 'orange'] as const;
export type DeskTheme = (typeof DESK_THEMES)[number];
export const DESK_FONTS = ['Puvi', 'Lato', 'Roboto'] as const;
export type DeskFont = (typeof DESK_FONTS)[number];

/** How the agent's Desk looks, as far as Desk tells the widget: null where it does not (or not in a known way). */
export interface DeskLook {
  appearance: Appearance;
  /** Desk's "pure dark" (black, for OLED screens): a darker dark. */
  pureDark: boolean;
  theme: DeskTheme | null;
  fontFamily: DeskFont | null;
}

export interface DeskUser {
  id: string;
  name: string;
  email: string;
  /** IANA zone such as "Asia/Tokyo" when Desk gives one. */
  timeZone: string | null;
}

/** Static facts about where the widget runs, read once after onload. */
export interface DeskContext {
  /** Raw location string from App.location; `kind` is null for a location we do not serve. */
  location: string;
  kind: LocationKind | null;
  /** Agent's Desk language, e.g. "ja", "en", "ja_JP" as given. */
  locale: string;
  dataCenter: DataCenter;
  /** How dataCenter was decided; absent from hosts that do not tell (tests' fakes). */
  dataCenterSource?: DataCenterSource;
  appearance: Appearance;
  /** The rest of the agent's Desk appearance; absent from hosts that do not tell (tests' fakes). */
  look?: DeskLook;
  user: DeskUser;
  /** Desk portal (org) id: the `orgId` header of Desk API calls. */
  portalId: string | null;
}

export interface DeskTicket {
  id: string;
  /** Human ticket number, e.g. "104233". */
  number: string;
  subject: string;
  email: string | null;
  contactId: string | null;
  contactName: string | null;
  accountId: string | null;
  accountName: string | null;
}

export interface DeskAddress {
  street: string;
  city: string;
  state: string;
  zip: string;
  country: string;
}

export interface DeskContact {
  id: string;
  firstName: string;
  lastName: string;
  /** Display name: "First Last", or the email when Desk has no name. */
  name: string;
  /** Every email Desk knows for the contact (primary first), lower-cased, de-duplicated. */
  emails: string[];
  phone: string | null;
  accountId: string | null;
  accountName: string | null;
  address: DeskAddress | null;
}

export interface DeskAccount {
  id: string;
  name: string;
  /** Account's own email domain/website where Desk has it; helps matching companies. */
  website: string | null;
  phone: string | null;
  address: DeskAddress | null;
}

/** Values the agent has typed so far in the add-ticket form. */
export interface TicketFormValues {
  contactId: string | null;
  accountId: string | null;
  email: string | null;
  contactName: string | null;
  accountName: string | null;
}

/** One request through the Desk connection to Zoho Billing (or the Desk API). */
export interface HostRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** 'blob' for binary answers (invoice PDF). Never used on POST/PUT (the SDK ignores the body then). */
  responseType?: 'json' | 'blob';
}

/** What came back over the wire, whatever shape the SDK wrapped it in. */
export interface HostResponse {
  status: number;
  /** Parsed JSON when the body was JSON, the raw string otherwise, a Blob for responseType 'blob'. */
  body: unknown;
  headers: Record<string, string>;
}

export type HostErrorKind =
  /** The Desk connection to Zoho is not authorised yet; authUrl is where the user authorises. */
  | 'not-authorised'
  /** The key/object is not available at this location (e.g. get('ticket') on a contact page). */
  | 'not-in-context'
  /** Storage refused the key or value (size, characters, rate limit). */
  | 'storage'
  /** The SDK answer could not be understood. */
  | 'malformed'
  /** The call never produced an HTTP answer (proxy down, offline, timeout). */
  | 'network'
  /** The SDK rejected with a message we cannot classify further. */
  | 'rejected';

export interface HostError {
  kind: HostErrorKind;
  message: string;
  authUrl?: string;
  /** The untouched SDK value, for diagnostics (never rendered as HTML). */
  raw?: unknown;
  /**
   * Present when the remote service did answer, with its error body (null when empty): e.g. an SDK
   * rejection carrying Billing `{code, message}` or Desk `{errorCode, message}` but no HTTP status
   * (desk-sdk.md §11), or a Desk API refusal. Such a failure is the server's answer, not a lost
   * request: the caller that knows the service classifies it by this body.
   */
  body?: unknown;
}

export type HostResult<T> = { ok: true; value: T } | { ok: false; error: HostError };

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** One stored record. `group` becomes Desk's queriableValue so a whole group can be listed or deleted. */
export interface StoredItem {
  key: string;
  group: StorageGroup;
  value: JsonObject;
}
export type StorageGroup = 'settings' | 'link' | 'cache' | 'write' | 'snapshot' | 'lease' | 'meter';

export interface DeskStorage {
  get(key: string): Promise<HostResult<StoredItem | null>>;
  /** Read back after write is the caller's choice; set only reports what Desk answered. */
  set(item: StoredItem): Promise<HostResult<void>>;
  delete(key: string): Promise<HostResult<void>>;
  /** Every item of a group (follows Desk's 20-per-page paging). */
  list(group: StorageGroup): Promise<HostResult<StoredItem[]>>;
  deleteGroup(group: StorageGroup): Promise<HostResult<void>>;
}

export type HostEvent =
  /** Agent switched to another ticket in the same widget (ticket_Shift). */
  | 'ticketChanged'
  /** The add-ticket form's contact/account changed (only from confirmed event names; see desk-sdk.md §1.4). */
  | 'formChanged'
  /** Light/dark or language preference changed. */
  | 'preferencesChanged'
  /** Desk page changed (pageChange), e.g. another contact/account opened. */
  | 'pageChanged'
  /** The reply editor opened (ticket_replyEditor.opened). */
  | 'replyEditorOpened';

/** A Desk profile (Administrator, Agent, Light Agent, a custom one): who may act is chosen per profile. */
export interface DeskProfile {
  /** Desk's profile id; `name:<name>` when Desk gave a name but no id. */
  id: string;
  name: string;
  /** Desk's profile type (Administrator | Standard | Light | Portal | Custom) when given. */
  type: string | null;
  /** Desk administrators may always act. */
  isAdmin: boolean;
}

export interface ConfirmOptions {
  title: string;
  message: string;
  okText: string;
  cancelText: string;
  danger?: boolean;
}

export interface DeskHost {
  context(): DeskContext;
  /** Current ticket (ticket detail / global while a ticket is open). */
  ticket(): Promise<HostResult<DeskTicket>>;
  /** The contact on a contact page, or any contact by id through the Desk API. */
  contact(id?: string): Promise<HostResult<DeskContact>>;
  /** The account on an account page, or any account by id through the Desk API. */
  account(id?: string): Promise<HostResult<DeskAccount>>;
  /** Contacts of an account (Desk API). */
  accountContacts(accountId: string): Promise<HostResult<DeskContact[]>>;
  /** Current add-ticket form values (re-read on demand: there is no confirmed change event). */
  ticketForm(): Promise<HostResult<TicketFormValues>>;
  /** Whether the current Desk user may change settings; null when it cannot be determined. */
  isAdmin(): Promise<HostResult<boolean | null>>;
  /** The current Desk user's profile (Desk API); null when Desk answered without naming one. */
  agentProfile(): Promise<HostResult<DeskProfile | null>>;
  /** Every profile of the portal (Desk API `GET /profiles`), for the settings page's "who may act". */
  profiles(): Promise<HostResult<DeskProfile[]>>;
  /**
   * A private plain-text comment on a ticket (`POST /tickets/{id}/comments`, scope Desk.tickets.UPDATE):
   * the audit trail of an action. The comment's id when Desk gave one.
   */
  addTicketComment(ticketId: string, text: string): Promise<HostResult<{ id: string | null }>>;
  /** A request through the Zoho Billing connection. Resolves with any HTTP status; errors only when no answer. */
  request(req: HostRequest): Promise<HostResult<HostResponse>>;
  storage: DeskStorage;
  /** Subscribe; returns an unsubscribe function (the adapter registers each SDK name only once). */
  on(event: HostEvent, handler: (payload: unknown) => void): () => void;
  /** Insert plain text (or a safe link) into the ticket's reply editor. */
  /** `after`: a line below the link (e.g. until when it works). */
  insertIntoReply(content: { text: string; url?: string; after?: string }): Promise<HostResult<void>>;
  confirm(options: ConfirmOptions): Promise<boolean>;
  notify(message: string, kind: 'success' | 'failure'): void;
  /** Open a URL in a new browser tab (https only). */
  openUrl(url: string): void;
}
