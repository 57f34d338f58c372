/** Browser-test helpers: Chromium (see scripts/chromium.ts), the served site's address, request logging. */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchBrowser } from '../../scripts/chromium.ts';

export { CHROMIUM_ARGS, chromiumPath, launchBrowser } from '../../scripts/chromium.ts';

/** Where the browser tests save their screenshots. */
export const SCREENSHOTS = 'test-results/screenshots';

/**
 * One Chromium for a test file: launched before its tests (the screenshot folder made
 * beside it) and closed after them. Call at the top of the file; the result gives the browser.
 */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}

export function baseUrl(): string {
  return process.env.E2E_BASE_URL ?? inject('baseUrl');
}

/** Records every request a page makes, to prove it asks no other origin. */
export function recordForeignRequests(page: Page, base: string): string[] {
  const origin = new URL(base).origin;
  const foreign: string[] = [];
  page.on('request', (req) => {
    const u = new URL(req.url());
    if (u.protocol === 'data:' || u.protocol === 'blob:') return;
    if (u.origin !== origin) foreign.push(req.url());
  });
  return foreign;
}
