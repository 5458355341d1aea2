/**
 * Messages and formats for the agent's Desk language. English is the fallback for any missing key.
 * Keys are typed from translations/en.json (MessageKey): a key that English lacks fails the type check,
 * and the catalog tests keep Japanese on the same keys, so no raw key reaches the screen. Should one
 * still be missing at run time (a catalog chunk from another build), the key shows (never a crash) and
 * the missing-key reporter hears of it (tests fail on it).
 *
 * A message whose words depend on a number is a plural node: an object of Intl.PluralRules categories
 * ({ "one": "{count} minute ago", "other": "{count} minutes ago" }; Japanese needs only "other"), chosen
 * by the `count` param, which must then be a number and is shown formatted for the language.
 *
 * The catalogs are not in the page's first script: a widget needs one language, so loadMessages()
 * fetches it (plus English, the fallback) as its own chunk once Desk has said which one.
 */
import type englishCatalog from '../../translations/en.json';

export type Messages = { [key: string]: string | Messages };
export type SupportedLanguage = 'en' | 'ja';

/** A plural node: Intl.PluralRules categories; "other" is always there (it is the only one Japanese has). */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

type KeysOf<T, P extends string> = {
  [K in keyof T & string]: T[K] extends string
    ? `${P}${K}`
    : T[K] extends PluralForms
      ? `${P}${K}`
      : KeysOf<T[K], `${P}${K}.`>;
}[keyof T & string];
type PluralKeysOf<T, P extends string> = {
  [K in keyof T & string]: T[K] extends string ? never : T[K] extends PluralForms ? `${P}${K}` : PluralKeysOf<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every message key English has (the type check refuses any other). */
export type MessageKey = KeysOf<typeof englishCatalog, ''>;
/** The keys under a group, without the group's prefix ("settings.diagnostics.result" → "meta.pass" | …). */
export type KeysUnder<P extends string> = MessageKey extends infer K ? (K extends `${P}.${infer Rest}` ? Rest : never) : never;
/** The failure kinds with words for agents (errors.agent) and for admins (errors.admin). */
export type AgentFailureKind = KeysUnder<'errors.agent'>;
export type AdminFailureKind = KeysUnder<'errors.admin'>;
/** The keys whose words depend on `count` (plural nodes). */
export type PluralKey = PluralKeysOf<typeof englishCatalog, ''>;

const PLURAL_CATEGORIES: ReadonlySet<string> = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

/** A catalog node that is a plural (every key a plural category, "other" among them). */
export function isPluralNode(node: unknown): node is PluralForms {
  if (typeof node !== 'object' || node === null) return false;
  const keys = Object.keys(node);
  return keys.includes('other') && keys.every((k) => PLURAL_CATEGORIES.has(k) && typeof (node as Record<string, unknown>)[k] === 'string');
}

let missingKeyReporter: ((key: string, language: SupportedLanguage) => void) | null = null;
/** Hears of every key that resolved to neither catalog (tests install one and fail on any report). */
export function onMissingKey(reporter: ((key: string, language: SupportedLanguage) => void) | null): void {
  missingKeyReporter = reporter;
}

const catalogs: Partial<Record<SupportedLanguage, Messages>> = {};

const loaders: Record<SupportedLanguage, () => Promise<{ default: Messages }>> = {
  en: () => import('../../translations/en.json'),
  ja: () => import('../../translations/ja.json'),
};

/** Makes a catalog available to createI18n (loadMessages does this; tests and tools may too). */
export function addMessages(language: SupportedLanguage, messages: Messages): void {
  catalogs[language] = messages;
}

/** Loads the language's catalog and English's (the fallback), each once; rejects when a chunk cannot load. */
export async function loadMessages(language: SupportedLanguage): Promise<void> {
  const wanted: SupportedLanguage[] = language === 'en' ? ['en'] : ['en', language];
  await Promise.all(
    wanted.map(async (l) => {
      if (!catalogs[l]) addMessages(l, (await loaders[l]()).default);
    }),
  );
}

/** "ja_JP", "ja-jp", "JA" → "ja"; anything we do not ship → "en". */
export function pickLanguage(locale: string | null | undefined): SupportedLanguage {
  const base = (locale ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return base === 'ja' ? 'ja' : 'en';
}

/** BCP-47 tag for Intl from Desk's locale ("ja_JP" → "ja-JP"); falls back to the language. */
export function intlLocale(locale: string | null | undefined, language: SupportedLanguage): string {
  const tag = (locale ?? '').trim().replace(/_/g, '-');
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    if (canonical && pickLanguage(canonical) === language) return canonical;
  } catch {
    // not a valid tag: use the language alone
  }
  return language;
}

function lookup(catalog: Messages, key: string): string | PluralForms | undefined {
  let node: string | Messages | undefined = catalog;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' || isPluralNode(node) ? node : undefined;
}

export type MessageParams = Record<string, string | number>;
/** A plural key needs its count as a number (the category and the digits both come from it). */
export type ParamsFor<K extends MessageKey> = K extends PluralKey ? [params: MessageParams & { count: number }] : [params?: MessageParams];

export interface I18n {
  language: SupportedLanguage;
  /** BCP-47 locale used for Intl formatting. */
  locale: string;
  /** IANA time zone for dates (agent's Desk zone, else the browser's). */
  timeZone: string | undefined;
  t<K extends MessageKey>(key: K, ...params: ParamsFor<K>): string;
  /** Items as one list in the language's way ("a, b, c" / 「a、b、c」). */
  list(items: readonly string[]): string;
  money(amount: number | null | undefined, currencyCode: string | null | undefined): string;
  date(isoDate: string | null | undefined): string;
  /** The same date style as `date`, with the time of day. */
  dateTime(isoInstant: string | null | undefined): string;
  /** Time of day with seconds ("14:03:20"), for "try again at …". */
  time(instant: number): string;
  /** "November 2026" / "2026年11月": the heading of a month in a long history. */
  month(isoDateOrInstant: string | null | undefined): string;
  number(value: number | null | undefined): string;
}

function validTimeZone(zone: string | null | undefined): string | undefined {
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

const DASH = '—';
/** One date style per language: "Nov 30, 2026" / "2026年11月30日". */
const DATE_PARTS = { year: 'numeric', month: 'short', day: 'numeric' } as const;

export function createI18n(deskLocale: string | null | undefined, timeZone?: string | null): I18n {
  const language = pickLanguage(deskLocale);
  const locale = intlLocale(deskLocale, language);
  const zone = validTimeZone(timeZone);

  // Building an Intl formatter costs far more than using one; a long history formats hundreds of dates.
  const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
  const dateFormat = (options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
    const key = `d${JSON.stringify(options)}`;
    let f = formatters.get(key) as Intl.DateTimeFormat | undefined;
    if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, options)));
    return f;
  };
  const numberFormat = (options: Intl.NumberFormatOptions): Intl.NumberFormat => {
    const key = `n${JSON.stringify(options)}`;
    let f = formatters.get(key) as Intl.NumberFormat | undefined;
    if (!f) formatters.set(key, (f = new Intl.NumberFormat(locale, options)));
    return f;
  };

  const plurals = new Map<string, Intl.PluralRules>();
  const pluralOf = (lang: SupportedLanguage, count: number): Intl.LDMLPluralRule => {
    let rules = plurals.get(lang);
    if (!rules) plurals.set(lang, (rules = new Intl.PluralRules(lang === language ? locale : lang)));
    return rules.select(count);
  };

  const translate = (key: string, params?: MessageParams): string => {
    const own = lookup(catalogs[language] ?? {}, key);
    const found = own ?? lookup(catalogs.en ?? {}, key);
    if (found === undefined) {
      missingKeyReporter?.(key, language);
      return key;
    }
    const count = params?.count;
    let template: string;
    if (typeof found === 'string') template = found;
    else {
      const lang = own === undefined ? 'en' : language;
      template = (typeof count === 'number' ? found[pluralOf(lang, count)] : undefined) ?? found.other;
    }
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      if (!Object.prototype.hasOwnProperty.call(params, name)) return whole;
      const value = params[name];
      // A plural's count is shown as the language writes numbers ("1,000"), as the category was chosen from it.
      return name === 'count' && typeof found !== 'string' && typeof value === 'number' ? number(value) : String(value);
    });
  };
  const t = <K extends MessageKey>(key: K, ...params: ParamsFor<K>): string => translate(key, params[0]);

  const listFormat = new Intl.ListFormat(locale, { type: language === 'ja' ? 'conjunction' : 'unit' });
  const list = (items: readonly string[]): string => listFormat.format(items);

  const money = (amount: number | null | undefined, currencyCode: string | null | undefined): string => {
    if (amount === null || amount === undefined || !Number.isFinite(amount)) return DASH;
    const code = (currencyCode ?? '').trim().toUpperCase();
    if (/^[A-Z]{3}$/.test(code)) {
      try {
        return numberFormat({ style: 'currency', currency: code }).format(amount);
      } catch {
        // unknown ISO code: show the number with the code as text below
      }
    }
    const n = numberFormat({ maximumFractionDigits: 2 }).format(amount);
    return code ? `${n} ${code}` : n;
  };

  const date = (isoDate: string | null | undefined): string => {
    if (!isoDate) return DASH;
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
    // A calendar date has no zone: format it as that day, not as UTC midnight shifted.
    const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : new Date(isoDate);
    if (Number.isNaN(d.getTime())) return isoDate;
    return dateFormat({ ...DATE_PARTS, timeZone: m ? 'UTC' : zone }).format(d);
  };

  const dateTime = (isoInstant: string | null | undefined): string => {
    if (!isoInstant) return DASH;
    const d = new Date(isoInstant);
    if (Number.isNaN(d.getTime())) return isoInstant;
    // Built from the same parts as `date`, so a panel never mixes "2026年11月30日" with "2026/11/30" (C1).
    return dateFormat({ ...DATE_PARTS, hour: 'numeric', minute: '2-digit', timeZone: zone }).format(d);
  };

  const time = (instant: number): string =>
    Number.isFinite(instant)
      ? dateFormat({ hour: 'numeric', minute: '2-digit', second: '2-digit', timeZone: zone }).format(new Date(instant))
      : DASH;

  const month = (value: string | null | undefined): string => {
    if (!value) return DASH;
    // A calendar date is that day's month; an instant is the month it falls in for the agent (like dateTime).
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)) : new Date(value);
    if (Number.isNaN(d.getTime())) return value;
    return dateFormat({ year: 'numeric', month: 'long', timeZone: m ? 'UTC' : zone }).format(d);
  };

  function number(value: number | null | undefined): string {
    return value === null || value === undefined || !Number.isFinite(value) ? DASH : numberFormat({}).format(value);
  }

  return { language, locale, timeZone: zone, t, list, money, date, dateTime, time, month, number };
}
