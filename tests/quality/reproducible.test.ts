/**
 * Two builds of the same commit are byte-identical: every file of each, no
 * exclusions. The second build runs in another directory, another time zone
 * and another locale, so output that depends on any of them shows up here.
 * Both build the portal fixture (tests/fixture-data.ts), not today's data/.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeDiff, diffCount, diffTrees, hashTree } from '../../scripts/quality/reproducible.ts';
import { recordRow } from '../../scripts/quality/summary.ts';
import { PORTAL } from '../fixture-data.ts';

const root = mkdtempSync(join(tmpdir(), 'quality-repro-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function build(out: string, env: Record<string, string>): void {
  const r = spawnSync(process.execPath, ['scripts/build.ts', '--out', out], {
    env: { ...process.env, DATA_ROOT: process.env.DATA_ROOT ?? PORTAL, ...env },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`构建失败：\n${r.stdout}\n${r.stderr}`);
}

describe('the build', () => {
  it('is reproducible: two builds of this commit give byte-identical files', () => {
    const a = join(root, 'first');
    const b = join(root, 'second-build');
    build(a, { TZ: 'UTC', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' });
    build(b, { TZ: 'Pacific/Kiritimati', LANG: 'zh_CN.UTF-8', LC_ALL: '' });
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
});
