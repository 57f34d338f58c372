/**
 * The change log: record-level differences between in-memory revisions (added,
 * changed with fields, ended, removed), grouped by day and by province; the Atom
 * feed read back with a feed parser; and the same log read from a scratch git
 * repository holding a few commits of a small dataset.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { atomFeed } from '../../src/lib/changes/feed.ts';
import { buildChangeLog, changeLine, changesInProvince, provinceOf, type Revision } from '../../src/lib/changes/history.ts';
import { changeDayViews } from '../../src/lib/changes/view.ts';
import { readRevisions } from '../../src/site/history.ts';
import { MINI, text } from './fixture-project.ts';

const REGIONS = 'id,name,level,municipality,parent,aliases,reported_children,source,note\n';
const SCHOOLS = 'id,name,region,stage,parent_school,unit,aliases,former_names,source,note\n';
const GROUPS =
  'id,name,region,type,models,founded,ended,reported_members,reported_members_note,cycle_years,related_group,aliases,source,note\n';
const MEMBERS = 'group,school,role,role_term,joined,left,source,note\n';

/** Whole files, as a checkout would have them; each revision gets the file before and after. */
function history() {
  const current = new Map<string, string>();
  return (commit: string, day: string, files: Record<string, string | null>): Revision => ({
    commit,
    day,
    time: `${day}T10:00:00+08:00`,
    subject: `commit ${commit}`,
    files: new Map(
      Object.entries(files).map(([p, s]) => {
        const before = current.get(p);
        if (s === null) current.delete(p);
        else current.set(p, s);
        return [p, { before: before === undefined ? null : text(before), after: s === null ? null : text(s) }];
      }),
    ),
  });
}
const rev = history();

const revisions: Revision[] = [
  rev('a1', '2025-01-10', {
    'data/regions.csv': `${REGIONS}p1,甲省,province,,,,,,\nc1,甲市,city,,p1,,,,\np2,乙省,province,,,,,,\n`,
    'data/schools.csv': `${SCHOOLS}s1,一小,c1,primary,,school,,,src,\ns2,二小,c1,primary,,school,,,src,\n`,
    'data/groups.csv': `${GROUPS}g1,一小集团,c1,tight,,2020,,,,,,,src,\n`,
    'data/memberships.csv': `${MEMBERS}g1,s1,lead,,2020,,src,\n`,
  }),
  // Same day: a member joins; the group is renamed.
  rev('a2', '2025-01-10', {
    'data/groups.csv': `${GROUPS}g1,第一小学教育集团,c1,tight,,2020,,,,,,一小集团,src,\n`,
    'data/memberships.csv': `${MEMBERS}g1,s1,lead,,2020,,src,\ng1,s2,member,,2021,,src,\n`,
  }),
  // A member leaves (ended), a school is removed, a policy appears, a school in 乙省.
  rev('b1', '2025-02-03', {
    'data/memberships.csv': `${MEMBERS}g1,s1,lead,,2020,,src,\ng1,s2,member,,2021,2024-07,src,\n`,
    'data/schools.csv': `${SCHOOLS}s1,一小,c1,primary,,school,,,src,\ns3,乙省三小,p2,primary,,school,,,src,\n`,
    'content/policies/plan.mdx': '---\ntitle: "甲市方案"\nregion: "c1"\n---\n\n正文。\n',
  }),
  // A file that cannot be read is named, not guessed at.
  rev('c1', '2025-03-01', { 'data/groups.csv': 'id,name\n"unclosed\n' }),
];
const log = buildChangeLog(revisions);

describe('change log from revisions', () => {
  it('groups changes by day, newest first', () => {
    expect(log.days.map((d) => d.day)).toEqual(['2025-03-01', '2025-02-03', '2025-01-10']);
    expect(log.days[2]!.commits.map((c) => c.commit)).toEqual(['a1', 'a2']);
    expect(log.days[2]!.time).toBe('2025-01-10T10:00:00+08:00');
  });

  it('says what was added, changed (which fields), ended and removed', () => {
    const lines = (day: number) => log.days[day]!.commits.flatMap((c) => c.changes.map(changeLine));
    expect(lines(2)).toEqual([
      '新增集团：一小集团',
      '新增成员关系：一小 — 一小集团',
      '新增地区：甲省',
      '新增地区：甲市',
      '新增地区：乙省',
      '新增学校：一小',
      '新增学校：二小',
      '修改集团：第一小学教育集团（name、aliases）',
      '新增成员关系：二小 — 第一小学教育集团',
    ]);
    expect(lines(1)).toEqual([
      '终止成员关系：二小 — 第一小学教育集团（left）',
      '新增学校：乙省三小',
      '删除学校：二小',
      '新增政策：《甲市方案》',
    ]);
    expect(log.days[0]!.commits[0]).toMatchObject({ changes: [], unreadable: ['data/groups.csv'] });
  });

  it('places each change in its province', () => {
    expect(provinceOf(log, 'c1')).toBe('p1');
    expect(provinceOf(log, 'p2')).toBe('p2');
    const p2 = changesInProvince(log, 'p2');
    expect(p2.map((d) => d.day)).toEqual(['2025-02-03', '2025-01-10']);
    expect(p2[0]!.commits[0]!.changes.map(changeLine)).toEqual(['新增学校：乙省三小']);
    const p1 = changesInProvince(log, 'p1');
    expect(p1.flatMap((d) => d.commits.flatMap((c) => c.changes)).some((c) => c.label === '乙省三小')).toBe(false);
  });

  it('reads a line diff of changed records the same as whole files', () => {
    const whole = history();
    const first = whole('p1', '2025-01-01', {
      'data/schools.csv': `${SCHOOLS}s1,一小,c1,primary,,school,,,src,\ns2,二小,c1,primary,,school,,,src,"两行\n说明"\n`,
    });
    const second = whole('p2', '2025-01-02', {
      'data/schools.csv': `${SCHOOLS}s1,第一小学,c1,primary,,school,一小,,src,\ns2,二小,c1,primary,,school,,,src,"两行\n说明"\ns3,三小,c1,primary,,school,,,src,\n`,
    });
    const patch: Revision = {
      ...second,
      files: new Map([
        [
          'data/schools.csv',
          {
            removed: ['s1,一小,c1,primary,,school,,,src,'],
            added: ['s1,第一小学,c1,primary,,school,一小,,src,', 's3,三小,c1,primary,,school,,,src,'],
          },
        ],
      ]),
    };
    const lines = (l: ReturnType<typeof buildChangeLog>) => l.days[0]!.commits[0]!.changes.map(changeLine);
    expect(lines(buildChangeLog([first, second]))).toEqual(['新增学校：三小', '修改学校：第一小学（name、aliases）']);
    expect(lines(buildChangeLog([first, patch]))).toEqual(lines(buildChangeLog([first, second])));
  });

  it('links a change to the page that shows it', () => {
    const views = changeDayViews(log.days, (c) => (c.page ? `/${c.page.kind}/${c.page.id}/` : undefined), {
      anchor: (d) => `d-${d}`,
      perKind: 1,
    });
    const day = views.find((v) => v.day === '2025-02-03')!;
    expect(day.counts).toBe('新增 2 条，终止 1 条，删除 1 条');
    expect(day.sections.map((s) => [s.title, s.items.length, s.more])).toEqual([
      ['学校', 1, 1],
      ['成员关系', 1, 0],
      ['政策', 1, 0],
    ]);
    expect(day.sections[1]!.items[0]).toEqual({ action: '终止', label: '二小 — 第一小学教育集团', href: '/groups/g1/', fields: 'left' });
  });
});

describe('Atom feed', () => {
  const spec = {
    title: '测试：数据更新',
    description: '测试',
    selfUrl: 'https://example.org/changes/feed.xml',
    pageUrl: 'https://example.org/changes/',
    days: log.days,
    dayUrl: (d: string) => `https://example.org/changes/#d-${d}`,
    recordUrl: (c: { page?: { kind: string; id: string } }) => (c.page ? `https://example.org/${c.page.kind}/${c.page.id}/` : undefined),
    siteName: '测试站',
    licence: 'CC BY 4.0',
  };

  it('reads back with a feed parser: one entry per day, dated by its commits', () => {
    const xml = atomFeed(spec);
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    const feed = parseFeed(xml);
    expect(feed.meta.type).toBe('atom');
    expect(feed.title).toBe('测试：数据更新');
    expect(feed.items.map((i) => i.url)).toEqual(log.days.map((d) => `https://example.org/changes/#d-${d.day}`));
    expect(feed.items[1]!.title).toBe('2025-02-03 数据更新：新增 2，终止 1，删除 1 条记录');
    expect(feed.items[1]!.updated?.toISOString()).toBe('2025-02-03T02:00:00.000Z');
    expect(feed.items[1]!.content).toContain('<a href="https://example.org/schools/s3/">乙省三小</a>');
    // Removed records have no page to link to.
    expect(feed.items[1]!.content).toContain('删除：二小');
    expect(feed.updated?.toISOString()).toBe('2025-03-01T02:00:00.000Z');
  });

  it('is the same bytes for the same history, and escapes what editors wrote', () => {
    expect(atomFeed(spec)).toBe(atomFeed(spec));
    const hostile = buildChangeLog([
      rev('x', '2025-01-01', { 'data/schools.csv': `${SCHOOLS}s9,"<script>alert(1)</script>]]>",c1,primary,,school,,,src,\n` }),
    ]);
    const xml = atomFeed({ ...spec, days: hostile.days });
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('<a href="https://example.org/schools/s9/">&lt;script&gt;alert(1)&lt;/script&gt;]]&gt;</a>');
    // The CDATA section is intact: the entry still parses, with its link.
    expect(parseFeed(xml).items.map((i) => i.url)).toEqual(['https://example.org/changes/#d-2025-01-01']);
  });

  it('has no entries but a date from the data when there is no history', () => {
    const feed = parseFeed(atomFeed({ ...spec, days: [], fallbackUpdated: '2025-04-01T00:00:00Z' }));
    expect(feed.items).toEqual([]);
    expect(feed.updated?.toISOString()).toBe('2025-04-01T00:00:00.000Z');
  });
});

describe('a scratch git repository with history', () => {
  const repo = mkdtempSync(join(tmpdir(), 'changes-history-'));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));
  const git = (args: string[], date?: string) =>
    execFileSync('git', ['-c', 'user.name=测试', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], {
      cwd: repo,
      env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    }).toString();

  it('is read as revisions of the changed files only, merges once, outside data/ ignored', () => {
    cpSync(MINI, repo, { recursive: true });
    git(['init', '-q', '-b', 'main']);
    git(['add', '.']);
    git(['commit', '-q', '-m', '初始数据'], '2025-01-10T09:00:00+08:00');
    const schools = join(repo, 'data/schools.csv');
    writeFileSync(schools, readFileSync(schools, 'utf8').replace('示例市第三小学', '示例市东区第三小学'));
    writeFileSync(join(repo, 'README.md'), '不是数据\n');
    git(['add', '.']);
    git(['commit', '-q', '-m', '改校名'], '2025-02-03T09:00:00+08:00');
    // A branch with a new figure, merged: one revision on the main line.
    git(['checkout', '-q', '-b', 'figure']);
    const stats = join(repo, 'data/statistics.csv');
    writeFileSync(stats, `${readFileSync(stats, 'utf8')}fx-city,group-count,2025-03,15,,actual,fx-news,,,,\n`);
    git(['commit', '-q', '-am', '新数字'], '2025-03-01T09:00:00+08:00');
    git(['checkout', '-q', 'main']);
    git(['merge', '-q', '--no-ff', '-m', '合并新数字', 'figure'], '2025-03-02T09:00:00+08:00');

    const revs = readRevisions(repo)!;
    expect(revs.map((r) => [r.day, r.subject])).toEqual([
      ['2025-01-10', '初始数据'],
      ['2025-02-03', '改校名'],
      ['2025-03-02', '合并新数字'],
    ]);
    expect([...revs[1]!.files.keys()]).toEqual(['data/schools.csv']);
    const fromGit = buildChangeLog(revs);
    expect(fromGit.days.map((d) => d.day)).toEqual(['2025-03-02', '2025-02-03', '2025-01-10']);
    expect(fromGit.days[1]!.commits[0]!.changes.map(changeLine)).toEqual(['修改学校：示例市东区第三小学（name）']);
    expect(fromGit.days[0]!.commits[0]!.changes.map(changeLine)).toEqual(['新增统计数字：示例市 教育集团数（2025-03）']);
    expect(fromGit.days[2]!.commits[0]!.changes.filter((c) => c.kind === 'policies').map(changeLine)).toEqual([
      '新增政策：《示例市集团化办学实施方案》',
    ]);
  });

  it('is absent outside a repository', () => {
    const plain = mkdtempSync(join(tmpdir(), 'changes-plain-'));
    try {
      cpSync(MINI, plain, { recursive: true });
      expect(readRevisions(plain)).toBeUndefined();
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});
