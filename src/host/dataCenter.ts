/**
 * Which Zoho data center the Desk portal runs in (SPEC C2). `App.meta.dcType` is documented with
 * US, AU, CN, JP, EU and IN only (desk-sdk.md §11): CA and SA portals may send a value we do not know,
 * or none. Guessing US there would send every Billing call to the wrong region, so the portal's own
 * Desk host decides next (`meta.deskDomainUrl`, then `meta.deskDomainUrls`, then the page that framed
 * the widget), and US is only the last resort — reported as such so the settings page can say so.
 */
import { isRecord } from './guards';
import { decodeJsonish, scalarText } from './parse';
import type { DataCenter, DataCenterSource } from './types';
import { DATA_CENTERS } from './types';

/** Each region's Desk host: the Desk REST root and the key for deriving the region from a URL. */
export const DESK_DOMAINS: Readonly<Record<DataCenter, string>> = {
  US: 'desk.zoho.com',
  EU: 'desk.zoho.eu',
  IN: 'desk.zoho.in',
  AU: 'desk.zoho.com.au',
  JP: 'desk.zoho.jp',
  CA: 'desk.zohocloud.ca',
  SA: 'desk.zoho.sa',
  CN: 'desk.zoho.com.cn',
};

/** Desk REST root for a data center, e.g. "https://desk.zoho.eu/api/v1". */
export function deskApiBase(dc: DataCenter): string {
  return `https://${DESK_DOMAINS[dc]}/api/v1`;
}

/** Spellings of dcType seen or plausible besides the region codes themselves. */
const DC_ALIASES: Record<string, DataCenter> = {
  com: 'US',
  us: 'US',
  eu: 'EU',
  in: 'IN',
  au: 'AU',
  'com.au': 'AU',
  jp: 'JP',
  ca: 'CA',
  'zohocloud.ca': 'CA',
  sa: 'SA',
  cn: 'CN',
  'com.cn': 'CN',
};

/** A dcType value as a DataCenter, or null when it is missing or not one we know. */
export function knownDataCenter(value: unknown): DataCenter | null {
  const text = scalarText(value);
  if (text === null) return null;
  const upper = text.toUpperCase();
  if ((DATA_CENTERS as readonly string[]).includes(upper)) return upper as DataCenter;
  const lower = text.toLowerCase();
  return Object.hasOwn(DC_ALIASES, lower) ? (DC_ALIASES[lower] ?? null) : null;
}

/** Desk's dcType ("US", "eu", "com.au" …) as a DataCenter; unknown values fall back to US. */
export function toDataCenter(value: unknown): DataCenter {
  return knownDataCenter(value) ?? 'US';
}

/**
 * The region of a Desk URL or host name ("https://desk.zohocloud.ca/agent/…" → CA). Sub-domains of a
 * region's Desk host count too (portal aliases such as "acme.desk.zoho.eu"); a custom domain does not
 * name a region and gives null.
 */
export function dataCenterOfUrl(value: unknown): DataCenter | null {
  const text = scalarText(value);
  if (text === null) return null;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`).hostname.toLowerCase();
  } catch {
    return null;
  }
  for (const dc of DATA_CENTERS) {
    const domain = DESK_DOMAINS[dc];
    if (host === domain || host.endsWith(`.${domain}`)) return dc;
  }
  return null;
}

/** Every URL-ish string in `deskDomainUrls`: a string, a list, or a map such as {US: "…", EU: "…"}. */
function urlList(value: unknown): unknown[] {
  const decoded = decodeJsonish(value, { left: 1 });
  if (Array.isArray(decoded)) return decoded;
  if (isRecord(decoded)) return Object.values(decoded);
  return decoded === undefined || decoded === null ? [] : [decoded];
}

export interface DataCenterFacts {
  dcType: unknown;
  deskDomainUrl?: unknown;
  deskDomainUrls?: unknown;
  /** Where the widget is framed from (document.referrer / location.ancestorOrigins), when known. */
  framedBy?: readonly unknown[];
}

export interface ResolvedDataCenter {
  dataCenter: DataCenter;
  source: DataCenterSource;
}

/** dcType → the portal's Desk URL → the list of Desk URLs (when it names one region) → the framing page → US. */
export function resolveDataCenter(facts: DataCenterFacts): ResolvedDataCenter {
  const fromType = knownDataCenter(facts.dcType);
  if (fromType) return { dataCenter: fromType, source: 'dcType' };
  const fromUrl = dataCenterOfUrl(facts.deskDomainUrl);
  if (fromUrl) return { dataCenter: fromUrl, source: 'deskDomainUrl' };
  // The plural lists every region's host as a rule (desk-sdk.md §11): it decides only when all of
  // its entries agree on one region, or when it has an entry under the unknown dcType's own name.
  const urls = facts.deskDomainUrls;
  const decoded = decodeJsonish(urls, { left: 1 });
  const typeName = scalarText(facts.dcType);
  if (isRecord(decoded) && typeName !== null) {
    const own = Object.entries(decoded).find(([name]) => name.toLowerCase() === typeName.toLowerCase());
    const dc = own ? dataCenterOfUrl(own[1]) : null;
    if (dc) return { dataCenter: dc, source: 'deskDomainUrls' };
  }
  const regions = new Set(urlList(urls).map(dataCenterOfUrl).filter((dc): dc is DataCenter => dc !== null));
  if (regions.size === 1) return { dataCenter: [...regions][0] as DataCenter, source: 'deskDomainUrls' };
  for (const page of facts.framedBy ?? []) {
    const dc = dataCenterOfUrl(page);
    if (dc) return { dataCenter: dc, source: 'framingPage' };
  }
  return { dataCenter: 'US', source: 'default' };
}

/** The framing Desk page's origins as the browser tells them (Chromium's ancestorOrigins, then the referrer). */
export function framingPages(): string[] {
  if (typeof window === 'undefined') return [];
  const pages: string[] = [];
  try {
    const ancestors = window.location.ancestorOrigins;
    if (ancestors) for (let i = 0; i < ancestors.length; i += 1) pages.push(String(ancestors[i]));
  } catch {
    // Not every browser has ancestorOrigins.
  }
  if (typeof document !== 'undefined' && document.referrer) pages.push(document.referrer);
  return pages;
}
