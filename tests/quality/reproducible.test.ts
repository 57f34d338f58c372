/**
 * Two builds of the same commit are byte-identical: every file of each, no
 * exclusions. The second build runs in another directory, another time zone
 * and another locale, so output that depends on any of them shows up here.
 * Both build the portal fixture (tests/fixture-data.ts), not today's data/. A third
 * build renders the routes in two parallel Astro processes (scripts/build.ts --shards 2)
 * and must give the same bytes as the one-process build.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeDiff, diffCount, diffTrees, hashTree } from '../../scripts/quality/reproducible.ts';
import { recordRow } from '../../scripts/quality/summary.ts';
import { PORTAL } from '../fixture-data.ts';

const root = mkdtempSync(join(tmpdir(), 'quality-repro-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function build(out: string, env: Record<string, string>, shards: number): string {
  const r = spawnSync(process.execPath, ['scripts/build.ts', '--out', out, '--shards', String(shards)], {
    env: { ...process.env, DATA_ROOT: process.env.DATA_ROOT ?? PORTAL, ...env },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`构建失败：\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}
const UTC = { TZ: 'UTC', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };

describe('the build', () => {
  it('is reproducible: two builds of this commit give byte-identical files', () => {
    const a = join(root, 'first');
    const b = join(root, 'second-build');
    build(a, UTC, 1);
    build(b, { TZ: 'Pacific/Kiritimati', LANG: 'zh_CN.UTF-8', LC_ALL: '' }, 1);
    const ha = hashTree(a);
    const d = diffTrees(ha, hashTree(b));
    recordRow({
      key: '60-reproducible',
      checker: '可重复构建（两次构建逐字节比较）',
      pages: ha.size,
      problems: diffCount(d),
      note: '“页面”一栏为文件数，不排除任何文件',
    });
    expect(ha.size).toBeGreaterThan(0);
    expect(diffCount(d), describeDiff(d, a, b)).toBe(0);
  }, 300_000);

  it('is the same built in parallel: two Astro processes, each a slice of the routes, give the one-process site', () => {
    const one = join(root, 'first');
    const two = join(root, 'two-shards');
    const log = build(two, UTC, 2);
    // Each process rendered some of the pages and not all of them.
    const counts = /各分片的页面数：(\d+) \+ (\d+)/.exec(log);
    expect(counts, log).not.toBeNull();
    const [x, y] = [Number(counts![1]), Number(counts![2])];
    expect(Math.min(x, y)).toBeGreaterThan(0);
    const d = diffTrees(hashTree(one), hashTree(two));
    expect(diffCount(d), describeDiff(d, one, two)).toBe(0);
    // The sitemap, written once after the merge, lists every page.
    expect(readFileSync(join(two, 'sitemap-0.xml'), 'utf8')).toContain('/schools/');
  }, 300_000);
});
