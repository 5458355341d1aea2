// Debian's Chromium, driven by playwright-core (never a downloaded browser), for the e2e tests and the
// bench: one launch recipe, so both measure and test the same browser set-up.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Without the background-networking flags Chromium keeps dialling Google on this closed network.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * A fresh persistent context in a temporary profile, with every request outside the local simulator
 * aborted (a real Zoho request would be a bug). `close()` also removes the profile.
 */
export async function launchChromium(profilePrefix) {
  const userDataDir = mkdtempSync(join(tmpdir(), profilePrefix));
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
      locale: 'en-US',
      timezoneId: 'UTC',
      timeout: 60_000,
    });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw new Error(
      `Could not launch Chromium at ${CHROMIUM_PATH} (install Debian's package: apt-get install -y chromium).\n${String(error)}`,
    );
  }
  await context.route(/^(?!http:\/\/127\.0\.0\.1:\d+\/)/, (route) => route.abort('blockedbyclient'));
  return {
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
