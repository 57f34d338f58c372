/** Browser-test helpers: Chromium (see scripts/chromium.ts), the served site's address, request logging. */
import type { Page } from 'playwright-core';
import { inject } from 'vitest';

export { CHROMIUM_ARGS, chromiumPath, launchBrowser } from '../../scripts/chromium.ts';

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
