/**
 * Search quality against the built site: every query of tests/search-queries.csv
 * goes through the real search page (/search/?q=…) in Chromium, each in a fresh
 * browser context (cold cache, as a first-time visitor). Reports first-result and
 * top-3 accuracy by kind, bytes downloaded and time to first results per query,
 * and writes the lot to test-results/search-quality.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser } from './browser.ts';

interface Row {
  query: string;
  kind: string;
  expected_url: string;
}
interface Outcome extends Row {
  results: string[];
  /** The first result is a close match (marked 相近), not an exact one or one matched by sound. */
  close: boolean;
  first: boolean;
  top3: boolean;
  bytes: number;
  requests: number;
  /** Navigation start → results on screen. */
  ms: number;
  state: string;
}

const rows = Papa.parse<Row>(readFileSync('tests/search-queries.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
/** Below this share of right first results the run fails (the target is 100 %). */
const MIN_FIRST = 0.95;
/**
 * Kinds of half-remembered queries (issue #15), answered by setting question words
 * aside or by the tolerant pass: each must find its record first every time.
 */
const TOLERANT_KINDS: Record<string, string> = {
  question: '提问（名称外有问句）',
  dropped: '漏字（名称中间少了词）',
  extra: '多字（名称外多了字）',
  slip: '错字（一个字不对）',
};
/**
 * Kinds of queries from a phone keyboard, a dialect or a voice (issue #28): each must
 * find its record first in at least MIN_FIRST of its queries, as every other kind must.
 */
const SPOKEN_KINDS: Record<string, string> = {
  homophone: '同音字（读音对、字不对）',
  fuzzy: '模糊音、拼音打错',
  spoken: '口语问句',
  english: '英文校名',
  symbol: '带符号的术语（1+X、名校+）',
};
/** Queries for schools that are not in the data: each must say nothing was found, or list only close candidates. */
const absentRows = Papa.parse<{ query: string }>(readFileSync('tests/search-absent-queries.csv', 'utf8'), {
  header: true,
  skipEmptyLines: true,
}).data;
/** What a first-time visitor may download for one search, library included. */
const MAX_BYTES = 300_000;
/** One query (fresh context, page load, search): its page load and its search each get this long. */
const QUERY_TIMEOUT = 10_000;
/**
 * The whole run: 209 queries took 252 s (1.2 s each) on the shared 2-core machine under
 * load on 2026-12-07; 3 s a query leaves room for a slower day (about 11 minutes at most),
 * where 15 s a query let a stalled browser hang the suite for 52 minutes.
 */
const RUN_TIMEOUT = 60_000 + rows.length * 3_000;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The path of a result link, without the site's origin. */
const pathOf = (href: string, base: string) => {
  const u = new URL(href, base);
  return `${u.pathname}${u.hash}`;
};

async function runQuery(
  page: Page,
  base: string,
  query: string,
): Promise<{ results: string[]; close: boolean; ms: number; state: string }> {
  await page.goto(`${base}/search/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(() => ['done', 'empty', 'error'].includes(document.getElementById('search-form')?.dataset.state ?? ''), null, {
    timeout: QUERY_TIMEOUT,
  });
  return page.evaluate(() => {
    const list = document.getElementById('search-results')!;
    return {
      results: [...list.querySelectorAll<HTMLAnchorElement>('a.search-result__title')].map((a) => a.getAttribute('href') ?? ''),
      close: list.querySelector('li')?.classList.contains('search-result--close') ?? false,
      ms: Number(list.dataset.ms ?? NaN),
      state: document.getElementById('search-form')!.dataset.state ?? '',
    };
  });
}

describe('search quality (tests/search-queries.csv)', () => {
  it('has at least 80 queries of every kind', () => {
    expect(rows.length).toBeGreaterThanOrEqual(80);
    const kinds = new Set(rows.map((r) => r.kind));
    for (const k of ['full', 'part', 'city', 'traditional', 'short', 'pinyin', 'initials', 'alias', 'term', 'region'])
      expect(kinds).toContain(k);
    // At least 40 half-remembered queries, ten or more of each kind.
    const tolerant = rows.filter((r) => r.kind in TOLERANT_KINDS);
    expect(tolerant.length).toBeGreaterThanOrEqual(40);
    for (const k of Object.keys(TOLERANT_KINDS)) expect(rows.filter((r) => r.kind === k).length, k).toBeGreaterThanOrEqual(10);
    for (const k of Object.keys(SPOKEN_KINDS)) expect(rows.filter((r) => r.kind === k).length, k).toBeGreaterThanOrEqual(15);
    expect(absentRows.length).toBeGreaterThanOrEqual(15);
  });

  it(
    `finds the expected record first for at least ${MIN_FIRST * 100}% of the queries`,
    async () => {
      const base = baseUrl();
      const outcomes: Outcome[] = [];
      for (const row of rows) {
        const context = await browser.newContext();
        const page = await context.newPage();
        page.setDefaultTimeout(QUERY_TIMEOUT);
        let bytes = 0;
        let requests = 0;
        const pending: Promise<void>[] = [];
        page.on('response', (res) => {
          requests++;
          pending.push(
            res
              .body()
              .then((b) => {
                bytes += b.length;
              })
              .catch(() => {}),
          );
        });
        const { results, close, ms, state } = await runQuery(page, base, row.query);
        await Promise.all(pending);
        const paths = results.map((r) => pathOf(r, base));
        outcomes.push({
          ...row,
          results: paths.slice(0, 5),
          close,
          first: paths[0] === row.expected_url,
          top3: paths.slice(0, 3).includes(row.expected_url),
          bytes,
          requests,
          ms,
          state,
        });
        await context.close();
      }

      const byKind = new Map<string, Outcome[]>();
      for (const o of outcomes) byKind.set(o.kind, [...(byKind.get(o.kind) ?? []), o]);
      const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;
      const lines = ['kind          n   first    top-3   avg kB  max kB  avg ms  max ms  close  label'];
      const summarise = (name: string, list: Outcome[]) => {
        const first = list.filter((o) => o.first).length;
        const top3 = list.filter((o) => o.top3).length;
        const kb = list.map((o) => o.bytes / 1000);
        const ms = list.map((o) => o.ms);
        lines.push(
          [
            name.padEnd(12),
            String(list.length).padStart(3),
            pct(first, list.length).padStart(8),
            pct(top3, list.length).padStart(8),
            (kb.reduce((a, b) => a + b, 0) / kb.length).toFixed(1).padStart(8),
            Math.max(...kb)
              .toFixed(1)
              .padStart(7),
            (ms.reduce((a, b) => a + b, 0) / ms.length).toFixed(0).padStart(7),
            Math.max(...ms)
              .toFixed(0)
              .padStart(7),
            String(list.filter((o) => o.close).length).padStart(6),
            TOLERANT_KINDS[name] || SPOKEN_KINDS[name] ? ` ${TOLERANT_KINDS[name] ?? SPOKEN_KINDS[name]}` : '',
          ].join(' '),
        );
      };
      for (const [kind, list] of byKind) summarise(kind, list);
      summarise('ALL', outcomes);
      const misses = outcomes.filter((o) => !o.first);
      console.log(`\nSearch quality, ${outcomes.length} queries\n${lines.join('\n')}`);
      if (misses.length > 0)
        console.log(
          `\nNot first:\n${misses.map((m) => `  [${m.kind}] ${m.query} → ${m.results.slice(0, 3).join(' ') || '(nothing)'}; expected ${m.expected_url}`).join('\n')}`,
        );
      console.log(`\nPer query (bytes, ms to first results):\n${outcomes.map((o) => `  ${o.query}\t${o.bytes}\t${o.ms}`).join('\n')}`);
      mkdirSync('test-results', { recursive: true });
      writeFileSync('test-results/search-quality.json', `${JSON.stringify({ summary: lines, outcomes }, null, 2)}\n`);

      const firstShare = outcomes.filter((o) => o.first).length / outcomes.length;
      expect(firstShare, `first-result accuracy ${pct(firstShare * outcomes.length, outcomes.length)}`).toBeGreaterThanOrEqual(MIN_FIRST);
      const tolerantMisses = misses.filter((m) => m.kind in TOLERANT_KINDS).map((m) => `[${m.kind}] ${m.query}`);
      expect(tolerantMisses, 'half-remembered queries not answered first').toEqual([]);
      // No kind may fall below MIN_FIRST on its own.
      const weak = [...byKind]
        .filter(([, list]) => list.filter((o) => o.first).length / list.length < MIN_FIRST)
        .map(([kind, list]) => `${kind}: ${list.filter((o) => o.first).length}/${list.length}`);
      expect(weak, 'kinds below the first-result target').toEqual([]);
      const heavy = outcomes.filter((o) => o.bytes > MAX_BYTES).map((o) => `${o.query}: ${o.bytes} B`);
      expect(heavy, 'queries that downloaded more than 300 kB').toEqual([]);
    },
    RUN_TIMEOUT,
  );

  it(
    'says 没有找到 for a school that is not in the data, and marks every candidate as close',
    async () => {
      const base = baseUrl();
      const claimed: string[] = [];
      for (const { query } of absentRows) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const { state } = await runQuery(page, base, query);
        const status = (await page.locator('#search-status').textContent()) ?? '';
        // A false positive: any result shown as a match (not marked close), or a status that does
        // not say no name matched (没有找到; full-text hits say 没有名称相符).
        const unmarked = await page
          .locator('#search-results li')
          .evaluateAll((lis) => lis.filter((li) => !li.classList.contains('search-result--close')).length);
        if ((state === 'done' && unmarked > 0) || !/没有找到|没有名称相符/.test(status))
          claimed.push(`${query}: ${state}, ${unmarked} unmarked, “${status}”`);
        await context.close();
      }
      console.log(
        `\nSchools not in the data: ${claimed.length} of ${absentRows.length} answered as found (false-positive rate ${((100 * claimed.length) / absentRows.length).toFixed(1)}%)`,
      );
      expect(claimed).toEqual([]);
    },
    absentRows.length * 15_000,
  );
});
