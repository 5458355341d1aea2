// The built extension in real Chromium inside the Desk simulator, with a fixed simulated proxy
// latency on every Billing answer. Everything is measured from the sandbox's own call log (start
// from the sandbox's record, end stamped when the answer is recorded) and from the panel frame's DOM
// text, observed by a MutationObserver installed before the panel's first script runs.
import { launchChromium } from '../chromium.mjs';
import { criticalPath, duplicatesInFlight, maxConcurrency, peakPerMinute } from './metrics.mjs';

const FRAME_SELECTOR = 'iframe[title="Zoho Billing extension"]';

// Fixtures of the sandbox world (src/sandbox/desk/deskData.ts DESK_FIXTURES, src/sandbox/billing/fixtures.ts).
export const FIX = {
  coldTicket: '1892000000093011', // Bowman: one customer by email
  coldContact: '1892000000070001',
  bowmanCustomer: '2468013000000051001',
  otherTicket: '1892000000093019', // 山田 (JPY)
  manySubsTicket: '1892000000093025', // Initech: 40 subscriptions
  bigInvoicesTicket: '1892000000093021', // Globex: 5,000 invoices
  umbrellaAccount: '1892000000080001', // 3 contacts; name + one contact's email → 2 customers
  umbrellaCustomer: '2468013000000051010',
  yamadaAccount: '1892000000080003', // 2 contacts, one customer
  yamadaCustomer: '2468013000000051002',
  primaryOrg: '60012345678',
};

/** Runs in every frame before its scripts: the panel frame reports DOM changes to the shell's probe. */
const FRAME_PROBE = `(() => {
  if (!/\\/app\\/panel\\.html$/.test(location.pathname) || window.parent === window) return;
  const check = () => { try { window.parent.__benchProbe && window.parent.__benchProbe.check(document, Date.now()); } catch {} };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
})();`;

export async function startBrowser({ url }) {
  const browser = await launchChromium('zbd-bench-chromium-');
  const { context } = browser;
  await context.addInitScript(FRAME_PROBE);
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(20_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const assetRequests = [];
  page.on('request', (r) => {
    if (/\/app\/assets\//.test(r.url())) assetRequests.push({ url: r.url(), at: Date.now() });
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => Boolean(window.__deskSimulator), undefined, { timeout: 30_000 });
  const cdp = await context.newCDPSession(page);
  return {
    page,
    cdp,
    errors,
    assetRequests,
    close: () => browser.close(),
  };
}

/** Installs the call-end stamp and the probe object in the shell (idempotent). */
async function prepareShell(page) {
  await page.evaluate(() => {
    const sb = window.__deskSimulator.sandbox;
    if (!sb.calls.__benchStamped) {
      // The sandbox records a call when it answers, with `at` = when it arrived: stamp the end too.
      const push = Array.prototype.push;
      sb.calls.push = function (...items) {
        for (const item of items) item.end = Date.now();
        return push.apply(this, items);
      };
      Object.defineProperty(sb.calls, '__benchStamped', { value: true });
    }
  });
}

/** What the Overview must show for `customerId` (from the sandbox's own data), and labels (en). */
async function expectFor(page, customerId) {
  return page.evaluate((id) => {
    const c = window.__deskSimulator.sandbox.dataset.customers.find((x) => x.customer_id === id);
    if (!c) throw new Error(`no customer ${id}`);
    return { name: c.display_name, billingStreet: c.billing_address?.street ?? '', shippingStreet: c.shipping_address?.street ?? '' };
  }, customerId);
}

/** Arms the probe: marks the first instant the panel shows name+balances, and the full Overview. */
async function armProbe(page, expect, labels, { newDocument = true } = {}) {
  await page.evaluate(
    ({ expect: ex, labels: lb, newDocument: fresh }) => {
      const armedAt = Date.now();
      const valueAfter = (doc, label) => {
        for (const el of doc.querySelectorAll('dt, th, .label, span, div')) {
          if (el.children.length === 0 && el.textContent.trim() === label) {
            const next = el.nextElementSibling;
            return next ? next.textContent : '';
          }
        }
        return null;
      };
      const probe = {
        marks: {},
        done: false,
        check(doc, now) {
          if (probe.done || !doc.body) return;
          // The widget being replaced may still be on screen showing the same customer: ignore it.
          if (fresh && doc.defaultView && doc.defaultView.performance.timeOrigin < armedAt) return;
          const text = doc.body.textContent || '';
          const marks = probe.marks;
          if (!marks.picker && text.includes(lb.pickerTitle)) marks.picker = now;
          const headings = [...doc.querySelectorAll('h1, h2, h3, [role=heading]')].map((h) => h.textContent || '');
          const named = headings.some((h) => h.includes(ex.name));
          if (!named) return;
          const credits = valueAfter(doc, lb.unused);
          const outstanding = valueAfter(doc, lb.outstanding);
          const balances = /\d/.test(credits ?? '') && /\d/.test(outstanding ?? '');
          if (balances && !marks.nameAndBalances) marks.nameAndBalances = now;
          const billing = valueAfter(doc, lb.billingAddress);
          const shipping = valueAfter(doc, lb.shippingAddress);
          const has = (v, street) => v !== null && (street ? v.includes(street) : v.includes(lb.noAddress) || v.trim() !== '');
          if (balances && has(billing, ex.billingStreet) && has(shipping, ex.shippingStreet) && !marks.overview) {
            marks.overview = now;
            probe.done = true;
          }
        },
      };
      window.__benchProbe = probe;
    },
    { expect, labels, newDocument },
  );
}

async function marks(page) {
  return page.evaluate(() => ({ ...(window.__benchProbe?.marks ?? {}) }));
}

async function calls(page) {
  return page.evaluate(() =>
    window.__deskSimulator.sandbox.calls.map((c) => ({ method: c.method, path: c.path, url: c.url, status: c.status, at: c.at, end: c.end ?? c.at })),
  );
}

async function clearCalls(page) {
  await page.evaluate(() => {
    window.__deskSimulator.sandbox.calls.length = 0;
  });
}

async function now(page) {
  return page.evaluate(() => Date.now());
}

/** Waits until the Billing call log has been quiet for `quietMs` (background refreshes included). */
async function settle(page, quietMs) {
  let last = -1;
  let since = Date.now();
  for (;;) {
    const n = await page.evaluate(() => window.__deskSimulator.sandbox.calls.length);
    if (n !== last) {
      last = n;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function waitMark(page, name, timeoutMs = 20_000) {
  const handle = await page
    .waitForFunction((m) => window.__benchProbe?.marks?.[m] ?? false, name, { timeout: timeoutMs, polling: 50 })
    .catch(() => null);
  return handle ? handle.jsonValue() : null;
}

async function panelFrame(page) {
  const handle = await page.waitForSelector(FRAME_SELECTOR, { state: 'attached', timeout: 30_000 });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the extension iframe has no frame');
  await frame.waitForLoadState('load');
  return frame;
}

/** Fresh simulator state at a location, optionally with saved customer links; then the frame (re)loads. */
async function open(page, config, { links = [], keepStorage = false } = {}) {
  return page.evaluate(
    async ({ config: patch, links: saved, keepStorage: keep, org }) => {
      const sim = window.__deskSimulator;
      if (!keep) {
        sim.resetConfig();
        sim.clearStorage();
      }
      await sim.configure(patch, { reload: false });
      if (!keep) sim.connectSample();
      for (const link of saved) {
        const key = `link:${link.entity === 'contact' ? 'c' : 'a'}:${link.deskId}`;
        sim.sim.storage.set(key, {
          key,
          queriableValue: 'link',
          value: {
            deskEntity: link.entity,
            deskId: link.deskId,
            customerId: link.customerId,
            organizationId: org,
            method: 'email',
            linkedAt: '2026-11-27T00:00:00.000Z',
            linkedBy: null,
          },
        });
      }
      sim.sandbox.calls.length = 0;
      const t0 = Date.now();
      await sim.reload();
      return t0;
    },
    { config, links, keepStorage, org: FIX.primaryOrg },
  );
}

/** Summary of one panel load: calls, round trips and times, all relative to t0. */
function loadResult(t0, m, log, { quietCalls } = {}) {
  const upTo = (t) => (t ? log.filter((c) => c.end <= t) : []);
  const waiting = m.overview ? log.filter((c) => c.at <= m.overview) : log;
  return {
    msNameAndBalances: m.nameAndBalances ? m.nameAndBalances - t0 : null,
    msOverview: m.overview ? m.overview - t0 : null,
    msPicker: m.picker ? m.picker - t0 : null,
    // Widget start-up before Billing is asked anything (frame load, SDK, settings, Desk reads).
    msToFirstCall: log.length ? Math.min(...log.map((c) => c.at)) - t0 : null,
    roundTripsNameAndBalances: m.nameAndBalances ? criticalPath(upTo(m.nameAndBalances)) : null,
    roundTripsOverview: m.overview ? criticalPath(upTo(m.overview)) : null,
    callsBeforeOverview: waiting.length,
    callsTotal: log.length,
    callsAfterOverview: m.overview ? log.length - waiting.length : 0,
    duplicateInFlight: duplicatesInFlight(log),
    paths: log.map((c) => `${c.method} ${c.path.replace(/^.*\/billing\/v1/, '')}${new URL(c.url).search}`),
    quietCalls,
  };
}

async function measureOpen(page, latencyMs, labels, customerId, config, options = {}) {
  await armProbe(page, await expectFor(page, customerId), labels);
  const t0 = await open(page, { ...config, faults: { latencyMs } }, options);
  await waitMark(page, 'overview', 20_000 + latencyMs * 10);
  await settle(page, latencyMs + 800);
  return { t0, result: loadResult(t0, await marks(page), await calls(page)) };
}

/** Clicks a tab and waits until its panel shows rows (or an empty state); returns ms and the calls it made. */
async function openTab(page, frame, name, labels) {
  const before = (await calls(page)).length;
  const t0 = await now(page);
  await frame.getByRole('tab', { name }).click();
  const shown = await frame
    .waitForFunction(
      (empty) => {
        const panel = document.querySelector('[role=tabpanel]');
        if (!panel) return false;
        if (panel.querySelector('li')) return Date.now();
        const text = panel.textContent || '';
        return empty.some((e) => text.includes(e)) ? Date.now() : false;
      },
      labels.empty,
      { timeout: 30_000, polling: 'raf' },
    )
    .then((h) => h.jsonValue())
    .catch(() => null);
  return { t0, shownAt: shown, ms: shown ? shown - t0 : null, callsBefore: before };
}

export async function runBrowserScenarios(session, { latencyMs, labels, log = () => {} }) {
  const { page, cdp } = session;
  await prepareShell(page);
  const results = {};
  // One failing scenario (a changed label, a crash) is reported and the others still run.
  const guard = async (names, fn) => {
    try {
      await fn();
    } catch (error) {
      for (const name of names) results[name] ??= { error: String(error?.message ?? error).split('\n')[0] };
      log(`FAILED ${names.join(', ')}: ${String(error?.message ?? error).split('\n')[0]}`);
    }
  };

  // 1. Cold ticket: connected, no saved link, the contact's email matches one customer.
  log('cold ticket');
  await guard(['cold'], async () => {
    const { result } = await measureOpen(page, latencyMs, labels, FIX.bowmanCustomer, { location: 'ticket', ticketId: FIX.coldTicket });
    const frame = await panelFrame(page);
    const tabs = {};
    for (const tab of [labels.tabs.subscriptions, labels.tabs.invoices, labels.tabs.activity]) {
      tabs[tab] = await openTab(page, frame, tab, labels);
      await settle(page, latencyMs + 500);
    }
    const all = await calls(page);
    results.cold = {
      ...result,
      callsAllTabsFirstPage: all.length,
      callsByTab: Object.fromEntries(Object.entries(tabs).map(([k, v], i, arr) => [k, (arr[i + 1]?.[1].callsBefore ?? all.length) - v.callsBefore])),
      msTabs: Object.fromEntries(Object.entries(tabs).map(([k, v]) => [k, v.ms])),
      duplicateInFlight: duplicatesInFlight(all),
      repeatedUrls: all.length - new Set(all.map((c) => c.url)).size,
      allPaths: all.map((c) => `${c.method} ${c.path.replace(/^.*\/billing\/v1/, '')}${new URL(c.url).search}`),
    };
  });

  // 3. Reopen the same ticket within the freshness window: Desk creates the widget again.
  log('reopen within freshness');
  await guard(['reopen'], async () => {
    await armProbe(page, await expectFor(page, FIX.bowmanCustomer), labels);
    const t0 = await page.evaluate(async () => {
      const sim = window.__deskSimulator;
      sim.sandbox.calls.length = 0;
      const t = Date.now();
      await sim.reload();
      return t;
    });
    await waitMark(page, 'overview', 20_000 + latencyMs * 10);
    await settle(page, latencyMs + 800);
    results.reopen = loadResult(t0, await marks(page), await calls(page));
  });

  // 2. Saved link for the contact in Desk storage.
  log('saved link');
  await guard(['savedLink'], async () => {
    results.savedLink = (
      await measureOpen(page, latencyMs, labels, FIX.bowmanCustomer, { location: 'ticket', ticketId: FIX.coldTicket }, {
        links: [{ entity: 'contact', deskId: FIX.coldContact, customerId: FIX.bowmanCustomer }],
      })
    ).result;
  });

  // 4. Switch to another ticket (ticket_Shift, same widget) and back.
  log('switch tickets');
  await guard(['switchAway', 'switchBack'], async () => {
    await measureOpen(page, latencyMs, labels, FIX.bowmanCustomer, { location: 'ticket', ticketId: FIX.coldTicket });
    const shift = async (ticketId, customerId) => {
      await armProbe(page, await expectFor(page, customerId), labels, { newDocument: false });
      await clearCalls(page);
      const t0 = await page.evaluate(async (id) => {
        const sim = window.__deskSimulator;
        await sim.configure({ ticketId: id }, { reload: false });
        const t = Date.now();
        sim.emit('ticket_Shift', { ticket_shifted: true, ticketId: id });
        return t;
      }, ticketId);
      await waitMark(page, 'overview', 20_000 + latencyMs * 10);
      await settle(page, latencyMs + 800);
      return loadResult(t0, await marks(page), await calls(page));
    };
    const away = await shift(FIX.otherTicket, FIX.yamadaCustomer);
    const back = await shift(FIX.coldTicket, FIX.bowmanCustomer);
    results.switchAway = away;
    results.switchBack = back;
  });

  // 5. Account with several contacts.
  log('accounts');
  await guard(['accountOne', 'accountPicker'], async () => {
    const { result } = await measureOpen(page, latencyMs, labels, FIX.yamadaCustomer, { location: 'account', accountId: FIX.yamadaAccount });
    results.accountOne = result;
    const umbrella = await measureOpen(page, latencyMs, labels, FIX.umbrellaCustomer, { location: 'account', accountId: FIX.umbrellaAccount });
    results.accountPicker = umbrella.result;
  });

  // 6. Activity of a customer with 40 subscriptions.
  log('activity (40 subscriptions)');
  await guard(['activity'], async () => {
    const { result } = await measureOpen(page, latencyMs, labels, '2468013000000051009', { location: 'ticket', ticketId: FIX.manySubsTicket });
    const frame = await panelFrame(page);
    const beforeLog = await calls(page);
    const activityBefore = beforeLog.filter((c) => /activities|transactions/.test(c.path)).length;
    const tab = await openTab(page, frame, labels.tabs.activity, labels);
    await settle(page, latencyMs + 800);
    const after = (await calls(page)).slice(tab.callsBefore);
    results.activity = {
      overview: result,
      callsForActivityBeforeOpened: activityBefore,
      callsWhenOpened: after.length,
      callsBeforeFirstRows: after.filter((c) => c.at <= (tab.shownAt ?? Infinity)).length,
      maxConcurrent: maxConcurrency(after),
      duplicateInFlight: duplicatesInFlight(after),
      roundTrips: tab.shownAt ? criticalPath(after.filter((c) => c.end <= tab.shownAt)) : null,
      msFirstRows: tab.ms,
      rowsInDom: await frame.locator('[role=tabpanel] li').count(),
    };
  });

  // 7. Invoices of a customer with 5,000 invoices: first page, rows in the DOM, heap, scrolling to the end.
  log('invoices (5,000)');
  await guard(['invoices'], async () => {
    await measureOpen(page, latencyMs, labels, '2468013000000051008', { location: 'ticket', ticketId: FIX.bigInvoicesTicket });
    const frame = await panelFrame(page);
    const heapBefore = await heap(cdp);
    const tab = await openTab(page, frame, labels.tabs.invoices, labels);
    const firstRows = await frame.locator('[role=tabpanel] li').count();
    const afterFirst = (await calls(page)).slice(tab.callsBefore);
    const callsFirst = afterFirst.filter((c) => c.at <= (tab.shownAt ?? Infinity)).length;
    // Scroll to the end the way an agent would: scroll down, press "Load more" whenever it shows.
    const scroll = await scrollToEnd(page, frame, labels, latencyMs);
    const rowsEnd = await frame.locator('[role=tabpanel] li').count();
    const heapAfter = await heap(cdp);
    const smooth = await scrollSmoothness(frame);
    const smoothRowsInDom = await frame.locator('[role=tabpanel] li').count();
    const all = (await calls(page)).slice(tab.callsBefore);
    results.invoices = {
      msFirstRows: tab.ms,
      callsFirstRows: callsFirst,
      rowsFirst: firstRows,
      rowsInDomAtEnd: rowsEnd,
      rowsInDomMax: Math.max(scroll.maxInDom, rowsEnd, smoothRowsInDom),
      rowsLoaded: scroll.loaded,
      msToEnd: scroll.msToEnd,
      peakCallsPerMinute: peakPerMinute(all.map((c) => c.at)),
      callsToEnd: all.length,
      loadMoreClicks: scroll.clicks,
      endNotice: scroll.endText,
      heapBeforeMB: heapBefore,
      heapAfterMB: heapAfter,
      heapDeltaMB: heapAfter - heapBefore,
      ...smooth,
      longestAppendMs: scroll.longestAppendMs,
    };
  });

  results.pageErrors = [...session.errors];
  return results;
}

async function heap(cdp) {
  await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return Math.round((usedSize / 1048576) * 10) / 10;
}

/** Rows loaded (a windowed list says how many through aria-setsize) and rows in the DOM. */
async function rowCounts(frame) {
  return frame.evaluate(() => {
    const rows = [...document.querySelectorAll('[role=tabpanel] li')];
    const sizes = rows.map((li) => Number(li.getAttribute('aria-setsize'))).filter((n) => Number.isFinite(n) && n > 0);
    return { loaded: Math.max(rows.length, ...sizes), inDom: rows.length };
  });
}

/** Scrolls the list to the end the way an agent would (scroll down; press "Load more" if it shows). */
async function scrollToEnd(page, frame, labels, latencyMs) {
  let clicks = 0;
  let longestAppendMs = 0;
  let maxInDom = 0;
  const started = Date.now();
  for (let i = 0; i < 400; i += 1) {
    const before = await rowCounts(frame);
    maxInDom = Math.max(maxInDom, before.inDom);
    await frame.evaluate(() => {
      for (const el of [document.scrollingElement, ...document.querySelectorAll('*')]) {
        if (el && el.scrollHeight > el.clientHeight + 1) el.scrollTop = el.scrollHeight;
      }
    });
    const more = frame.getByRole('button', { name: labels.loadMore, exact: false }).first();
    const t = Date.now();
    if (await more.isVisible().catch(() => false)) {
      await more.click().catch(() => undefined);
      clicks += 1;
    }
    const grew = await frame
      .waitForFunction(
        (n) => {
          const rows = [...document.querySelectorAll('[role=tabpanel] li')];
          const sizes = rows.map((li) => Number(li.getAttribute('aria-setsize'))).filter((x) => x > 0);
          return Math.max(rows.length, ...sizes) > n;
        },
        before.loaded,
        { timeout: latencyMs + 3000, polling: 50 },
      )
      .then(() => true)
      .catch(() => false);
    if (!grew) break;
    longestAppendMs = Math.max(longestAppendMs, Date.now() - t - latencyMs);
  }
  const end = await rowCounts(frame);
  maxInDom = Math.max(maxInDom, end.inDom);
  const endText = await frame
    .locator('[role=tabpanel]')
    .innerText()
    .then((t) => t.split('\n').slice(-2).join(' ').slice(0, 120))
    .catch(() => '');
  return { clicks, longestAppendMs, endText, loaded: end.loaded, maxInDom, msToEnd: Date.now() - started };
}

/** Scrolls the loaded list top to bottom in animation-frame steps; reports frame durations. */
async function scrollSmoothness(frame) {
  return frame.evaluate(async () => {
    // The element that scrolls the most: the list's own scroller when it has one, else the page.
    const scroller = [document.scrollingElement, ...document.querySelectorAll('*')]
      .filter((el) => el && el.scrollHeight > el.clientHeight + 1 && (el === document.scrollingElement || /(auto|scroll)/.test(getComputedStyle(el).overflowY)))
      .sort((a, b) => b.scrollHeight - a.scrollHeight)[0] ?? document.scrollingElement;
    scroller.scrollTop = 0;
    const frames = [];
    let last = performance.now();
    const step = Math.max(200, Math.ceil(scroller.scrollHeight / 120));
    while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1) {
      scroller.scrollTop += step;
      await new Promise((r) => requestAnimationFrame(r));
      const t = performance.now();
      frames.push(t - last);
      last = t;
      if (frames.length > 2000) break;
    }
    frames.sort((a, b) => a - b);
    const p = (q) => (frames.length ? Math.round(frames[Math.min(frames.length - 1, Math.floor(q * frames.length))]) : null);
    return { scrollFrames: frames.length, scrollFrameP95Ms: p(0.95), scrollFrameMaxMs: p(1), scrollHeightPx: scroller.scrollHeight };
  });
}
