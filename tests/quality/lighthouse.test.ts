/**
 * Lighthouse, mobile, on the home page, a group page and the search page:
 * performance, accessibility, best practices and SEO recorded (in the summary
 * and test-results/lighthouse.json). 100 is expected; below 95 fails.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, runLighthouse } from '../../scripts/quality/lighthouse.ts';
import { recordRow } from '../../scripts/quality/summary.ts';
import { baseUrl, CHROMIUM_ARGS, chromiumPath, distDir, sitePlan } from './helpers.ts';

const MIN = 95;
const plan = sitePlan();
const group = plan.templates.find((t) => t.template === 'groups/[id]');
const hasSearch = existsSync(join(distDir(), 'search/index.html'));
const wanted: { name: string; path: string | undefined }[] = [
  { name: '首页', path: '/' },
  { name: '集团页', path: group?.path },
  { name: '搜索页', path: hasSearch ? '/search/' : undefined },
];
const targets = wanted.filter((t): t is { name: string; path: string } => t.path !== undefined);

describe('Lighthouse (mobile)', () => {
  it(`scores at least ${MIN} in every category on ${wanted.map((t) => t.name).join('、')}`, async () => {
    // A page that was not built is a failure, not one target fewer.
    const absent = wanted.filter((t) => t.path === undefined).map((t) => t.name);
    expect(absent, `${distDir()} 中没有构建这些页面，Lighthouse 无从检查`).toEqual([]);
    const results = await runLighthouse(
      targets.map((t) => `${baseUrl()}${t.path}`),
      chromiumPath(),
      CHROMIUM_ARGS,
    );
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/lighthouse.json', `${JSON.stringify(results, null, 2)}\n`);
    const low: string[] = [];
    const notes = results.map((r, i) => {
      for (const c of CATEGORIES)
        if (r.scores[c] < MIN)
          low.push(`${targets[i]!.name} ${c} ${r.scores[c]}：\n  ${r.losses.filter((l) => l.startsWith(c)).join('\n  ')}`);
      if (r.runtimeError) low.push(`${targets[i]!.name}：${r.runtimeError}`);
      return `${targets[i]!.name} ${CATEGORIES.map((c) => r.scores[c]).join('/')}`;
    });
    recordRow({
      key: '70-lighthouse',
      checker: 'Lighthouse（移动，性能/无障碍/最佳实践/SEO）',
      pages: results.length,
      problems: low.length,
      note: notes.join('；'),
    });
    const below100 = results.flatMap((r, i) => r.losses.map((l) => `${targets[i]!.name} ${l}`));
    if (below100.length) console.log(`Lighthouse 扣分项（未到 100 但不低于 ${MIN} 不算失败）：\n${below100.join('\n')}`);
    expect(low, notes.join('\n')).toEqual([]);
  }, 240_000);
});
