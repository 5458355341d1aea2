// Issue 12 "a lighter panel": what the panel's first script holds, from a real production build. The
// first screen (name, balances, Overview) needs the transport and the first-screen schemas; the later
// Billing calls, their schemas, request bodies and PDF decoding, the create-customer panel and the
// settings page's diagnostics checks are chunks loaded on first use. Sizes are the bench's business.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../../scripts/bench/bundle.mjs';
import { projectRoot } from '../../../scripts/builds.mjs';

let initial: string[] = [];
let lazy: string[] = [];

beforeAll(async () => {
  const outDir = mkdtempSync(join(tmpdir(), 'zbd-lazy-'));
  try {
    const built = (await buildApp(projectRoot, outDir)) as { initialModules: string[]; lazyModules: string[] };
    initial = built.initialModules;
    lazy = built.lazyModules;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}, 180_000);

describe("the panel's first script", () => {
  it('holds the Billing transport and the first-screen schemas, and no schema library', () => {
    expect(initial).toContain('src/billing/billingClient.ts');
    expect(initial).toContain('src/billing/schemas.ts');
    expect(initial.filter((id) => /node_modules\/zod\//.test(id))).toEqual([]);
    const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['react', 'react-dom']);
  });

  it.each([
    'src/billing/laterCalls.ts',
    'src/billing/detailSchemas.ts',
    'src/billing/documentBodies.ts',
    'src/billing/pdf.ts',
    'src/panel/CreateCustomerPanel.tsx',
    'src/settings/diagnostics/checks.ts',
    'src/settings/diagnostics/report.ts',
  ])('leaves %s to a chunk loaded on first use', (file) => {
    expect(initial).not.toContain(file);
    expect(lazy).toContain(file);
  });
});
