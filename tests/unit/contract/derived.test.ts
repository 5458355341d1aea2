/**
 * The committed contract (tests/contract/zoho-billing-openapi.json) is what scripts/derive-openapi.mjs derives from
 * Zoho's files. A user's clone has no ../shared, so there the check is skipped and says why.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTRACT } from './contract';

const root = resolve(__dirname, '../../..');
const specs = resolve(root, '../shared/zoho-billing-openapi');
const present = existsSync(specs);

describe("the derived contract and Zoho's files", () => {
  it.skipIf(!present)('is what the script derives from ../shared/zoho-billing-openapi (npm run derive-openapi)', () => {
    const out = execFileSync(process.execPath, [resolve(root, 'scripts/derive-openapi.mjs'), '--check'], { encoding: 'utf8' });
    expect(out).toContain("the committed contract is what Zoho's files say");
    // Parsing 24 YAML files takes seconds on a loaded machine; the outcome does not depend on how many.
  }, 120_000);

  it.skipIf(present)(`cannot be re-derived here: ${specs} is absent, so the committed file is used as it is`, () => {
    expect(Object.keys(CONTRACT.operations).length).toBeGreaterThan(100);
  });

  it('holds every module and operation with resolved schemas', () => {
    expect(Object.keys(CONTRACT.operations)).toHaveLength(192);
    expect(JSON.stringify(CONTRACT)).not.toContain('$ref');
    const transactions = CONTRACT.operations['GET /transactions'];
    expect(Object.keys(transactions?.answers['200']?.properties?.transactions?.items?.properties ?? {}).sort()).toEqual([
      'amount', 'date', 'reference_id', 'status', 'transaction_id', 'type',
    ]);
  });
});
