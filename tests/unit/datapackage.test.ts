/**
 * The published datapackage.json must describe the CSVs exactly: read the Table
 * Schema back and check every row of every CSV against it (types, required,
 * enums, patterns, lengths, keys), for the portal and mini fixtures.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { dataPackage, type TableSchemaField } from '../../src/lib/open-data/datapackage.ts';
import { PORTAL } from '../fixture-data.ts';

type Pkg = ReturnType<typeof dataPackage>;

/** A small Table Schema row checker: returns one message per violation. */
function checkTable(pkg: Pkg, root: string): string[] {
  const errors: string[] = [];
  const tables = new Map<string, Record<string, string>[]>();
  for (const res of pkg.resources) {
    const text = readFileSync(`${root}/data/${res.path}`, 'utf8').replace(/^\uFEFF/, '');
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual(res.schema.fields.map((f) => f.name));
    tables.set(res.name, parsed.data);
  }
  for (const res of pkg.resources) {
    const rows = tables.get(res.name)!;
    rows.forEach((row, i) => {
      for (const field of res.schema.fields as TableSchemaField[]) {
        const value = row[field.name] ?? '';
        const c = field.constraints ?? {};
        const at = `${res.path}:${i + 2}:${field.name}`;
        if (value === '') {
          if (c.required) errors.push(`${at} required`);
          continue;
        }
        if (field.type === 'integer' && !/^-?\d+$/.test(value)) errors.push(`${at} not integer`);
        if (field.type === 'number' && !Number.isFinite(Number(value))) errors.push(`${at} not number`);
        if (c.minimum !== undefined && Number(value) < c.minimum) errors.push(`${at} below minimum`);
        if (c.enum && !c.enum.includes(value)) errors.push(`${at} not in enum`);
        if (c.pattern && !new RegExp(`^(?:${c.pattern})$`).test(value)) errors.push(`${at} does not match pattern`);
        if (c.maxLength !== undefined && [...value].length > c.maxLength) errors.push(`${at} too long`);
        if (c.minLength !== undefined && [...value].length < c.minLength) errors.push(`${at} too short`);
      }
      if (res.schema.foreignKeys)
        for (const fk of res.schema.foreignKeys) {
          const value = row[fk.fields[0]!];
          if (!value) continue;
          const target = tables.get(fk.reference.resource)!;
          if (!target.some((t) => t.id === value)) errors.push(`${res.path}:${i + 2}:${fk.fields[0]} dangling ${value}`);
        }
    });
    if (res.schema.primaryKey) {
      const ids = rows.map((r) => r.id);
      if (new Set(ids).size !== ids.length) errors.push(`${res.path} duplicate primary key`);
    }
  }
  return errors;
}

const pkg = dataPackage({ version: 'test', homepage: 'https://example.org/data/' });

describe('datapackage.json', () => {
  it('has one resource per CSV with every column', () => {
    expect(pkg.resources.map((r) => r.path)).toEqual(
      expect.arrayContaining(['schools.csv', 'groups.csv', 'memberships.csv', 'statistics.csv']),
    );
    const schools = pkg.resources.find((r) => r.name === 'schools')!;
    expect(schools.schema.primaryKey).toEqual(['id']);
    expect(schools.schema.fields.find((f) => f.name === 'unit')?.constraints?.enum).toEqual(['school', 'campus', 'division']);
    expect(schools.schema.fields.find((f) => f.name === 'name')?.constraints?.required).toBe(true);
    expect(schools.schema.fields.find((f) => f.name === 'aliases')?.constraints?.required).toBeUndefined();
  });

  it('validates every row of the mini fixture', () => {
    expect(checkTable(pkg, 'tests/fixtures/mini')).toEqual([]);
  });

  it('validates every row of the published data', () => {
    expect(checkTable(pkg, PORTAL)).toEqual([]);
  });

  it('catches a row that breaks the schema (the check can fail)', () => {
    const bad = structuredClone(pkg);
    const unit = bad.resources.find((r) => r.name === 'schools')!.schema.fields.find((f) => f.name === 'unit')!;
    unit.constraints = { ...unit.constraints, enum: ['campus'] };
    expect(checkTable(bad, 'tests/fixtures/mini').some((e) => e.includes('schools.csv') && e.includes('not in enum'))).toBe(true);
  });
});
