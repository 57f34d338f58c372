/**
 * Search records from the portal fixture (tests/fixtures/portal/): one per school, group, region, policy and term,
 * with what a result shows, filters and keys — and the query set of
 * tests/search-queries.csv answered by the name index the search page reads (built in
 * memory), so a key regression shows here before any browser runs.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/lib/data/dataset.ts';
import { buildNameIndex } from '../../src/lib/search/name-index.ts';
import { runSearch } from '../../src/lib/search/run.ts';
import { buildSearchRecords, searchRecord } from '../../src/lib/search/record.ts';
import { readProjectFiles } from '../../src/lib/validate/read-project.ts';
import { validateProject } from '../../src/lib/validate/validate.ts';
import { PORTAL } from '../fixture-data.ts';

const { dataset } = validateProject(readProjectFiles(PORTAL));
const records = buildSearchRecords(dataset);
const byUrl = new Map(records.map((r) => [r.url, r]));

const { files } = buildNameIndex(records);
/** The search page's loop (run.ts) over the name index built in memory: the first urls, best first. */
async function simulate(query: string): Promise<string[]> {
  const outcome = await runSearch(query, {}, { indexFile: (name) => Promise.resolve(files.get(name)) });
  return outcome ? (await outcome.next(0, 5)).map((r) => r.url) : [];
}

describe('buildSearchRecords', () => {
  it('makes one record per school, group, region, policy and term', () => {
    const count = (k: string) => records.filter((r) => r.kind === k).length;
    expect(count('school')).toBe(dataset.schools.length);
    expect(count('group')).toBe(dataset.groups.length);
    expect(count('region')).toBe(dataset.regions.length);
    expect(count('policy')).toBe(dataset.policies.length);
    expect(count('term')).toBe(dataset.terms.length);
    expect(new Set(records.map((r) => r.url)).size).toBe(records.length);
  });

  it('builds a slice as every parts-th record from part, the same as in one go', () => {
    for (const parts of [2, 3])
      for (let part = 0; part < parts; part++)
        expect(buildSearchRecords(dataset, { part, parts })).toEqual(records.filter((_, i) => i % parts === part));
  });

  it('gives every record a title, summary lines, filters and keys', () => {
    for (const r of records) {
      expect(r.title, r.url).not.toBe('');
      expect(r.lines.length, r.url).toBeGreaterThan(0);
      expect(r.filters.kind).toEqual([r.kind]);
      expect(r.tokens.length, r.url).toBeGreaterThan(0);
      for (const t of r.tokens) expect(t).toMatch(/^q[zp][0-9a-z]+[0-9]$/);
      // Pagefind meta values are attributes: keep them short.
      for (const line of r.lines) expect([...line].length, line).toBeLessThanOrEqual(120);
    }
  });

  it('shows a school’s place, stage, groups and role', () => {
    const s = byUrl.get('/schools/zhengzhou-no19-junior/')!;
    expect(s.lines[0]).toContain('郑州市');
    expect(s.lines[0]).toContain('初中');
    expect(s.lines[1]).toContain('郑州市第十九初级中学教育集团（牵头校）');
    expect(s.filters.region).toEqual(['henan', 'henan-zhengzhou']);
    expect(s.filters.stage).toEqual(['junior']);
  });

  it('shows a group’s lead school and member count, and its type as a filter', () => {
    const g = byUrl.get('/groups/zhengzhou-no19-junior-group/')!;
    expect(g.lines.join(' ')).toContain('牵头校 郑州市第十九初级中学');
    expect(g.lines.join(' ')).toMatch(/已列出 \d+ 所/);
    expect(g.filters.type).toEqual(['led']);
  });

  it('links a term to its glossary entry and marks its block', () => {
    const t = byUrl.get('/glossary/#yellow-red-card')!;
    expect(t.block).toBe('qbyellowredcard');
    expect(t.lines.join(' ')).toContain('天津');
  });

  it('builds a record on demand and caches it per dataset', () => {
    const a = searchRecord(dataset, 'school', 'zhengzhou-no19-junior');
    expect(a).toBe(searchRecord(dataset, 'school', 'zhengzhou-no19-junior'));
    expect(searchRecord(dataset, 'school', 'no-such-school')).toBeUndefined();
  });

  it('works on an empty dataset', () => {
    const empty = Object.fromEntries(Object.keys(dataset).map((k) => [k, []])) as unknown as Dataset;
    expect(buildSearchRecords(empty)).toEqual([]);
  });
});

describe('the query set, answered from the keys alone', () => {
  const rows = Papa.parse<{ query: string; kind: string; expected_url: string }>(readFileSync('tests/search-queries.csv', 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;

  it('names only records that exist', () => {
    for (const row of rows) expect(byUrl.has(row.expected_url), `${row.query} → ${row.expected_url}`).toBe(true);
  });

  it('puts the expected record first for every query', async () => {
    const answers = await Promise.all(rows.map(async (row) => ({ row, got: await simulate(row.query) })));
    const misses = answers
      .filter(({ row, got }) => got[0] !== row.expected_url)
      .map(({ row, got }) => `${row.query} → ${got.slice(0, 3).join(' ') || '(nothing)'}, expected ${row.expected_url}`);
    expect(misses).toEqual([]);
  });

  it('lists both schools for an ambiguous name', async () => {
    expect((await simulate('育秀')).slice(0, 2).sort()).toEqual(['/schools/jinan-yuxiu-middle/', '/schools/jinan-yuxiu-primary/']);
  });
});
