/**
 * Chromium for browser tests, through playwright-core. Found via CHROMIUM_PATH,
 * then /usr/bin/chromium; without one the run fails and says how to install it.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found)
    throw new Error(
      '找不到 Chromium。请安装：sudo apt-get install chromium fonts-noto-cjk，或设置 CHROMIUM_PATH 指向 Chromium 可执行文件。',
    );
  return found;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
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
