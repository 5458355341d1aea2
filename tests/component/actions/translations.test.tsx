import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../translations/en.json';
import ja from '../../../translations/ja.json';

type Tree = { [key: string]: string | Tree };

function has(tree: Tree, key: string): boolean {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return false;
    node = node[part];
  }
  // A plural node (one form per Intl.PluralRules category) is a message too.
  return typeof node === 'string' || (typeof node === 'object' && node !== null && typeof node.other === 'string');
}

const dir = join(__dirname, '../../../src/panel/actions');
const sources = readdirSync(dir)
  .filter((f) => /\.tsx?$/.test(f))
  .map((f) => readFileSync(join(dir, f), 'utf8'))
  .join('\n');

describe('actions translations', () => {
  it('every literal actions.* key in the components exists in English and Japanese', () => {
    const keys = [...new Set([...sources.matchAll(/'(actions\.[A-Za-z.]+)'/g)].map((m) => m[1]!))];
    expect(keys.length).toBeGreaterThan(50);
    for (const key of keys) {
      expect(has(en as Tree, key), `en ${key}`).toBe(true);
      expect(has(ja as Tree, key), `ja ${key}`).toBe(true);
    }
  });

  it('every key built at run time exists', () => {
    const dynamic = [
      ...['invoice', 'quote'].flatMap((k) =>
        ['title', 'confirmTitle', 'submit', 'submitting', 'checkAndRetry', 'created', 'createdFor', 'another', 'notCreated', 'uncertain', 'unverifiableTitle', 'unverifiableMessage', 'createAnyway'].map(
          (s) => `actions.${k}.${s}`,
        ),
      ),
      ...['not-authorised', 'forbidden', 'not-found', 'rate-limited', 'server', 'rejected', 'malformed', 'network', 'not-configured', 'over-cap'].map((k) => `errors.agent.${k}`),
      ...['attention', 'street', 'city', 'state', 'zip', 'country'].map((k) => `actions.address.${k}`),
      'actions.document.kind.item',
      'actions.document.kind.plan',
    ];
    for (const key of dynamic) {
      expect(has(en as Tree, key), `en ${key}`).toBe(true);
      expect(has(ja as Tree, key), `ja ${key}`).toBe(true);
    }
  });
});
