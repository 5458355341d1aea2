// `npm run shots`: every location × key state × en/ja × light/dark × 320/360 px, rendered in Debian's
// Chromium through the Desk simulator, into shots/ with one contact sheet (shots/index.html).
// Each scene is a simulator URL (the shell's own URL config), so any shot can be reopened with `npm start`.
// One browser; a few pages work through the scenes in parallel (each page is its own simulator).
// Longer than ~300 lines because the scene list is the point of the file: one place that names every state.
//
//   npm run shots                               everything
//   npm run shots -- --only invoice,settings    scenes whose id contains one of the words
//   npm run shots -- --locales ja --widths 320 --themes light --jobs 1
//   SHOTS_TIMING=1 npm run shots             also prints how long each scene took to load, act and shoot
import { mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, projectRoot } from './builds.mjs';
import { launchChromium } from './chromium.mjs';
import { missingCjkFont } from './cjkFont.mjs';
import { startSimulatorServer } from './simServer.mjs';

const OUT = join(projectRoot, 'shots');
const FRAME = 'iframe[title="Zoho Billing extension"]';
const DESK_TICKET = {
  bowman: '1892000000093011',
  multi: '1892000000093013',
  none: '1892000000093015',
  yamada: '1892000000093019',
  globex: '1892000000093021',
  initech: '1892000000093025',
  hostile: '1892000000093029',
  kestrel: '1892000000093035',
  hoshino: '1892000000093037',
  meadowbrook: '1892000000093039',
  tanaka: '1892000000093041',
  sato: '1892000000093031',
};
const DESK_CONTACT = { bowman: '1892000000070001', yamada: '1892000000070009' };
const DESK_ACCOUNT = { umbrella: '1892000000080001', none: '1892000000080005', yamada: '1892000000080003' };

// ---- words: steps click what a person sees, in the page's language ----------------------------------
const DICTS = {
  en: JSON.parse(readFileSync(join(projectRoot, 'translations/en.json'), 'utf8')),
  ja: JSON.parse(readFileSync(join(projectRoot, 'translations/ja.json'), 'utf8')),
};
function t(locale, key, vars = {}) {
  let node = DICTS[locale];
  for (const part of key.split('.')) node = node?.[part];
  if (typeof node !== 'string') {
    if (locale !== 'en') return t('en', key, vars);
    throw new Error(`translations/en.json has no ${key}`);
  }
  return node.replace(/\{(\w+)\}/g, (_, name) => vars[name] ?? '');
}
/** A translated text with its {placeholders} as "anything", for names like "Open invoice {number}". */
function pattern(locale, key) {
  const text = t(locale, key, new Proxy({}, { get: () => '\u0000' }));
  const escaped = text.split('\u0000').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.+')}$`);
}

// ---- scenes -------------------------------------------------------------------------------------------
// url: simulator URL parameters (src/sandbox/simulator/config.ts configFromSearch). connected: '0' starts
// with nothing stored. steps(s): drives the frame by role and label. capture: 'panel' (the extension
// frame, full height) or 'dialog' (the shell's confirmation popup).
const tab = (key) => async (s) => s.click('tab', t(s.locale, `panel.tabs.${key}`));
const button = (key) => async (s) => s.click('button', t(s.locale, key));
const menuItem = (key) => async (s) => s.click('menuitem', t(s.locale, key));
/** A button whose name has a placeholder, e.g. "Open invoice {number}": the first one. */
const buttonLike = (key) => async (s) => s.click('button', pattern(s.locale, key));
const then = (...steps) => async (s) => {
  for (const step of steps) await step(s);
};
/** Answers Desk's confirmation popup (the shell's dialog) with its OK button, whose text has placeholders. */
/** Clicks what opens Desk's popup: the panel waits on the popup (busy) until it is answered. */
const popup = (key, like = false) => async (s) => {
  await s.frame.getByRole('button', { name: like ? pattern(s.locale, key) : t(s.locale, key), exact: !like }).first().click({ timeout: 10_000 });
  await s.page.locator('dialog[open]').waitFor({ timeout: 10_000 });
};
const confirmOk = (key) => async (s) => {
  await s.page.locator('dialog[open]').getByRole('button', { name: pattern(s.locale, key) }).click({ timeout: 10_000 });
  await s.settle();
};
const ticket = (who, more = {}) => ({ location: 'ticket', ticket: DESK_TICKET[who], ...more });
const bowman = (more) => ticket('bowman', more);
const settings = (more = {}) => ({ location: 'settings', ...more });
function actingScenes() {
  const openSub = then(tab('subscriptions'), buttonLike('panel.subscriptions.open'));
  const cancelForm = then(openSub, button('acting.cancel.button'));
  const cancelConfirm = then(cancelForm, popup('acting.cancel.continue'));
  const postponeForm = then(openSub, button('acting.postpone.button'));
  const postponeConfirm = then(postponeForm, popup('acting.postpone.continue'));
  const openInvoice = then(tab('invoices'), async (s) => s.click('button', t(s.locale, 'panel.invoices.open', { number: 'INV-000331' })));
  const collectConfirm = then(openInvoice, popup('acting.collect.button', true));
  const reactivateConfirm = then(openSub, popup('acting.reactivate.button'));
  return [
    { id: 'acting-subscription', title: 'Acting · Subscription actions offered (admin)', url: bowman(), steps: openSub },
    { id: 'acting-not-allowed', title: 'Acting · An agent whose profile is not allowed', url: bowman({ admin: '0' }), steps: openSub },
    { id: 'acting-cancel-form', title: 'Acting · Cancel: when, reason, nothing refunded', url: bowman(), steps: cancelForm },
    { id: 'acting-cancel-reason-required', title: 'Acting · Cancel: the organization requires a reason', url: bowman({ churn: 'required' }), steps: cancelForm },
    { id: 'acting-cancel-confirm', title: 'Acting · Cancel confirmation (Desk popup)', url: bowman(), capture: 'dialog', steps: cancelConfirm },
    { id: 'acting-cancel-done', title: 'Acting · Cancelled, recorded on the ticket', url: bowman(), steps: then(cancelConfirm, confirmOk('acting.cancel.confirmOk')) },
    { id: 'acting-comment-failed', title: 'Acting · Done, but the ticket comment failed (add again)', url: bowman({ commentsFail: '1' }), steps: then(cancelConfirm, confirmOk('acting.cancel.confirmOk')) },
    { id: 'acting-postpone-form', title: 'Acting · Postpone: bounded date picker', url: bowman(), steps: postponeForm },
    { id: 'acting-postpone-confirm', title: 'Acting · Postpone confirmation (Desk popup)', url: bowman(), capture: 'dialog', steps: postponeConfirm },
    { id: 'acting-postpone-done', title: 'Acting · Postponed', url: bowman(), steps: then(postponeConfirm, confirmOk('acting.postpone.confirmOk')) },
    { id: 'acting-reactivate-confirm', title: 'Acting · Reactivate a non-renewing subscription (Desk popup)', url: ticket('sato'), capture: 'dialog', steps: reactivateConfirm },
    { id: 'acting-reactivate-done', title: 'Acting · Reactivated', url: ticket('sato'), steps: then(reactivateConfirm, confirmOk('acting.reactivate.confirmOk')) },
    { id: 'acting-collect', title: 'Acting · Collect now on an overdue invoice', url: bowman(), steps: openInvoice },
    { id: 'acting-collect-confirm', title: 'Acting · Collect confirmation (Desk popup)', url: bowman(), capture: 'dialog', steps: collectConfirm },
    { id: 'acting-collect-done', title: 'Acting · Collected', url: bowman(), steps: then(collectConfirm, confirmOk('acting.collect.confirmOk')) },
    { id: 'acting-collect-declined', title: 'Acting · Card declined: the gateway’s reason', url: bowman({ decline: '1' }), steps: then(collectConfirm, confirmOk('acting.collect.confirmOk')) },
  ];
}

const SCENES = [
  { id: 'ticket-overview', title: 'Ticket · Overview (one match)', url: bowman() },
  { id: 'ticket-activity', title: 'Ticket · Activity', url: bowman(), steps: tab('activity') },
  { id: 'ticket-subscriptions', title: 'Ticket · Subscriptions', url: bowman(), steps: tab('subscriptions') },
  { id: 'ticket-subscription-detail', title: 'Ticket · Subscription detail', url: bowman(), steps: then(tab('subscriptions'), buttonLike('panel.subscriptions.open')) },
  { id: 'ticket-invoices', title: 'Ticket · Invoices', url: bowman(), steps: tab('invoices') },
  { id: 'ticket-invoices-this-ticket', title: 'Ticket · Invoices · This ticket', url: bowman(), steps: then(tab('invoices'), button('panel.invoices.thisTicket')) },
  { id: 'ticket-invoice-detail', title: 'Ticket · Invoice detail with actions', url: bowman(), steps: then(tab('invoices'), buttonLike('panel.invoices.open')) },
  { id: 'ticket-actions-menu', title: 'Ticket · the action row\'s ⋯ menu open', url: bowman(), steps: button('panel.actions.more') },
  { id: 'ticket-form-invoice', title: 'Ticket · New invoice form', url: bowman(), steps: then(button('panel.actions.more'), menuItem('panel.actions.createInvoice')) },
  { id: 'ticket-form-quote', title: 'Ticket · New quote form', url: bowman(), steps: then(button('panel.actions.more'), menuItem('panel.actions.createQuote')) },
  { id: 'ticket-form-addresses', title: 'Ticket · Edit addresses form', url: bowman(), steps: button('panel.actions.editAddresses') },
  { id: 'ticket-picker', title: 'Ticket · Several customers match (picker)', url: ticket('multi') },
  { id: 'ticket-no-customer', title: 'Ticket · No customer (search + create)', url: ticket('none') },
  { id: 'ticket-form-customer', title: 'Ticket · Create customer form', url: ticket('none'), steps: button('panel.none.create') },
  { id: 'ticket-japanese-customer', title: 'Ticket · Japanese customer (JPY)', url: ticket('yamada') },
  { id: 'ticket-5000-invoices', title: 'Ticket · 5,000 invoices', url: ticket('globex'), steps: tab('invoices') },
  { id: 'ticket-5000-this-ticket', title: 'Ticket · 5,000 invoices · This ticket', url: ticket('globex'), steps: then(tab('invoices'), button('panel.invoices.thisTicket')) },
  { id: 'ticket-40-subscriptions', title: 'Ticket · 40 subscriptions', url: ticket('initech'), steps: tab('subscriptions') },
  { id: 'ticket-hostile-text', title: 'Ticket · Hostile Billing text', url: ticket('hostile') },
  // The billing problem named first (issue 20): one line above the summary, its fix one button.
  { id: 'problem-overdue', title: 'Problem line · Overdue invoice, fix: payment link into the reply', url: bowman() },
  { id: 'problem-overdue-contact', title: 'Problem line · Overdue invoice on a contact page, fix: open it', url: { location: 'contact', contact: DESK_CONTACT.bowman } },
  { id: 'problem-fix-opened', title: 'Problem line · The fix opened the invoice', url: { location: 'contact', contact: DESK_CONTACT.bowman }, steps: buttonLike('panel.problem.fix.openInvoice') },
  { id: 'problem-dunning', title: 'Problem line · Subscription in dunning, and 1 more', url: ticket('kestrel') },
  { id: 'problem-more-opened', title: 'Problem line · "and 1 more" opened', url: ticket('kestrel'), steps: buttonLike('panel.problem.more') },
  { id: 'problem-failed-payment', title: 'Problem line · Failed payment (after Activity read the transactions), "and 2 more" opened', url: ticket('kestrel'), steps: then(tab('activity'), tab('overview'), buttonLike('panel.problem.more')) },
  { id: 'problem-card', title: 'Problem line · Card expires before the renewal (after the subscription was opened)', url: ticket('tanaka'), steps: then(tab('subscriptions'), buttonLike('panel.subscriptions.open'), tab('overview')) },
  { id: 'problem-trial', title: 'Problem line · Trial ends in 3 days', url: ticket('hoshino') },
  { id: 'problem-ending', title: 'Problem line · Non-renewing, ends in 9 days', url: ticket('meadowbrook') },
  // Links in a reply (issue 20): the invoice's own page lasts; a hosted page says until when.
  { id: 'link-lasting-inserted', title: "Link · Invoice's own page (lasts) inserted from the problem line", url: bowman(), steps: button('panel.problem.fix.insertLink') },
  { id: 'link-expiring-invoice', title: 'Link · Invoice without its own page: "(valid 1 hour)"', url: ticket('kestrel'), steps: then(tab('invoices'), buttonLike('panel.invoices.open')) },
  { id: 'link-expiring-inserted', title: 'Link · Hosted payment page inserted: until when', url: ticket('kestrel'), steps: then(tab('invoices'), buttonLike('panel.invoices.open'), button('actions.invoiceActions.insertExpiring')) },
  { id: 'link-card-fix', title: 'Link · Card update link from the problem line: until when', url: ticket('tanaka'), steps: then(tab('subscriptions'), buttonLike('panel.subscriptions.open'), tab('overview'), button('panel.problem.fix.cardLink')) },
  { id: 'link-card-detail', title: 'Link · Card update link in the subscription, copied (clipboard refused: shown to copy)', url: { location: 'contact', contact: DESK_CONTACT.bowman }, steps: then(tab('subscriptions'), buttonLike('panel.subscriptions.open'), button('actions.cardLink.copy')) },
  { id: 'error-rate-limited', title: 'Error · Rate limited (429)', url: bowman({ billing: 'rate-limited' }) },
  { id: 'error-server', title: 'Error · Billing server error', url: bowman({ billing: 'server-error' }) },
  { id: 'error-forbidden', title: 'Error · Forbidden (403)', url: bowman({ billing: 'forbidden' }) },
  { id: 'error-host-reject', title: 'Error · Desk request rejected', url: bowman({ hostReject: '1' }) },
  { id: 'error-not-authorised', title: 'Error · Connection not authorised', url: bowman({ notAuthorised: '1' }) },
  { id: 'panel-not-connected', title: 'Panel · Nothing set up yet', url: bowman({ connected: '0' }) },
  { id: 'panel-not-connected-agent', title: 'Panel · Nothing set up (agent)', url: bowman({ connected: '0', admin: '0' }) },
  {
    id: 'panel-disabled',
    title: 'Panel · Integration disabled',
    url: bowman(),
    before: async (page) =>
      page.evaluate(() => {
        const sim = window.__deskSimulator.sim;
        const record = sim.storage.get('zbd_settings');
        sim.storage.set('zbd_settings', { ...record, value: { ...record.value, enabled: false } });
      }),
  },
  // The portal's Billing budget (SPEC E1): stored state seeded by the simulator (seedBudget.ts).
  { id: 'budget-shared-snapshot', title: 'Budget · Shared snapshot another agent saved 4 min ago', url: bowman({ shared: '4' }) },
  { id: 'budget-near-cap', title: 'Budget · Near the daily cap (snapshot 12 min old)', url: bowman({ shared: '12', meter: 'near' }) },
  { id: 'budget-over-cap', title: 'Budget · Past the daily cap (snapshot 12 min old)', url: bowman({ shared: '12', meter: 'over' }) },
  { id: 'budget-over-cap-nothing-shared', title: 'Budget · Past the daily cap, nothing shared', url: bowman({ meter: 'over' }) },
  { id: 'contact-overview', title: 'Contact · Overview', url: { location: 'contact', contact: DESK_CONTACT.bowman } },
  { id: 'contact-japanese', title: 'Contact · Japanese customer', url: { location: 'contact', contact: DESK_CONTACT.yamada }, steps: tab('invoices') },
  { id: 'account-overview', title: 'Account · Overview', url: { location: 'account', account: DESK_ACCOUNT.umbrella } },
  { id: 'account-no-customer', title: 'Account · No customer', url: { location: 'account', account: DESK_ACCOUNT.none } },
  { id: 'ticketform-empty', title: 'Add-ticket form · nothing entered', url: { location: 'ticketForm' } },
  { id: 'ticketform-contact', title: 'Add-ticket form · contact chosen', url: { location: 'ticketForm', formContact: DESK_CONTACT.bowman } },
  { id: 'settings-connected', title: 'Settings · Connected', url: settings() },
  { id: 'settings-not-authorised', title: 'Settings · Connect (not authorised)', url: settings({ notAuthorised: '1', connected: '0' }) },
  { id: 'settings-choose-org', title: 'Settings · Choose organization', url: settings({ connected: '0' }) },
  { id: 'settings-one-org', title: 'Settings · One organization (auto-linked)', url: settings({ connected: '0', orgs: 'one' }) },
  { id: 'settings-no-org', title: 'Settings · No organization', url: settings({ connected: '0', orgs: 'none' }) },
  { id: 'settings-meter-week', title: 'Settings · Meter: a week of calls, cap set', url: settings({ meter: 'week' }) },
  { id: 'settings-meter-near', title: 'Settings · Meter: today near the cap', url: settings({ meter: 'near' }) },
  { id: 'settings-meter-over', title: 'Settings · Meter: today past the cap', url: settings({ meter: 'over' }) },
  { id: 'settings-read-only', title: 'Settings · Not an admin (read-only)', url: settings({ admin: '0' }) },
  { id: 'settings-more-menu', title: 'Settings · More actions menu', url: settings(), steps: button('settings.more.button') },
  // Acting from the ticket (issue 20): each action's form, Desk's confirmation popup and the result.
  ...actingScenes(),
  {
    id: 'settings-disable-confirm',
    title: 'Settings · Disable confirmation (Desk popup)',
    url: settings(),
    capture: 'dialog',
    steps: async (s) => s.click('switch', t(s.locale, 'settings.enable.label')),
  },
  {
    id: 'settings-remove-confirm',
    title: 'Settings · Remove confirmation (Desk popup)',
    url: settings(),
    capture: 'dialog',
    steps: then(button('settings.more.button'), async (s) => s.click('menuitem', t(s.locale, 'settings.more.remove'))),
  },
];

// ---- options -------------------------------------------------------------------------------------------
function parseArgs(argv) {
  const options = { only: [], locales: ['en', 'ja'], widths: [320, 360], themes: ['light', 'dark'], jobs: 2 };
  for (let i = 0; i < argv.length; i += 1) {
    const list = () => String(argv[++i] ?? '').split(',').filter(Boolean);
    const arg = argv[i];
    if (arg === '--only') options.only = list();
    else if (arg === '--locales') options.locales = list().filter((l) => l in DICTS);
    else if (arg === '--widths') options.widths = list().map(Number).filter((w) => w >= 320 && w <= 400);
    else if (arg === '--themes') options.themes = list().filter((x) => x === 'light' || x === 'dark');
    else if (arg === '--jobs') options.jobs = Math.max(1, Number(argv[++i]) || 1);
    else throw new Error(`unknown option ${arg} (see the top of scripts/shots.mjs)`);
  }
  return options;
}

// ---- driving one page ------------------------------------------------------------------------------------
async function currentFrame(page) {
  const key = await page.evaluate(() => window.__deskSimulator?.state().frameKey ?? 0);
  const handle = await page.waitForSelector(`${FRAME}[src$="frame=${key}"]`, { state: 'attached', timeout: 20_000 });
  const frame = await handle.contentFrame();
  await frame.waitForLoadState('load');
  return { frame, handle };
}

/** Waits until the panel shows no loading placeholder and Billing has had no new call for a moment. */
async function settle(page, frame, budgetMs = 8_000) {
  const deadline = Date.now() + budgetMs;
  let calls = -1;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    const [count, busy] = await Promise.all([
      page.evaluate(() => window.__deskSimulator.state().billingCalls.length),
      frame
        .evaluate(() => Boolean(document.querySelector('.skeleton, .spinner, [aria-busy="true"]')) || !document.getElementById('root')?.childElementCount)
        .catch(() => true),
    ]);
    if (count !== calls || busy) {
      calls = count;
      quietSince = Date.now();
    } else if (Date.now() - quietSince > 150) return true;
    await new Promise((r) => setTimeout(r, 40));
  }
  return false;
}

function sceneUrl(base, scene, locale) {
  const params = new URLSearchParams({ ...scene.url, locale });
  return `${base.replace(/\/$/, '')}/?${params}`;
}

async function shootScene(page, base, scene, locale, options, record) {
  const url = sceneUrl(base, scene, locale);
  const problems = [];
  const t0 = Date.now();
  const timing = {};
  const onError = (e) => problems.push(String(e.message ?? e));
  page.on('pageerror', onError);
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => Boolean(window.__deskSimulator), undefined, { timeout: 20_000 });
    if (scene.before) {
      await scene.before(page);
      await page.evaluate(() => window.__deskSimulator.reload());
    }
    const { frame } = await currentFrame(page);
    const loaded = await settle(page, frame);
    timing.loaded = Date.now() - t0;
    if (scene.steps) {
      const s = {
        locale,
        frame,
        page,
        click: async (role, name) => {
          await frame.getByRole(role, { name, exact: typeof name === 'string' }).first().click({ timeout: 10_000 });
          if (!(await settle(page, frame))) problems.push(`still loading 8 s after clicking ${name}`);
        },
        settle: async () => {
          if (!(await settle(page, frame))) problems.push('still loading 8 s after answering the popup');
        },
      };
      await scene.steps(s);
    }
    if (!loaded && !scene.steps) problems.push('still loading after 8 s');
    timing.steps = Date.now() - t0;
    for (const width of options.widths) {
      for (const theme of options.themes) {
        const file = `${scene.id}.${locale}.${theme}.${width}.png`;
        if (scene.capture === 'dialog') {
          await page.evaluate((patch) => window.__deskSimulator.configure(patch), { panelWidth: width, appearance: theme });
          const dialog = page.locator('dialog[open]');
          await dialog.waitFor({ timeout: 10_000 });
          await dialog.screenshot({ path: join(OUT, file), animations: 'disabled' });
        } else {
          // One round trip: size the frame to its content at this width (text wraps differently at
          // 320 and 360 px). Settings sit in a wide column in Desk; here they get the panel width too.
          await page.evaluate(async ({ selector, width, theme }) => {
            await window.__deskSimulator.configure({ panelWidth: width, appearance: theme });
            const iframe = document.querySelector(selector);
            const panel = iframe.closest('.sim-panel');
            const frames = () => new Promise((r) => iframe.contentWindow.requestAnimationFrame(() => iframe.contentWindow.requestAnimationFrame(r)));
            panel.style.width = `${width}px`;
            panel.style.flex = 'none';
            iframe.style.flex = 'none';
            await frames();
            const fit = () => {
              const height = Math.ceil(iframe.contentDocument.documentElement.scrollHeight);
              iframe.style.height = `${Math.min(Math.max(height, 480), 4000)}px`;
            };
            iframe.style.height = '480px';
            await frames();
            fit();
            await frames();
          }, { selector: FRAME, width, theme });
          await page.locator(FRAME).screenshot({ path: join(OUT, file), animations: 'disabled' });
        }
        record({ scene: scene.id, title: scene.title, locale, theme, width, file, url: url.slice(url.indexOf('/?')), problems: [...problems] });
      }
    }
  } catch (error) {
    problems.push(String(error.message ?? error).split('\n')[0]);
    record({ scene: scene.id, title: scene.title, locale, theme: '-', width: 0, file: null, url: url.slice(url.indexOf('/?')), problems });
  } finally {
    timing.all = Date.now() - t0;
    if (process.env.SHOTS_TIMING) console.log(scene.id, locale, JSON.stringify(timing));
    page.off('pageerror', onError);
  }
}

// ---- contact sheet ---------------------------------------------------------------------------------------
function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function contactSheet(results, scenes, seconds) {
  const sections = scenes
    .map((scene) => {
      const shots = results.filter((r) => r.scene === scene.id);
      if (shots.length === 0) return '';
      const figures = shots
        .map((r) => {
          const caption = `${r.locale} · ${r.theme} · ${r.width}px`;
          const trouble = r.problems.length ? `<p class="trouble">${r.problems.map(escapeHtml).join('<br>')}</p>` : '';
          const img = r.file ? `<a href="${escapeHtml(r.file)}"><img src="${escapeHtml(r.file)}" alt="${escapeHtml(`${scene.title}, ${caption}`)}" loading="lazy" width="${r.width}"></a>` : '';
          return `<figure class="${r.theme}">${img}<figcaption>${escapeHtml(caption)}</figcaption>${trouble}</figure>`;
        })
        .join('\n');
      const url = shots[0]?.url ?? '';
      return `<section id="${escapeHtml(scene.id)}"><h2>${escapeHtml(scene.title)} <a class="anchor" href="#${escapeHtml(scene.id)}">#</a></h2>
<p class="url">npm start, then open <code>http://127.0.0.1:5173${escapeHtml(url)}</code></p>
<div class="row">${figures}</div></section>`;
    })
    .join('\n');
  const toc = scenes.filter((s) => results.some((r) => r.scene === s.id)).map((s) => `<a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a>`).join(' · ');
  const troubled = results.filter((r) => r.problems.length).length;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Zoho Billing for Desk · screens</title>
<style>
body{font:13px/1.4 system-ui,sans-serif;margin:16px;background:#eef0f3;color:#1d2330}
nav{margin-bottom:16px;line-height:1.8}
section{margin:0 0 28px}
h2{font-size:15px;margin:0 0 2px}
.url{margin:0 0 8px;color:#5b6577}
.row{display:flex;gap:12px;align-items:flex-start;overflow-x:auto;padding-bottom:8px}
figure{margin:0;flex:none}
figure img{display:block;border:1px solid #c5ccd6;background:#fff;height:auto}
figure.dark img{border-color:#3a4252}
figcaption{color:#5b6577;margin-top:4px}
.trouble{color:#c62828;max-width:320px;margin:4px 0 0}
.anchor{color:#9aa3b2;text-decoration:none}
</style></head><body>
<h1>Every screen: ${results.filter((r) => r.file).length} shots, ${scenes.length} scenes, ${seconds.toFixed(0)} s${troubled ? `, <span class="trouble">${troubled} with problems</span>` : ''}</h1>
<p>Made by <code>npm run shots</code> (scripts/shots.mjs) in Chromium through the Desk simulator. Each image is the whole
panel at that width (the frame grows to its content). Click an image for full size.</p>
<nav>${toc}</nav>
${sections}
</body></html>
`;
}

// ---- main --------------------------------------------------------------------------------------------------
async function main() {
  const options = parseArgs(process.argv.slice(2));
  const scenes = options.only.length ? SCENES.filter((s) => options.only.some((w) => s.id.includes(w))) : SCENES;
  if (scenes.length === 0) throw new Error(`no scene matches ${options.only.join(',')}; scenes: ${SCENES.map((s) => s.id).join(' ')}`);
  const noFont = options.locales.includes('ja') ? missingCjkFont() : null;
  if (noFont) {
    console.error(noFont);
    process.exit(1);
  }
  const started = Date.now();
  await ensureBuilt({ targets: ['app', 'simulator'], quiet: true });
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const server = await startSimulatorServer({ port: 0, cwd: projectRoot });
  const browser = await launchChromium('zbd-shots-');
  const results = [];
  try {
    const jobs = [];
    for (const scene of scenes) for (const locale of options.locales) jobs.push({ scene, locale });
    const pages = await Promise.all(
      Array.from({ length: Math.min(options.jobs, jobs.length) }, async (_, i) => {
        const page = i === 0 ? (browser.context.pages()[0] ?? (await browser.context.newPage())) : await browser.context.newPage();
        page.setDefaultTimeout(15_000);
        return page;
      }),
    );
    let next = 0;
    let done = 0;
    await Promise.all(
      pages.map(async (page) => {
        while (next < jobs.length) {
          const { scene, locale } = jobs[next++];
          const t0 = Date.now();
          await shootScene(page, server.url, scene, locale, options, (r) => results.push(r));
          done += 1;
          const line = `${done}/${jobs.length} ${scene.id} ${locale} ${((Date.now() - t0) / 1000).toFixed(1)} s`;
          process.stdout.write(process.stdout.isTTY ? `\r${line}`.padEnd(70) : `${line}\n`);
        }
      }),
    );
  } finally {
    await browser.close();
    await server.close();
  }
  const seconds = (Date.now() - started) / 1000;
  results.sort((a, b) => a.file?.localeCompare(b.file ?? '') ?? 0);
  const order = (r) => [options.locales.indexOf(r.locale), options.themes.indexOf(r.theme), options.widths.indexOf(r.width)];
  results.sort((a, b) => {
    const x = order(a);
    const y = order(b);
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  });
  writeFileSync(join(OUT, 'index.html'), contactSheet(results, scenes, seconds));
  const troubled = results.filter((r) => r.problems.length);
  process.stdout.write(`\n${results.filter((r) => r.file).length} shots in ${seconds.toFixed(1)} s → shots/index.html\n`);
  for (const r of troubled) process.stdout.write(`  ! ${r.scene} ${r.locale} ${r.theme} ${r.width}: ${r.problems.join('; ')}\n`);
  if (troubled.some((r) => !r.file)) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
