/**
 * Debian's Chromium through playwright-core, for tests and benchmarks. Found via
 * CHROMIUM_PATH, then /usr/bin/chromium; without one, a message says how to install it.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Headless, and no background connections: this machine has no network. */
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
