/**
 * The pull-request summary: two copies of the mini fixture project, one edited the way
 * an editor would (a group with members, a school leaving, a corrected figure, a new
 * policy), compared as directories and, in a scratch git repository, as two commits.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { md, summarize } from '../../scripts/lib/pr-summary.ts';
import { diffRows, snapshotOf } from '../../src/lib/changes/diff.ts';
import { readProjectFiles } from '../../src/lib/validate/read-project.ts';
import { MINI } from './fixture-project.ts';
import { hasGit, scratchGit } from './scratch-git.ts';

const temps: string[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});
function tmp(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}
function copyOfMini(): string {
  const dir = tmp('pr-summary-');
  cpSync(MINI, dir, { recursive: true });
  return dir;
}
const replaceIn = (path: string, from: string, to: string) => {
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${from} not in ${path}`);
  writeFileSync(path, text.replace(from, to));
};

/** The edits of a typical pull request, made to a copy of the mini project. */
function edit(head: string): void {
  appendFileSync(join(head, 'data/schools.csv'), 'fx-no4-primary,示例市第四小学,fx-dist,primary,,school,四小,,fx-news,\n');
  appendFileSync(join(head, 'data/groups.csv'), 'fx-no4-group,示例市第四小学教育集团,fx-dist,alliance,,2024-09,,,,,,,fx-news,,,\n');
  appendFileSync(
    join(head, 'data/memberships.csv'),
    'fx-no4-group,fx-no4-primary,lead,,2024-09,,fx-news,,,\nfx-no4-group,fx-no3-primary,member,,2023-09,2024-06,fx-news,,,\n',
  );
  // fx-no2-primary leaves fx-no1-group; the campus row is deleted (which the contract forbids).
  replaceIn(join(head, 'data/memberships.csv'), 'fx-no2-primary,member,成员校,2020-09,,', 'fx-no2-primary,member,成员校,2020-09,2025-07,');
  replaceIn(join(head, 'data/memberships.csv'), 'fx-no1-group,fx-no1-east,campus,校区,2021,,fx-news,,,\n', '');
  // A corrected figure, a new one, a renamed school.
  replaceIn(join(head, 'data/statistics.csv'), 'fx-city,coverage-rate,2023-12,40,', 'fx-city,coverage-rate,2023-12,41,');
  appendFileSync(join(head, 'data/statistics.csv'), 'fx-city,group-count,2025-03,15,,actual,fx-news,,,,\n');
  replaceIn(join(head, 'data/schools.csv'), 'fx-no3-primary,示例市第三小学', 'fx-no3-primary,示例市东区第三小学');
  writeFileSync(
    join(head, 'content/policies/fx-plan-2025.mdx'),
    '---\ntitle: "示例市集团化办学三年行动计划"\nissuer: "示例市教育局"\nregion: "fx-city"\ndate: "2025"\nsource: "fx-news"\nsummary: "测试。"\n---\n\n正文。\n',
  );
  replaceIn(join(head, 'content/policies/fx-plan.mdx'), '测试用正文。', '改过的正文。');
}

const summaryOf = (base: string, head: string) =>
  summarize(snapshotOf(readProjectFiles(base)), snapshotOf(readProjectFiles(head)), { baseLabel: 'base', headLabel: 'head' });

describe('pr-summary', () => {
  it('says so when nothing changed', () => {
    const a = copyOfMini();
    expect(summaryOf(a, a)).toContain('数据和内容没有变化。');
  });

  it('lists added, changed and removed records, with joins and leaves', () => {
    const base = copyOfMini();
    const head = copyOfMini();
    edit(head);
    const out = summaryOf(base, head);
    expect(out).toContain('## 数据变更摘要');
    expect(out).toContain('| 学校 | 1 | 1 | 0 |');
    expect(out).toContain('| 教育集团 | 1 | 0 | 0 |');
    expect(out).toContain('| 成员关系 | 2 | 1 | 1 |');
    expect(out).toContain('| 统计数据 | 1 | 1 | 0 |');
    expect(out).toContain('| 政策 | 1 | 1 | 0 |');
    expect(out).not.toContain('| 地区 |');

    expect(out).toContain('- 新增：示例市第四小学（`fx-no4-primary`），东区（`fx-dist`）');
    expect(out).toContain(
      '- 修改：示例市东区第三小学（`fx-no3-primary`），东区（`fx-dist`）：name：“示例市第三小学” → “示例市东区第三小学”',
    );
    expect(out).toContain('- 新增：示例市第四小学教育集团（`fx-no4-group`），东区（`fx-dist`）');
    expect(out).toContain('- 加入：示例市第四小学（`fx-no4-primary`） — 示例市第四小学教育集团（`fx-no4-group`）（牵头校），2024-09 起');
    expect(out).toContain(
      '- 补录（已退出）：示例市东区第三小学（`fx-no3-primary`） — 示例市第四小学教育集团（`fx-no4-group`）（成员校），2023-09 至 2024-06',
    );
    expect(out).toContain('- 退出：示例市第二小学（`fx-no2-primary`） — 示例市第一小学教育集团（`fx-no1-group`）（成员校），2025-07 退出');
    expect(out).toContain('- ⚠️ 删除：示例市第一小学东校区（`fx-no1-east`） — 示例市第一小学教育集团（`fx-no1-group`）（校区）');
    expect(out).toContain('> ⚠️ 删除了 1 条成员关系。');
    expect(out).toContain('- 修改：示例市（`fx-city`） · 集团化办学覆盖率（`coverage-rate`） · 2023-12 · 实际值 41%：value：“40” → “41”');
    expect(out).toContain('- 新增：示例市（`fx-city`） · 教育集团数（`group-count`） · 2025-03 · 实际值 15');
    expect(out).toContain('- 新增：《示例市集团化办学三年行动计划》（`content/policies/fx-plan-2025.mdx`）');
    expect(out).toContain('- 修改：《示例市集团化办学实施方案》（`content/policies/fx-plan.mdx`）：正文');
  });

  it('treats a corrected joined date as a change, not a leave and a join', () => {
    const row = (joined: string) => ({ group: 'g', school: 's', role: 'member', joined, left: '' });
    const d = diffRows(
      [row('2020')],
      [row('2020-09')],
      [
        ['group', 'school', 'joined'],
        ['group', 'school'],
      ],
      ['group', 'school', 'role', 'joined', 'left'],
    );
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed).toEqual([{ before: row('2020'), after: row('2020-09'), columns: ['joined'] }]);
  });

  it('does not list a table it cannot read as removed', () => {
    const base = copyOfMini();
    const head = copyOfMini();
    writeFileSync(join(head, 'data/schools.csv'), readFileSync(join(head, 'data/schools.csv'), 'utf8').replace(/,/, '，'));
    const out = summaryOf(base, head);
    expect(out).toContain('`data/schools.csv` 有一侧无法完整读取');
    expect(out).not.toContain('删除：');
  });

  it('makes text from the data inert in Markdown', () => {
    expect(md('<img src=x>|*a*_[b]')).toBe('\\<img src=x\\>\\|\\*a\\*\\_\\[b\\]');
  });

  it('compares two directories from the command line', () => {
    const base = copyOfMini();
    const head = copyOfMini();
    edit(head);
    const r = spawnSync(process.execPath, ['scripts/pr-summary.ts', '--base-dir', base, '--head-dir', head], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('| 成员关系 | 2 | 1 | 1 |');
  });

  it.skipIf(!hasGit)('compares two commits of a (scratch) git repository from their merge base', () => {
    const repo = copyOfMini();
    const { env, git } = scratchGit(repo);
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    git('branch', 'base-branch');
    edit(repo);
    git('add', '-A');
    git('commit', '-q', '-m', 'head');
    const script = join(process.cwd(), 'scripts/pr-summary.ts');
    const r = spawnSync(process.execPath, [script, '--base', 'base-branch', '--head', 'HEAD', '--repo', repo], { env, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('比较 `base-branch`（合并基点 ');
    expect(r.stdout).toContain('| 成员关系 | 2 | 1 | 1 |');
    expect(r.stdout).toContain('- 新增：《示例市集团化办学三年行动计划》');
  });

  it.skipIf(!hasGit)('compares with main in a clone without an origin remote, and says what to do when there is no main', () => {
    const repo = copyOfMini();
    const { env, git } = scratchGit(repo);
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    git('checkout', '-q', '-b', 'work');
    edit(repo);
    git('add', '-A');
    git('commit', '-q', '-m', 'head');
    expect(git('remote')).toBe('');
    const script = join(process.cwd(), 'scripts/pr-summary.ts');
    const r = spawnSync(process.execPath, [script, '--repo', repo], { env, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('比较 `main`（合并基点 ');
    expect(r.stdout).toContain('| 成员关系 | 2 | 1 | 1 |');

    git('branch', '-q', '-m', 'main', 'trunk');
    const none = spawnSync(process.execPath, [script, '--repo', repo], { env, encoding: 'utf8' });
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('既没有 origin/main，也没有 main');
    expect(none.stderr).not.toMatch(/\n\s+at /);
  });
});
