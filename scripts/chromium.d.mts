// Types for scripts/chromium.mjs (imported by the e2e harness).
import type { BrowserContext } from 'playwright-core';

export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_ARGS: string[];
export declare function launchChromium(profilePrefix: string): Promise<{ context: BrowserContext; close(): Promise<void> }>;
