/**
 * What Pagefind is given of a page: a paragraph of 300,000 letters without punctuation
 * (which took Pagefind's Chinese segmentation 113 s) is cut into bounded runs in linear
 * time and indexed in seconds.
 */
import * as pagefind from 'pagefind';
import { describe, expect, it } from 'vitest';
import { boundedRuns, MAX_RUN } from '../../src/lib/search/page-text.ts';

const CHARS = '集团化办学改革示例学校教育发展';
const unbroken = (n: number) => Array.from({ length: n }, (_, i) => CHARS[(i * 7) % CHARS.length]).join('');
const longestRun = (s: string) => Math.max(0, ...(s.match(/[\p{L}\p{N}\p{M}]+/gu) ?? []).map((r) => [...r].length));

describe('boundedRuns', () => {
  it('cuts runs longer than MAX_RUN and leaves everything else as it was', () => {
    const html = `<p class="lede">短句，${unbroken(1000)}。</p><a href="/x/">链接</a>`;
    const out = boundedRuns(html);
    expect(longestRun(out)).toBe(MAX_RUN);
    expect(out.replace(/ /g, '')).toBe(html.replace(/ /g, ''));
    const normal = '<p>郑州市第十九初级中学教育集团，成立于 2020 年。</p>';
    expect(boundedRuns(normal)).toBe(normal);
  });

  it('never splits a character outside the BMP', () => {
    const run = '𠀀'.repeat(MAX_RUN * 2 + 3);
    const out = boundedRuns(run);
    expect(out.split(' ').map((p) => [...p].length)).toEqual([MAX_RUN, MAX_RUN, 3]);
    expect(out).not.toContain('\uFFFD');
  });

  it('takes linear time: 1,000,000 letters in about a second at most', () => {
    const big = `<p>${unbroken(1_000_000)}</p>`;
    const started = performance.now();
    boundedRuns(big);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe('Pagefind on a page with one 300,000-character paragraph', { timeout: 60_000 }, () => {
  it('indexes it in seconds', async () => {
    const page = `<!doctype html><html lang="zh-CN"><body><main><h1>简介</h1><p>${unbroken(300_000)}</p></main></body></html>`;
    const started = performance.now();
    const { index } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
    try {
      const added = await index!.addHTMLFile({ url: '/groups/g1/', content: boundedRuns(page) });
      expect(added.errors).toEqual([]);
      const files = await index!.getFiles();
      expect(files.errors).toEqual([]);
      expect(files.files.length).toBeGreaterThan(0);
    } finally {
      await pagefind.close();
    }
    // 113 s before the runs were bounded (about 3 s for 80,000 characters, growing faster than the length).
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
