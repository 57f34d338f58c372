/**
 * Every page template (its largest page) in Chromium with JavaScript on and
 * off at 360 px and 1280 px, and a sample of further real pages: axe-core at
 * WCAG 2.1 AA, no request to another origin, no CSP violation, no console
 * error or failed request, no dialog, no sideways scrolling.
 */
import { afterAll, beforeAll, describe, expect, it, type ExpectStatic } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import {
  axe,
  formatAxe,
  horizontalOverflow,
  newContext,
  PARALLEL,
  Probe,
  ProbePool,
  signalProblems,
  type Signals,
} from '../../scripts/quality/browser.ts';
import type { SitePage } from '../../scripts/quality/site.ts';
import { recordRow } from '../../scripts/quality/summary.ts';
import { baseUrl, launchBrowser, missingNote, sitePlan, VIEWPORTS } from './helpers.ts';

const plan = sitePlan();
const stats = {
  loads: 0,
  pages: new Set<string>(),
  axe: 0,
  foreign: 0,
  csp: 0,
  console: 0,
  overflow: 0,
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  const n = stats.pages.size;
  const missing = missingNote(plan.missing);
  recordRow({
    key: '10-axe',
    checker: 'axe-core（WCAG 2.1 AA）',
    pages: n,
    problems: stats.axe,
    note: [`${stats.loads} 次检查：${plan.templates.length} 个模板 × JS 开/关 × 360/1280 px，另抽样 ${plan.samples.length} 页`, missing]
      .filter(Boolean)
      .join('；'),
  });
  recordRow({ key: '31-csp-runtime', checker: 'CSP 违规（浏览器）', pages: n, problems: stats.csp });
  recordRow({ key: '32-privacy', checker: '向其他来源的请求', pages: n, problems: stats.foreign });
  recordRow({ key: '33-console', checker: '控制台错误、失败请求、对话框', pages: n, problems: stats.console });
  recordRow({ key: '40-layout', checker: '横向溢出（360/1280 px）', pages: n, problems: stats.overflow });
});

/** The 404 template is checked where a reader meets it: at an address that does not exist. */
const target = (p: SitePage) =>
  p.template === '404' ? { url: `${baseUrl()}/quality-no-such-page/`, status: 404 } : { url: `${baseUrl()}${p.path}`, status: 200 };

function tally(s: Signals) {
  stats.foreign += s.foreign.length;
  stats.csp += s.cspViolations.length;
  stats.console += s.consoleErrors.length + s.pageErrors.length + s.failed.length + s.dialogs.length;
}

async function checkPage(probe: Probe, p: SitePage, label: string, expect: ExpectStatic) {
  const { url, status } = target(p);
  const { signals, status: got } = await probe.visit(url, status);
  const page = probe.page;
  {
    const violations = await axe(page);
    const overflow = await horizontalOverflow(page);
    stats.loads++;
    stats.pages.add(p.path);
    stats.axe += violations.length;
    stats.overflow += overflow.px > 0 ? 1 : 0;
    tally(signals);
    const problems = [
      ...(got === status ? [] : [`HTTP ${got}，应为 ${status}`]),
      ...violations.map((v) => `axe ${formatAxe([v])}`),
      ...(overflow.px > 0 ? [`页面可横向滚动 ${overflow.px}px：${overflow.culprits.join('、')}`] : []),
      ...signalProblems(signals),
    ];
    expect(problems, `${label} ${url}`).toEqual([]);
  }
}

for (const javaScript of [true, false]) {
  for (const viewport of VIEWPORTS) {
    describe(`JavaScript ${javaScript ? 'on' : 'off'}, ${viewport.width}px`, () => {
      let context: BrowserContext;
      let pool: ProbePool;
      beforeAll(async () => {
        context = await newContext(browser, { ...viewport, javaScript });
        pool = await ProbePool.open(context, baseUrl(), PARALLEL);
      });
      afterAll(async () => {
        await context?.close();
      });
      for (const p of plan.templates) {
        it.concurrent(`template ${p.template} (${p.path})`, async ({ expect }) => {
          await pool.use((probe) => checkPage(probe, p, `模板 ${p.template}，JS ${javaScript ? '开' : '关'}，${viewport.width}px`, expect));
        });
      }
      // The sample of further pages: with JavaScript on, at both widths.
      if (javaScript) {
        for (const p of plan.samples) {
          it.concurrent(`sample ${p.path}`, async ({ expect }) => {
            await pool.use((probe) => checkPage(probe, p, `样本 ${p.path}，${viewport.width}px`, expect));
          });
        }
      }
    });
  }
}

describe('coverage', () => {
  it('builds every template the issue names', () => {
    expect(plan.missing, missingNote(plan.missing)).toEqual([]);
  });
  it('has at least one page per template checked', () => {
    expect(plan.templates.length).toBeGreaterThan(0);
  });
});
