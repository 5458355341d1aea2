// Issue 19 "one table for every Billing call": what is derived from src/billing/callTable.ts stays derived.
// The scope list scripts/connection.mjs reads and README "Permissions" are generated from the table and
// src/billing/scopes.ts; `UPDATE_CALL_TABLE=1 npx vitest run tests/unit/billing/callTable.test.ts` rewrites both.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CALL_NAMES, ENTRIES, type ReadCall } from '../../../src/billing/callTable';
import { permissionsTable, scopeList, SCOPES, scopeUse, type Scope } from '../../../src/billing/scopes';
import { createBillingCache } from '../../../src/integration/cache/billingCache';
import { createFakeBilling, customer, invoice, subscription } from '../../component/panel/fakeBilling';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const update = process.env.UPDATE_CALL_TABLE === '1';
const START = '<!-- permissions:start -->';
const END = '<!-- permissions:end -->';

describe('generated from the call table', () => {
  it('scripts/scopes.json (what `npm run connection` requires and warns about)', () => {
    const file = `${root}scripts/scopes.json`;
    const want = `${JSON.stringify({ source: 'generated from src/billing/callTable.ts and src/billing/scopes.ts by tests/unit/billing/callTable.test.ts', ...scopeList() }, null, 2)}\n`;
    if (update) writeFileSync(file, want);
    expect(readFileSync(file, 'utf8')).toBe(want);
  });

  it('README "Permissions"', () => {
    const file = `${root}README.md`;
    const readme = readFileSync(file, 'utf8');
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    const want = `${START}\n${permissionsTable()}\n${END}`;
    if (update) writeFileSync(file, readme.slice(0, start) + want + readme.slice(end + END.length));
    expect(readFileSync(file, 'utf8').slice(start, readFileSync(file, 'utf8').indexOf(END) + END.length)).toBe(want);
  });

  it('every Billing scope is needed by some call (or marked ahead of its calls), and the manifest asks for every scope the connection requires', () => {
    const use = scopeUse();
    const billing = (Object.keys(SCOPES) as Scope[]).filter((s) => !('desk' in SCOPES[s]));
    expect(billing.filter((s) => !('ahead' in SCOPES[s]) && (use.get(s) ?? []).length === 0)).toEqual([]);
    expect(billing.filter((s) => 'ahead' in SCOPES[s] && (use.get(s) ?? []).length > 0), 'stale `ahead` marks').toEqual([]);
    const manifest = JSON.parse(readFileSync(`${root}plugin-manifest.json`, 'utf8')) as { zohoAuthorisation: { scope: string[] } };
    const { required, optional } = scopeList();
    expect(manifest.zohoAuthorisation.scope).toEqual(expect.arrayContaining([...required, ...optional]));
  });
});

describe('the entries', () => {
  it.each(CALL_NAMES)('%s: a first-screen entry names no part of the lazy chunk; a path has one value per placeholder', (name) => {
    const entry = ENTRIES[name];
    if (entry.screen === 'first') {
      expect('runner' in entry.answer).toBe(false);
      expect('schema' in entry.answer && typeof entry.answer.schema).not.toBe('string');
      expect(entry.changes).toBeUndefined();
    }
    expect(entry.path).toMatch(/^\/[a-z]+(\/([a-z]+|\{[a-z_]+\}))*$/);
  });

  it("a write drops only reads the cache keeps; only kept reads have an owner or a shared part", () => {
    const kept = new Set(CALL_NAMES.filter((n) => ENTRIES[n].cache));
    for (const name of CALL_NAMES) {
      const entry = ENTRIES[name];
      for (const drop of entry.changes?.reads ?? []) expect(kept, `${name} drops ${drop.call}`).toContain(drop.call);
      if (!entry.cache) expect(entry.share, name).toBeUndefined();
      if (entry.changes) expect(entry.cache, name).toBeUndefined();
    }
  });
});

describe("the cache's owner lookup, from the table", () => {
  function setup() {
    const billing = createFakeBilling({
      customers: [customer('c1', 'One', 'one@x.test'), customer('c2', 'Two', 'two@x.test')],
      subscriptions: [subscription('s1', 'c1'), subscription('s2', 'c2')],
      invoices: [invoice('i1', 'c1')],
      activities: { s1: [], s2: [] },
    });
    const cache = createBillingCache(billing.api, { organizationId: 'org1', now: () => 1_000_000 });
    return { billing, cache };
  }

  it("Refresh drops the reads keyed by the customer's subscription and invoice ids, not another customer's", async () => {
    // Fails on the main before the call table: customerOf knew no read keyed by a subscription or invoice id.
    const { billing, cache } = setup();
    await cache.read('listSubscriptions', 'c1');
    await cache.read('listSubscriptions', 'c2');
    const reads: [ReadCall, string][] = [
      ['getSubscription', 's1'],
      ['listSubscriptionActivities', 's1'],
      ['getInvoice', 'i1'],
      ['getSubscription', 's2'],
      ['listSubscriptionActivities', 's2'],
    ];
    for (const [call, id] of reads) await cache.read(call as 'getSubscription', id);
    expect(billing.count()).toBe(7);
    cache.invalidateCustomer('c1');
    for (const [call, id] of reads) await cache.read(call as 'getSubscription', id);
    expect(billing.calls.slice(7).map((c) => `${c.name} ${String(c.args[0])}`)).toEqual([
      'getSubscription s1',
      'listSubscriptionActivities s1',
      'getInvoice i1',
    ]);
    // The subscription list itself was dropped too and not read again; the three reads above are c1's again.
    expect(cache.lastGoodForCustomer('c1').map((e) => e.call).sort()).toEqual(['getInvoice', 'getSubscription', 'listSubscriptionActivities']);
  });

  it("a write drops what its entry's `changes` names: an invoice opened drops that invoice, the invoice lists and its customer's balances", async () => {
    const { billing, cache } = setup();
    await cache.read('getInvoice', 'i1');
    await cache.read('listInvoices', { customerId: 'c1' });
    await cache.read('getCustomer', 'c1');
    await cache.api.markInvoiceOpen('i1');
    await cache.read('getInvoice', 'i1');
    await cache.read('listInvoices', { customerId: 'c1' });
    await cache.read('getCustomer', 'c1');
    // The opened draft is owed now: the customer's outstanding amount is read again too.
    expect(billing.calls.map((c) => c.name)).toEqual(['getInvoice', 'listInvoices', 'getCustomer', 'markInvoiceOpen', 'getInvoice', 'listInvoices', 'getCustomer']);
  });
});
