/**
 * The settings page's "Run checks" (SPEC E2): each host contract the extension relies on, exercised
 * the way the product uses it, with pass/fail and the *shape* of what came back. Nobody here can open
 * a real Desk portal, so this is how an admin (and support) sees where a live portal differs from
 * what the code expects. Results never carry customer data: names, emails and ids stay out; only
 * key names, JS types, counts, HTTP statuses, Zoho codes and error kinds go in.
 */
import { toBillingError, type BillingErrorKind } from '../../billing/errors';
import type { BillingApi } from '../../billing/types';
import type { Observations } from '../../host/observations';
import type { DeskHost, HostError } from '../../host/types';
import type { KeysUnder, MessageParams } from '../../i18n/i18n';
import { DIAGNOSTICS } from '../../host/timeWindows';

export type CheckId = 'meta' | 'storage' | 'connection' | 'profile' | 'events' | 'csp' | 'pdf' | 'words' | 'version';
export type CheckStatus = 'pass' | 'warn' | 'fail';
export type ResultKey = KeysUnder<'settings.diagnostics.result'>;
export type StorageStep = KeysUnder<'settings.diagnostics.step'>;

export const CHECK_IDS: readonly CheckId[] = ['meta', 'storage', 'connection', 'profile', 'events', 'csp', 'pdf', 'words', 'version'];

export interface CheckResult {
  id: CheckId;
  status: CheckStatus;
  /** Translation key under settings.diagnostics.result and its parameters: the one-line verdict. */
  key: ResultKey;
  params?: MessageParams;
  /** A failed Billing call: its words come from the admins' failure words (the verdict's {reason}). */
  reason?: BillingErrorKind;
  /** The storage step Desk refused, worded in the admin's language (the verdict's {step}). */
  step?: StorageStep;
  /** Technical lines (shapes, kinds, codes): the same in every language, safe to send to support. */
  shape: string[];
}

export interface DiagnosticsDeps {
  host: DeskHost;
  billing: Pick<BillingApi, 'listOrganizations'>;
  /** What every widget of this tab observed (this one first). */
  observations: () => Observations[];
  version: string;
  /** Per check; a contract that never answers is a red line, not an endless spinner. */
  timeoutMs?: number;
  /** Random part of the scratch storage key (tests pass a fixed one). */
  nonce?: () => string;
}

const CHECK_TIMEOUT_MS = DIAGNOSTICS.checkTimeoutMs;

const result = (id: CheckId, status: CheckStatus, key: ResultKey, shape: string[] = [], params?: MessageParams): CheckResult => ({
  id,
  status,
  key,
  shape,
  ...(params ? { params } : {}),
});

function hostErrorLine(error: HostError): string {
  return `${error.kind}: ${error.message}`;
}

function typesOf(record: Record<string, string>): string {
  const entries = Object.entries(record).sort(([a], [b]) => a.localeCompare(b));
  return entries.length === 0 ? '{}' : `{${entries.map(([k, t]) => `${k}: ${t}`).join(', ')}}`;
}

// ---------------------------------------------------------------------------------------------

function checkMeta(deps: DiagnosticsDeps): CheckResult {
  const context = deps.host.context();
  const start = deps.observations()[0]?.start ?? null;
  const shape = start
    ? [`App ${typesOf(start.app.app)}`, `App.meta ${typesOf(start.app.meta)}`, `meta.dcType: ${start.dcType === null ? 'missing' : JSON.stringify(start.dcType)}`, `meta.userPreferences.appearance: ${start.appearanceSetting ?? 'missing'}`]
    : ['the adapter recorded no onload answer'];
  const params = { dc: context.dataCenter, locale: context.locale || '—', appearance: context.appearance };
  if (!start) return result('meta', 'fail', 'meta.noStart', shape, params);
  const source = context.dataCenterSource ?? start.dataCenterSource;
  if (source === 'default') return result('meta', 'fail', 'meta.dcAssumed', shape, params);
  if (source !== 'dcType') return result('meta', 'warn', 'meta.dcDerived', [...shape, `data center from: ${source}`], params);
  if (!start.locale) return result('meta', 'warn', 'meta.noLocale', shape, params);
  return result('meta', 'pass', 'meta.pass', shape, params);
}

async function checkStorage(deps: DiagnosticsDeps): Promise<CheckResult> {
  const nonce = (deps.nonce ?? (() => Math.random().toString(36).slice(2, 10)))();
  // Scratch key in the cache group: removing the integration deletes it too, should the delete fail.
  const key = `diag_probe_${nonce}`;
  const { storage } = deps.host;
  const set = await storage.set({ key, group: 'cache', value: { probe: nonce, at: new Date().toISOString() } });
  if (!set.ok) return { ...result('storage', 'fail', 'storage.step', [`set → ${hostErrorLine(set.error)}`]), step: 'set' };
  const got = await storage.get(key);
  if (!got.ok) return { ...result('storage', 'fail', 'storage.step', ['set → ok', `get → ${hostErrorLine(got.error)}`]), step: 'get' };
  const valueShape = got.value ? typesOf(Object.fromEntries(Object.entries(got.value.value).map(([k, v]) => [k, v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v]))) : 'nothing';
  if (!got.value || got.value.value.probe !== nonce) {
    await storage.delete(key);
    return result('storage', 'fail', 'storage.mismatch', ['set → ok', `get → ${valueShape}`]);
  }
  const deleted = await storage.delete(key);
  if (!deleted.ok) return { ...result('storage', 'fail', 'storage.step', ['set → ok', `get → ${valueShape}`, `delete → ${hostErrorLine(deleted.error)}`]), step: 'delete' };
  const after = await storage.get(key);
  if (after.ok && after.value !== null) return result('storage', 'fail', 'storage.notDeleted', ['set → ok', `get → ${valueShape}`, 'delete → ok', 'get after delete → still there']);
  return result('storage', 'pass', 'storage.pass', ['set → ok', `get → ${valueShape}`, 'delete → ok', `get after delete → ${after.ok ? 'nothing' : after.error.kind}`]);
}

async function checkConnection(deps: DiagnosticsDeps): Promise<CheckResult> {
  try {
    const orgs = await deps.billing.listOrganizations();
    const admin = orgs.filter((o) => o.isAdmin).length;
    const shape = [`organizations: ${orgs.length} (admin in ${admin})`, `fields present: ${['id', 'name', 'currencyCode', 'role'].filter((f) => orgs.some((o) => o[f as keyof typeof o] !== null && o[f as keyof typeof o] !== '')).join(', ') || '—'}`];
    if (orgs.length === 0) return result('connection', 'warn', 'connection.none', shape);
    return result('connection', 'pass', 'connection.pass', shape, { count: orgs.length });
  } catch (e) {
    const error = toBillingError(e);
    const parts = [`kind: ${error.kind}`];
    if (error.status !== undefined) parts.push(`HTTP ${error.status}`);
    if (error.code !== undefined) parts.push(`code ${error.code}`);
    if (error.retryAfterMs !== undefined) parts.push(`retry after ${Math.ceil(error.retryAfterMs / 1000)} s`);
    if (error.authUrl) parts.push('authorisation link present');
    const shape = [parts.join(' · '), `message: ${error.message}`, ...(error.detail ? [`Billing says: ${error.detail}`] : [])];
    return { ...result('connection', 'fail', 'connection.failed', shape), reason: error.kind };
  }
}

async function checkProfile(deps: DiagnosticsDeps): Promise<CheckResult> {
  if (deps.host.context().user.id === '') return result('profile', 'fail', 'profile.noUser', ["get('user') gave no id"]);
  const answer = await deps.host.isAdmin();
  if (!answer.ok) return result('profile', 'fail', 'profile.error', [hostErrorLine(answer.error)]);
  if (answer.value === null) return result('profile', 'fail', 'profile.unknown', ['agent record has no profile name or type']);
  return result('profile', 'pass', answer.value ? 'profile.admin' : 'profile.notAdmin', [`profile: ${answer.value ? 'Administrator' : 'other'}`]);
}

function checkEvents(deps: DiagnosticsDeps): CheckResult {
  const all = deps.observations();
  const mine = all[0];
  const shape = all.map((o) => {
    const got = Object.entries(o.events).map(([name, n]) => `${name} ×${n}`).join(', ') || 'none';
    return `${o.widget}: registered ${o.registered.join(', ') || 'none'}; received ${got}`;
  });
  if (!mine || mine.eventsAvailable === false) return result('events', 'fail', 'events.noInstance', shape);
  const received = all.reduce((n, o) => n + Object.values(o.events).reduce((a, b) => a + b, 0), 0);
  return result('events', 'pass', 'events.pass', shape, { events: received, widgets: all.length });
}

function checkCsp(deps: DiagnosticsDeps): CheckResult {
  const all = deps.observations();
  const lines = all.flatMap((o) =>
    o.csp.map((v) => `${o.widget}: ${v.directive} blocked ${v.blocked}${v.source ? ` (from ${v.source})` : ''} ×${v.count}${v.disposition === 'report' ? ' (report only)' : ''}`),
  );
  if (lines.length === 0) return result('csp', 'pass', 'csp.pass', [`widgets watched: ${all.map((o) => o.widget).join(', ')}`]);
  return result('csp', 'fail', 'csp.fail', lines, { count: lines.length });
}

function checkPdf(deps: DiagnosticsDeps): CheckResult {
  const seen = deps.observations()
    .map((o) => o.binary)
    .filter((b): b is NonNullable<typeof b> => b !== null)
    .sort((a, b) => b.at - a.at)[0];
  if (!seen) return result('pdf', 'warn', 'pdf.notSeen', ['no responseType "blob" answer in this tab yet']);
  const shape = [`shape: ${seen.shape}`, `type: ${seen.mimeType ?? 'none'}`, `size: ${seen.bytes ?? '?'} bytes`];
  return seen.usable ? result('pdf', 'pass', 'pdf.pass', shape, { shape: seen.shape }) : result('pdf', 'fail', 'pdf.unusable', shape, { shape: seen.shape });
}

/** Statuses and transaction types Billing sent that have no words in the catalogs (shown as その他… in Japanese). */
function checkWords(deps: DiagnosticsDeps): CheckResult {
  const seen = [...new Set(deps.observations().flatMap((o) => o.unknownWords ?? []))].sort();
  if (seen.length === 0) return result('words', 'pass', 'words.pass');
  return result('words', 'warn', 'words.unknown', seen, { count: seen.length });
}

function checkVersion(deps: DiagnosticsDeps): CheckResult {
  const ok = /^\d+\.\d+\.\d+/.test(deps.version);
  return result('version', ok ? 'pass' : 'fail', ok ? 'version.pass' : 'version.unknown', [`version: ${deps.version || 'missing'}`], { version: deps.version || '—' });
}

// ---------------------------------------------------------------------------------------------

function withTimeout(id: CheckId, work: Promise<CheckResult>, ms: number): Promise<CheckResult> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => resolve(result(id, 'fail', 'timeout', [`no answer within ${ms / 1000} s`], { count: ms / 1000 })), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

const RUNNERS: Record<CheckId, (deps: DiagnosticsDeps) => CheckResult | Promise<CheckResult>> = {
  meta: checkMeta,
  storage: checkStorage,
  connection: checkConnection,
  profile: checkProfile,
  events: checkEvents,
  csp: checkCsp,
  pdf: checkPdf,
  words: checkWords,
  version: checkVersion,
};

/** One check; a throw becomes that check's red line (a bug must not hide the other checks). */
export function runCheck(id: CheckId, deps: DiagnosticsDeps): Promise<CheckResult> {
  const work = Promise.resolve()
    .then(() => RUNNERS[id](deps))
    .catch((e: unknown) => result(id, 'fail', 'crashed', [e instanceof Error ? `${e.name}: ${e.message}` : String(e)]));
  return withTimeout(id, work, deps.timeoutMs ?? CHECK_TIMEOUT_MS);
}

/** Every check at once; `onResult` hears each as it finishes (the page fills in line by line). */
export async function runChecks(deps: DiagnosticsDeps, onResult?: (r: CheckResult) => void): Promise<CheckResult[]> {
  return Promise.all(
    CHECK_IDS.map(async (id) => {
      const r = await runCheck(id, deps);
      onResult?.(r);
      return r;
    }),
  );
}
