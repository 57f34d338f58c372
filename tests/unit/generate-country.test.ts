/** The benchmark's synthetic country: deterministic by seed, and valid by the real validator. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chineseNumber, generateCountry, type CountryFiles } from '../../scripts/lib/country/index.ts';
import { formatProblem } from '../../src/lib/problem.ts';
import type { ProjectFiles } from '../../src/lib/validate/types.ts';
import { validateProject } from '../../src/lib/validate/validate.ts';

const digest = (c: CountryFiles) => {
  const h = createHash('sha256');
  for (const [path, text] of [...c.files].sort(([a], [b]) => (a < b ? -1 : 1))) h.update(`${path}\0${text}\0`);
  return h.digest('hex');
};
const asProject = (c: CountryFiles): ProjectFiles => new Map([...c.files].map(([p, t]) => [p, new TextEncoder().encode(t)]));

describe('generate-country', () => {
  it('gives the same bytes for the same seed and different bytes for another', () => {
    const a = generateCountry({ schools: 600, seed: 7 });
    const b = generateCountry({ schools: 600, seed: 7 });
    const c = generateCountry({ schools: 600, seed: 8 });
    expect(digest(a)).toBe(digest(b));
    expect(digest(a)).not.toBe(digest(c));
  });

  it('passes the real validator', () => {
    const country = generateCountry({ schools: 1500, seed: 3 });
    expect(validateProject(asProject(country)).problems.map(formatProblem)).toEqual([]);
    expect(country.counts.schools).toBe(1500);
    expect(country.counts.provinces).toBe(31);
    expect(country.counts.groups).toBeGreaterThan(200);
    expect(country.counts.policies).toBeGreaterThan(100);
  });

  it('has groups of 2–12 named members, histories with schools that left, and real-looking names', () => {
    const country = generateCountry({ schools: 1500, seed: 3 });
    const rows = country.files
      .get('data/memberships.csv')!
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const perGroup = new Map<string, number>();
    for (const r of rows) if (!r[5]) perGroup.set(r[0]!, (perGroup.get(r[0]!) ?? 0) + 1);
    expect(Math.max(...perGroup.values())).toBeLessThanOrEqual(12);
    expect(rows.some((r) => r[5])).toBe(true);
    const schools = country.files.get('data/schools.csv')!;
    expect(schools).toMatch(/第[一二三四五六七八九十百零]+(小学|中学|初级中学),/);
    expect(schools).toMatch(/路小学,/);
    expect(schools).toMatch(/实验(小学|中学),/);
    expect(schools).toMatch(/校区,.*,campus,/);
  });

  it('reports a planted error at its file, line and column', () => {
    const country = generateCountry({ schools: 800, seed: 5, plantError: true });
    const problems = validateProject(asProject(country)).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: country.planted!.file, line: country.planted!.line, column: 2 });
    expect(formatProblem(problems[0]!)).toContain(`"${country.planted!.value}" 不存在`);
  });

  it('writes Chinese numbers the way school names do', () => {
    expect([1, 10, 19, 21, 100, 105, 119].map(chineseNumber)).toEqual(['一', '十', '十九', '二十一', '一百', '一百零五', '一百一十九']);
  });
});
