/**
 * A gate that cannot fail is no gate: the coverage, keyboard and Lighthouse checks,
 * run on a site that lacks what they check (no templates but the home and 404 pages,
 * no search page, no group, no chart), must fail, not skip or check less.
 * This runs them in a nested vitest on such a site, with its summary rows elsewhere.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'quality-guards-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SELECTED = /every template the issue names|header box|search page itself|chart figures|scores at least/;

interface Report {
  testResults: { assertionResults: { title: string; fullName: string; status: string; failureMessages: string[] }[] }[];
}

it('fails the coverage, keyboard and Lighthouse checks on a site without the pages they need', () => {
  const site = join(work, 'site');
  mkdirSync(site);
  const page = (title: string) =>
    `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>${title}</title><main><h1>${title}</h1></main></html>\n`;
  writeFileSync(join(site, 'index.html'), page('首页'));
  writeFileSync(join(site, '404.html'), page('未找到'));
  const report = join(work, 'report.json');
  const env: NodeJS.ProcessEnv = { ...process.env, QUALITY_DIST: site, QUALITY_RESULTS: join(work, 'results'), FORCE_COLOR: '0' };
  delete env.QUALITY_BASE_URL; // the nested run serves its own site
  const run = spawnSync(
    process.execPath,
    [
      resolve('node_modules/vitest/vitest.mjs'),
      'run',
      '--project',
      'quality',
      'tests/quality/browser.test.ts',
      'tests/quality/keyboard.test.ts',
      'tests/quality/lighthouse.test.ts',
      '-t',
      SELECTED.source,
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    { encoding: 'utf8', env, timeout: 240_000 },
  );
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(1);
  const tests = (JSON.parse(readFileSync(report, 'utf8')) as Report).testResults.flatMap((f) => f.assertionResults);
  const selected = tests.filter((t) => SELECTED.test(t.title));
  // 1 coverage check, 3 keyboard walks at 2 widths, 1 Lighthouse run.
  expect(selected.map((t) => `${t.fullName}: ${t.status}`)).toEqual(selected.map((t) => `${t.fullName}: failed`));
  expect(selected).toHaveLength(8);
  const lighthouse = selected.find((t) => t.title.startsWith('scores at least'))!;
  expect(lighthouse.failureMessages.join('\n')).toMatch(/集团页.*搜索页/s);
  const keyboard = selected.filter((t) => /header box|search page itself/.test(t.title)).flatMap((t) => t.failureMessages);
  expect(keyboard.join('\n')).toContain('search/index.html 不存在');
}, 300_000);
