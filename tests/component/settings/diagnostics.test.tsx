/**
 * Diagnostics on the settings page (issue 14, SPEC E2) over the whole sandbox: the REAL adapter, fake
 * ZOHODESK and Billing sandbox. Each check is shown passing and failing with what came back.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { createI18n } from '../../../src/i18n/i18n';
import { observedInTab, recordBinaryShape, recordCspViolation, recordUnknownWord, resetObservations } from '../../../src/host/observations';
import { createSandboxHost, type SandboxHostOptions } from '../../../src/sandbox/desk/sandboxHost';
import { SettingsPage } from '../../../src/settings/SettingsPage';
import { runCheck } from '../../../src/settings/diagnostics/checks';
import { DiagnosticsSection } from '../../../src/settings/diagnostics/DiagnosticsSection';
import { redact } from '../../../src/settings/diagnostics/report';
import type { DeskHost } from '../../../src/host/types';

beforeEach(() => resetObservations());

async function setup(options: SandboxHostOptions & { mode?: string } = {}) {
  const { mode, ...hostOptions } = options;
  const env = await createSandboxHost({ location: 'settings', ...hostOptions });
  if (mode) env.sandbox.faults.mode = mode as typeof env.sandbox.faults.mode;
  const context = env.host.context();
  const i18n = createI18n(context.locale, context.user.timeZone);
  return { ...env, i18n, user: userEvent.setup() };
}

async function runAll(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Run checks' }));
  await screen.findByText(/All checks passed|checks? failed/, {}, { timeout: 10_000 });
  return screen.getByRole('list', { name: 'Check results' });
}

/** The result line of one check: "<status> <check name>: <verdict>" plus its shape lines. */
function line(list: HTMLElement, name: string): string {
  const item = within(list)
    .getAllByRole('listitem')
    .find((li) => li.querySelector('strong')?.textContent === name);
  if (!item) throw new Error(`no line for ${name}`);
  return item.textContent ?? '';
}

describe('on the settings page', { timeout: 20_000 }, () => {
  it('an admin runs the checks: every contract passes in the simulator except the PDF not yet seen', async () => {
    const env = await setup();
    render(<SettingsPage host={env.host} i18n={env.i18n} />);
    const list = await runAll(env.user);
    expect(line(list, 'Desk start-up (onload)')).toMatch(/^Pass.*data center US, language en, appearance light\..*meta\.dcType: "US"/);
    expect(line(list, 'Desk storage read and write')).toMatch(/^Pass.*set → ok.*get → \{at: string, probe: string\}.*delete → ok/);
    expect(line(list, 'Zoho Billing connection')).toMatch(/^Pass.*organizations: \d+ \(admin in \d+\)/);
    expect(line(list, 'Agent profile (admin check)')).toMatch(/^Pass.*Desk administrator/);
    expect(line(list, 'Desk events')).toMatch(/^Pass.*registered user_preference\.changed/);
    expect(line(list, 'Content-Security-Policy')).toMatch(/^Pass.*no violation/);
    expect(line(list, 'Invoice PDF response')).toMatch(/^Warning.*no PDF has been downloaded/);
    expect(line(list, 'Build')).toMatch(/^Pass.*version \d+\.\d+\.\d+/);
    // The scratch record is gone again.
    expect([...env.sim.storage.keys()].filter((k) => k.startsWith('diag_'))).toEqual([]);
  });

  it('a confirmed non-admin does not see the diagnostics', async () => {
    const env = await setup({ isAdmin: false });
    render(<SettingsPage host={env.host} i18n={env.i18n} />);
    expect(await screen.findByText(/Only Desk administrators can change these settings/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Run checks' })).toBeNull();
  });

  it('in Japanese', async () => {
    const env = await setup({ locale: 'ja' });
    render(<SettingsPage host={env.host} i18n={env.i18n} />);
    await env.user.click(await screen.findByRole('button', { name: '確認を実行' }));
    expect(await screen.findByText(/すべての確認に合格しました|件の確認が失敗しました/, {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByRole('list', { name: '確認結果' })).toHaveTextContent('Desk ストレージの読み書き');
  });
});

describe('each simulator fault gives a precise red line', { timeout: 20_000 }, () => {
  function section(env: Awaited<ReturnType<typeof setup>>, host: DeskHost = env.host) {
    const billing = { listOrganizations: () => import('../../../src/billing/billingClient').then(({ createBillingClient }) => createBillingClient({ request: (r) => host.request(r), dataCenter: 'US', organizationId: null }).listOrganizations()) };
    render(<DiagnosticsSection host={host} i18n={env.i18n} billing={billing} />);
  }

  it.each([
    ['notAuthorised', { faults: { notAuthorised: true } }, /^Fail.*the call failed: The Zoho Billing connection is not authorized.*kind: not-authorised · authorisation link present/],
    ['403', { mode: 'forbidden' }, /^Fail.*the call failed: Your Zoho account does not have access.*kind: forbidden · HTTP 403/],
    ['404', { mode: 'not-found' }, /^Fail.*the call failed: The item was not found in Zoho Billing.*kind: not-found · HTTP 404/],
    ['429', { mode: 'rate-limited' }, /^Fail.*the call failed: Too many requests.*kind: rate-limited · HTTP 429/],
    ['500', { mode: 'server-error' }, /^Fail.*the call failed: Zoho Billing ran into a problem.*kind: server · HTTP 500/],
    ['malformed JSON', { mode: 'malformed-json' }, /^Fail.*could not be read.*kind: malformed/],
    ['HTML error page', { mode: 'html-error' }, /^Fail.*kind: (malformed|server)/],
    ['code ≠ 0', { mode: 'code-nonzero' }, /^Fail.*kind: \S+ · HTTP 200 · code \d+/],
    ['proxy down', { faults: { hostReject: true } }, /^Fail.*the call failed: Zoho could not be reached.*kind: network.*message: Unable to reach the server/],
  ] as const)('Billing: %s', async (_name, options, expected) => {
    const env = await setup(options as SandboxHostOptions & { mode?: string });
    section(env);
    const list = await runAll(env.user);
    expect(line(list, 'Zoho Billing connection')).toMatch(expected);
  });

  it('storage down: the storage line names the refused step', async () => {
    const env = await setup({ faults: { storageFails: true } });
    section(env);
    const list = await runAll(env.user);
    expect(line(list, 'Desk storage read and write')).toMatch(/^Fail.*storage refused the write step\..*set → storage: Storage is unavailable/);
  });

  it('storage writes fail', async () => {
    const env = await setup({ faults: { storageWritesFail: true } });
    section(env);
    const list = await runAll(env.user);
    expect(line(list, 'Desk storage read and write')).toMatch(/^Fail.*refused the write step/);
  });

  it('proxy down: the agent profile line fails too, with the kind', async () => {
    const env = await setup({ faults: { hostReject: true } });
    section(env);
    const list = await runAll(env.user);
    expect(line(list, 'Agent profile (admin check)')).toMatch(/^Fail.*the agent profile could not be read\..*rejected: Unable to reach the server/);
  });

  it('a not-admin profile passes (the check is that Desk answered)', async () => {
    const env = await setup({ isAdmin: false });
    section(env);
    const list = await runAll(env.user);
    expect(line(list, 'Agent profile (admin check)')).toMatch(/^Pass.*not a Desk administrator/);
  });
});

describe('checks that read what the widgets observed', { timeout: 20_000 }, () => {
  it('CSP violations and the PDF shape, failing and passing; no data center from Desk', async () => {
    const env = await setup({ dataCenter: 'US' });
    env.sim.app.dcType = '';
    env.sim.app.deskDomainUrl = null;
    const { connectDeskHost } = await import('../../../src/host/deskHost');
    const { createFakeZohoDesk } = await import('../../../src/sandbox/desk/fakeZohoDesk');
    const host = await connectDeskHost(createFakeZohoDesk(env.sim));
    recordCspViolation({ directive: 'style-src-elem', blocked: 'https://static.zohocdn.com', source: 'https://js.zohostatic.com', disposition: 'enforce' });
    recordBinaryShape({ shape: 'object {data, status}, data: Blob(application/json)', mimeType: 'application/json', bytes: 40, usable: false });
    const deps = { host, billing: { listOrganizations: async () => [] }, observations: observedInTab, version: '' };
    expect(await runCheck('csp', deps)).toMatchObject({ status: 'fail', shape: [expect.stringMatching(/style-src-elem blocked https:\/\/static\.zohocdn\.com \(from https:\/\/js\.zohostatic\.com\) ×1/)] });
    expect(await runCheck('pdf', deps)).toMatchObject({ status: 'fail', key: 'pdf.unusable' });
    expect(await runCheck('meta', deps)).toMatchObject({ status: 'fail', key: 'meta.dcAssumed', shape: expect.arrayContaining(['meta.dcType: missing']) });
    expect(await runCheck('version', deps)).toMatchObject({ status: 'fail', key: 'version.unknown' });
    expect(await runCheck('connection', deps)).toMatchObject({ status: 'warn', key: 'connection.none' });
    recordBinaryShape({ shape: 'Blob(application/pdf)', mimeType: 'application/pdf', bytes: 1234, usable: true });
    expect(await runCheck('pdf', deps)).toMatchObject({ status: 'pass', params: { shape: 'Blob(application/pdf)' } });

    render(<SettingsPage host={host} i18n={env.i18n} />);
    expect(await screen.findByText(/The US data center \(zoho\.com\) is assumed/)).toBeInTheDocument();
  });

  it('words: a Billing value shown without words of its own is named (a warning), none is a pass', async () => {
    const env = await setup({ location: 'ticket' });
    const deps = { host: env.host, billing: { listOrganizations: async () => [] }, observations: observedInTab, version: '1.0.0' };
    expect(await runCheck('words', deps)).toMatchObject({ status: 'pass', key: 'words.pass' });
    recordUnknownWord('status', 'in_review');
    recordUnknownWord('transaction', 'debit_note');
    recordUnknownWord('status', 'in_review');
    expect(await runCheck('words', deps)).toMatchObject({ status: 'warn', key: 'words.unknown', params: { count: 2 }, shape: ['status:in_review', 'transaction:debit_note'] });
  });

  it('events: a portal without App.instance fails, one that delivered events counts them', async () => {
    const env = await setup({ location: 'ticket' });
    env.sim.emit('ticket_Shift', {});
    const host = env.host;
    host.on('ticketChanged', () => undefined);
    env.sim.emit('ticket_Shift', {});
    const deps = { host, billing: { listOrganizations: async () => [] }, observations: observedInTab, version: '1.0.0' };
    expect(await runCheck('events', deps)).toMatchObject({ status: 'pass', params: { events: 1 } });
    const noInstance = { ...deps, observations: () => [{ ...observedInTab()[0]!, eventsAvailable: false }] };
    expect(await runCheck('events', noInstance)).toMatchObject({ status: 'fail', key: 'events.noInstance' });
  });

  it('a contract that never answers is a red line after the timeout, not an endless spinner', async () => {
    const env = await setup();
    const deps = { host: env.host, billing: { listOrganizations: () => new Promise<never>(() => undefined) }, observations: observedInTab, version: '1.0.0', timeoutMs: 50 };
    expect(await runCheck('connection', deps)).toMatchObject({ status: 'fail', key: 'timeout', shape: ['no answer within 0.05 s'] });
  });

  it('a check that throws fails alone', async () => {
    const env = await setup();
    const host = { ...env.host, isAdmin: () => Promise.reject(new Error('boom')) } as DeskHost;
    expect(await runCheck('profile', { host, billing: { listOrganizations: async () => [] }, observations: observedInTab, version: '1.0.0' })).toMatchObject({ status: 'fail', key: 'crashed' });
  });
});

describe('Copy report', { timeout: 20_000 }, () => {
  it('copies a redacted text; when the clipboard is blocked the text is shown to copy by hand', async () => {
    const env = await setup();
    render(<SettingsPage host={env.host} i18n={env.i18n} />);
    const list = await runAll(env.user);
    expect(list).toBeInTheDocument();
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) }, configurable: true });
    await env.user.click(screen.getByRole('button', { name: 'Copy report' }));
    const report = (await screen.findByRole('textbox', { name: 'Diagnostics report' })) as HTMLTextAreaElement;
    expect(report.value).toMatch(/^Zoho Billing for Zoho Desk — diagnostics\nbuild \d+\.\d+\.\d+ · desk\.extension\.preference · en · /);
    expect(report.value).toMatch(/PASS {2}Desk storage read and write: /);
    // No e-mail, no Desk/Billing id of the simulated portal.
    expect(report.value).not.toMatch(/@|\d{6,}/);

    let copied = '';
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (t: string) => void (copied = t) }, configurable: true });
    await env.user.click(screen.getByRole('button', { name: 'Copy report' }));
    expect(await screen.findByText(/Report copied/)).toBeInTheDocument();
    expect(copied).toContain('Zoho Billing connection');
  });

  it('redacts e-mails, long ids, URL paths and tokens', () => {
    expect(redact('ken@example.jp org 20099887766 https://desk.zoho.eu/agent/acme/tickets/1?x=2 1000.abcdef0123456789abcdef0123456789 v0.1.0 HTTP 404')).toBe(
      '[email] org [id] https://desk.zoho.eu [token] v0.1.0 HTTP 404',
    );
  });
});

describe('CSP violations from before the app started', () => {
  it('are taken over from app/csp-early.js (loaded before Zoho\'s SDK) and reported once', async () => {
    const { watchCspViolations } = await import('../../../src/host/cspWatch');
    const w = window as Window & { __zbdEarlyCsp?: unknown[] | null };
    w.__zbdEarlyCsp = [{ effectiveDirective: 'style-src-elem', blockedURI: 'https://static.zohocdn.com/x.css', sourceFile: 'https://js.zohostatic.com/sdk.js', disposition: 'enforce' }];
    watchCspViolations(new EventTarget());
    expect(w.__zbdEarlyCsp).toBeNull();
    expect(observedInTab()[0]?.csp).toEqual([
      { directive: 'style-src-elem', blocked: 'https://static.zohocdn.com', source: 'https://js.zohostatic.com', disposition: 'enforce', count: 1 },
    ]);
  });
});
