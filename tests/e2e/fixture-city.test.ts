/**
 * Adding a city needs only data: copy the portal fixture, append the rows in
 * tests/fixtures/new-city/ (no code change), build, and find the new pages.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serveDir } from '../../scripts/serve.ts';
import { assembleDataset } from '../fixture-data.ts';
import { launchBrowser } from './browser.ts';

const FIXTURE = 'tests/fixtures/new-city';
const root = mkdtempSync(join(tmpdir(), 'fixture-city-'));
const out = join(root, 'dist');

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a new city added only as data', () => {
  it('builds with pages for its region, group, schools and policy', () => {
    assembleDataset(root, [FIXTURE]);

    const build = spawnSync(process.execPath, ['scripts/build.ts', '--out', out], {
      env: { ...process.env, DATA_ROOT: root },
      encoding: 'utf8',
    });
    expect(build.stderr).not.toMatch(/错误/);
    expect(build.status).toBe(0);

    for (const page of [
      'regions/fixture-city',
      'regions/fixture-city-east',
      'groups/fixture-east-no1-group',
      'schools/fixture-east-no2-primary',
      'policies/fixture-city-plan',
    ])
      expect(existsSync(join(out, page, 'index.html')), page).toBe(true);
    const group = readFileSync(join(out, 'groups/fixture-east-no1-group/index.html'), 'utf8');
    expect(group).toContain('测试市东区第一小学');
    expect(group).toContain('测试市东区第二小学');
    const region = readFileSync(join(out, 'regions/fixture-city/index.html'), 'utf8');
    expect(region).toContain('61.5%');
    // The project's own data is still all there.
    expect(existsSync(join(out, 'index.html'))).toBe(true);
  });

  it('shows a school that left as a former member, in the browser', async () => {
    const { server, url } = await serveDir(out, 0);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`${url}/groups/fixture-east-no1-group/`);
      const former = page.locator('[data-former]');
      await expect(former.count()).resolves.toBe(1);
      await expect(former.textContent()).resolves.toMatch(/测试市东区第三小学[\s\S]*已退出[\s\S]*2025年8月 退出/);
      // Current members do not include it.
      await expect(page.locator('section[aria-labelledby="members"] tbody').textContent()).resolves.not.toContain('第三小学');
      await page.goto(`${url}/schools/fixture-east-no3-primary/`);
      await expect(page.locator('#groups ~ * .badge--former, section[aria-labelledby="groups"] .badge--former').count()).resolves.toBe(1);
    } finally {
      await browser.close();
      server.close();
    }
  });

  it('fails the build with the validator message when a new row is wrong', () => {
    const target = join(root, 'data', 'memberships.csv');
    appendFileSync(target, 'fixture-east-no1-group,fixture-east-no4-primary,member,,2025-02,,fixture-city-news,,,\n');
    const build = spawnSync(process.execPath, ['scripts/build.ts', '--out', join(root, 'dist-bad')], {
      env: { ...process.env, DATA_ROOT: root },
      encoding: 'utf8',
    });
    expect(build.status).not.toBe(0);
    expect(build.stderr).toMatch(/data\/memberships\.csv:\d+:2: 错误：列 school 引用的学校 "fixture-east-no4-primary" 不存在/);
    expect(existsSync(join(root, 'dist-bad'))).toBe(false);
  });
});
