import { describe, expect, it } from 'vitest';
import { addMessages, createI18n, intlLocale, onMissingKey, pickLanguage, type MessageKey } from '../../../src/i18n/i18n';
import ja from '../../../translations/ja.json';
import { reportMissing } from '../../setupMessages';

describe('language choice', () => {
  it.each([
    ['ja', 'ja'],
    ['ja_JP', 'ja'],
    ['JA-jp', 'ja'],
    ['en_US', 'en'],
    ['fr', 'en'],
    ['', 'en'],
    [null, 'en'],
  ])('%s → %s', (locale, language) => {
    expect(pickLanguage(locale)).toBe(language);
  });

  it('keeps the region for Intl and drops garbage', () => {
    expect(intlLocale('ja_JP', 'ja')).toBe('ja-JP');
    expect(intlLocale('en_GB', 'en')).toBe('en-GB');
    expect(intlLocale('not a locale!!', 'en')).toBe('en');
  });
});

describe('messages', () => {
  it('falls back to English, then to the key, and reports the missing key', () => {
    const missing: string[] = [];
    onMissingKey((key, language) => missing.push(`${language}:${key}`));
    try {
      addMessages('ja', { ...ja, common: { ...ja.common, retry: undefined as unknown as string } });
      const i18n = createI18n('ja');
      expect(i18n.t('common.retry')).toBe('Retry');
      // Not a key English has: the type check refuses it; at run time (a catalog from another build) it shows as is.
      expect(i18n.t('no.such.key' as MessageKey)).toBe('no.such.key');
      expect(missing).toEqual(['ja:no.such.key']);
    } finally {
      addMessages('ja', ja);
      onMissingKey(reportMissing);
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const i18n = createI18n('en');
    expect(i18n.t('settings.status.lastChangeValue', { when: 'Today' })).toBe('Today by {name}');
  });

  it('a plural node picks the form Intl.PluralRules names for the count, and shows the count as the language writes it', () => {
    const i18n = createI18n('en');
    expect(i18n.t('panel.interval.days', { count: 1 })).toBe('1 day');
    expect(i18n.t('panel.interval.days', { count: 2 })).toBe('2 days');
    expect(i18n.t('panel.interval.days', { count: 0 })).toBe('0 days');
    expect(i18n.t('panel.interval.days', { count: 1500 })).toBe('1,500 days');
    expect(createI18n('ja').t('panel.interval.days', { count: 1 })).toBe('1 日');
  });

  it('a list is joined the way the language joins one', () => {
    expect(createI18n('en').list(['a@example.com', 'Acme'])).toBe('a@example.com, Acme');
    expect(createI18n('ja').list(['a@example.com', '株式会社アクメ', 'Acme'])).toBe('a@example.com、株式会社アクメ、Acme');
  });
});

describe('formats', () => {
  it('JPY has no decimals; USD has two; the symbol comes from Intl', () => {
    expect(createI18n('ja').money(12345, 'JPY')).toMatch(/^[￥¥]12,345$/);
    expect(createI18n('en').money(107, 'USD')).toBe('$107.00');
    expect(createI18n('en').money(107, 'EUR')).toBe('€107.00');
  });

  it('never shows NaN, and shows a bad currency code as text', () => {
    expect(createI18n('en').money(Number.NaN, 'USD')).toBe('—');
    expect(createI18n('en').money(null, 'USD')).toBe('—');
    expect(createI18n('en').money(5, '<b>')).toBe('5 <B>');
  });

  it('a calendar date stays that day in any time zone', () => {
    expect(createI18n('en', 'Pacific/Honolulu').date('2025-04-05')).toBe('Apr 5, 2025');
    expect(createI18n('ja', 'Asia/Tokyo').date('2025-04-05')).toMatch(/2025.*4.*5/);
  });

  it('an instant is shown in the agent time zone', () => {
    const tokyo = createI18n('en', 'Asia/Tokyo').dateTime('2025-03-05T00:04:51-08:00');
    const la = createI18n('en', 'America/Los_Angeles').dateTime('2025-03-05T00:04:51-08:00');
    expect(tokyo).toMatch(/Mar 5, 2025.*5:04/);
    expect(la).toMatch(/Mar 5, 2025.*12:04/);
  });

  it('one date style per language: an instant shows its date the way a calendar date is shown', () => {
    const ja = createI18n('ja', 'Asia/Tokyo');
    expect(ja.date('2026-11-30')).toBe('2026年11月30日');
    expect(ja.dateTime('2026-11-30T01:05:00Z')).toMatch(/^2026年11月30日 10:05$/);
    const en = createI18n('en', 'UTC');
    expect(en.dateTime('2026-11-30T01:05:00Z')).toMatch(/^Nov 30, 2026, 1:05\sAM$/);
  });

  it('a month heading and a time of day with seconds', () => {
    expect(createI18n('en', 'Asia/Tokyo').month('2026-11-30T23:00:00-08:00')).toBe('December 2026');
    expect(createI18n('en', 'UTC').month('2026-11-30')).toBe('November 2026');
    expect(createI18n('ja').month('2026-11-30')).toBe('2026年11月');
    expect(createI18n('en', 'UTC').time(Date.UTC(2026, 10, 30, 14, 3, 20))).toMatch(/^2:03:20\sPM$/);
    expect(createI18n('ja', 'UTC').time(Date.UTC(2026, 10, 30, 14, 3, 20))).toBe('14:03:20');
  });

  it('an invalid zone falls back instead of throwing', () => {
    expect(createI18n('en', 'Mars/Olympus').timeZone).toBeUndefined();
  });
});
