/**
 * The published data package, read as a Frictionless implementation reads it
 * (tests/unit/table-schema.ts): datapackage.json and the CSV downloads as the site
 * publishes them (from the mini and portal fixtures); every resource read, every row cast
 * against its Table Schema (types, required, enum, pattern, lengths, primary key) and
 * every foreign key resolved.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { dataPackage } from '../../src/lib/open-data/datapackage.ts';
import { csvDownload } from '../../src/site/data-files.ts';
import { PORTAL } from '../fixture-data.ts';
import { tableSchemaProblems } from './table-schema.ts';

type Pkg = ReturnType<typeof dataPackage>;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const pkg = dataPackage({ version: 'test', homepage: 'https://example.org/data/' });

const MINI = 'tests/fixtures/mini';
const temps: string[] = [];
afterAll(() => {
  vi.unstubAllEnvs();
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

/**
 * A folder as /data/ publishes it: datapackage.json and each CSV download. The reader gets
 * the bytes after the UTF-8 BOM (Python frictionless, pandas and readr drop it); the BOM
 * itself is checked apart.
 */
function publish(descriptor: Pkg, root = MINI): string {
  vi.stubEnv('DATA_ROOT', root); // where csvDownload reads the committed files
  const dir = mkdtempSync(join(tmpdir(), 'datapackage-'));
  temps.push(dir);
  writeFileSync(join(dir, 'datapackage.json'), JSON.stringify(descriptor));
  for (const res of descriptor.resources) {
    const bytes = Buffer.from(csvDownload(res.path));
    expect(bytes.subarray(0, 3).equals(BOM), `${res.path} starts with a BOM for Excel`).toBe(true);
    writeFileSync(join(dir, res.path), bytes.subarray(3));
  }
  return dir;
}

/** Descriptor problems, then per resource its cast, constraint, key and foreign-key problems. */
const frictionlessProblems = (dir: string) => tableSchemaProblems(dir);

describe('datapackage.json', { timeout: 30_000 }, () => {
  it('has one resource per CSV with every column, in UTF-8 by its IANA name', () => {
    expect(pkg.resources.map((r) => r.path)).toEqual(
      expect.arrayContaining(['schools.csv', 'groups.csv', 'memberships.csv', 'statistics.csv']),
    );
    const schools = pkg.resources.find((r) => r.name === 'schools')!;
    expect(schools.schema.primaryKey).toEqual(['id']);
    expect(schools.schema.fields.find((f) => f.name === 'unit')?.constraints?.enum).toEqual(['school', 'campus', 'division']);
    expect(schools.schema.fields.find((f) => f.name === 'name')?.constraints?.required).toBe(true);
    expect(schools.schema.fields.find((f) => f.name === 'aliases')?.constraints?.required).toBeUndefined();
    expect(new Set(pkg.resources.map((r) => r.encoding))).toEqual(new Set(['utf-8']));
  });

  it.each([MINI, PORTAL])(
    'is read by a Table Schema reader from %s: every resource, every row cast, every foreign key resolved',
    (root) => {
      expect(frictionlessProblems(publish(pkg, root))).toEqual([]);
    },
  );

  it('reports a row that breaks the schema (the check can fail)', () => {
    const bad = structuredClone(pkg);
    const unit = bad.resources.find((r) => r.name === 'schools')!.schema.fields.find((f) => f.name === 'unit')!;
    unit.constraints = { ...unit.constraints, enum: ['campus'] };
    const problems = frictionlessProblems(publish(bad));
    expect(
      problems.some((p) => p.startsWith('schools:') && /constraint|enum/i.test(p)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('reports a membership of a school that does not exist (foreign keys are checked)', () => {
    const dir = publish(pkg);
    const file = join(dir, 'memberships.csv');
    const [header, first, ...rest] = readFileSync(file, 'utf8').split('\n');
    const cells = first!.split(',');
    cells[1] = 'no-such-school';
    writeFileSync(file, [header, cells.join(','), ...rest].join('\n'));
    const problems = frictionlessProblems(dir);
    expect(
      problems.some((p) => p.startsWith('memberships:') && /foreign key/i.test(p)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('reports a malformed descriptor, a value of the wrong type, a duplicate key and a broken pattern', () => {
    const bad = structuredClone(pkg) as Pkg & { name: string };
    bad.name = 'Not A Name';
    expect(frictionlessProblems(publish(bad))).toEqual([expect.stringMatching(/^datapackage\.json: name: /)]);
    const dir = publish(pkg);
    const schools = join(dir, 'schools.csv');
    const [header, first, ...rest] = readFileSync(schools, 'utf8').split('\n');
    writeFileSync(schools, [header, first, first!.replace(/^[^,]+,/, 'Bad_Id,'), first, ...rest].join('\n'));
    const stats = join(dir, 'statistics.csv');
    const [sh, s1, ...srest] = readFileSync(stats, 'utf8').split('\n');
    const cells = s1!.split(',');
    cells[sh!.split(',').indexOf('value')] = 'many';
    writeFileSync(stats, [sh, cells.join(','), ...srest].join('\n'));
    const problems = frictionlessProblems(dir);
    expect(
      problems.some((p) => /^schools: row 3: field "id" breaks constraint "pattern"/.test(p)),
      problems.join('\n'),
    ).toBe(true);
    expect(
      problems.some((p) => /^schools: row 4: primary key .* is not unique/.test(p)),
      problems.join('\n'),
    ).toBe(true);
    expect(
      problems.some((p) => /^statistics: row 2: field "value": type "number"/.test(p)),
      problems.join('\n'),
    ).toBe(true);
  });
});
