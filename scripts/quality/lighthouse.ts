/**
 * Lighthouse (npm `lighthouse`) against pages of a locally served site, in the
 * system Chromium started by chrome-launcher: mobile emulation, the four
 * categories, scores 0–100 and the audits that cost points.
 *
 * No throttling: the site is served from localhost, so network throttling
 * would measure nothing of ours, and a simulated 4× CPU slowdown on a shared
 * 2-core CI machine turns its load into noise (the same page scored 85–96).
 * Lighthouse's simulation is kept with latency 0 and CPU 1× rather than
 * "provided" throttling, which forces 5-second quiet windows on every page
 * and would triple the time taken.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface LighthouseResult {
  url: string;
  scores: Record<Category, number>;
  /** Audits with weight in a category that did not score 1. */
  losses: string[];
  runtimeError?: string | undefined;
}

export async function runLighthouse(urls: string[], chromePath: string, chromeFlags: string[]): Promise<LighthouseResult[]> {
  const flags = chromeFlags.map((f) => (f === '--headless' ? '--headless=new' : f));
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: flags, logLevel: 'silent' });
  const results: LighthouseResult[] = [];
  try {
    for (const url of urls) {
      const run = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
        formFactor: 'mobile',
        throttlingMethod: 'simulate',
        throttling: {
          rttMs: 0,
          throughputKbps: 1024 * 1024,
          cpuSlowdownMultiplier: 1,
          requestLatencyMs: 0,
          downloadThroughputKbps: 0,
          uploadThroughputKbps: 0,
        },
        screenEmulation: { mobile: true, width: 412, height: 823, deviceScaleFactor: 1.75, disabled: false },
      });
      if (!run) throw new Error(`Lighthouse 没有返回结果：${url}`);
      const { lhr } = run;
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Record<
        Category,
        number
      >;
      const losses: string[] = [];
      for (const c of CATEGORIES) {
        for (const ref of lhr.categories[c]?.auditRefs ?? []) {
          const a = lhr.audits[ref.id];
          if (ref.weight > 0 && a && a.score !== null && a.score < 1)
            losses.push(`${c}: ${a.id} (${Math.round(a.score * 100)}) ${a.title}${a.displayValue ? ` — ${a.displayValue}` : ''}`);
        }
      }
      results.push({ url, scores, losses, runtimeError: lhr.runtimeError?.message });
    }
  } finally {
    chrome.kill();
  }
  return results;
}
