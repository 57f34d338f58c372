/**
 * Hostile data: every text field of every CSV of tests/fixtures/mini filled
 * with markup, a javascript: URL or an over-long string (payloads in
 * tests/fixtures/xss/payloads.json). The validator must reject what it should
 * with a located message; what it accepts must build into pages where nothing
 * executes, no markup is injected, the HTML stays valid, the CSP holds and
 * nothing scrolls sideways at 360 px.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { serveDir } from '../../scripts/serve.ts';
import { horizontalOverflow, injectedMarkup, newContext, PARALLEL, ProbePool, signalProblems } from '../../scripts/quality/browser.ts';
import { checkCsp } from '../../scripts/quality/csp.ts';
import { buildHostileFixture, loadVariants, type HostileFixture } from '../../scripts/quality/hostile-fixture.ts';
import { checkLinks, formatLinkProblems } from '../../scripts/quality/links.ts';
import { sitePages } from '../../scripts/quality/site.ts';
import { recordRow } from '../../scripts/quality/summary.ts';
import { formatVnuProblems, runVnu } from '../../scripts/quality/vnu.ts';
import { BASE_PATH, SITE_URL } from '../../src/site/config.ts';
import { launchBrowser } from './helpers.ts';

const root = mkdtempSync(join(tmpdir(), 'quality-xss-'));
const variants = loadVariants();
const fixtures = new Map<string, HostileFixture>();
const stats = { pages: 0, problems: 0, accepted: 0, rejected: 0 };
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  rmSync(root, { recursive: true, force: true });
  recordRow({
    key: '50-xss',
    checker: '恶意数据（XSS、超长文本）',
    pages: stats.pages,
    problems: stats.problems,
    note: `${variants.length} 种载荷；校验器拒绝 ${stats.rejected} 格，接受（或截短后接受）${stats.accepted} 格`,
  });
});

const LOCATED = /^data\/[a-z-]+\.csv:\d+:\d+: 错误：.+/;

describe.each(variants)('payload "$name"', (variant) => {
  const dataRoot = join(root, variant.name);
  const out = join(dataRoot, 'dist');

  it('is rejected by the validator where it must be, with a located message', () => {
    const f = buildHostileFixture(variant, dataRoot);
    fixtures.set(variant.name, f);
    stats.rejected += f.rejected.length;
    stats.accepted += f.accepted.length;
    const problems: string[] = [];
    for (const r of [...f.rejected, ...f.shortened])
      if (!LOCATED.test(r.message)) problems.push(`校验信息没有定位到文件、行、列：${r.message}`);
    // Every CSV keeps at least one hostile text value: the test reaches every file.
    const files = new Set(f.accepted.map((c) => c.file));
    for (const file of new Set([...f.rejected, ...f.accepted].map((c) => c.file)))
      if (!files.has(file)) problems.push(`${file} 没有任何文本列接受了载荷，测不到`);
    if (variant.name === 'url') {
      const url = f.rejected.find((r) => r.file === 'data/sources.csv' && r.column === 'url');
      if (!url) problems.push('校验器接受了 sources.csv 的 javascript: 网址');
      else expect(url.message).toMatch(/http:\/\/ 或 https:\/\//);
    }
    if (variant.name === 'long') {
      // No text field is unbounded: every accepted value was cut to a stated maximum.
      for (const c of f.accepted)
        if (c.value.length >= 5000) problems.push(`${c.file}:${c.line} 列 ${c.column} 接受了 ${c.value.length} 个字符，没有长度上限`);
      for (const s of f.shortened) expect(s.message).toMatch(/长度超过 \d+ 个字符/);
    }
    stats.problems += problems.length;
    expect(problems).toEqual([]);
  });

  it('builds what the validator accepts', () => {
    expect(fixtures.has(variant.name), 'fixture generated').toBe(true);
    const build = spawnSync(process.execPath, ['scripts/build.ts', '--out', out], {
      env: { ...process.env, DATA_ROOT: dataRoot },
      encoding: 'utf8',
    });
    if (build.status !== 0) stats.problems++;
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
  }, 300_000);

  it('gives sound links and an intact CSP', () => {
    const links = checkLinks(out, { siteUrl: SITE_URL, basePath: BASE_PATH });
    const csp = checkCsp(out);
    stats.problems += links.problems.length + csp.problems.length;
    expect(links.problems.length, formatLinkProblems(links.problems)).toBe(0);
    expect(csp.problems.map((p) => `${p.page}: ${p.problem}`).slice(0, 30)).toEqual([]);
  });

  it('runs nothing, injects nothing and fits 360 px on every page', async () => {
    const pages = sitePages(out);
    const served: { server: Server; url: string } = await serveDir(out, 0);
    const context = await newContext(browser, { width: 360, height: 780, javaScript: true });
    const pool = await ProbePool.open(context, served.url, PARALLEL);
    const problems: string[] = [];
    try {
      const urls = pages.map((p) => `${served.url}${p.path}`);
      if (existsSync(join(out, 'search/index.html')))
        urls.push(`${served.url}/search/?q=${encodeURIComponent('alert')}`, `${served.url}/search/?q=${encodeURIComponent('<script>')}`);
      const found = await pool.map(urls, async (probe, url) => {
        const { signals } = await probe.visit(url);
        const injected = await injectedMarkup(probe.page);
        const overflow = await horizontalOverflow(probe.page);
        const here = [
          ...signalProblems(signals),
          ...injected.map((m) => `注入的标记：${m}`),
          ...(overflow.px > 0 ? [`横向溢出 ${overflow.px}px：${overflow.culprits.join('、')}`] : []),
        ];
        return here.map((m) => `${url.slice(served.url.length)}: ${m}`);
      });
      problems.push(...found.flat());
      stats.pages += urls.length;
    } finally {
      await context.close();
      await new Promise<void>((done) => served.server.close(() => done()));
    }
    stats.problems += problems.length;
    expect(problems).toEqual([]);
  }, 300_000);
});

describe('every hostile build', () => {
  // One Nu HTML Checker run over all of them: starting Java costs more than checking.
  it('passes the Nu HTML Checker', () => {
    const built = variants.filter((v) => existsSync(join(root, v.name, 'dist', 'index.html')));
    expect(built.length, 'every payload built').toBe(variants.length);
    const vnu = runVnu(root);
    stats.problems += vnu.problems.length;
    expect(vnu.problems.length, formatVnuProblems(vnu.problems)).toBe(0);
  }, 120_000);
});
