/**
 * Keyboard only, at 360 px and 1280 px: from the top of a page to the search
 * box, a query, the results and into a record; and onto a chart's plotted
 * figures, whose tooltips must follow focus, move with the arrow keys, close
 * with Escape and not trap focus. Every element Tab reaches must show focus.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axe, focusState, formatAxe, newContext, Probe, signalProblems, tabTo, type FocusState } from '../../scripts/quality/browser.ts';
import { recordRow } from '../../scripts/quality/summary.ts';
import { baseUrl, distDir, launchBrowser, sitePlan, VIEWPORTS } from './helpers.ts';

const plan = sitePlan();
const dist = distDir();
const hasSearch = existsSync(join(dist, 'search/index.html'));
const SEARCH_INPUT = 'input[type="search"], input[name="q"]';

/** A page with chart figures to focus: the statistics index if it has any, else the first page that does. */
const chartPage = (() => {
  const ordered = [...plan.pages].sort(
    (a, b) => Number(b.template === 'statistics/') - Number(a.template === 'statistics/') || a.path.localeCompare(b.path),
  );
  return ordered.find((p) => readFileSync(join(dist, p.file), 'utf8').includes('chart-hit'));
})();

/** A group to look for: its name and page. */
const wanted = (() => {
  const file = join(dist, 'data/groups.json');
  if (!existsSync(file)) return undefined;
  const groups = JSON.parse(readFileSync(file, 'utf8')) as { id: string; name: string }[];
  return groups[0];
})();

const NO_SEARCH = `${dist}/search/index.html 不存在：站点没有搜索页，键盘走查无从进行`;
const NO_GROUP = `${dist}/data/groups.json 不存在或没有集团：没有可搜索的集团`;
const NO_CHART = `${dist} 中没有一页含图表数据点（.chart-hit）：图表提示框无从走查`;

const stats = { walks: 0, problems: 0, pages: new Set<string>() };
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  recordRow({
    key: '11-keyboard',
    checker: '键盘走查（搜索、图表提示框）',
    pages: stats.pages.size,
    problems: stats.problems,
    note: `${stats.walks} 次走查`,
  });
});

function unindicated(stops: FocusState[]): string[] {
  return stops
    .filter((s) => !s.indicated || !s.inView)
    .map((s) => `${s.element}：${s.indicated ? '' : '看不到焦点'}${s.inView ? '' : '不在视口内'}`);
}

function judge(problems: string[], label: string) {
  stats.walks++;
  stats.problems += problems.length;
  expect(problems, label).toEqual([]);
}

for (const viewport of VIEWPORTS) {
  describe(`keyboard only at ${viewport.width}px`, () => {
    let context: BrowserContext;
    let probe: Probe;
    let page: Page;
    beforeAll(async () => {
      context = await newContext(browser, { ...viewport, javaScript: true });
      probe = await Probe.open(context, baseUrl());
      page = probe.page;
    });
    afterAll(async () => {
      await context?.close();
    });

    // What a walk needs is an expectation, not a reason to skip: a site without it fails here.
    it('searches from the header box, reaches a result and opens it', async () => {
      expect(hasSearch, NO_SEARCH).toBe(true);
      expect(wanted, NO_GROUP).toBeDefined();
      const problems: string[] = [];
      const start = plan.templates.find((t) => t.template === 'about/') ?? plan.templates[0]!;
      await probe.visit(`${baseUrl()}${start.path}`);
      stats.pages.add(start.path);
      const toBox = await tabTo(page, SEARCH_INPUT, 60);
      problems.push(...unindicated(toBox.stops));
      if (!toBox.reached) problems.push(`从 ${start.path} 按 Tab 到不了搜索框`);
      else {
        await page.keyboard.type(wanted!.name);
        await Promise.all([page.waitForURL(/\/search\//, { timeout: 10_000 }).catch(() => undefined), page.keyboard.press('Enter')]);
        if (!/\/search\//.test(page.url())) problems.push(`回车后没有进入搜索页：${page.url()}`);
        stats.pages.add('/search/');
        const result = `main a[href$="/groups/${wanted!.id}/"]`;
        await page
          .waitForSelector(result, { timeout: 10_000 })
          .catch(() => problems.push(`搜索“${wanted!.name}”没有出现指向 /groups/${wanted!.id}/ 的结果`));
        const toResult = await tabTo(page, result, 80);
        problems.push(...unindicated(toResult.stops));
        if (!toResult.reached) problems.push('按 Tab 到不了搜索结果');
        else {
          const violations = await axe(page);
          problems.push(...violations.map((v) => `搜索结果页 axe ${formatAxe([v])}`));
          await Promise.all([
            page.waitForURL(new RegExp(`/groups/${wanted!.id}/`), { timeout: 10_000 }).catch(() => undefined),
            page.keyboard.press('Enter'),
          ]);
          if (!page.url().includes(`/groups/${wanted!.id}/`)) problems.push(`在结果上回车没有打开集团页：${page.url()}`);
        }
      }
      problems.push(...signalProblems(probe.signals));
      judge(problems, `搜索走查 ${viewport.width}px`);
    });

    it('works the search page itself from the keyboard', async () => {
      expect(hasSearch, NO_SEARCH).toBe(true);
      const problems: string[] = [];
      await probe.visit(`${baseUrl()}/search/`);
      const toBox = await tabTo(page, SEARCH_INPUT, 40);
      problems.push(...unindicated(toBox.stops));
      if (!toBox.reached) problems.push('在搜索页按 Tab 到不了搜索框');
      problems.push(...signalProblems(probe.signals));
      judge(problems, `搜索页 ${viewport.width}px`);
    });

    it(`focuses chart figures with Tab and shows their tooltips (${chartPage?.path ?? 'no chart'})`, async () => {
      expect(chartPage, NO_CHART).toBeDefined();
      const problems: string[] = [];
      await probe.visit(`${baseUrl()}${chartPage!.path}`);
      stats.pages.add(chartPage!.path);
      const toHit = await tabTo(page, '.chart-hit', 200);
      problems.push(...unindicated(toHit.stops));
      if (!toHit.reached) problems.push('按 Tab 到不了图表中的数据点');
      else {
        const tip = async () =>
          page.evaluate(() => {
            const hit = document.activeElement as SVGElement;
            const frame = hit.closest('[data-chart-frame]');
            const t = frame?.querySelector<HTMLElement>('[role="tooltip"]');
            const r = t?.getBoundingClientRect();
            return {
              hit: hit.getAttribute('aria-label') ?? '',
              expected: (hit.dataset.tip ?? hit.getAttribute('aria-label') ?? '').replace(/\s+/g, ''),
              text: (t?.textContent ?? '').replace(/\s+/g, ''),
              visible: !!t && !t.hidden && !!r && r.width > 0 && r.height > 0,
              inside: !!r && r.left >= 0 && r.right <= document.documentElement.clientWidth,
              hits: frame?.querySelectorAll('.chart-hit').length ?? 0,
            };
          });
        const first = await tip();
        if (!first.hit) problems.push('数据点没有可读的名称（aria-label）');
        if (!first.visible) problems.push(`聚焦数据点后没有显示提示框：${first.hit}`);
        else if (first.text !== first.expected) problems.push(`提示框文字与数据点不符：${first.text} ≠ ${first.expected}`);
        if (first.visible && !first.inside) problems.push(`提示框超出视口：${first.hit}`);
        if (first.visible) {
          const violations = await axe(page);
          problems.push(...violations.map((v) => `提示框显示时 axe ${formatAxe([v])}`));
        }
        if (first.hits > 1) {
          await page.keyboard.press('ArrowRight');
          const next = await tip();
          if (next.hit === first.hit) problems.push('方向键没有移到下一个数据点');
          if (!next.visible || next.text !== next.expected) problems.push('方向键移动后提示框没有跟上');
          const state = await focusState(page);
          if (!state.indicated) problems.push(`方向键移到的数据点看不到焦点：${state.element}`);
        }
        await page.keyboard.press('Escape');
        const afterEscape = await tip();
        if (afterEscape.visible) problems.push('按 Esc 后提示框没有关闭');
        // No trap: Tab leaves the chart after at most as many stops as it has figures.
        let left = false;
        for (let i = 0; i <= first.hits && !left; i++) {
          await page.keyboard.press('Tab');
          left = !(await page.evaluate(() => document.activeElement?.matches('.chart-hit') ?? false));
        }
        if (!left) problems.push('按 Tab 离不开图表（键盘陷阱）');
      }
      problems.push(...signalProblems(probe.signals));
      judge(problems, `图表提示框 ${viewport.width}px`);
    });
  });
}
