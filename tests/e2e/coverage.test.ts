/**
 * /coverage/ and the change feeds in the built site: every province listed, the
 * tile grid drawn with its table and CSV, no horizontal scrolling at 360 and
 * 1280 px (screenshots), the home page announcing the Atom feed, and every
 * entry of every feed followed to a page that exists.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { stripBom } from '../../src/lib/csv/bom.ts';
import { baseUrl, recordForeignRequests, SCREENSHOTS, sharedBrowser } from './browser.ts';
import { readAndFollowFeed } from './feeds.ts';

/** A CSV download as rows (papaparse, after the BOM). */
const parseCsv = (csv: string) => Papa.parse<string[]>(stripBom(csv), { skipEmptyLines: true }).data;

const browser = sharedBrowser();

describe('/coverage/', () => {
  for (const width of [360, 1280]) {
    it(`lists all 34 provinces and draws the country at ${width} px (screenshot)`, async () => {
      const context = await browser().newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      const foreign = recordForeignRequests(page, baseUrl());
      expect((await page.goto(`${baseUrl()}/coverage/`))?.status()).toBe(200);
      await expect(page.locator('h1').textContent()).resolves.toBe('数据完整度');

      // Every provincial-level division has a top-level row; those without data say so.
      const topRows = page.locator('table.coverage-table tbody tr[data-depth="0"]');
      expect(await topRows.count()).toBeGreaterThanOrEqual(34);
      const empty = await page.locator('table.coverage-table tr.is-empty').count();
      expect(await page.locator('table.coverage-table tr.is-empty .badge').allTextContents()).toEqual(Array(empty).fill('暂无数据'));
      await expect(page.locator('a[href*="CONTRIBUTING.md"]').count()).resolves.toBeGreaterThan(0);

      // The whole table downloads as CSV: one row per table row.
      const rows = await page.locator('table.coverage-table tbody tr').count();
      const csv = parseCsv(await (await fetch(`${baseUrl()}/coverage/coverage.csv`)).text());
      expect(csv.length - 1).toBe(rows);

      // Each tile grid: one drawing shows, 34 tiles, a focusable target each, the CSV and table with 34 rows.
      const figures = page.locator('figure[data-chart^="country--"]');
      expect(await figures.count()).toBe(2);
      for (const fig of await figures.all()) {
        const id = await fig.getAttribute('data-chart');
        const visible = fig.locator('svg[role="img"]:visible');
        expect(await visible.count()).toBe(1);
        expect(await visible.locator('rect.tile').count()).toBe(34);
        expect(await fig.locator('.chart-hits:visible .chart-hit').count()).toBe(34);
        const box = await visible.boundingBox();
        expect(box!.width).toBeLessThanOrEqual(width);
        const chartCsv = parseCsv(await (await fetch(`${baseUrl()}/statistics/${id}.csv`)).text());
        expect(chartCsv).toHaveLength(35);
        expect(await fig.locator('details[data-chart-table] tbody tr').count()).toBe(34);
        await expect(fig.locator('[data-chart-citation]').textContent()).resolves.toContain('数据版本');
      }
      // A tile answers the keyboard with its figures.
      const firstHit = figures.first().locator('.chart-hits:visible .chart-hit').first();
      await firstHit.focus();
      await expect(firstHit.getAttribute('aria-label')).resolves.toMatch(/^北京市，/);

      await page.screenshot({ path: `${SCREENSHOTS}/coverage-${width}.png`, fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(foreign).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('is linked from every region page by its own line', async () => {
    const page = await browser().newPage();
    await page.goto(`${baseUrl()}/regions/`);
    const href = await page.locator('main a[href^="/regions/"][href$="/"]').first().getAttribute('href');
    await page.goto(`${baseUrl()}${href}`);
    const line = page.locator('[data-region-coverage]');
    await expect(line.count()).resolves.toBe(1);
    await expect(line.textContent()).resolves.toMatch(/^数据完整度：/);
    await expect(line.locator('a[href="/coverage/"]').count()).resolves.toBe(1);
    await page.close();
  });
});

describe('the change feeds', () => {
  it('are announced by the home page and lead only to pages that exist', async () => {
    const home = await (await fetch(`${baseUrl()}/`)).text();
    const alternates = [...home.matchAll(/<link rel="alternate" type="application\/atom\+xml"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
    expect(alternates[0]).toBe('/changes/feed.xml');
    const site = await readAndFollowFeed(baseUrl(), alternates[0]!);
    expect(site.title).toMatch(/数据更新$/);

    // One feed per province, announced on the home page and linked from /changes/; every entry followed.
    const changes = await (await fetch(`${baseUrl()}/changes/`)).text();
    const provinceFeeds = [...changes.matchAll(/href="(\/changes\/feeds\/[^"]+\.xml)"/g)].map((m) => m[1]!);
    expect(provinceFeeds.length).toBeGreaterThan(0);
    expect(alternates.slice(1)).toEqual(provinceFeeds);
    for (const path of provinceFeeds) await readAndFollowFeed(baseUrl(), path);
  });
});
