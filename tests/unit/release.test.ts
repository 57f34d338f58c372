/**
 * Dated data releases: the snapshot (every data/*.csv with exactly one UTF-8 BOM, the
 * content unchanged, a MANIFEST of sha256 sums) on a scratch copy of the mini project;
 * --dry-run writes nothing; invalid data is not released; the tag is made only in a
 * scratch git repository, never in the project's own.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isIsoDate, manifest, snapshotFiles, today, writeSnapshot } from '../../scripts/release.ts';
import { MINI } from './fixture-project.ts';
import { hasGit, scratchGit } from './scratch-git.ts';

const temps: string[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});
function copyOfMini(): string {
  const dir = mkdtempSync(join(tmpdir(), 'release-'));
  temps.push(dir);
  cpSync(MINI, dir, { recursive: true });
  return dir;
}
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const run = (args: string[], env: NodeJS.ProcessEnv = process.env) =>
  spawnSync(process.execPath, [join(process.cwd(), 'scripts/release.ts'), ...args], { encoding: 'utf8', env });

describe('release snapshot', () => {
  it('copies every CSV with one BOM in front and the bytes unchanged, and a MANIFEST of sha256 sums', () => {
    const root = copyOfMini();
    // One file already has a BOM (Excel wrote it): it must not get a second one.
    const schools = readFileSync(join(root, 'data/schools.csv'));
    writeFileSync(join(root, 'data/schools.csv'), Buffer.concat([BOM, schools]));
    writeFileSync(join(root, 'data/LICENSE.md'), '# 数据许可\n');

    const { dir } = writeSnapshot(root, '2025-03-01');
    expect(dir).toBe(join(root, 'releases/2025-03-01'));
    const csvs = readdirSync(join(root, 'data'))
      .filter((n) => n.endsWith('.csv'))
      .sort();
    expect(readdirSync(dir).sort()).toEqual([...csvs, 'LICENSE.md', 'MANIFEST'].sort());
    for (const name of csvs) {
      const original = readFileSync(join(root, 'data', name));
      const body = original.subarray(0, 3).equals(BOM) ? original.subarray(3) : original;
      const copy = readFileSync(join(dir, name));
      expect(copy.subarray(0, 3).equals(BOM), name).toBe(true);
      expect(copy.subarray(3).equals(body), name).toBe(true);
    }
    expect(readFileSync(join(dir, 'LICENSE.md'), 'utf8')).toBe('# 数据许可\n');

    const lines = readFileSync(join(dir, 'MANIFEST'), 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => l.split('  ')[1])).toEqual([...csvs, 'LICENSE.md'].sort());
    for (const line of lines) {
      const [hash, name] = line.split('  ') as [string, string];
      expect(hash, name).toBe(sha256(readFileSync(join(dir, name))));
    }
  });

  it('matches what a dry run lists, and refuses to overwrite a release', () => {
    const root = copyOfMini();
    const files = snapshotFiles(root);
    writeSnapshot(root, '2025-03-01');
    expect(readFileSync(join(root, 'releases/2025-03-01/MANIFEST'), 'utf8')).toBe(manifest(files));
    expect(() => writeSnapshot(root, '2025-03-01')).toThrow('已存在');
  });

  it('checks dates and knows today in China', () => {
    expect(isIsoDate('2025-03-01')).toBe(true);
    expect(isIsoDate('2025-02-30')).toBe(false);
    expect(isIsoDate('2025-3-1')).toBe(false);
    expect(today(new Date('2025-03-01T17:00:00Z'))).toBe('2025-03-02');
  });
});

describe('npm run release', () => {
  it('writes nothing and runs no git with --dry-run', () => {
    const root = copyOfMini();
    const r = run(['--root', root, '--date', '2025-03-01', '--dry-run']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('试运行');
    expect(r.stdout).toMatch(/[0-9a-f]{64} {2}schools\.csv/);
    expect(r.stdout).toContain('git tag -a data-2025-03-01');
    expect(existsSync(join(root, 'releases'))).toBe(false);
  });

  it('writes only the snapshot with --no-tag', () => {
    const root = copyOfMini();
    const r = run(['--root', root, '--date', '2025-03-01', '--no-tag']);
    expect(r.status).toBe(0);
    expect(existsSync(join(root, 'releases/2025-03-01/MANIFEST'))).toBe(true);
  });

  it('does not release data that fails validation', () => {
    const root = copyOfMini();
    appendFileSync(join(root, 'data/statistics.csv'), 'fx-city,coverage-rate,2021,140,,actual,fx-news,,,,\n');
    const r = run(['--root', root, '--date', '2025-03-01', '--no-tag']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('数据校验没有通过');
    expect(r.stderr).toContain('data/statistics.csv:7:4: 错误：比率 140 超出 0–100');
    expect(existsSync(join(root, 'releases'))).toBe(false);
  });

  it('rejects a malformed date', () => {
    const r = run(['--root', copyOfMini(), '--date', '2025-3-1', '--dry-run']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('日期 2025-3-1 不对');
  });

  it.skipIf(!hasGit)('commits the snapshot and tags it data-YYYY-MM-DD in a scratch git repository', () => {
    const repo = copyOfMini();
    const { env, run: git } = scratchGit(repo);
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'data');

    // Uncommitted data would not match the tag: refused.
    appendFileSync(join(repo, 'data/sources.csv'), 'fx-other,另一篇,,2025,,news,,,,,,,,\n');
    const dirty = run(['--root', repo, '--date', '2025-03-01'], env);
    expect(dirty.status).toBe(1);
    expect(dirty.stderr).toContain('未提交的修改');
    expect(existsSync(join(repo, 'releases'))).toBe(false);
    git('commit', '-q', '-am', 'more data');

    const r = run(['--root', repo, '--date', '2025-03-01'], env);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(git('tag', '--list').stdout.trim()).toBe('data-2025-03-01');
    expect(git('show', '--name-only', '--format=%s', 'data-2025-03-01^{commit}').stdout).toContain('releases/2025-03-01/MANIFEST');
    expect(git('status', '--porcelain').stdout).toBe('');

    const again = run(['--root', repo, '--date', '2025-03-01'], env);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('标签 data-2025-03-01 已存在');
  });
});
