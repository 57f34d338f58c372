/**
 * The published data package, read by a Frictionless implementation (the `datapackage`
 * library): datapackage.json and the CSV downloads as the site publishes them (from the
 * mini and portal fixtures); every resource read, every row cast against its Table Schema (types,
 * required, enum, pattern, lengths, primary key) and every foreign key resolved.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Package } from 'datapackage';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { dataPackage } from '../../src/lib/open-data/datapackage.ts';
import { csvDownload } from '../../src/site/data-files.ts';
import { PORTAL } from '../fixture-data.ts';

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
 * A folder as /data/ publishes it: datapackage.json and each CSV download. The library
 * (datapackage 1.1) does not drop a UTF-8 BOM before the header as Python frictionless,
 * pandas and readr do, so it gets the bytes after the BOM; the BOM itself is checked apart.
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

/** What the library reports: descriptor errors, then per resource its cast and foreign-key errors. */
async function frictionlessProblems(dir: string): Promise<string[]> {
  const loaded = await Package.load(join(dir, 'datapackage.json'));
  const problems = loaded.errors.map((e) => `datapackage.json: ${e.message}`);
  for (const resource of loaded.resources) {
    try {
      await resource.read({ keyed: true, cast: true, relations: true }); // a table may be empty (designations)
    } catch (error) {
      const { message, errors } = error as Error & { errors?: Error[] };
      problems.push(`${resource.name}: ${message}`, ...(errors ?? []).map((e) => `${resource.name}: ${e.message}`));
    }
  }
  return problems;
}

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

  it.each([MINI, PORTAL])('is read by Frictionless from %s: every resource, every row cast, every foreign key resolved', async (root) => {
    expect(await frictionlessProblems(publish(pkg, root))).toEqual([]);
  });

  it('reports a row that breaks the schema (the check can fail)', async () => {
    const bad = structuredClone(pkg);
    const unit = bad.resources.find((r) => r.name === 'schools')!.schema.fields.find((f) => f.name === 'unit')!;
    unit.constraints = { ...unit.constraints, enum: ['campus'] };
    const problems = await frictionlessProblems(publish(bad));
    expect(
      problems.some((p) => p.startsWith('schools:') && /constraint|enum/i.test(p)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('reports a membership of a school that does not exist (foreign keys are checked)', async () => {
    const dir = publish(pkg);
    const file = join(dir, 'memberships.csv');
    const [header, first, ...rest] = readFileSync(file, 'utf8').split('\n');
    const cells = first!.split(',');
    cells[1] = 'no-such-school';
    writeFileSync(file, [header, cells.join(','), ...rest].join('\n'));
    const problems = await frictionlessProblems(dir);
    expect(
      problems.some((p) => p.startsWith('memberships:') && /foreign key/i.test(p)),
      problems.join('\n'),
    ).toBe(true);
  });
});
