/**
 * The lint rules that hold the design (scripts/lint/architecture.mjs): each import below is one the
 * layering or the no-cycle rule must refuse, checked through ESLint with the project's own config.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function findings(file: string, extraLine: string) {
  const text = `${readFileSync(join(root, file), 'utf8')}\n${extraLine}\nexport type Touch = typeof touch;\n`;
  const [result] = await eslint.lintText(text, { filePath: join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId?.startsWith('architecture/')).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('architecture lint', () => {
  it('refuses an import against the layer order (host → billing) and any import of the sandbox from src', async () => {
    const up = await findings('src/host/guards.ts', "import { BillingError as touch } from '../billing/errors';");
    expect(up).toContainEqual(expect.stringContaining('architecture/layers: host may not import billing'));
    const sandbox = await findings('src/panel/activity.ts', "import { MemoryStorage as touch } from '../sandbox/memoryStorage';");
    expect(sandbox).toContainEqual(expect.stringContaining('may not import src/sandbox'));
  }, 60_000);

  it('refuses the portal share reaching into the cache (folders of src/integration in their order)', async () => {
    const found = await findings('src/integration/portal/accessGate.ts', "import { createBillingCache as touch } from '../cache/billingCache';");
    expect(found).toContainEqual(expect.stringContaining('integration/portal may not import integration/cache'));
  }, 60_000);

  it('refuses a cycle (the old pendingWrite ⇄ writeGuard) and one through a lazy chunk (import())', async () => {
    const found = await findings('src/integration/writes/pendingWrite.ts', "import { createWriteGuard as touch } from './writeGuard';");
    expect(found).toContainEqual(
      'architecture/no-cycle: Import cycle: src/integration/writes/pendingWrite.ts → src/integration/writes/writeGuard.ts → src/integration/writes/pendingWrite.ts',
    );
    const lazy = await findings('src/panel/CreateCustomerPanel.tsx', "const touch = () => import('./lazyActions');");
    expect(lazy).toContainEqual(expect.stringMatching(/^architecture\/no-cycle: Import cycle: src\/panel\/CreateCustomerPanel.tsx → src\/panel\/lazyActions.tsx → /));
  }, 60_000);

  it('passes the tree as it is', async () => {
    const found = await findings('src/integration/writes/writeGuard.ts', 'const touch = 0;');
    expect(found).toEqual([]);
  }, 60_000);
});
