/**
 * The search page in Chromium: shareable ?q= links, the keyboard path from the
 * header box to a record, screen-reader announcements, ambiguity, the empty state,
 * filters, and what a reader without JavaScript is told.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, formatAxe, horizontalOverflow } from '../../scripts/quality/browser.ts';
import { baseUrl, launchBrowser, recordForeignRequests } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const settled = (page: Page) =>
  page.waitForFunction(() => ['done', 'empty', 'error'].includes(document.getElementById('search-form')?.dataset.state ?? ''), null, {
    timeout: 20_000,
  });
const resultPaths = (page: Page) =>
  page.$$eval('#search-results a.search-result__title', (as) =>
    as.map((a) => new URL((a as HTMLAnchorElement).href).pathname + new URL((a as HTMLAnchorElement).href).hash),
  );
const activeElement = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName ?? '', id: el?.id ?? '', name: el?.getAttribute('name') ?? '', href: el?.getAttribute('href') ?? '' };
  });

describe('search page', () => {
  it('opens a shared ?q= link with its filters, and shows the record first', async () => {
    const page = await browser.newPage();
    const foreign = recordForeignRequests(page, baseUrl());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${baseUrl()}/search/?q=${encodeURIComponent('十九中')}&kind=school`);
    await settled(page);
    expect(await page.inputValue('#search-q')).toBe('十九中');
    expect(await page.inputValue('select[name="kind"]')).toBe('school');
    const paths = await resultPaths(page);
    expect(paths[0]).toBe('/schools/zhengzhou-no19-junior/');
    expect(paths.every((p) => p.startsWith('/schools/'))).toBe(true);
    await expect(page.locator('#search-status').textContent()).resolves.toMatch(/找到 \d+\+? 条/);
    // Each result says what it is and where, without a click.
    const first = page.locator('#search-results li').first();
    await expect(first.textContent()).resolves.toContain('郑州市第十九初级中学教育集团');
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the address in step with the query, and Back restores the previous search', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl()}/search/?q=${encodeURIComponent('经八路')}`);
    await settled(page);
    await page.fill('#search-q', '灵宝四小');
    await page.press('#search-q', 'Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '灵宝四小');
    await page.waitForFunction(() => document.querySelector('#search-results a')?.getAttribute('href')?.includes('lingbao-no4-primary'));
    // Focus moves to the results heading, so a screen reader reads what came back.
    expect((await activeElement(page)).id).toBe('search-results-heading');
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('#search-results a')?.getAttribute('href')?.includes('jingbalu'));
    expect(await page.inputValue('#search-q')).toBe('经八路');
    await page.close();
  });

  it('can be used with the keyboard alone: header box → results → record', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl()}/`);
    // Tab to the header search box.
    let found = false;
    for (let i = 0; i < 40 && !found; i++) {
      await page.keyboard.press('Tab');
      found = (await activeElement(page)).name === 'q';
    }
    expect(found, 'the header search box is reachable with Tab').toBe(true);
    await page.keyboard.type('jblxx');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=jblxx/);
    await settled(page);
    // Skip link → main → the search box → ArrowDown to the first result → Enter.
    await page.keyboard.press('Tab');
    expect((await activeElement(page)).href).toBe('#main');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect((await activeElement(page)).id).toBe('search-q');
    await page.keyboard.press('ArrowDown');
    const focused = await activeElement(page);
    expect(focused.tag).toBe('A');
    expect(focused.href).toContain('/schools/jinan-jingbalu-primary/');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/schools\/jinan-jingbalu-primary\/$/);
    await page.close();
  });

  it('moves between results with the arrow keys and back to the box with Escape', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl()}/search/?q=${encodeURIComponent('郑州')}`);
    await settled(page);
    await page.focus('#search-q');
    await page.keyboard.press('ArrowDown');
    const a = (await activeElement(page)).href;
    await page.keyboard.press('ArrowDown');
    const b = (await activeElement(page)).href;
    expect(a).not.toBe(b);
    await page.keyboard.press('ArrowUp');
    expect((await activeElement(page)).href).toBe(a);
    await page.keyboard.press('Escape');
    expect((await activeElement(page)).id).toBe('search-q');
    await page.close();
  });

  it('lists both schools when a name fits two, and says so', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl()}/search/?q=${encodeURIComponent('育秀')}`);
    await settled(page);
    const paths = (await resultPaths(page)).slice(0, 2).sort();
    expect(paths).toEqual(['/schools/jinan-yuxiu-middle/', '/schools/jinan-yuxiu-primary/']);
    await expect(page.locator('#search-ambiguous').isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('answers a half-remembered name with close matches, says so, and never puts one above an exact match', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl()}/search/?q=${encodeURIComponent('胜利小学')}`);
    await settled(page);
    expect((await resultPaths(page))[0]).toBe('/schools/jinan-shenglidajie-primary/');
    await expect(page.locator('#search-close').textContent()).resolves.toContain('没有完全相同的名称，以下是相近的结果');
    await expect(page.locator('.search-result').first().textContent()).resolves.toContain('相近');
    // One exact result, then close ones, marked.
    await page.goto(`${baseUrl()}/search/?q=${encodeURIComponent('经八路小学在哪个集团')}`);
    await settled(page);
    expect((await resultPaths(page))[0]).toBe('/schools/jinan-jingbalu-primary/');
    await expect(page.locator('#search-status').textContent()).resolves.toContain('略去了“在哪个集团”');
    const marks = await page.locator('.search-result').evaluateAll((lis) => lis.map((li) => li.classList.contains('search-result--close')));
    expect(marks[0]).toBe(false);
    expect(marks.indexOf(true)).toBeGreaterThan(0);
    expect(marks.slice(marks.indexOf(true)).every(Boolean)).toBe(true);
    await page.close();
  });

  it('helps when nothing is found', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl()}/search/?q=${encodeURIComponent('火星第一小学')}&region=tianjin`);
    await settled(page);
    expect(await page.evaluate(() => document.getElementById('search-form')!.dataset.state)).toBe('empty');
    await expect(page.locator('#search-empty').isVisible()).resolves.toBe(true);
    await expect(page.locator('#search-status').textContent()).resolves.toContain('没有找到');
    await expect(page.locator('#search-empty a[href="/regions/"]').count()).resolves.toBe(1);
    await expect(page.locator('#search-clear-filters').isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('does not drop a word that matches nothing', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl()}/search/?q=${encodeURIComponent('经八路 火星')}`);
    await settled(page);
    expect(await resultPaths(page)).not.toContain('/schools/jinan-jingbalu-primary/');
    await page.close();
  });

  it('narrows by region, stage and group type', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl()}/search/?q=${encodeURIComponent('郑州')}&kind=region`);
    await settled(page);
    const regions = await resultPaths(page);
    expect(regions[0]).toBe('/regions/henan-zhengzhou/');
    expect(regions.every((p) => p.startsWith('/regions/'))).toBe(true);

    await page.goto(`${baseUrl()}/search/?q=${encodeURIComponent('育秀')}&stage=primary`);
    await settled(page);
    expect(await resultPaths(page)).toEqual(['/schools/jinan-yuxiu-primary/']);

    await page.goto(`${baseUrl()}/search/?q=${encodeURIComponent('灵宝')}&type=alliance`);
    await settled(page);
    const alliances = await resultPaths(page);
    expect(alliances.length).toBeGreaterThan(0);
    expect(alliances.every((p) => p.startsWith('/groups/lingbao-'))).toBe(true);

    // Changing a filter re-runs the search and updates the address.
    await page.selectOption('select[name="type"]', '');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('type'));
    await settled(page);
    expect((await resultPaths(page))[0]).toBe('/regions/henan-sanmenxia-lingbao/');
    await page.close();
  });

  it('meets WCAG 2.1 AA with results, when empty, and fits a phone', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 780 } });
    for (const q of ['郑州', '火星第一小学']) {
      await page.goto(`${baseUrl()}/search/?q=${encodeURIComponent(q)}`);
      await settled(page);
      const violations = await axe(page);
      expect(violations, formatAxe(violations)).toEqual([]);
      expect((await horizontalOverflow(page)).px).toBeLessThanOrEqual(0);
    }
    await page.close();
  });

  it('tells a reader without JavaScript where to find schools', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/search/?q=${encodeURIComponent('十九中')}`);
    const text = await page.locator('main').textContent();
    expect(text).toContain('JavaScript');
    await expect(page.locator('main noscript, main .search-noscript').count()).resolves.toBeGreaterThan(0);
    expect(await page.locator('main a[href="/regions/"]').count()).toBeGreaterThan(0);
    // The header box of any other page submits here.
    await page.goto(`${baseUrl()}/`);
    await page.fill('input[name="q"]', '十九中');
    await page.press('input[name="q"]', 'Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await context.close();
  });
});
