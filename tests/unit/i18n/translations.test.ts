import { describe, expect, it } from 'vitest';
import en from '../../../translations/en.json';
import ja from '../../../translations/ja.json';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [lk, lv] of leaves(v, key)) out.set(lk, lv);
  }
  return out;
}

const enLeaves = leaves(en as Tree);
const jaLeaves = leaves(ja as Tree);
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('English and Japanese have exactly the same keys', () => {
    expect([...jaLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
  });

  it('every message is non-empty and uses the same placeholders in both languages', () => {
    for (const [key, text] of enLeaves) {
      const jaText = jaLeaves.get(key) ?? '';
      expect(text.trim(), key).not.toBe('');
      expect(jaText.trim(), key).not.toBe('');
      expect(placeholders(jaText), key).toEqual(placeholders(text));
    }
  });

  it('the Japanese catalogue is actually Japanese, not copied English', () => {
    const japanese = [...jaLeaves.values()].filter((s) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(s));
    // Product names and codes may stay in Latin script; everything else should be translated.
    expect(japanese.length).toBeGreaterThan(jaLeaves.size * 0.8);
  });
});
