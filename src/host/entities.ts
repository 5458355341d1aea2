/**
 * Desk records (from `get('ticket')`, `get('contact')`, the Desk REST API …) as the seam's types.
 * Field names differ between the SDK objects and the REST API and several are NOT CONFIRMED
 * (desk-sdk.md §2.2–2.5), so each field is read from every plausible place.
 */
import { isRecord, type UnknownRecord } from './guards';
import { decodeJsonish, scalarText } from './parse';
import { isAdministratorLabel } from './profiles';
import type { Appearance, DeskAccount, DeskAddress, DeskContact, DeskTicket, DeskUser, DeskLook } from './types';
import { DESK_FONTS, DESK_THEMES } from './types';

function pick(record: UnknownRecord, ...keys: string[]): string | null {
  for (const key of keys) {
    const text = scalarText(record[key]);
    if (text !== null) return text;
  }
  return null;
}

function child(record: UnknownRecord, key: string): UnknownRecord | null {
  const value = decodeJsonish(record[key], { left: 1 });
  return isRecord(value) ? value : null;
}

function asRecord(value: unknown): UnknownRecord | null {
  const decoded = decodeJsonish(value);
  return isRecord(decoded) ? decoded : null;
}

export function toDeskTicket(value: unknown): DeskTicket | null {
  const t = asRecord(value);
  if (!t) return null;
  const id = pick(t, 'id', 'ticketId', 'entityId');
  if (id === null) return null;
  const contact = child(t, 'contact');
  const account = child(t, 'account') ?? (contact ? child(contact, 'account') : null);
  return {
    id,
    number: pick(t, 'number', 'ticketNumber') ?? id,
    subject: pick(t, 'subject') ?? '',
    email: pick(t, 'email') ?? (contact ? pick(contact, 'email') : null),
    contactId: pick(t, 'contactId') ?? (contact ? pick(contact, 'id') : null),
    contactName:
      pick(t, 'contactName') ??
      (contact ? (pick(contact, 'name', 'fullName') ?? joinName(pick(contact, 'firstName'), pick(contact, 'lastName'))) : null),
    accountId: pick(t, 'accountId') ?? (account ? pick(account, 'id') : null),
    accountName: pick(t, 'accountName') ?? (account ? pick(account, 'accountName', 'name') : null),
  };
}

function joinName(first: string | null, last: string | null): string | null {
  const name = [first, last].filter((s): s is string => s !== null).join(' ');
  return name === '' ? null : name;
}

const EMAIL = /^[^\s@<>"',;]+@[^\s@<>"',;]+\.[^\s@<>"',;]+$/;

/** Every email-like value of a record (primary, secondary, then any other *email* field, incl. custom fields). */
export function collectEmails(record: UnknownRecord): string[] {
  const found: string[] = [];
  const add = (value: unknown): void => {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      const text = scalarText(v);
      if (text === null) continue;
      for (const part of text.split(/[\s,;]+/)) {
        const email = part.trim().toLowerCase();
        if (EMAIL.test(email) && !found.includes(email)) found.push(email);
      }
    }
  };
  add(record.email);
  add(record.secondaryEmail);
  const scan = (r: UnknownRecord): void => {
    for (const [key, value] of Object.entries(r)) {
      if (/e-?mail/i.test(key)) add(value);
    }
  };
  scan(record);
  const cf = child(record, 'cf') ?? child(record, 'customFields');
  if (cf) scan(cf);
  return found;
}

function toAddress(r: UnknownRecord): DeskAddress | null {
  const address = {
    street: pick(r, 'street', 'address', 'billingStreet') ?? '',
    city: pick(r, 'city', 'billingCity') ?? '',
    state: pick(r, 'state', 'billingState') ?? '',
    zip: pick(r, 'zip', 'code', 'zipCode', 'postalCode', 'billingCode') ?? '',
    country: pick(r, 'country', 'billingCountry') ?? '',
  };
  return Object.values(address).some((v) => v !== '') ? address : null;
}

export function toDeskContact(value: unknown): DeskContact | null {
  const c = asRecord(value);
  if (!c) return null;
  const id = pick(c, 'id', 'contactId', 'entityId');
  if (id === null) return null;
  const firstName = pick(c, 'firstName', 'first_name') ?? '';
  const lastName = pick(c, 'lastName', 'last_name') ?? '';
  const emails = collectEmails(c);
  const account = child(c, 'account');
  return {
    id,
    firstName,
    lastName,
    name: joinName(firstName || null, lastName || null) ?? pick(c, 'name', 'fullName', 'contactName') ?? emails[0] ?? '',
    emails,
    phone: pick(c, 'phone', 'mobile'),
    accountId: pick(c, 'accountId') ?? (account ? pick(account, 'id') : null),
    accountName: pick(c, 'accountName') ?? (account ? pick(account, 'accountName', 'name') : null),
    address: toAddress(c),
  };
}

export function toDeskAccount(value: unknown): DeskAccount | null {
  const a = asRecord(value);
  if (!a) return null;
  const id = pick(a, 'id', 'accountId', 'entityId');
  if (id === null) return null;
  return {
    id,
    name: pick(a, 'accountName', 'name') ?? '',
    website: pick(a, 'website', 'domain'),
    phone: pick(a, 'phone'),
    address: toAddress(a),
  };
}

/** A Desk API list answer `{data:[…]}` (or a bare array) as records. */
export function listData(value: unknown): unknown[] {
  const decoded = decodeJsonish(value);
  if (Array.isArray(decoded)) return decoded;
  if (isRecord(decoded)) {
    const data = decodeJsonish(decoded.data, { left: 1 });
    if (Array.isArray(data)) return data;
  }
  return [];
}

/** A form field value: a scalar, or an object such as {id, name} / {value}. */
export function formValue(value: unknown, preferName = false): string | null {
  const decoded = decodeJsonish(value, { left: 1 });
  if (isRecord(decoded)) {
    return preferName ? pick(decoded, 'name', 'fullName', 'accountName', 'value') : pick(decoded, 'id', 'value');
  }
  return scalarText(decoded);
}

export function toDeskUser(value: unknown): DeskUser {
  const u = asRecord(value) ?? {};
  const email = pick(u, 'email', 'emailId') ?? '';
  return {
    id: pick(u, 'id', 'userId', 'zuid') ?? '',
    name: pick(u, 'fullName', 'name') ?? joinName(pick(u, 'firstName'), pick(u, 'lastName')) ?? email,
    email,
    timeZone: pick(u, 'timeZone', 'timezone', 'tz'),
  };
}

/**
 * Whether an agent record (GET /api/v1/agents/{id}?include=profile) is a Desk administrator:
 * the profile's name or type says "Administrator"; null when the record has no profile.
 */
export function agentIsAdmin(value: unknown): boolean | null {
  const agent = asRecord(value);
  if (!agent) return null;
  const profile = child(agent, 'profile');
  const labels = [
    profile ? pick(profile, 'name') : null,
    profile ? pick(profile, 'type') : null,
    pick(agent, 'profileName'),
    pick(agent, 'profileType'),
  ].filter((s): s is string => s !== null);
  if (labels.length === 0) return null;
  return isAdministratorLabel(...labels);
}

// ---------------------------------------------------------------------------------------------
// The App object from extension.onload() (§1.1).

/** light/dark from userPreferences.appearance; 'auto' follows the browser when it can tell. */
export function toAppearance(value: unknown, prefersDark: () => boolean | null): Appearance {
  const text = scalarText(value)?.toLowerCase();
  if (text === 'dark' || text === 'puredark') return 'dark';
  if (text === 'auto' || text === 'system') return prefersDark() === true ? 'dark' : 'light';
  return 'light';
}

export interface AppFacts {
  location: string;
  locale: string;
  dcType: string | null;
  deskDomainUrl: unknown;
  deskDomainUrls: unknown;
  userPreferences: unknown;
  instance: unknown;
  /** The App object's keys and meta's keys with their JSON types (no values): for diagnostics. */
  shape: AppShape;
}

export interface AppShape {
  app: Record<string, string>;
  meta: Record<string, string>;
}

/** The JSON type of a value, as diagnostics show it (never the value itself). */
export function typeOfValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function shapeOf(value: unknown): Record<string, string> {
  const decoded = decodeJsonish(value, { left: 1 });
  if (!isRecord(decoded)) return {};
  return Object.fromEntries(Object.entries(decoded).map(([key, v]) => [key, typeOfValue(v)]));
}

/** The parts of App the adapter reads; every field defaults when the SDK leaves it out. */
export function parseApp(value: unknown): AppFacts {
  const app = isRecord(value) ? value : {};
  // meta may come JSON-encoded; one that is not an object counts as absent.
  const decodedMeta = decodeJsonish(app.meta, { left: 1 });
  const meta = isRecord(decodedMeta) ? decodedMeta : {};
  return {
    location: scalarText(app.location) ?? '',
    locale: scalarText(app.locale) ?? 'en',
    dcType: scalarText(meta.dcType),
    deskDomainUrl: meta.deskDomainUrl,
    deskDomainUrls: decodeJsonish(meta.deskDomainUrls, { left: 1 }),
    userPreferences: decodeJsonish(meta.userPreferences, { left: 1 }),
    instance: app.instance,
    shape: { app: shapeOf(value), meta: isRecord(value) ? shapeOf(value.meta) : {} },
  };
}

export function appearanceOf(userPreferences: unknown, prefersDark: () => boolean | null): Appearance {
  const prefs = decodeJsonish(userPreferences, { left: 1 });
  return toAppearance(isRecord(prefs) ? prefs.appearance : prefs, prefersDark);
}

/** A name as Desk might spell it: any case, spaces, '-' or '_' ("Pure Dark", "pure_dark", "theme-green"). */
const squash = (value: string) => value.toLowerCase().replace(/[\s_-]+/g, '');

/** A theme or font given as a name, or as an object naming it ({name}, {value}, {color}, {id}). */
function named(value: unknown): string | null {
  const decoded = decodeJsonish(value, { left: 1 });
  if (isRecord(decoded)) return named(decoded.name ?? decoded.value ?? decoded.color ?? decoded.colour ?? decoded.id);
  return scalarText(decoded);
}

/**
 * The agent's Desk look from meta.userPreferences (or a user_preference.changed payload): appearance, pure dark,
 * theme colour and font family. Only the documented values are taken (desk-sdk.md §1.1), however spelt; anything
 * else leaves that part at the panel's default, never an unknown colour or font name in the page.
 */
export function lookOf(userPreferences: unknown, prefersDark: () => boolean | null): DeskLook {
  const decoded = decodeJsonish(userPreferences, { left: 1 });
  const prefs = isRecord(decoded) ? decoded : { appearance: decoded };
  const appearanceText = scalarText(prefs.appearance);
  const appearance = toAppearance(appearanceText && squash(appearanceText) === 'puredark' ? 'pureDark' : appearanceText, prefersDark);
  const pureFlag = prefs.pureDark === true || prefs.isPureDark === true;
  const pureDark = appearance === 'dark' && ((appearanceText !== null && squash(appearanceText) === 'puredark') || pureFlag);
  const themeText = named(prefs.theme ?? prefs.themeColor ?? prefs.themeColour ?? prefs.color);
  const theme = themeText ? (DESK_THEMES.find((t) => squash(themeText).replace(/^theme/, '') === t) ?? null) : null;
  // A CSS stack ("Lato, sans-serif") names its family first.
  const fontText = named(prefs.fontFamily ?? prefs.font ?? prefs.fontfamily);
  const first = fontText?.split(',')[0]?.trim().replace(/^['"]|['"]$/g, '') ?? '';
  const fontFamily = DESK_FONTS.find((f) => squash(f) === squash(first)) ?? null;
  return { appearance, pureDark, theme, fontFamily };
}
