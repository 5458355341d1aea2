/**
 * Zoho's OpenAPI files are the contract (issue 19): every request the client sends in every scenario
 * (scenarios.ts; how to add one is written there) uses only documented operations, query parameters and body
 * properties with documented types and allowed values, and every answer the sandbox gives carries only documented
 * properties. What real Billing is known to do beyond the files is in tests/contract/allowList.ts with its evidence.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES, ENTRIES } from '../../../src/billing/callTable';
import { BILLING_FIXTURES as F } from '../../../src/sandbox/billing/fixtures';
import { ALLOW_LIST } from '../../contract/allowList';
import { captureBilling, type Captured } from './capture';
import { checkAnswer, checkRequest, CONTRACT, operationKeyOf, USED_ALLOWANCES } from './contract';
import { SCENARIOS } from './scenarios';

let captured: Captured;

beforeAll(async () => {
  captured = await captureBilling(F.primaryOrgId);
  for (const scenario of SCENARIOS) {
    captured.scenario = scenario.name;
    await scenario.run(captured);
  }
}, 60_000);

const report = (problems: string[]) => [...new Set(problems)].sort();

describe("the client and the sandbox against Zoho's OpenAPI files", () => {
  it('every request uses only documented operations, parameters and body properties, types and values', () => {
    expect(captured.exchanges.length).toBeGreaterThan(50);
    expect(report(captured.exchanges.flatMap((x) => checkRequest(x).map((p) => `${p}   [${x.scenario}]`)))).toEqual([]);
  });

  it('every answer the sandbox gives carries only documented properties', () => {
    expect(report(captured.exchanges.flatMap((x) => checkAnswer(x)))).toEqual([]);
  });

  it('the scenarios make every call of the client, and every write succeeds at least once', () => {
    const calls = Object.keys(captured.clientFor(F.primaryOrgId)).sort();
    expect(calls.filter((name) => !captured.used.has(name))).toEqual([]);
    const writes = captured.exchanges.filter((x) => x.method !== 'GET');
    const landed = new Set(writes.filter((x) => x.status >= 200 && x.status <= 299).map((x) => operationKeyOf(x.method, new URL(x.url).pathname)));
    expect([...new Set(writes.map((x) => operationKeyOf(x.method, new URL(x.url).pathname)))].filter((k) => !landed.has(k))).toEqual([]);
  });

  it('no scenario call failed unexpectedly (only the refused payment page, on purpose)', () => {
    const failed = captured.exchanges.filter((x) => x.status >= 400).map((x) => `${x.method} ${new URL(x.url).pathname} ${x.status} [${x.scenario}]`);
    expect(failed.every((f) => f.startsWith('POST /billing/v1/hostedpages/invoicepayment 400'))).toBe(true);
  });

  it('each allow-list entry is listed once, has evidence, and is still needed', () => {
    const keys = ALLOW_LIST.flatMap((e) => e.operations.flatMap((op) => [e.where].flat().map((w) => `${e.kind} ${op} ${w}`)));
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    for (const e of ALLOW_LIST) expect(e.evidence.length, keys.join()).toBeGreaterThan(40);
    const allowedOperations = new Set(ALLOW_LIST.filter((e) => e.kind === 'operation').flatMap((e) => e.operations));
    for (const op of ALLOW_LIST.flatMap((e) => e.operations)) expect(op in CONTRACT.operations || allowedOperations.has(op), op).toBe(true);
    // Documented after all: an operation Zoho's files describe needs no entry.
    for (const op of allowedOperations) expect(op in CONTRACT.operations, op).toBe(false);
    USED_ALLOWANCES.clear();
    for (const x of captured.exchanges) {
      checkRequest(x);
      checkAnswer(x);
    }
    expect(ALLOW_LIST.filter((e) => !USED_ALLOWANCES.has(e)).map((e) => `${e.kind} ${e.operations.join(',')} ${[e.where].flat().join(',')}`)).toEqual([]);
  });

  /** Every Zoho call of the call table (an entry and its `also` calls), as "METHOD /path" and its scope. */
  const tableCalls = CALL_NAMES.flatMap((name) => {
    const e = ENTRIES[name];
    return [{ name, key: `${e.method} ${e.path}`, scope: e.scope }, ...(e.also ?? []).map((a) => ({ name, key: `${a.method} ${a.path}`, scope: a.scope }))];
  });

  it("every entry of the call table exists in Zoho's files with that method (or in the allow-list with evidence), with its scope", () => {
    const allowedOperations = new Set(ALLOW_LIST.filter((e) => e.kind === 'operation').flatMap((e) => e.operations));
    expect(tableCalls.filter((c) => !(c.key in CONTRACT.operations) && !allowedOperations.has(c.key)).map((c) => `${c.name}: ${c.key}`)).toEqual([]);
    const wrongScope = tableCalls.filter((c) => {
      const op = CONTRACT.operations[c.key];
      return op !== undefined && op.scopes.length > 0 && !op.scopes.includes(c.scope);
    });
    expect(wrongScope.map((c) => `${c.name}: ${c.key} needs ${CONTRACT.operations[c.key]?.scopes.join(' or ')}, the table says ${c.scope}`)).toEqual([]);
  });

  it('every Zoho call of the call table is made by at least one scenario', () => {
    const made = new Set(captured.exchanges.map((x) => operationKeyOf(x.method, new URL(x.url).pathname)));
    expect(tableCalls.filter((c) => !made.has(c.key)).map((c) => `${c.name}: ${c.key}`)).toEqual([]);
  });

  it('names its source', () => {
    expect(CONTRACT.source.copiedFrom).toContain('Letstream/zoho-billing-python-sdk');
    expect(CONTRACT.source.copiedFrom).toContain('0397faf');
    expect(Object.keys(CONTRACT.source.sha256)).toHaveLength(24);
  });
});
