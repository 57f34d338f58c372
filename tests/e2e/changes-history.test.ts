/**
 * The change log built from a fixture with history: the mini project committed in
 * a scratch git repository over three days (a school renamed, a school leaving its
 * group, a new figure), built as a site with DATA_ROOT; its feeds read with a feed
 * parser and every link followed. The same project without .git builds too, and
 * says that history is unavailable.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { serveDir } from '../../scripts/serve.ts';
import { readAndFollowFeed } from './feeds.ts';

const MINI = 'tests/fixtures/mini';
const root = mkdtempSync(join(tmpdir(), 'changes-site-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function build(dataRoot: string, out: string): void {
  const r = spawnSync(process.execPath, ['scripts/build.ts', '--out', out], {
    env: { ...process.env, DATA_ROOT: dataRoot },
    encoding: 'utf8',
  });
  expect(r.stderr).not.toMatch(/错误/);
  expect(r.status).toBe(0);
}

const edit = (file: string, from: string, to: string) => {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${from} not in ${file}`);
  writeFileSync(file, text.replace(from, to));
};

describe('a site built from a fixture with history', () => {
  const repo = join(root, 'repo');
  const out = join(root, 'dist');
  const git = (args: string[], date?: string) =>
    execFileSync('git', ['-c', 'user.name=测试', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], {
      cwd: repo,
      env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });

  it('lists the changes by day on /changes/ and in its feeds', async () => {
    cpSync(MINI, repo, { recursive: true });
    git(['init', '-q', '-b', 'main']);
    git(['add', '.']);
    git(['commit', '-q', '-m', '初始数据'], '2025-01-10T09:00:00+08:00');
    edit(join(repo, 'data/schools.csv'), 'fx-no3-primary,示例市第三小学', 'fx-no3-primary,示例市东区第三小学');
    git(['commit', '-q', '-am', '改校名'], '2025-02-03T09:00:00+08:00');
    edit(join(repo, 'data/memberships.csv'), 'fx-no2-primary,member,成员校,2020-09,,', 'fx-no2-primary,member,成员校,2020-09,2025-07,');
    git(['commit', '-q', '-am', '二小退出'], '2025-08-01T09:00:00+08:00');
    writeFileSync(
      join(repo, 'data/statistics.csv'),
      `${readFileSync(join(repo, 'data/statistics.csv'), 'utf8')}fx-city,group-count,2025-08,15,,actual,fx-news,,,,\n`,
    );
    git(['commit', '-q', '-am', '新数字'], '2025-08-01T18:00:00+08:00');
    git(['tag', 'data-2025-08-01']);
    build(repo, out);

    const page = readFileSync(join(out, 'changes/index.html'), 'utf8');
    expect([...page.matchAll(/data-change-day="([^"]+)"/g)].map((m) => m[1])).toEqual(['2025-08-01', '2025-02-03', '2025-01-10']);
    expect(page).toContain('data-2025-08-01');
    // The citation names the release tag.
    expect(readFileSync(join(out, 'regions/fx-city/index.html'), 'utf8')).toContain('数据版本 data-2025-08-01');

    const { server, url } = await serveDir(out, 0);
    try {
      const site = await readAndFollowFeed(url, '/changes/feed.xml');
      expect(site.entries.map((e) => e.title)).toEqual([
        '2025-08-01 数据更新：新增 1，终止 1 条记录',
        '2025-02-03 数据更新：修改 1 条记录',
        expect.stringMatching(/^2025-01-10 数据更新：新增 \d+ 条记录$/),
      ]);
      expect(site.entries[0]!.links).toEqual(
        expect.arrayContaining([expect.stringMatching(/\/groups\/fx-no1-group\/$/), expect.stringMatching(/\/regions\/fx-city\/$/)]),
      );
      const province = await readAndFollowFeed(url, '/changes/feeds/fx-prov.xml');
      expect(province.entries.map((e) => e.url)).toEqual(site.entries.map((e) => e.url));
    } finally {
      server.close();
    }
  });

  it('builds the same feed twice from the same commit', () => {
    const again = join(root, 'dist-again');
    build(repo, again);
    for (const f of ['changes/feed.xml', 'changes/feeds/fx-prov.xml', 'changes/index.html', 'coverage/index.html', 'coverage/coverage.csv'])
      expect(readFileSync(join(again, f)), f).toEqual(readFileSync(join(out, f)));
  });

  it('says history is unavailable when built without .git', () => {
    const plain = join(root, 'plain');
    cpSync(MINI, plain, { recursive: true });
    const plainOut = join(root, 'dist-plain');
    build(plain, plainOut);
    expect(readFileSync(join(plainOut, 'changes/index.html'), 'utf8')).toContain('data-history-unavailable');
    const feed = parseFeed(readFileSync(join(plainOut, 'changes/feed.xml'), 'utf8'));
    expect(feed.items).toEqual([]);
    expect(existsSync(join(plainOut, 'coverage/index.html'))).toBe(true);
  });
});
