/**
 * A synthetic country for benchmarks: 31 provinces, their cities and districts,
 * schools with real-looking names, education groups with member histories,
 * statistics over several years and policies as MDX. Seeded and deterministic:
 * the same seed and school count give the same bytes. Each step below adds to
 * one Country (context.ts), in a fixed order: the random numbers are drawn in
 * that order, so reordering the steps changes every byte after.
 *
 * The output passes the real validator (src/lib/validate) unless plantError is given.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newCountry, type Country } from './context.ts';
import { addGroups } from './groups.ts';
import { FULL } from './names.ts';
import { addGroupProfiles, addPolicies } from './policies.ts';
import { rng } from './random.ts';
import { addRegions } from './regions.ts';
import { addSchools } from './schools.ts';
import { addStatistics } from './statistics.ts';
import { METRICS, TERMS } from './vocabulary.ts';
import { csvDatasetNames, csvDatasets, type CsvDatasetName } from '../../../src/lib/schemas/index.ts';

export { chineseNumber } from './names.ts';

export interface CountryOptions {
  schools: number;
  seed?: number;
  /** Plant one dangling reference (a membership pointing at a school id with a typo). */
  plantError?: boolean;
}

export interface CountryFiles {
  /** Relative path (data/x.csv, content/policies/y.mdx) → text. */
  files: Map<string, string>;
  counts: Record<string, number>;
  /** Where the planted error is, when asked for. */
  planted?: { file: string; line: number; column: number; value: string } | undefined;
  /** A few school names and ids, for search benchmarks. */
  sampleSchools: { id: string; name: string; aliases: string[] }[];
}

export function generateCountry(opts: CountryOptions): CountryFiles {
  const N = Math.max(50, Math.round(opts.schools));
  const c = newCountry(rng(opts.seed ?? 1), N, N / FULL.schools);
  c.tables.sources.row('gen-vocab', '合成数据：术语说明', '基准测试生成器', '2024', '', 'report', '', '合成数据，仅供性能测试');
  addRegions(c);
  addSchools(c);
  addGroups(c);
  const planted = opts.plantError ? plantError(c) : undefined;
  const statistics = addStatistics(c);
  const policies = addPolicies(c);
  const groupProfiles = addGroupProfiles(c);

  const { tables, files } = c;
  // Terms and metrics are a fixed vocabulary; every other table was filled by the steps above.
  const text = (name: CsvDatasetName) => (name === 'terms' ? TERMS : name === 'metrics' ? METRICS : tables[name].text());
  for (const name of csvDatasetNames) files.set(`data/${csvDatasets[name].file}`, text(name));

  return {
    files,
    planted,
    sampleSchools: sampleSchools(c),
    counts: {
      provinces: c.provinces.length,
      cities: c.cities.length,
      districts: c.districts.length,
      schools: c.schools.length,
      groups: c.groups.length,
      memberships: tables.memberships.rows.length,
      designations: tables.designations.rows.length,
      statistics,
      policies,
      groupProfiles,
      sources: tables.sources.rows.length,
    },
  };
}

/** Replaces the school of one lead row, far down the file, with a typo of an existing id. */
function plantError(c: Country): CountryFiles['planted'] {
  if (c.leadLines.length === 0) return undefined;
  const line = c.leadLines[Math.floor(c.leadLines.length * 0.9)]!;
  const row = c.tables.memberships.rows[line - 2]!;
  const wrong = `${row[1]}x`;
  row[1] = wrong;
  return { file: 'data/memberships.csv', line, column: 2, value: wrong };
}

/** Sample names for search: a numbered middle school, a road school, an experimental school. */
function sampleSchools(c: Country): CountryFiles['sampleSchools'] {
  const sample: CountryFiles['sampleSchools'] = [];
  for (const re of [/第十九中学$/, /第[一二三四五六七八九十]+初级中学$/, /路小学$/, /实验小学$/, /镇中心小学$/]) {
    const s = c.schools.find((x) => re.test(x.name) && x.unit === 'school');
    if (s) sample.push({ id: s.id, name: s.name, aliases: s.aliases });
  }
  return sample;
}

/** Writes the country under `out` (data/ and content/), replacing what was there. */
export function writeCountry(out: string, country: CountryFiles): void {
  rmSync(out, { recursive: true, force: true });
  for (const dir of ['data', 'content/policies', 'content/groups']) mkdirSync(join(out, dir), { recursive: true });
  for (const [path, text] of country.files) writeFileSync(join(out, path), text);
  writeFileSync(
    join(out, 'country.json'),
    `${JSON.stringify({ counts: country.counts, sampleSchools: country.sampleSchools, planted: country.planted }, null, 2)}\n`,
  );
}
