// SPEC C6: axe-core (Deque's engine, the one behind browsers' accessibility audits) finds no violation on any
// Desk location or tab, in English and Japanese, light and dark. One page load per location, language and
// theme; the tabs are switched in place. Besides axe's default rules, WCAG 2.5.3 "label in name"
// (label-content-name-mismatch, experimental in axe 4): a control's name contains the text it shows.
import type { Frame } from 'playwright-core';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import en from '../../translations/en.json';
import ja from '../../translations/ja.json';
import type { LocationKind } from '../../src/host/types';
import { DESK_FIXTURES as D } from '../../src/sandbox/desk/deskFixtures';
import type { SimulatorConfigPatch } from '../../src/sandbox/simulator/config';
import { openLocation, useSimulator } from './harness';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WORDS = { en, ja } as const;
const TABS = ['overview', 'activity', 'subscriptions', 'invoices'] as const;

interface Found {
  screen: string;
  rule: string;
  help: string;
  targets: string[];
}

const e2e = useSimulator();

/** Waits until nothing on the page is still loading (skeletons, spinners, busy regions). */
async function settled(frame: Frame): Promise<void> {
  await frame.waitForFunction(
    () => document.getElementById('root')?.innerText.trim() && !document.querySelector('.skeleton, .spinner, [aria-busy="true"]'),
    undefined,
    { timeout: 20_000 },
  );
}

async function axe(frame: Frame, screen: string): Promise<Found[]> {
  await settled(frame);
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.evaluate(AXE_SOURCE);
  const violations = await frame.evaluate(async () => {
    const w = window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[] }> }> }> } };
    const result = await w.axe.run(document, { rules: { 'label-content-name-mismatch': { enabled: true } }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ rule: v.id, help: v.help, targets: v.nodes.map((n) => n.target.map(String).join(' ')) }));
  });
  return violations.map((v) => ({ screen, ...v }));
}

const LOCATIONS: Array<{ name: string; kind: LocationKind; config: SimulatorConfigPatch; tabs: boolean }> = [
  { name: 'ticket', kind: 'ticket', config: { ticketId: D.singleMatchTicketId }, tabs: true },
  { name: 'contact', kind: 'contact', config: { contactId: D.singleMatchContactId }, tabs: true },
  { name: 'account (one customer)', kind: 'account', config: { accountId: D.japaneseAccountId }, tabs: true },
  { name: 'account (two customers: the picker)', kind: 'account', config: { accountId: D.accountWithContactsId }, tabs: false },
  { name: 'add-ticket form, no contact yet', kind: 'ticketForm', config: {}, tabs: false },
  { name: 'add-ticket form with a contact', kind: 'ticketForm', config: { form: { contactId: D.singleMatchContactId, email: '', accountId: '' } }, tabs: true },
  { name: 'settings', kind: 'settings', config: {}, tabs: false },
];

describe('axe-core finds no violation (C6)', () => {
  for (const locale of ['en', 'ja'] as const) {
    for (const appearance of ['light', 'dark'] as const) {
      for (const { name, kind, config, tabs } of LOCATIONS) {
        it(`${name} · ${locale} · ${appearance}${tabs ? ' · every tab' : ''}`, async () => {
          const frame = await openLocation(e2e.page, kind, { ...config, locale, appearance });
          // The page really is in the theme it is judged in (colour contrast differs).
          await frame.waitForFunction((theme) => document.documentElement.dataset.appearance === theme, appearance);
          const found: Found[] = [];
          if (tabs) {
            const words = WORDS[locale];
            await frame.getByRole('tab', { name: words.panel.tabs.overview }).waitFor();
            for (const tab of TABS) {
              await frame.getByRole('tab', { name: words.panel.tabs[tab] }).click();
              found.push(...(await axe(frame, `${name}/${tab}`)));
            }
            if (kind === 'ticket') {
              // The action row's menu, open.
              await frame.getByRole('button', { name: words.panel.actions.more }).click();
              await frame.getByRole('menu').waitFor();
              found.push(...(await axe(frame, `${name}/actions menu`)));
            }
          } else {
            found.push(...(await axe(frame, name)));
          }
          expect(found).toEqual([]);
        });
      }
    }
  }
});

describe("the panel looks like the agent's Desk: theme colour, font and pure dark (meta.userPreferences)", () => {
  it('follows them at start and when Desk changes them, without reloading, and axe still finds nothing', async () => {
    const frame = await openLocation(e2e.page, 'ticket', { ticketId: D.singleMatchTicketId, appearance: 'dark', pureDark: true, theme: 'green', fontFamily: 'Lato' });
    await frame.getByRole('tab', { name: en.panel.tabs.overview }).waitFor();
    const look = () =>
      frame.evaluate(() => {
        const root = getComputedStyle(document.documentElement);
        const link = document.querySelector('.panel-header a');
        return {
          background: getComputedStyle(document.body).backgroundColor,
          accent: root.getPropertyValue('--accent').trim(),
          link: link ? getComputedStyle(link).color : null,
          font: getComputedStyle(document.body).fontFamily.split(',')[0]!.replace(/['"]/g, '').trim(),
        };
      });
    expect(await look()).toEqual({ background: 'rgb(0, 0, 0)', accent: '#4cc38a', link: 'rgb(76, 195, 138)', font: 'Lato' });
    const key = await e2e.page.evaluate(() => window.__deskSimulator!.state().frameKey);

    // Desk's user_preference.changed, heard by the open panel.
    await e2e.page.evaluate(() => window.__deskSimulator!.configure({ appearance: 'light', pureDark: false, theme: 'orange', fontFamily: 'Roboto' }));
    await expect.poll(look).toEqual({ background: 'rgb(255, 255, 255)', accent: '#b54800', link: 'rgb(181, 72, 0)', font: 'Roboto' });
    expect(await e2e.page.evaluate(() => window.__deskSimulator!.state().frameKey)).toBe(key);

    // Every theme colour keeps its contrast in both appearances, pure dark too (Activity is mostly links).
    await frame.getByRole('tab', { name: en.panel.tabs.activity }).click();
    const found: Found[] = [];
    for (const appearance of ['light', 'dark'] as const) {
      for (const theme of ['red', 'green', 'blue', 'yellow', 'orange'] as const) {
        for (const pureDark of appearance === 'dark' ? [false, true] : [false]) {
          await e2e.page.evaluate((patch) => window.__deskSimulator!.configure(patch), { appearance, theme, pureDark });
          await frame.waitForFunction(
            ({ appearance, theme }) => document.documentElement.dataset.appearance === appearance && document.documentElement.dataset.theme === theme,
            { appearance, theme },
          );
          found.push(...(await axe(frame, `ticket/activity ${appearance}${pureDark ? ' (pure)' : ''} ${theme}`)));
        }
      }
    }
    expect(found).toEqual([]);
  });
});

