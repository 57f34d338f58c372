/**
 * Record dates from git (src/site/git-dates.ts) in scratch repositories: the day a
 * CSV line or an MDX file was last committed, nothing for what is not committed
 * yet, and a build without git history told apart from both.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scratchGit } from './scratch-git.ts';

const temps: string[] = [];
const savedRoot = process.env.DATA_ROOT;
const savedCeiling = process.env.GIT_CEILING_DIRECTORIES;

beforeEach(() => {
  vi.resetModules();
  // A scratch directory must not be taken for part of a repository above it.
  process.env.GIT_CEILING_DIRECTORIES = tmpdir();
});
afterEach(() => {
  vi.restoreAllMocks();
  if (savedRoot === undefined) delete process.env.DATA_ROOT;
  else process.env.DATA_ROOT = savedRoot;
  if (savedCeiling === undefined) delete process.env.GIT_CEILING_DIRECTORIES;
  else process.env.GIT_CEILING_DIRECTORIES = savedCeiling;
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'git-dates-'));
  temps.push(dir);
  mkdirSync(join(dir, 'data'));
  mkdirSync(join(dir, 'content/policies'), { recursive: true });
  return dir;
}

function commit(repo: string, message: string, day: string): void {
  const { git } = scratchGit(repo, day);
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', message);
}

async function gitDates(root: string) {
  process.env.DATA_ROOT = root;
  return import('../../src/site/git-dates.ts');
}

describe('git-dates in a repository', () => {
  it('dates each CSV line and MDX file by its last commit, and leaves uncommitted lines undated', async () => {
    const repo = scratch();
    writeFileSync(join(repo, 'data/schools.csv'), 'id,name\na,甲\nb,乙\n');
    commit(repo, '添加学校', '2024-03-05');
    writeFileSync(join(repo, 'content/policies/p.mdx'), '---\ntitle: "x"\n---\n');
    appendFileSync(join(repo, 'data/schools.csv'), 'c,丙\n');
    spawnSync('git', ['add', 'content'], { cwd: repo });
    commit(repo, '添加政策', '2024-06-07');
    appendFileSync(join(repo, 'data/schools.csv'), 'd,丁\n');
    writeFileSync(join(repo, 'data/groups.csv'), 'id,name\ng,集团\n');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    const { dataChangelog, dataVersion, gitHistory, lastChanged } = await gitDates(repo);
    expect(gitHistory()).toEqual({ available: true });
    expect(lastChanged([{ file: 'data/schools.csv', line: 2 }])).toBe('2024-03-05');
    expect(lastChanged([{ file: 'data/schools.csv', line: 4 }])).toBe('2024-06-07');
    // Line 5 is not committed; a file never committed has no date either.
    expect(lastChanged([{ file: 'data/schools.csv', line: 5 }])).toBeUndefined();
    expect(lastChanged([{ file: 'data/groups.csv', line: 2 }])).toBeUndefined();
    expect(lastChanged([{ file: 'content/policies/p.mdx' }])).toBe('2024-06-07');
    // Several parts: the newest day.
    expect(lastChanged([{ file: 'data/schools.csv', line: 2 }, { file: 'content/policies/p.mdx' }])).toBe('2024-06-07');
    expect(dataVersion()).toBe('2024-06-07');
    expect(dataChangelog()).toEqual([
      { day: '2024-06-07', subject: '添加政策', files: ['content/policies/p.mdx', 'data/schools.csv'] },
      { day: '2024-03-05', subject: '添加学校', files: ['data/schools.csv'] },
    ]);
    // "Not committed yet" is not a failure: nothing to warn about.
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('git-dates without git history', () => {
  it('says there is no history, once, instead of claiming records are not committed', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'data/schools.csv'), 'id,name\na,甲\n');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    const { dataChangelog, dataVersion, gitHistory, lastChanged } = await gitDates(dir);
    const history = gitHistory();
    expect(history.available).toBe(false);
    expect(history.available ? '' : history.reason).toContain('不在有提交的 git 仓库里');
    expect(lastChanged([{ file: 'data/schools.csv', line: 2 }])).toBeUndefined();
    expect(dataVersion()).toBe('unreleased');
    expect(dataChangelog()).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toContain('读不到版本库历史');
  });

  it('counts a repository with no commit yet as no history', async () => {
    const dir = scratch();
    spawnSync('git', ['init', '-q'], { cwd: dir });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { gitHistory } = await gitDates(dir);
    expect(gitHistory().available).toBe(false);
  });
});
