/**
 * What the simulator lets a person (or a test) set: the Desk location and context, and the faults.
 * Plain data so e2e tests can pass it through `page.evaluate` and the URL can carry it.
 */
import { DATA_CENTERS, LOCATIONS, type DataCenter, type LocationKind, DESK_FONTS, DESK_THEMES, type DeskFont, type DeskTheme } from '../../host/types';
import { TIMEOUT_HANG_MS } from '../billing/handlers';

export const LOCATION_KINDS = Object.keys(LOCATIONS) as LocationKind[];

export const BILLING_FAULT_MODES = [
  'none',
  'forbidden',
  'not-found',
  'gone',
  'rate-limited',
  'server-error',
  'malformed-json',
  'html-error',
  'code-nonzero',
  'timeout',
] as const;
export type BillingFaultMode = (typeof BILLING_FAULT_MODES)[number];

export const ORGANIZATION_MODES = ['many', 'one', 'none', 'non-admin'] as const;
export type OrganizationMode = (typeof ORGANIZATION_MODES)[number];

/** The daily meter's stored rows and cap (seedBudget.ts): none, a usual week, today near or past the cap. */
export const METER_PRESETS = ['none', 'week', 'near', 'over'] as const;
export type MeterPreset = (typeof METER_PRESETS)[number];

export const SIM_LOCALES = ['en', 'ja'] as const;
export type SimLocale = (typeof SIM_LOCALES)[number];

export const TIME_ZONES = ['UTC', 'America/New_York', 'Europe/London', 'Europe/Berlin', 'Asia/Kolkata', 'Asia/Tokyo', 'Australia/Sydney'] as const;

export const PANEL_WIDTH = { min: 320, max: 400, default: 360 } as const;

export interface SimulatorFaults {
  /** The Billing connection is not authorised: every request answers error_code 1000 + resumeUrl. */
  notAuthorised: boolean;
  /** ZOHODESK.request rejects with {errMsg} (proxy down). */
  hostReject: boolean;
  /** Desk storage is down: ZOHODESK.get/set/delete('database') all reject. */
  storageFails: boolean;
  /** Desk storage reads work, writes (set/delete) reject. */
  storageWritesFail: boolean;
  /** What Zoho Billing answers. */
  billing: BillingFaultMode;
  /** Retry-After seconds sent with a 429; null sends none. */
  retryAfterSeconds: number | null;
  /** Added to every Billing answer. */
  latencyMs: number;
  /** In 'timeout' mode, how long a call hangs before the proxy's 504 (real Desk: about 30 s). */
  timeoutMs: number;
  organizations: OrganizationMode;
  /** The card gateway declines every Collect now (issue 20). */
  cardDeclines: boolean;
  /** Desk refuses the audit comment on the ticket (the action's result stays, with "Add the comment again"). */
  commentsFail: boolean;
  /** The organization's churn reasons: offered, required, or none set up. */
  churnReasons: ChurnMode;
}

export const CHURN_MODES = ['optional', 'required', 'off'] as const;
export type ChurnMode = (typeof CHURN_MODES)[number];

/** What the portal's Desk storage holds when the simulator opens (seeded once, at start: seedBudget.ts). */
export interface SimulatorStored {
  /** Another agent read the page's customer this many minutes ago: the portal-shared snapshot has it. */
  sharedMinutes: number | null;
  meter: MeterPreset;
}

export interface TicketFormInput {
  contactId: string;
  email: string;
  accountId: string;
}

export interface SimulatorConfig {
  location: LocationKind;
  /** Which Desk record is open; null = the first one of the Desk data. */
  ticketId: string | null;
  contactId: string | null;
  accountId: string | null;
  /** What the agent has typed in the add-ticket form. */
  form: TicketFormInput;
  locale: SimLocale;
  dataCenter: DataCenter;
  appearance: 'light' | 'dark';
  /** Desk's pure dark (with appearance dark), theme colour and font: meta.userPreferences. */
  pureDark: boolean;
  theme: DeskTheme;
  fontFamily: DeskFont;
  isAdmin: boolean;
  timeZone: string;
  panelWidth: number;
  faults: SimulatorFaults;
  stored: SimulatorStored;
}

export type SimulatorConfigPatch = Partial<Omit<SimulatorConfig, 'form' | 'faults' | 'stored'>> & {
  form?: Partial<TicketFormInput>;
  faults?: Partial<SimulatorFaults>;
  stored?: Partial<SimulatorStored>;
};

export const DEFAULT_FAULTS: SimulatorFaults = {
  notAuthorised: false,
  hostReject: false,
  storageFails: false,
  storageWritesFail: false,
  billing: 'none',
  retryAfterSeconds: 30,
  latencyMs: 0,
  timeoutMs: TIMEOUT_HANG_MS,
  organizations: 'many',
  cardDeclines: false,
  commentsFail: false,
  churnReasons: 'optional',
};

export const DEFAULT_CONFIG: SimulatorConfig = {
  location: 'ticket',
  ticketId: null,
  contactId: null,
  accountId: null,
  form: { contactId: '', email: '', accountId: '' },
  locale: 'en',
  dataCenter: 'US',
  appearance: 'light',
  pureDark: false,
  theme: 'blue',
  fontFamily: 'Puvi',
  isAdmin: true,
  timeZone: 'UTC',
  panelWidth: PANEL_WIDTH.default,
  faults: DEFAULT_FAULTS,
  stored: { sharedMinutes: null, meter: 'none' },
};

function clampWidth(width: number): number {
  if (!Number.isFinite(width)) return PANEL_WIDTH.default;
  return Math.min(PANEL_WIDTH.max, Math.max(PANEL_WIDTH.min, Math.round(width)));
}

function oneOf<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** Applies a patch, ignoring values that are not allowed (a typo in the URL must not break the page). */
export function mergeConfig(base: SimulatorConfig, patch: SimulatorConfigPatch): SimulatorConfig {
  const faults: SimulatorFaults = { ...base.faults };
  const pf = patch.faults ?? {};
  if (typeof pf.notAuthorised === 'boolean') faults.notAuthorised = pf.notAuthorised;
  if (typeof pf.hostReject === 'boolean') faults.hostReject = pf.hostReject;
  if (typeof pf.storageFails === 'boolean') faults.storageFails = pf.storageFails;
  if (typeof pf.storageWritesFail === 'boolean') faults.storageWritesFail = pf.storageWritesFail;
  faults.billing = oneOf(BILLING_FAULT_MODES, pf.billing, faults.billing);
  if (pf.retryAfterSeconds === null || (typeof pf.retryAfterSeconds === 'number' && pf.retryAfterSeconds >= 0)) {
    faults.retryAfterSeconds = pf.retryAfterSeconds;
  }
  if (typeof pf.latencyMs === 'number' && pf.latencyMs >= 0) faults.latencyMs = pf.latencyMs;
  if (typeof pf.timeoutMs === 'number' && pf.timeoutMs >= 0) faults.timeoutMs = pf.timeoutMs;
  faults.organizations = oneOf(ORGANIZATION_MODES, pf.organizations, faults.organizations);
  if (typeof pf.cardDeclines === 'boolean') faults.cardDeclines = pf.cardDeclines;
  if (typeof pf.commentsFail === 'boolean') faults.commentsFail = pf.commentsFail;
  faults.churnReasons = oneOf(CHURN_MODES, pf.churnReasons, faults.churnReasons);

  const stored: SimulatorStored = { ...base.stored };
  const ps = patch.stored ?? {};
  if (ps.sharedMinutes === null || (typeof ps.sharedMinutes === 'number' && Number.isInteger(ps.sharedMinutes) && ps.sharedMinutes >= 0)) {
    stored.sharedMinutes = ps.sharedMinutes;
  }
  stored.meter = oneOf(METER_PRESETS, ps.meter, stored.meter);

  const form = { ...base.form };
  for (const key of ['contactId', 'email', 'accountId'] as const) {
    const value = patch.form?.[key];
    if (typeof value === 'string') form[key] = value;
  }

  const idOrNull = (value: unknown, fallback: string | null) =>
    value === null ? null : typeof value === 'string' && value !== '' ? value : fallback;

  return {
    location: oneOf(LOCATION_KINDS, patch.location, base.location),
    ticketId: 'ticketId' in patch ? idOrNull(patch.ticketId, base.ticketId) : base.ticketId,
    contactId: 'contactId' in patch ? idOrNull(patch.contactId, base.contactId) : base.contactId,
    accountId: 'accountId' in patch ? idOrNull(patch.accountId, base.accountId) : base.accountId,
    form,
    locale: oneOf(SIM_LOCALES, patch.locale, base.locale),
    dataCenter: oneOf(DATA_CENTERS, patch.dataCenter, base.dataCenter),
    appearance: oneOf(['light', 'dark'] as const, patch.appearance, base.appearance),
    pureDark: typeof patch.pureDark === 'boolean' ? patch.pureDark : base.pureDark,
    theme: oneOf(DESK_THEMES, patch.theme, base.theme),
    fontFamily: oneOf(DESK_FONTS, patch.fontFamily, base.fontFamily),
    isAdmin: typeof patch.isAdmin === 'boolean' ? patch.isAdmin : base.isAdmin,
    timeZone: typeof patch.timeZone === 'string' && patch.timeZone !== '' ? patch.timeZone : base.timeZone,
    panelWidth: typeof patch.panelWidth === 'number' ? clampWidth(patch.panelWidth) : base.panelWidth,
    faults,
    stored,
  };
}

/**
 * Reads a patch from the page URL, e.g. `/?location=contact&locale=ja&billing=rate-limited&orgs=many`,
 * so a state can be bookmarked or opened directly by a test.
 */
export function configFromSearch(search: string): SimulatorConfigPatch {
  const params = new URLSearchParams(search);
  const patch: SimulatorConfigPatch = {};
  const faults: Partial<SimulatorFaults> = {};
  const str = (name: string) => params.get(name) ?? undefined;
  const bool = (name: string) => {
    const v = params.get(name);
    return v === null ? undefined : v === '1' || v === 'true' || v === 'yes';
  };
  const num = (name: string) => {
    const v = params.get(name);
    return v === null || v === '' || Number.isNaN(Number(v)) ? undefined : Number(v);
  };
  const assign = <K extends keyof SimulatorConfigPatch>(key: K, value: SimulatorConfigPatch[K] | undefined) => {
    if (value !== undefined) patch[key] = value;
  };
  assign('location', str('location') as LocationKind | undefined);
  assign('ticketId', str('ticket'));
  assign('contactId', str('contact'));
  assign('accountId', str('account'));
  assign('locale', str('locale') as SimLocale | undefined);
  assign('dataCenter', str('dc') as DataCenter | undefined);
  assign('appearance', str('appearance') as 'light' | 'dark' | undefined);
  assign('pureDark', bool('pureDark'));
  assign('theme', str('theme') as DeskTheme | undefined);
  assign('fontFamily', str('font') as DeskFont | undefined);
  assign('isAdmin', bool('admin'));
  assign('timeZone', str('tz'));
  assign('panelWidth', num('width'));
  const form: Partial<TicketFormInput> = {};
  if (params.has('formContact')) form.contactId = params.get('formContact') ?? '';
  if (params.has('formEmail')) form.email = params.get('formEmail') ?? '';
  if (params.has('formAccount')) form.accountId = params.get('formAccount') ?? '';
  if (Object.keys(form).length) patch.form = form;
  const na = bool('notAuthorised');
  if (na !== undefined) faults.notAuthorised = na;
  const hr = bool('hostReject');
  if (hr !== undefined) faults.hostReject = hr;
  const sf = bool('storageFails');
  if (sf !== undefined) faults.storageFails = sf;
  const swf = bool('storageWritesFail');
  if (swf !== undefined) faults.storageWritesFail = swf;
  const billing = str('billing');
  if (billing) faults.billing = billing as BillingFaultMode;
  if (params.has('retryAfter')) faults.retryAfterSeconds = params.get('retryAfter') === 'none' ? null : num('retryAfter');
  const latency = num('latency');
  if (latency !== undefined) faults.latencyMs = latency;
  const timeout = num('timeoutMs');
  if (timeout !== undefined) faults.timeoutMs = timeout;
  const orgs = str('orgs');
  if (orgs) faults.organizations = orgs as OrganizationMode;
  const decline = bool('decline');
  if (decline !== undefined) faults.cardDeclines = decline;
  const commentsFail = bool('commentsFail');
  if (commentsFail !== undefined) faults.commentsFail = commentsFail;
  const churn = str('churn');
  if (churn) faults.churnReasons = churn as ChurnMode;
  if (Object.keys(faults).length) patch.faults = faults;
  const stored: Partial<SimulatorStored> = {};
  const shared = num('shared');
  if (shared !== undefined) stored.sharedMinutes = shared;
  const meter = str('meter');
  if (meter) stored.meter = meter as MeterPreset;
  if (Object.keys(stored).length) patch.stored = stored;
  return patch;
}

/** The inverse of configFromSearch, listing only what differs from the defaults (for a bookmarkable URL). */
export function configToSearch(config: SimulatorConfig): string {
  const d = DEFAULT_CONFIG;
  const params = new URLSearchParams();
  const put = (name: string, value: string, def: string) => {
    if (value !== def) params.set(name, value);
  };
  put('location', config.location, d.location);
  if (config.ticketId) params.set('ticket', config.ticketId);
  if (config.contactId) params.set('contact', config.contactId);
  if (config.accountId) params.set('account', config.accountId);
  put('formContact', config.form.contactId, d.form.contactId);
  put('formEmail', config.form.email, d.form.email);
  put('formAccount', config.form.accountId, d.form.accountId);
  put('locale', config.locale, d.locale);
  put('dc', config.dataCenter, d.dataCenter);
  put('appearance', config.appearance, d.appearance);
  put('pureDark', config.pureDark ? '1' : '0', d.pureDark ? '1' : '0');
  put('theme', config.theme, d.theme);
  put('font', config.fontFamily, d.fontFamily);
  put('admin', config.isAdmin ? '1' : '0', d.isAdmin ? '1' : '0');
  put('tz', config.timeZone, d.timeZone);
  put('width', String(config.panelWidth), String(d.panelWidth));
  const f = config.faults;
  const df = d.faults;
  put('notAuthorised', f.notAuthorised ? '1' : '0', df.notAuthorised ? '1' : '0');
  put('hostReject', f.hostReject ? '1' : '0', df.hostReject ? '1' : '0');
  put('storageFails', f.storageFails ? '1' : '0', df.storageFails ? '1' : '0');
  put('storageWritesFail', f.storageWritesFail ? '1' : '0', df.storageWritesFail ? '1' : '0');
  put('billing', f.billing, df.billing);
  put('retryAfter', f.retryAfterSeconds === null ? 'none' : String(f.retryAfterSeconds), df.retryAfterSeconds === null ? 'none' : String(df.retryAfterSeconds));
  put('latency', String(f.latencyMs), String(df.latencyMs));
  put('timeoutMs', String(f.timeoutMs), String(df.timeoutMs));
  put('orgs', f.organizations, df.organizations);
  put('decline', f.cardDeclines ? '1' : '0', df.cardDeclines ? '1' : '0');
  put('commentsFail', f.commentsFail ? '1' : '0', df.commentsFail ? '1' : '0');
  put('churn', f.churnReasons, df.churnReasons);
  if (config.stored.sharedMinutes !== null) params.set('shared', String(config.stored.sharedMinutes));
  put('meter', config.stored.meter, d.stored.meter);
  const text = params.toString();
  return text ? `?${text}` : '';
}
