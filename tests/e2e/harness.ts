/**
 * Real-browser harness: the built extension inside the Desk simulator, in Debian's Chromium driven by
 * playwright-core (never a downloaded browser). One browser and one page per test file; tests reuse
 * the page and switch Desk locations through `window.__deskSimulator.configure`.
 *
 *   const e2e = useSimulator();                      // in a test file: starts in beforeAll, stops in afterAll
 *   const frame = await openLocation(e2e.page, 'ticket', { locale: 'ja' });
 *   await frame.getByRole('heading', { name: '…' }).waitFor();
 */
import type { BrowserContext, ConsoleMessage, Frame, Page } from 'playwright-core';
import { ensureBuilt, projectRoot } from '../../scripts/builds.mjs';
import { launchChromium } from '../../scripts/chromium.mjs';
import { startSimulatorServer, type SimulatorServer } from '../../scripts/simServer.mjs';
import type { LocationKind } from '../../src/host/types';
import type { SimulatorConfigPatch } from '../../src/sandbox/simulator/config';

/** The iframe the shell loads the extension page into (its accessible name). */
export const EXTENSION_FRAME_TITLE = 'Zoho Billing extension';
const FRAME_SELECTOR = `iframe[title="${EXTENSION_FRAME_TITLE}"]`;

export interface PageProblem {
  kind: 'pageerror' | 'console' | 'requestfailed';
  text: string;
  url: string;
}

export interface E2eSession {
  server: SimulatorServer;
  context: BrowserContext;
  page: Page;
  /** Uncaught errors and console errors from the shell and every frame since the last `clearProblems()`. */
  problems: PageProblem[];
  clearProblems(): void;
  close(): Promise<void>;
}

/** Console errors that say nothing about our code (the browser's own noise). */
function isNoise(message: ConsoleMessage): boolean {
  const text = message.text();
  return /favicon\.ico/.test(message.location().url ?? '') || /Download the React DevTools/.test(text);
}

/**
 * Builds app/ and sim-dist/ if missing or older than the sources, serves them on a free port and
 * launches Chromium with a fresh profile. Throws a clear message when Chromium is not installed.
 */
export async function startSession(): Promise<E2eSession> {
  await ensureBuilt({ targets: ['app', 'simulator'], quiet: true });
  const server = await startSimulatorServer({ port: 0, cwd: projectRoot });
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  try {
    browser = await launchChromium('zbd-chromium-');
  } catch (error) {
    await server.close();
    throw error;
  }
  const { context } = browser;

  const page = context.pages()[0] ?? (await context.newPage());
  // Fail a missing element in seconds, well inside the test timeout, with Playwright's own message.
  page.setDefaultTimeout(15_000);
  const problems: PageProblem[] = [];
  page.on('pageerror', (error) => problems.push({ kind: 'pageerror', text: `${error.name}: ${error.message}`, url: page.url() }));
  page.on('console', (message) => {
    if (message.type() === 'error' && !isNoise(message)) {
      problems.push({ kind: 'console', text: message.text(), url: message.location().url ?? '' });
    }
  });
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'failed';
    // A frame replaced mid-load cancels its requests; that is the simulator working, not a problem.
    if (reason !== 'net::ERR_ABORTED') problems.push({ kind: 'requestfailed', text: `${request.url()} ${reason}`, url: request.url() });
  });

  await page.goto(server.url, { waitUntil: 'load' });
  await page.waitForFunction(() => Boolean(window.__deskSimulator), undefined, { timeout: 30_000 });

  return {
    server,
    context,
    page,
    problems,
    clearProblems: () => {
      problems.length = 0;
    },
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Vitest wiring: one session per test file. Returns a live object whose fields fill in during beforeAll.
 */
export function useSimulator(): E2eSession {
  const holder = {} as E2eSession;
  beforeAll(async () => {
    Object.assign(holder, await startSession());
  }, 180_000);
  afterAll(async () => {
    await holder.close?.();
  });
  return holder;
}

/**
 * Each test answers for its own uncaught errors and console errors: cleared before it, asserted after it
 * (an afterEach failure fails that test), instead of a last test reading what earlier ones collected.
 */
export function failOnProblems(session: E2eSession, counts: (p: PageProblem) => boolean = (p) => p.kind !== 'requestfailed'): void {
  beforeEach(() => session.clearProblems());
  afterEach(() => {
    expect(session.problems.filter(counts)).toEqual([]);
  });
}

/** Bumped by the shell on every (re)load of the extension frame. */
export async function currentFrameKey(page: Page): Promise<number> {
  return page.evaluate(() => window.__deskSimulator?.state().frameKey ?? 0);
}

/**
 * The extension's CURRENT frame (the one the shell rendered last), once its document has loaded.
 * Pass `after` (a key read before an action that reloads the panel) to wait for the new frame.
 */
export async function panelFrame(page: Page, after?: number): Promise<Frame> {
  if (after !== undefined) {
    await page.waitForFunction((previous) => (window.__deskSimulator?.state().frameKey ?? 0) > previous, after);
  }
  const key = await currentFrameKey(page);
  const handle = await page.waitForSelector(`${FRAME_SELECTOR}[src$="frame=${key}"]`, { state: 'attached', timeout: 30_000 });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the extension iframe has no frame');
  await frame.waitForLoadState('load');
  return frame;
}

/**
 * Switches the simulator to a Desk location (plus any context/faults) and waits until the extension
 * page has loaded there. By default everything not given goes back to the simulator's defaults and
 * Desk storage holds a connected integration, so tests do not inherit each other's state.
 *   storage: 'connected' (default) | 'empty' (nothing stored: a fresh install) | 'keep'
 */
export async function openLocation(
  page: Page,
  kind: LocationKind,
  config: SimulatorConfigPatch = {},
  options: { reset?: boolean; storage?: 'connected' | 'empty' | 'keep' } = {},
): Promise<Frame> {
  await page.evaluate(
    async ({ kind: location, config: patch, reset, storage }) => {
      const sim = window.__deskSimulator;
      if (!sim) throw new Error('the simulator shell is not loaded');
      if (reset) sim.resetConfig();
      if (storage !== 'keep') sim.clearStorage();
      await sim.configure({ ...patch, location }, { reload: false });
      // Stored after configure so the record names the configured data center.
      if (storage === 'connected') sim.connectSample();
      await sim.reload();
    },
    { kind, config, reset: options.reset ?? true, storage: options.storage ?? 'connected' },
  );
  return panelFrame(page);
}

/**
 * The number of Billing calls once no new one has arrived for `quietMs`: calls still in flight from a
 * frame that was just replaced must not be counted against the next one.
 */
export async function settledBillingCallCount(page: Page, quietMs = 600, timeoutMs = 20_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let count = await page.evaluate(() => window.__deskSimulator!.state().billingCalls.length);
  let quietSince = Date.now();
  while (Date.now() - quietSince < quietMs) {
    if (Date.now() > deadline) throw new Error('Billing calls did not settle');
    await new Promise((r) => setTimeout(r, 100));
    const next = await page.evaluate(() => window.__deskSimulator!.state().billingCalls.length);
    if (next !== count) {
      count = next;
      quietSince = Date.now();
    }
  }
  return count;
}

/** Text of a frame's body as a person would read it (for failure messages). */
export async function visibleText(frame: Frame): Promise<string> {
  return frame.locator('body').innerText({ timeout: 10_000 });
}
