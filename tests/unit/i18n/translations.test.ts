import { describe, expect, it } from 'vitest';
import en from '../../../translations/en.json';
import ja from '../../../translations/ja.json';
import { forms, messages, type Tree } from './catalog';

const enMessages = messages(en as Tree);
const jaMessages = messages(ja as Tree);
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe('translations', () => {
  it('English and Japanese have exactly the same keys', () => {
    expect([...jaMessages.keys()].sort()).toEqual([...enMessages.keys()].sort());
  });

  it('every message is non-empty and uses the same placeholders in both languages', () => {
    for (const [key, message] of enMessages) {
      const jaMessage = jaMessages.get(key) ?? '';
      const want = placeholders(forms(message).join(' '));
      for (const text of [...forms(message), ...forms(jaMessage)]) expect(text.trim(), key).not.toBe('');
      for (const text of forms(jaMessage)) expect(placeholders(text), key).toEqual(want);
    }
  });

  it("a plural message has exactly its language's Intl.PluralRules categories, and counts with {count}", () => {
    for (const [language, catalog] of [['en', enMessages], ['ja', jaMessages]] as const) {
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories.slice().sort();
      for (const [key, message] of catalog) {
        if (typeof message === 'string') continue;
        expect(Object.keys(message).sort(), `${language} ${key}`).toEqual(categories);
        for (const text of forms(message)) expect(text, `${language} ${key}`).toContain('{count}');
      }
    }
  });

  it('the Japanese catalogue is actually Japanese, not copied English', () => {
    const japanese = [...jaMessages.values()].filter((m) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(forms(m).join('')));
    // Product names and codes may stay in Latin script; everything else should be translated.
    expect(japanese.length).toBeGreaterThan(jaMessages.size * 0.8);
  });
});
