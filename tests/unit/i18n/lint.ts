// The house rules of translations/README.md as checks over a catalog (each returns what breaks a rule,
// so a test can show both that the catalogs pass and that a bad string is caught).
import type { TermRule } from '../../fixtures/jaTerms';
import { forms, type Message } from './catalog';

export type Catalog = ReadonlyMap<string, Message>;

// Kana and kanji; not the middle dot 「・」, which joins words like punctuation.
const JA = '[\\u3040-\\u30fa\\u30fc-\\u30ff\\u3400-\\u9fff]';
const LATIN = '[A-Za-z0-9]';

/** Words of a message without its placeholders' names (a placeholder is a value, checked apart). */
const text = (s: string) => s.replace(/\{\w+\}/g, '{}');

/** §2 of the guide: a banned word for a concept anywhere, or a concept's key without Zoho's word. */
export function termViolations(catalog: Catalog, rules: readonly TermRule[]): string[] {
  const out: string[] = [];
  for (const rule of rules) {
    for (const [key, message] of catalog) {
      for (const s of forms(message)) {
        for (const banned of rule.banned) if (banned.test(s)) out.push(`${key}: ${banned} (${rule.concept}: use ${rule.use})`);
      }
    }
    for (const key of rule.keys ?? []) {
      const message = catalog.get(key);
      if (message === undefined) out.push(`${key}: missing (${rule.concept})`);
      else if (!forms(message).every((s) => s.includes(rule.use))) out.push(`${key}: does not say ${rule.use} (${rule.concept})`);
    }
  }
  return out;
}

/**
 * Placeholders whose value is Latin text or a number ("{count} 件", "{name} を選択"): spaced from Japanese like
 * any Latin text. The others carry Japanese-formatted text (dates, durations, reasons, lists) and are not.
 */
const LATIN_VALUES = new Set(['count', 'number', 'minutes', 'seconds', 'calls', 'cap', 'share', 'days', 'max', 'digits', 'id', 'currency', 'base', 'dc', 'locale', 'appearance', 'version', 'widgets', 'events', 'lines', 'lastFour', 'file', 'name', 'old', 'customer', 'shape', 'example']);

/** Typography of Japanese text: one spacing rule, full-width punctuation, Zoho's brackets, 「、」 lists. */
export function japaneseTypographyViolations(catalog: Catalog): string[] {
  const out: string[] = [];
  const rules: [RegExp, string][] = [
    [new RegExp(`${JA}${LATIN}|${LATIN}${JA}`), 'Japanese and Latin text or digits without a half-width space between them'],
    [new RegExp(`${JA} {2,}|  +${JA}`), 'more than one space'],
    [/[:()!?]/, 'half-width colon, parenthesis, ! or ? (use ：（）！？)'],
    [/(?<!\d),|,(?!\d)/, 'half-width comma (lists are joined with 、)'],
    [/(?<![A-Za-z0-9.])\/|\/(?![A-Za-z0-9])/, 'half-width slash in a sentence (use ／)'],
    [/·/, 'Latin middle dot (use ／ or 、)'],
    [new RegExp(`\\[ | \\]|${JA} \\[|\\] ${JA}`), 'spaces inside or around a [control name]'],
  ];
  for (const [key, message] of catalog) {
    for (const s of forms(message)) {
      for (const [pattern, why] of rules) if (pattern.test(text(s))) out.push(`${key}: ${why}: ${s}`);
      for (const m of s.matchAll(/\{(\w+)\}/g)) {
        if (!LATIN_VALUES.has(m[1]!)) continue;
        const before = s.slice(0, m.index);
        const after = s.slice(m.index! + m[0].length);
        if (new RegExp(`${JA}$`).test(before) || new RegExp(`^${JA}`).test(after)) out.push(`${key}: {${m[1]}} holds Latin text or a number: space it from Japanese: ${s}`);
      }
    }
  }
  return out;
}

/** Placeholders that hold a number: followed by a plural noun, they need a plural node. */
const NUMBER_OF_THINGS = /\{(?:count|calls|cap|digits|minutes|seconds|days|max|share|widgets|events|lines)\} (?:[a-z]+ )?[a-z]+s\b/;

/** English: a number of things goes through a plural node, one spelling (American), no contractions. */
export function englishViolations(catalog: Catalog): string[] {
  const out: string[] = [];
  for (const [key, message] of catalog) {
    if (typeof message === 'string') {
      if (NUMBER_OF_THINGS.test(message)) out.push(`${key}: a count of things outside a plural node: ${message}`);
      if (/\w\(s\)/.test(message)) out.push(`${key}: "(s)" instead of a plural node: ${message}`);
      if (/\{count\}/.test(message)) out.push(`${key}: {count} is the plural count; this message is not a plural node: ${message}`);
    }
    for (const s of forms(message)) {
      if (/authoris|organis|recognis|behaviour|colour|catalogue|favour|licence|centre\b|initialis|customis|prioritis|analyse/i.test(s)) out.push(`${key}: British spelling (the house spelling is American, as Zoho's English UI): ${s}`);
      if (/\b\w+n't\b|\b(?:it's|that's|you're|we're|they're|you'll|we'll)\b/i.test(s)) out.push(`${key}: a contraction (the house style writes "could not"): ${s}`);
    }
  }
  return out;
}
