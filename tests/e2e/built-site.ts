/**
 * A test file's own site: the portal fixture plus overlays, built to a temporary folder,
 * served on a free port and read in Chromium; removed after the file's tests. `base` and
 * `browser` are set in beforeAll, so read them inside tests.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { serveDir } from '../../scripts/serve.ts';
import { assembleDataset } from '../fixture-data.ts';
import { launchBrowser } from './browser.ts';

export interface BuiltSite {
  /** The assembled project (data/ and content/). */
  root: string;
  /** The built site. */
  out: string;
  base: string;
  browser: Browser;
}

export function builtFixtureSite(prefix: string, overlays: string[]): BuiltSite {
  const root = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const site = { root, out: join(root, 'dist'), base: '' } as BuiltSite;
  let close: () => void = () => {};
  beforeAll(async () => {
    assembleDataset(root, overlays);
    const build = spawnSync(process.execPath, ['scripts/build.ts', '--out', site.out], {
      env: { ...process.env, DATA_ROOT: root },
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`构建失败：\n${build.stderr}`);
    const served = await serveDir(site.out, 0);
    site.base = served.url;
    close = () => served.server.close();
    site.browser = await launchBrowser();
  });
  afterAll(async () => {
    await (site.browser as Browser | undefined)?.close();
    close();
    rmSync(root, { recursive: true, force: true });
  });
  return site;
}
