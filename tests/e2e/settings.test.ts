// The settings page (desk.extension.preference) in real Chromium inside the simulator: one test per
// flow of SPEC A1–A7. Texts come from translations/en.json so wording changes do not break the tests.
import type { Frame } from 'playwright-core';
import type { MessageKey } from '../../src/i18n/i18n';
import en from '../../translations/en.json';
import { openLocation, useSimulator, failOnProblems } from './harness';

const e2e = useSimulator();
failOnProblems(e2e);

type Dict = { [key: string]: string | Dict };
function t(path: MessageKey, vars: Record<string, string> = {}): string {
  let node: string | Dict = en as unknown as Dict;
  for (const part of path.split('.')) {
    if (typeof node === 'string' || !(part in node)) throw new Error(`translations/en.json has no ${path}`);
    node = node[part] as string | Dict;
  }
  if (typeof node !== 'string') throw new Error(`${path} is not a string`);
  return node.replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? `{${name}}`);
}

interface StoredSettings {
  enabled: boolean;
  organization: { id: string; name: string } | null;
}

async function storedSettings(): Promise<StoredSettings | null> {
  return e2e.page.evaluate(() => {
    const entry = window.__deskSimulator!.state().storage.find((e) => e.key === 'zbd_settings');
    return (entry?.value ?? null) as { enabled: boolean; organization: { id: string; name: string } | null } | null;
  });
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 20_000;
  let value = await read();
  while (!ok(value)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
    value = await read();
  }
  return value;
}

async function heading(frame: Frame): Promise<void> {
  await frame.getByRole('heading', { name: t('settings.title') }).waitFor();
}

describe('settings page', () => {
  it('shows a connected integration with its organization (A2)', async () => {
    const frame = await openLocation(e2e.page, 'settings');
    await heading(frame);
    await frame.getByText(t('settings.status.overall.connected'), { exact: true }).first().waitFor();
    expect(await frame.getByText('Zylker Cloud Inc.').first().isVisible()).toBe(true);
  });

  it('offers Connect when the Billing connection is not authorised (A1)', async () => {
    const frame = await openLocation(e2e.page, 'settings', { faults: { notAuthorised: true } }, { storage: 'empty' });
    await heading(frame);
    await frame.getByRole('button', { name: t('settings.connect.button'), exact: true }).waitFor();
  });

  it('links the only organization automatically on a fresh install (A2)', async () => {
    const frame = await openLocation(e2e.page, 'settings', { faults: { organizations: 'one' } }, { storage: 'empty' });
    await heading(frame);
    const stored = await until(storedSettings, (s) => s?.organization !== null && s !== null, 'the automatic link');
    expect(stored?.organization?.name).toBe('Zylker Cloud Inc.');
    await frame.getByText(t('settings.org.autoLinked', { name: 'Zylker Cloud Inc.' })).waitFor();
  });

  it('lets an admin choose among several organizations and saves the choice for the portal (A2)', async () => {
    const frame = await openLocation(e2e.page, 'settings', { faults: { organizations: 'many' } }, { storage: 'empty' });
    await heading(frame);
    const group = frame.getByRole('group', { name: t('settings.org.chooseLegend') });
    await group.waitFor();
    const options = group.getByRole('radio');
    expect(await options.count()).toBeGreaterThan(1);
    const second = options.nth(1);
    await second.check();
    await frame.getByRole('button', { name: t('settings.org.use') }).click();
    const stored = await until(storedSettings, (s) => Boolean(s?.organization), 'the chosen organization to be stored');
    expect(stored?.organization?.id).toBeTruthy();
    expect(stored?.organization?.name).not.toBe('');
  });

  it('explains what to do when there is no organization (A3)', async () => {
    const frame = await openLocation(e2e.page, 'settings', { faults: { organizations: 'none' } }, { storage: 'empty' });
    await heading(frame);
    await frame.getByText(t('settings.org.noneTitle')).waitFor();
  });

  it('asks before disabling, in Desk\'s own popup, and keeps it on when cancelled (A4)', async () => {
    const frame = await openLocation(e2e.page, 'settings');
    const toggle = frame.getByRole('switch', { name: t('settings.enable.label') });
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-checked')).toBe('true');

    await toggle.click();
    const dialog = e2e.page.getByRole('dialog', { name: t('settings.enable.confirmTitle') });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: /cancel|キャンセル/i }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    expect((await storedSettings())?.enabled).toBe(true);

    await toggle.click();
    await dialog.getByRole('button', { name: t('settings.enable.confirmOk') }).click();
    await until(storedSettings, (s) => s?.enabled === false, 'the integration to be stored as disabled');
    await until(() => toggle.getAttribute('aria-checked'), (v) => v === 'false', 'the switch to turn off');
  });

  it('shows settings read-only to an agent who is not a Desk admin (A7)', async () => {
    const frame = await openLocation(e2e.page, 'settings', { isAdmin: false });
    await heading(frame);
    const toggle = frame.getByRole('switch', { name: t('settings.enable.label') });
    await toggle.waitFor();
    expect(await toggle.isDisabled()).toBe(true);
  });
});
