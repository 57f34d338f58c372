/**
 * Real additions go in as data alone, and valid data never turns the suite red. The
 * portal fixture plus two overlays an editor could have written (invented, clearly
 * fixtures): tests/fixtures/editor-first-province/ (a province with nothing listed that
 * sorts first, very long official campus names, a one-school-four-campuses group) and
 * tests/fixtures/editor-forms/ (an undated figure, a region designation, records with
 * two sources, a campus group). It is validated and built, the unit tests that read a
 * dataset and the browser site walk run over it unchanged, and the pages say what the
 * editor meant.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/problem.ts';
import { readProjectFiles } from '../../src/lib/validate/read-project.ts';
import { validateProject } from '../../src/lib/validate/validate.ts';
import { builtFixtureSite } from './built-site.ts';

const OVERLAYS = ['tests/fixtures/editor-first-province', 'tests/fixtures/editor-forms'];
const site = builtFixtureSite('editor-additions', OVERLAYS);
const { root, out } = site;
const vitest = join('node_modules', 'vitest', 'vitest.mjs');

const text = (page: Page, selector: string) => page.locator(selector).first().innerText();
const page = async (path: string) => {
  const p = await site.browser.newPage();
  const res = await p.goto(`${site.base}${path}`);
  expect(res?.status(), path).toBe(200);
  return p;
};
/** The search page's result paths for a query, once it has settled. */
async function search(query: string): Promise<{ paths: string[]; cards: string[] }> {
  const p = await page(`/search/?q=${encodeURIComponent(query)}`);
  await p.waitForFunction(() => ['done', 'empty', 'error'].includes(document.getElementById('search-form')?.dataset.state ?? ''), null, {
    timeout: 20_000,
  });
  const paths = await p.$$eval('#search-results a.search-result__title', (as) =>
    as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
  );
  const cards = await p.$$eval('#search-results li', (lis) => lis.map((li) => (li as HTMLElement).innerText));
  await p.close();
  return { paths, cards };
}

describe('an editor’s additions, as data only', () => {
  it('are valid', () => {
    expect(validateProject(readProjectFiles(root)).problems.map(formatProblem)).toEqual([]);
  });

  it('keep the unit tests that read a dataset green', () => {
    const run = spawnSync(
      process.execPath,
      [
        vitest,
        'run',
        '--project',
        'unit',
        'tests/unit/search-records.test.ts',
        'tests/unit/search-shards.test.ts',
        'tests/unit/datapackage.test.ts',
      ],
      { env: { ...process.env, FIXTURE_DATA_ROOT: root }, encoding: 'utf8' },
    );
    expect(run.status, run.stdout.slice(-3000)).toBe(0);
  }, 600_000);

  it('keep the browser site walk green', () => {
    const run = spawnSync(process.execPath, [vitest, 'run', '--project', 'e2e', 'tests/e2e/site-walk.test.ts'], {
      env: { ...process.env, E2E_DIST: out, E2E_SKIP_BUILD: '1' },
      encoding: 'utf8',
    });
    expect(run.status, run.stdout.slice(-3000)).toBe(0);
  }, 600_000);
});

describe('a new province with nothing listed, long names and a campus group', () => {
  it('sorts the empty province first and says what its source reports', async () => {
    const home = await page('/');
    await expect(text(home, '.region-tree a')).resolves.toBe('阿测试省');
    await home.close();
    const region = await page('/regions/fixture-first-province/');
    await expect(text(region, '.lede')).resolves.toContain('来源报告 19 个教育集团，本站已收录 0 个');
    await region.close();
    const { paths, cards } = await search('阿测试省');
    expect(paths[0]).toBe('/regions/fixture-first-province/');
    expect(cards[0]).toContain('来源报告 19 个，本站已收录 0 个');
  });

  it('counts one school and four campuses apart', async () => {
    const group = await page('/groups/fixture-hitech-junior-group/');
    await expect(text(group, '.facts')).resolves.toContain('已列出 1 所学校，4 个校区');
    await group.close();
    const region = await page('/regions/fixture-new-hitech/');
    await expect(text(region, '.lede')).resolves.toContain('1 所学校，4 个校区');
    await region.close();
  });

  it('finds a campus by its long official name', async () => {
    const { paths } = await search('新测试市高新技术产业开发区实验初级中学科技城青山路校区');
    expect(paths[0]).toBe('/schools/fixture-hitech-junior-qingshan/');
  });

  it('reads naturally for a group whose type the source does not give', async () => {
    const group = await page('/groups/fixture-new-no1-high-group/');
    const lede = await text(group, '.lede');
    expect(lede).toMatch(/^新测试市的教育集团/);
    expect(lede).not.toContain('未说明');
    await group.close();
  });
});

describe('an undated figure, a region designation, two sources, a campus group', () => {
  it('shows an undated figure as 日期不详, off the time axis and out of 数据截至', async () => {
    const city = await page('/regions/fixture-new-city/');
    await expect(text(city, 'section[aria-labelledby="statistics"]')).resolves.toMatch(/55%\s+实际值\s+日期不详/);
    await expect(city.locator('figure').first().innerText()).resolves.toContain('数据截至：2024年底');
    await city.close();
    const html = readFileSync(join(out, 'statistics/index.html'), 'utf8');
    expect(html).not.toMatch(/数据截至[^<]*日期不详/);
  });

  it('shows a district its own designation and the policy that names it, apart from inherited ones', async () => {
    const hitech = await page('/regions/fixture-new-hitech/');
    await expect(text(hitech, 'section[aria-labelledby="designations"]')).resolves.toContain('新测试省集团化办学改革先行区');
    await expect(hitech.locator('#policies-own + ul').innerText()).resolves.toContain('改革先行区的通知');
    expect(await hitech.locator('#policies-inherited').count()).toBe(0);
    await hitech.close();
    const oldtown = await page('/regions/fixture-new-oldtown/');
    expect(await oldtown.locator('section[aria-labelledby="designations"]').count()).toBe(0);
    await expect(oldtown.locator('#policies-inherited + ul').innerText()).resolves.toContain('改革先行区的通知');
    await expect(oldtown.locator('#policies-own + p').innerText()).resolves.toBe('暂无收录。');
    await oldtown.close();
    const { paths } = await search('先行区');
    expect(paths).toContain('/regions/fixture-new-hitech/');
    expect(paths).not.toContain('/regions/fixture-new-oldtown/');
  });

  it('keeps and shows both sources of a record', async () => {
    for (const path of [
      '/groups/fixture-oldtown-no1-primary-group/',
      '/schools/fixture-oldtown-no1-primary/',
      '/policies/fixture-new-pilot-list/',
    ]) {
      const p = await page(path);
      const sources = await p.locator('a[href*="/sources/#"]').allInnerTexts();
      expect(sources, path).toEqual(
        expect.arrayContaining(['测试：新测试市高新区一校多区办学报道', '测试：新测试省集团化办学改革先行区名单']),
      );
      await p.close();
    }
  });

  it('counts a campus group as one school with its campuses', async () => {
    const group = await page('/groups/fixture-oldtown-no1-primary-group/');
    await expect(text(group, '.facts')).resolves.toContain('已列出 1 所学校，2 个校区');
    await group.close();
  });
});
