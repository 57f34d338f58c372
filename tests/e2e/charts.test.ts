/**
 * The build-time charts in Chromium: tooltips by mouse and by keyboard, the data
 * table alternative, CSV/SVG/PNG downloads that match what is plotted, the full
 * chart with JavaScript off, no CSP violations, and screenshots at 360 and 1280 px.
 */
import { mkdirSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { stripBom } from '../../src/lib/csv/bom.ts';
import { baseUrl, launchBrowser, recordForeignRequests } from './browser.ts';

/** A chart's CSV download as rows (papaparse, after the BOM). */
const parseCsv = (csv: string) => Papa.parse<string[]>(stripBom(csv), { skipEmptyLines: true }).data;

let browser: Browser;
const shots = 'test-results/screenshots';

/** The region chart to exercise: the coverage chart with the most plotted figures. */
let chart: { id: string; regionPath: string };

async function pickChart(page: Page): Promise<{ id: string; regionPath: string }> {
  await page.goto(`${baseUrl()}/statistics/`);
  const candidates = await page.$$eval('section[aria-labelledby="regions"] h3', (heads) =>
    heads.flatMap((h) => {
      const region = h.querySelector('a')!.getAttribute('href')!.replace(/#.*$/, '');
      const list = h.nextElementSibling;
      return [...(list?.querySelectorAll('a') ?? [])].map((a) => ({
        id: a.getAttribute('href')!.replace(/^.*\/statistics\/([^/]+)\/$/, '$1'),
        regionPath: region,
      }));
    }),
  );
  expect(candidates.length).toBeGreaterThan(0);
  let best = candidates[0]!;
  let most = -1;
  for (const c of candidates.filter((c) => c.id.endsWith('--coverage-rate'))) {
    const rows = parseCsv(await (await fetch(`${baseUrl()}/statistics/${c.id}.csv`)).text()).length - 1;
    if (rows > most) {
      most = rows;
      best = c;
    }
  }
  return best;
}

/** Collects CSP violations and page errors. */
async function watch(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return problems;
}

async function newPage(width: number, js = true): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: js });
  const page = await context.newPage();
  const problems = await watch(page);
  return { context, page, problems };
}

beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(shots, { recursive: true });
  const { context, page } = await newPage(1280);
  chart = await pickChart(page);
  await context.close();
});
afterAll(async () => {
  await browser?.close();
});

const figure = (id: string) => `figure#chart-${id}`;

describe('region charts', () => {
  it('show a tooltip when the mouse points at a figure', async () => {
    const { context, page, problems } = await newPage(1280);
    await page.goto(`${baseUrl()}${chart.regionPath}`);
    const frame = page.locator(`${figure(chart.id)} .chart__frame--wide`);
    await expect(frame.isVisible()).resolves.toBe(true);
    const hit = frame.locator('.chart-hit').first();
    await hit.scrollIntoViewIfNeeded();
    await hit.hover();
    const tip = frame.locator('.chart-tooltip');
    await tip.waitFor({ state: 'visible' });
    const expected = (await hit.getAttribute('data-tip'))!;
    expect(await tip.innerText()).toBe(expected);
    expect(expected).toMatch(/来源：/);
    // The tooltip sits inside the frame, near the point.
    const [tb, fb] = [await tip.boundingBox(), await frame.boundingBox()];
    expect(tb!.x).toBeGreaterThanOrEqual(fb!.x - 1);
    expect(tb!.x + tb!.width).toBeLessThanOrEqual(fb!.x + fb!.width + 1);
    await page.mouse.move(2, 2);
    await tip.waitFor({ state: 'hidden' });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reach every figure by keyboard, with a tooltip on focus', async () => {
    const { context, page, problems } = await newPage(1280);
    await page.goto(`${baseUrl()}${chart.regionPath}`);
    // Tab from the top of the page until a chart figure has focus.
    let focused = '';
    for (let i = 0; i < 400 && !focused.includes('chart-hit'); i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.getAttribute('class') ?? '');
    }
    expect(focused).toContain('chart-hit');
    const label = await page.evaluate(() => document.activeElement!.getAttribute('aria-label'));
    expect(label).toMatch(/，(时间|期限)：/);
    const tip = page.locator('.chart-tooltip:visible');
    await tip.waitFor({ state: 'visible' });
    expect((await tip.innerText()).replace(/\n/g, '，')).toBe(label);
    // Arrow keys move between figures of the same chart; Escape closes the tooltip.
    const count = await page.evaluate(() => document.activeElement!.closest('svg')!.querySelectorAll('.chart-hit').length);
    if (count > 1) {
      await page.keyboard.press('ArrowRight');
      const next = await page.evaluate(() => document.activeElement!.getAttribute('aria-label'));
      expect(next).not.toBe(label);
    }
    await page.keyboard.press('Escape');
    await expect(page.locator('.chart-tooltip:visible').count()).resolves.toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('offer the data table as a text alternative, and a CSV that equals the plotted data', async () => {
    const { context, page, problems } = await newPage(1280);
    await page.goto(`${baseUrl()}${chart.regionPath}`);
    const fig = page.locator(figure(chart.id));
    // The table opens from the keyboard.
    const summary = fig.locator('details[data-chart-table] > summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    const table = fig.locator('details[data-chart-table] table');
    await expect(table.isVisible()).resolves.toBe(true);
    const tableRows = await table.locator('tbody tr').count();

    const plotted = await fig.locator('.chart__frame--wide .chart-hit').evaluateAll((els) =>
      els.map((e) => ({
        row: Number(e.getAttribute('data-row')),
        value: e.getAttribute('data-value'),
        date: e.getAttribute('data-date'),
        kind: e.getAttribute('data-kind'),
      })),
    );
    plotted.sort((a, b) => a.row - b.row);

    const href = (await fig.locator('a[data-chart-csv]').getAttribute('href'))!;
    expect(await fig.locator('a[data-chart-csv]').getAttribute('download')).toBe(`${chart.id}.csv`);
    const res = await fetch(new URL(href, baseUrl()));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(new TextDecoder().decode(bytes));
    const col = (n: string) => header!.indexOf(n);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r, i) => ({ row: i + 1, value: r[col('value')], date: r[col('date')], kind: r[col('kind')] }))).toEqual(plotted);
    expect(tableRows).toBe(rows.length);
    // The table's date column says the same as the CSV's date_label.
    const tableDates = await table.locator('tbody tr td:nth-child(3)').allInnerTexts();
    expect(tableDates).toEqual(rows.map((r) => r[col('date_label')]));
    // Every source in the table links to its entry on /sources/.
    for (const link of await table.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!)))
      expect(link).toMatch(/^\/sources\/#[a-z0-9-]+$/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('download as a valid SVG file and as PNG', async () => {
    const { context, page, problems } = await newPage(1280);
    await page.goto(`${baseUrl()}${chart.regionPath}`);
    const fig = page.locator(figure(chart.id));
    const svgHref = (await fig.locator('a[data-chart-svg]').getAttribute('href'))!;
    const res = await fetch(new URL(svgHref, baseUrl()));
    expect(res.headers.get('content-type')).toMatch(/image\/svg\+xml/);
    const svgText = await res.text();
    const parsed = await page.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        width: doc.documentElement.getAttribute('width'),
        title: doc.querySelector('title')?.textContent,
      };
    }, svgText);
    expect(parsed.error).toBeNull();
    expect(Number(parsed.width)).toBeGreaterThan(300);
    expect(parsed.title).toBe(await fig.locator('.chart__title').innerText());

    const button = fig.locator('button[data-chart-png]');
    await expect(button.isVisible()).resolves.toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe(`${chart.id}.png`);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const png = readFileSync(path);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBeGreaterThan(1000); // drawn at twice the SVG's width
    expect(problems).toEqual([]);
    await context.close();
  });

  it('show the complete chart with JavaScript off', async () => {
    const { context, page } = await newPage(1280, false);
    await page.goto(`${baseUrl()}${chart.regionPath}`);
    const fig = page.locator(figure(chart.id));
    const svg = fig.locator('.chart__frame--wide svg[role="img"]');
    await expect(svg.isVisible()).resolves.toBe(true);
    const box = await svg.boundingBox();
    expect(box!.width).toBeGreaterThan(500);
    expect(box!.height).toBeGreaterThan(250);
    const desc = await svg.locator('desc').textContent();
    expect(desc!.length).toBeGreaterThan(10);
    expect(await svg.locator('text').count()).toBeGreaterThan(5);
    // Figures are still focusable and named without the script; the script-only PNG button stays hidden.
    expect(await fig.locator('.chart__frame--wide .chart-hit[tabindex="0"][aria-label]').count()).toBeGreaterThan(0);
    await expect(fig.locator('button[data-chart-png]').isVisible()).resolves.toBe(false);
    await expect(fig.locator('a[data-chart-csv]').isVisible()).resolves.toBe(true);
    await expect(fig.locator('.chart__summary').innerText()).resolves.toBe(desc);
    // The enhancement script is an external file (CSP without 'unsafe-inline'), and no markup carries a style attribute.
    const html = await (await fetch(`${baseUrl()}${chart.regionPath}`)).text();
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(inline.some((s) => s.includes('chart-hit'))).toBe(false);
    expect(html).toMatch(/<script type="module" src="[^"]+\.js"/);
    const figureHtml = await fig.evaluate((f) => f.outerHTML);
    expect(figureHtml).not.toMatch(/\sstyle=/);
    await context.close();
  });

  it('link to a permalink page for the chart', async () => {
    const { context, page, problems } = await newPage(1280);
    await page.goto(`${baseUrl()}${chart.regionPath}`);
    const href = (await page.locator(`${figure(chart.id)} a[data-chart-permalink]`).getAttribute('href'))!;
    expect(href).toBe(`/statistics/${chart.id}/`);
    const res = await page.goto(`${baseUrl()}${href}`);
    expect(res?.status()).toBe(200);
    await expect(page.locator('h1').innerText()).resolves.toBe(await page.locator(`${figure(chart.id)} .chart__title`).innerText());
    expect(await page.locator(`${figure(chart.id)} .citation`).textContent()).toContain(`/statistics/${chart.id}/`);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the statistics page', () => {
  it('compares regions, shows progress to targets and lists every figure with its source', async () => {
    const { context, page, problems } = await newPage(1280);
    const res = await page.goto(`${baseUrl()}/statistics/`);
    expect(res?.status()).toBe(200);
    expect(await page.locator('section[aria-labelledby="compare"] figure.chart').count()).toBeGreaterThan(0);
    expect(await page.locator('figure#chart-targets').count()).toBe(1);
    const rows = page.locator('table.all-figures tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    const sources = await page
      .locator('table.all-figures tbody td:nth-child(6) a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(sources.length).toBe(await rows.count());
    // Every source anchor exists on /sources/.
    await page.goto(`${baseUrl()}/sources/`);
    for (const href of new Set(sources)) expect(await page.locator(`[id="${href.split('#')[1]}"]`).count(), href).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('layout at phone and desktop widths', () => {
  for (const width of [360, 1280]) {
    it(`fits ${width} px without horizontal scrolling; screenshots`, async () => {
      const { context, page, problems } = await newPage(width);
      const foreign = recordForeignRequests(page, baseUrl());
      await page.goto(`${baseUrl()}${chart.regionPath}`);
      const fig = page.locator(figure(chart.id));
      await fig.scrollIntoViewIfNeeded();
      // One drawing shows: the narrow one on a phone, the wide one on a desktop.
      const visible = await fig
        .locator('svg[role="img"]')
        .evaluateAll((svgs) => svgs.filter((s) => s.getBoundingClientRect().width > 0).map((s) => s.getAttribute('class')));
      expect(visible).toEqual([width < 576 ? 'chart-svg chart-svg--narrow' : 'chart-svg chart-svg--wide']);
      const svgBox = await fig.locator('svg[role="img"]:visible').boundingBox();
      expect(svgBox!.width).toBeLessThanOrEqual(width);
      await fig.screenshot({ path: `${shots}/charts-region-${width}.png` });
      let overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);

      await page.goto(`${baseUrl()}/statistics/`);
      await page.screenshot({ path: `${shots}/charts-statistics-${width}.png`, fullPage: true });
      overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(foreign).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
