/**
 * Every gate can fail: tests/fixtures/quality-plants/site/ holds one clean
 * page, which every checker must pass, and pages that each plant one
 * violation, which the checker for it must catch. build.mjs there is a
 * non-reproducible "build" the reproducibility check must catch.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { serveDir } from '../../scripts/serve.ts';
import { axe, horizontalOverflow, injectedMarkup, newContext, Probe } from '../../scripts/quality/browser.ts';
import { checkCsp } from '../../scripts/quality/csp.ts';
import { runLighthouse } from '../../scripts/quality/lighthouse.ts';
import { checkLinks } from '../../scripts/quality/links.ts';
import { diffTrees, hashTree } from '../../scripts/quality/reproducible.ts';
import { recordRow } from '../../scripts/quality/summary.ts';
import { runVnu } from '../../scripts/quality/vnu.ts';
import { CHROMIUM_ARGS, chromiumPath, launchBrowser } from './helpers.ts';

const PLANTS = 'tests/fixtures/quality-plants';
const SITE = `${PLANTS}/site`;
const caught = new Map<string, boolean>();
const plant = (name: string, ok: boolean) => {
  caught.set(name, ok);
  return ok;
};

let browser: Browser;
let served: { server: Server; url: string };
beforeAll(async () => {
  browser = await launchBrowser();
  served = await serveDir(SITE, 0);
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((done) => served.server.close(() => done()));
  const missed = [...caught].filter(([, ok]) => !ok).map(([n]) => n);
  recordRow({
    key: '90-plants',
    checker: '自检：埋设的问题都被发现',
    pages: caught.size,
    problems: missed.length,
    note: missed.length ? `漏检：${missed.join('、')}` : '“页面”一栏为埋设的问题数',
  });
});

describe('static checkers on planted pages', () => {
  it('Nu HTML Checker passes the clean page and catches the invalid element', () => {
    const r = runVnu(SITE);
    const on = (page: string) => r.problems.filter((p) => p.file === `${page}/index.html` || (page === '.' && p.file === 'index.html'));
    expect(on('.'), 'clean page').toEqual([]);
    expect(
      plant(
        'vnu: <frobnicate>',
        on('invalid-html').some((p) => /frobnicate/.test(p.message)),
      ),
    ).toBe(true);
  }, 120_000);

  it('the link checker passes the clean page and catches a missing page and a missing anchor', () => {
    const r = checkLinks(SITE);
    const on = (file: string) => r.problems.filter((p) => p.page === file);
    expect(on('index.html'), 'clean page').toEqual([]);
    expect(
      plant(
        'links: /nowhere/',
        on('broken-link/index.html').some((p) => p.link === '/nowhere/'),
      ),
    ).toBe(true);
    expect(
      plant(
        'links: #no-such-anchor',
        on('broken-link/index.html').some((p) => p.link === '/#no-such-anchor'),
      ),
    ).toBe(true);
    // Only planted pages are reported (the injected <img src=x> is a broken link too).
    expect(r.problems.filter((p) => !['broken-link/index.html', 'xss/index.html'].includes(p.page))).toEqual([]);
  });

  it('the CSP check passes the clean page and catches an unhashed inline script, a missing CSP and an event handler', () => {
    const r = checkCsp(SITE);
    const on = (file: string) => r.problems.filter((p) => p.page === file).map((p) => p.problem);
    expect(on('index.html'), 'clean page').toEqual([]);
    expect(
      plant(
        'CSP: inline script',
        on('inline-script/index.html').some((p) => /内联脚本的哈希/.test(p)),
      ),
    ).toBe(true);
    expect(
      plant(
        'CSP: no <meta>',
        on('no-csp/index.html').some((p) => /没有 Content-Security-Policy/.test(p)),
      ),
    ).toBe(true);
    expect(plant('CSP: onerror=', on('xss/index.html').length > 0)).toBe(true);
  });

  it('the reproducibility check catches a file stamped with the time', () => {
    const root = mkdtempSync(join(tmpdir(), 'quality-plant-repro-'));
    try {
      for (const n of ['a', 'b']) expect(spawnSync(process.execPath, [`${PLANTS}/build.mjs`, join(root, n)]).status).toBe(0);
      const d = diffTrees(hashTree(join(root, 'a')), hashTree(join(root, 'b')));
      expect(plant('reproducible: build-info.txt', d.changed.length === 1 && d.changed[0] === 'build-info.txt')).toBe(true);
      expect([...d.onlyA, ...d.onlyB]).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('browser checkers on planted pages', () => {
  let context: BrowserContext;
  let probe: Probe;
  beforeAll(async () => {
    context = await newContext(browser, { width: 360, height: 780, javaScript: true });
    probe = await Probe.open(context, served.url);
  });
  afterAll(async () => {
    await context?.close();
  });
  const visit = (path: string) => probe.visit(`${served.url}${path}`);

  it('the clean page passes every browser check', async () => {
    const { signals } = await visit('/');
    expect(await axe(probe.page)).toEqual([]);
    expect((await horizontalOverflow(probe.page)).px).toBeLessThanOrEqual(0);
    expect(await injectedMarkup(probe.page)).toEqual([]);
    expect(signals.foreign).toEqual([]);
    expect(signals.cspViolations).toEqual([]);
    expect(signals.consoleErrors).toEqual([]);
    expect(signals.failed).toEqual([]);
  });

  it('axe-core catches a missing alt and low contrast', async () => {
    await visit('/a11y/');
    const ids = (await axe(probe.page)).map((v) => v.id);
    expect(plant('axe: image-alt', ids.includes('image-alt'))).toBe(true);
    expect(plant('axe: color-contrast', ids.includes('color-contrast'))).toBe(true);
  });

  it('JavaScript off shows <noscript> content, and axe-core checks it', async () => {
    await visit('/a11y-noscript/');
    expect(await axe(probe.page), 'with JavaScript on the page is clean').toEqual([]);
    const off = await newContext(browser, { width: 360, height: 780, javaScript: false });
    try {
      const offProbe = await Probe.open(off, served.url);
      await offProbe.visit(`${served.url}/a11y-noscript/`);
      expect(
        plant(
          'axe (JS off): <noscript> image-alt',
          (await axe(offProbe.page)).some((v) => v.id === 'image-alt'),
        ),
      ).toBe(true);
      // Scripts do not run with JavaScript off.
      await offProbe.visit(`${served.url}/console-error/`);
      expect(offProbe.signals.pageErrors).toEqual([]);
      expect(offProbe.signals.dialogs).toEqual([]);
    } finally {
      await off.close();
    }
  });

  it('catches a request to another origin', async () => {
    const { signals } = await visit('/external/');
    expect(
      plant(
        'privacy: https://tracker.example.com',
        signals.foreign.some((u) => u.startsWith('https://tracker.example.com/')),
      ),
    ).toBe(true);
  });

  it('catches a CSP violation by an inline script', async () => {
    const { signals } = await visit('/inline-script/');
    expect(await probe.page.title()).not.toBe('inline script ran');
    expect(
      plant(
        'CSP (browser): inline script',
        signals.cspViolations.some((v) => /script-src/.test(v)),
      ),
    ).toBe(true);
  });

  it('catches injected markup and the dialog it opens', async () => {
    const { signals } = await visit('/xss/');
    expect(
      plant(
        'XSS: onerror= in the DOM',
        (await injectedMarkup(probe.page)).some((m) => /onerror/.test(m)),
      ),
    ).toBe(true);
    expect(plant('XSS: alert() dialog', signals.dialogs.length > 0)).toBe(true);
  });

  it('catches an uncaught exception and a dialog from a script', async () => {
    const { signals } = await visit('/console-error/');
    expect(
      plant(
        'console: uncaught exception',
        signals.pageErrors.some((m) => /planted/.test(m)),
      ),
    ).toBe(true);
    expect(
      plant(
        'console: alert()',
        signals.dialogs.some((m) => /planted/.test(m)),
      ),
    ).toBe(true);
  });

  it('catches sideways scrolling at 360 px', async () => {
    await visit('/overflow/');
    const o = await horizontalOverflow(probe.page);
    expect(plant('layout: overflow at 360 px', o.px > 0 && o.culprits.some((c) => c.startsWith('p.nowrap')))).toBe(true);
  });

  it('catches a missing page requested by the page itself', async () => {
    const { signals } = await visit('/nowhere/');
    // The server answers 404 for the document, which is not expected here.
    expect(
      plant(
        'browser: failed same-origin request',
        signals.failed.some((f) => f.startsWith('404')),
      ),
    ).toBe(true);
  });
});

describe('Lighthouse on a planted page', () => {
  it('scores a page without title, description, viewport or lang below 95', async () => {
    const [r] = await runLighthouse([`${served.url}/lighthouse-poor/`], chromiumPath(), CHROMIUM_ARGS);
    expect(r).toBeDefined();
    expect(plant('Lighthouse: SEO below 95', r!.scores.seo < 95)).toBe(true);
    expect(plant('Lighthouse: accessibility below 95', r!.scores.accessibility < 95)).toBe(true);
  }, 120_000);
});
