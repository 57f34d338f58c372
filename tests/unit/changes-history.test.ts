/**
 * The change log against history as it really is, in a scratch git repository: older
 * versions of a file with other columns (read by column name), a file damaged and
 * repaired (nothing false is said, nothing about tooling is shown, the repair is listed
 * without "新增 40 条"), hostile commit subjects, a 100,000-character cell; and /changes/
 * paged by month.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { atomFeed } from '../../src/lib/changes/feed.ts';
import { buildChangeLog, changeLine, MAX_LABEL, type ChangeDay } from '../../src/lib/changes/history.ts';
import { changeDayViews, changeMonths, monthPage, RECENT_DAYS } from '../../src/lib/changes/view.ts';
import { readRevisions, unreadableReport } from '../../src/site/history.ts';
import { hasGit, scratchGit } from './scratch-git.ts';

const HEADER = 'id,name,region,stage,parent_school,unit,aliases,former_names,source,note';
const temps: string[] = [];
afterAll(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

/** A scratch repository; `commit` writes files (text or bytes) and commits them on a given day. */
function repository() {
  const repo = mkdtempSync(join(tmpdir(), 'changes-git-'));
  temps.push(repo);
  mkdirSync(join(repo, 'data'));
  scratchGit(repo).git('init', '-q', '-b', 'main');
  return {
    repo,
    commit: (day: string, subject: string, files: Record<string, string | Uint8Array>) => {
      for (const [path, body] of Object.entries(files)) writeFileSync(join(repo, path), body);
      const { git } = scratchGit(repo, day);
      git('add', '-A');
      git('commit', '-q', '--allow-empty', '-m', subject);
    },
  };
}

const schoolRows = (n: number, name = (i: number) => `示例市第${i}小学`) =>
  Array.from({ length: n }, (_, i) => `s${i + 1},${name(i + 1)},r1,primary,,school,,,src,`).join('\n');

const feedSpec = (days: ChangeDay[]) => ({
  title: '测试',
  description: '测试',
  selfUrl: 'https://example.org/changes/feed.xml',
  pageUrl: 'https://example.org/changes/',
  days,
  dayUrl: (d: string) => `https://example.org/changes/${d.slice(0, 7)}/#d-${d}`,
  recordUrl: () => undefined,
  siteName: '测试站',
  licence: 'CC BY 4.0',
});
const views = (days: ChangeDay[]) => changeDayViews(days, () => undefined, { anchor: (d) => `d-${d}` });
const lines = (days: ChangeDay[], day: string) => days.find((d) => d.day === day)?.commits.flatMap((c) => c.changes.map(changeLine)) ?? [];

describe.skipIf(!hasGit)('the change log from a scratch git history', { timeout: 60_000 }, () => {
  it('reads every past version by column name, whatever columns it had', () => {
    const { repo, commit } = repository();
    // An older contract: fewer columns, in another order, and one the schema no longer has.
    commit('2024-01-02', '旧表头', {
      'data/schools.csv': 'name,id,region,stage,unit,source,legacy\n一小,s1,r1,primary,school,src,x\n二小,s2,r1,primary,school,src,y\n',
      'data/designations.csv': 'group,title,source\ng1,示范集团,src\n',
    });
    // Today's header: the same schools, one renamed; a designation gains its region and level columns.
    commit('2024-01-03', '新表头', {
      'data/schools.csv': `${HEADER}\ns1,第一小学,r1,primary,,school,,,src,\ns2,二小,r1,primary,,school,,,src,\n`,
      'data/designations.csv': 'group,region,level,title,date,source,note\ng1,,,示范集团,,src,\n',
    });
    const log = buildChangeLog(readRevisions(repo)!);
    expect(lines(log.days, '2024-01-02')).toEqual(['新增认定：g1：示范集团', '新增学校：一小', '新增学校：二小']);
    expect(lines(log.days, '2024-01-03')).toEqual(['修改学校：第一小学（name）']);
    expect(unreadableReport(log)).toEqual([]);
  });

  it('says nothing false about a file damaged and repaired, and nothing about tooling', () => {
    const { repo, commit } = repository();
    const good = `${HEADER}\n${schoolRows(40)}\n`;
    commit('2024-02-01', '初始', { 'data/schools.csv': good });
    // Binary damage (git shows no lines for it), then the file restored as it was.
    commit('2024-02-02', '误存为二进制', { 'data/schools.csv': new Uint8Array([0, 1, 2, 0xff, 0xfe, 0, 10, 0]) });
    commit('2024-02-03', '恢复学校表', { 'data/schools.csv': good });
    // Bytes that are not UTF-8, then a repair that also renames one school.
    commit('2024-02-04', '编码损坏', { 'data/schools.csv': Buffer.concat([Buffer.from(good), Buffer.from([0xc3, 0x28, 10])]) });
    commit('2024-02-05', '修复编码并改名', { 'data/schools.csv': good.replace('示例市第7小学', '示例市第七小学') });
    const log = buildChangeLog(readRevisions(repo)!);

    expect(log.days.map((d) => d.day)).toEqual(['2024-02-05', '2024-02-04', '2024-02-03', '2024-02-02', '2024-02-01']);
    expect(lines(log.days, '2024-02-03')).toEqual([]); // the repair restores: not "新增 40 条"
    expect(lines(log.days, '2024-02-05')).toEqual(['修改学校：示例市第七小学（name）']);
    const shown = views(log.days);
    expect(shown.find((d) => d.day === '2024-02-03')).toMatchObject({ counts: '数据文件有改动，没有可列出的记录变化' });
    expect(shown.find((d) => d.day === '2024-02-03')!.commits.map((c) => c.subject)).toEqual(['恢复学校表']);
    expect(shown.find((d) => d.day === '2024-02-05')!.counts).toBe('修改 1 条');
    expect(JSON.stringify(shown)).not.toMatch(/无法读取|data\/schools\.csv/);

    const feed = atomFeed(feedSpec(log.days));
    expect(feed).not.toMatch(/无法读取|：\s*条记录/);
    expect(parseFeed(feed).items.map((i) => i.title)).toEqual([
      '2024-02-05 数据更新：修改 1 条记录',
      '2024-02-04 数据文件有改动，没有可列出的记录变化',
      '2024-02-03 数据文件有改动，没有可列出的记录变化',
      '2024-02-02 数据文件有改动，没有可列出的记录变化',
      '2024-02-01 数据更新：新增 40 条记录',
    ]);
    // The maintainers learn which versions could not be read.
    const report = unreadableReport(log);
    expect(report).toHaveLength(2);
    expect(report[0]).toMatch(/^数据更新记录：提交 [0-9a-f]{7}（2024-02-04）中的 data\/schools\.csv 无法读取/);
    expect(report[1]).toContain('（2024-02-02）中的 data/schools.csv');
  });

  it('reads an edit made while the file was damaged from the whole file, not the line diff', () => {
    const { repo, commit } = repository();
    const good = `${HEADER}\n${schoolRows(5)}\n`;
    commit('2024-03-01', '初始', { 'data/schools.csv': good });
    // A stray quote makes the version unreadable; the next commit fixes it and adds a school.
    commit('2024-03-02', '坏引号', { 'data/schools.csv': `${good}s6,"六小,r1,primary,,school,,,src,\n` });
    commit('2024-03-03', '修好并新增', { 'data/schools.csv': `${good}s6,六小,r1,primary,,school,,,src,\n` });
    const log = buildChangeLog(readRevisions(repo)!);
    expect(lines(log.days, '2024-03-03')).toEqual(['新增学校：六小']);
    expect(lines(log.days, '2024-03-02')).toEqual([]);
  });

  it('lists an edit made while another line was damaged once the file can be read again', () => {
    const { repo, commit } = repository();
    const rows = schoolRows(5).split('\n');
    const file = (lines: string[]) => `${HEADER}\n${lines.join('\n')}\n`;
    commit('2024-03-11', '初始', { 'data/schools.csv': file(rows) });
    /** The file with bytes that are not UTF-8 after its first record. */
    const damaged = (lines: string[]) =>
      Buffer.concat([Buffer.from(`${HEADER}\n${lines[0]}\n`), Buffer.from([0xc3, 0x28]), Buffer.from(`\n${lines.slice(1).join('\n')}\n`)]);
    const renamed = rows.map((r) => r.replace('示例市第5小学', '示例市第五小学'));
    commit('2024-03-12', '编码损坏', { 'data/schools.csv': damaged(rows) });
    // Only the last line changes: git's line diff alone would look readable.
    commit('2024-03-13', '改名', { 'data/schools.csv': damaged(renamed) });
    commit('2024-03-14', '修复编码', { 'data/schools.csv': file(renamed) });
    const revisions = readRevisions(repo)!;
    expect('removed' in revisions[2]!.files.get('data/schools.csv')!).toBe(true);
    const log = buildChangeLog(revisions);
    expect(lines(log.days, '2024-03-13')).toEqual([]);
    expect(lines(log.days, '2024-03-14')).toEqual(['修改学校：示例市第五小学（name）']);
    expect(unreadableReport(log).map((l) => l.match(/（(\d{4}-\d{2}-\d{2})）/)![1])).toEqual(['2024-03-13', '2024-03-12']);
  });

  it('reads a changed record with more | than commas as commas (no delimiter guessing)', () => {
    const { repo, commit } = repository();
    commit('2024-03-21', '初始', { 'data/schools.csv': `${HEADER}\n${schoolRows(3)}\n` });
    const aliases = Array.from({ length: 12 }, (_, i) => `别名${i}`).join('|');
    commit('2024-03-22', '别名', {
      'data/schools.csv': `${HEADER}\n${schoolRows(3).replace('s2,示例市第2小学,r1,primary,,school,,', `s2,示例市第2小学,r1,primary,,school,${aliases},`)}\n`,
    });
    const log = buildChangeLog(readRevisions(repo)!);
    expect(lines(log.days, '2024-03-22')).toEqual(['修改学校：示例市第2小学（aliases）']);
  });

  it('shows no bidi or control characters from a commit subject', () => {
    const { repo, commit } = repository();
    commit('2024-04-01', '改校名\u202e名校改\u200b\u0007\u2066x\u2069', { 'data/schools.csv': `${HEADER}\n${schoolRows(1)}\n` });
    const log = buildChangeLog(readRevisions(repo)!);
    expect(views(log.days)[0]!.commits[0]!.subject).toBe('改校名名校改x');
  });

  it('cuts a 100,000-character cell to a bounded line on the page and in the feed, quickly', () => {
    const { repo, commit } = repository();
    const huge = '长'.repeat(100_000);
    commit('2024-05-01', '巨长单元格', { 'data/schools.csv': `${HEADER}\n${schoolRows(3, (i) => (i === 2 ? huge : `校${i}`))}\n` });
    const started = performance.now();
    const log = buildChangeLog(readRevisions(repo)!);
    const shown = views(log.days);
    const feed = atomFeed(feedSpec(log.days));
    expect(performance.now() - started).toBeLessThan(2000);
    const label = shown[0]!.sections[0]!.items.find((i) => i.label.startsWith('长'))!.label;
    expect(label).toBe(`${'长'.repeat(MAX_LABEL)}……（过长，已截断）`);
    expect(feed.length).toBeLessThan(5000);
    expect(feed).toContain('……（过长，已截断）');
  });
});

describe('/changes/ paged by month', () => {
  /** 2,000 days of history, one change a day. */
  const days: ChangeDay[] = Array.from({ length: 2000 }, (_, i) => {
    const day = new Date(Date.UTC(2020, 0, 1) + (1999 - i) * 86_400_000).toISOString().slice(0, 10);
    return {
      day,
      time: `${day}T10:00:00+08:00`,
      commits: [{ commit: `c${i}`, day, time: `${day}T10:00:00+08:00`, subject: 's', changes: [], unreadable: [] }],
    };
  });

  it('puts every day on exactly one month page of at most 31 days, newest month first', () => {
    const months = changeMonths(days);
    expect(months[0]!.month).toBe(days[0]!.day.slice(0, 7));
    expect(months.flatMap((m) => m.days)).toEqual(days);
    expect(Math.max(...months.map((m) => m.days.length))).toBeLessThanOrEqual(31);
    expect(months.every((m) => m.days.every((d) => d.day.startsWith(m.month)))).toBe(true);
    expect(RECENT_DAYS).toBeLessThanOrEqual(31);
  });

  it('links each month to the newer and older ones', () => {
    const months = changeMonths(days);
    const newest = monthPage(months, months[0]!.month)!;
    expect([newest.newer, newest.older?.month]).toEqual([undefined, months[1]!.month]);
    const middle = monthPage(months, '2022-03')!;
    expect([middle.newer?.month, middle.current.label, middle.older?.month]).toEqual(['2022-04', '2022 年 3 月', '2022-02']);
    expect(monthPage(months, months.at(-1)!.month)!.older).toBeUndefined();
    expect(monthPage(months, '1999-01')).toBeUndefined();
  });
});
