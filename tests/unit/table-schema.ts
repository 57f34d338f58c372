/**
 * Test helper: reads a published data package as a Frictionless implementation would,
 * for the part of the Data Package and Table Schema specs that datapackage.json uses:
 * the descriptor's shape (zod), each CSV's header against its fields, every cell cast
 * (string, integer, number; missing values) and checked against its constraints
 * (required, enum, pattern, minLength, maxLength, minimum), primary keys unique and
 * every foreign key resolved. Replaces the `datapackage` library, whose axios 0.21
 * dependency had known vulnerabilities. Problems come back as lines, never thrown.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { z } from 'zod';

const NAME = /^[a-z0-9._-]+$/;

const field = z.object({
  name: z.string().min(1),
  type: z.enum(['string', 'integer', 'number']),
  description: z.string().optional(),
  constraints: z
    .object({
      required: z.boolean().optional(),
      enum: z.array(z.string()).optional(),
      pattern: z.string().optional(),
      minLength: z.number().int().nonnegative().optional(),
      maxLength: z.number().int().nonnegative().optional(),
      minimum: z.number().optional(),
    })
    .strict()
    .optional(),
});

const descriptor = z.object({
  name: z.string().regex(NAME),
  resources: z
    .array(
      z.object({
        name: z.string().regex(NAME),
        path: z.string().refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), '路径不能越出数据包'),
        encoding: z.string().optional(),
        schema: z.object({
          fields: z.array(field).min(1),
          missingValues: z.array(z.string()).optional(),
          primaryKey: z.array(z.string()).optional(),
          foreignKeys: z
            .array(z.object({ fields: z.array(z.string()), reference: z.object({ resource: z.string(), fields: z.array(z.string()) }) }))
            .optional(),
        }),
      }),
    )
    .min(1),
  licenses: z.array(z.object({ name: z.string().optional(), path: z.string().optional() })).optional(),
});

type Descriptor = z.infer<typeof descriptor>;
type Field = z.infer<typeof field>;
type Cell = string | number | null;

/** A cell cast to its field's type, or a problem. */
function cast(f: Field, raw: string, missing: string[]): { value: Cell } | { problem: string } {
  if (missing.includes(raw)) return { value: null };
  if (f.type === 'string') return { value: raw };
  const ok = f.type === 'integer' ? /^[+-]?\d+$/.test(raw) : /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(raw);
  return ok ? { value: Number(raw) } : { problem: `type "${f.type}" 无法读取 "${raw}"` };
}

/** The constraints a cast cell breaks, named as the spec names them. */
function broken(f: Field, value: Cell): string[] {
  const c = f.constraints ?? {};
  const out: string[] = [];
  if (value === null) return c.required ? ['constraint "required"'] : [];
  const text = String(value);
  const length = [...text].length;
  if (c.enum && !c.enum.includes(text)) out.push(`constraint "enum" (${c.enum.join('|')})`);
  // Table Schema patterns are XML Schema regular expressions: the whole value must match.
  if (c.pattern !== undefined && !new RegExp(`^(?:${c.pattern})$`, 'u').test(text)) out.push(`constraint "pattern" ${c.pattern}`);
  if (c.minLength !== undefined && length < c.minLength) out.push(`constraint "minLength" ${c.minLength}`);
  if (c.maxLength !== undefined && length > c.maxLength) out.push(`constraint "maxLength" ${c.maxLength}`);
  if (c.minimum !== undefined && typeof value === 'number' && value < c.minimum) out.push(`constraint "minimum" ${c.minimum}`);
  return out;
}

/** Every problem in the package at `dir` (datapackage.json and its CSV files), as lines. */
export function tableSchemaProblems(dir: string): string[] {
  const parsed = descriptor.safeParse(JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8')));
  if (!parsed.success) return parsed.error.issues.map((i) => `datapackage.json: ${i.path.join('.')}: ${i.message}`);
  const pkg: Descriptor = parsed.data;
  const problems: string[] = [];
  const byName = new Map(pkg.resources.map((r) => [r.name, r]));
  const rows = new Map<string, Record<string, Cell>[]>();
  for (const res of pkg.resources) {
    const { fields, missingValues = [''], primaryKey = [], foreignKeys = [] } = res.schema;
    const names = fields.map((f) => f.name);
    for (const k of [...primaryKey, ...foreignKeys.flatMap((fk) => fk.fields)])
      if (!names.includes(k)) problems.push(`datapackage.json: ${res.name}: key field "${k}" is not a field`);
    for (const fk of foreignKeys) {
      const target = byName.get(fk.reference.resource);
      if (!target) problems.push(`datapackage.json: ${res.name}: foreign key to unknown resource "${fk.reference.resource}"`);
      else
        for (const k of fk.reference.fields)
          if (!target.schema.fields.some((f) => f.name === k))
            problems.push(`datapackage.json: ${res.name}: foreign key to unknown field "${k}"`);
    }
    const csv = Papa.parse<string[]>(readFileSync(join(dir, res.path), res.encoding === 'utf-8' ? 'utf8' : 'latin1'), {
      header: false,
      skipEmptyLines: true,
    });
    for (const e of csv.errors) problems.push(`${res.name}: row ${(e.row ?? 0) + 1}: ${e.message}`);
    const [header = [], ...body] = csv.data;
    if (header.join(',') !== names.join(',')) problems.push(`${res.name}: header "${header.join(',')}" is not "${names.join(',')}"`);
    const cast_: Record<string, Cell>[] = [];
    body.forEach((cells, i) => {
      const row: Record<string, Cell> = {};
      if (cells.length !== fields.length) problems.push(`${res.name}: row ${i + 2}: ${cells.length} cells for ${fields.length} fields`);
      fields.forEach((f, j) => {
        const c = cast(f, cells[j] ?? '', missingValues);
        if ('problem' in c) problems.push(`${res.name}: row ${i + 2}: field "${f.name}": ${c.problem}`);
        const value = 'value' in c ? c.value : null;
        for (const b of broken(f, value)) problems.push(`${res.name}: row ${i + 2}: field "${f.name}" breaks ${b}`);
        row[f.name] = value;
      });
      cast_.push(row);
    });
    if (primaryKey.length > 0) {
      const seen = new Set<string>();
      cast_.forEach((row, i) => {
        const key = JSON.stringify(primaryKey.map((k) => row[k]));
        if (primaryKey.some((k) => row[k] === null)) problems.push(`${res.name}: row ${i + 2}: primary key is missing`);
        else if (seen.has(key)) problems.push(`${res.name}: row ${i + 2}: primary key ${key} is not unique`);
        seen.add(key);
      });
    }
    rows.set(res.name, cast_);
  }
  for (const res of pkg.resources)
    for (const fk of res.schema.foreignKeys ?? []) {
      const target = rows.get(fk.reference.resource) ?? [];
      const keys = new Set(target.map((r) => JSON.stringify(fk.reference.fields.map((k) => r[k]))));
      (rows.get(res.name) ?? []).forEach((row, i) => {
        const values = fk.fields.map((k) => row[k] ?? null);
        // A foreign key with every field missing points nowhere, which the spec allows.
        if (values.every((v) => v === null)) return;
        if (!keys.has(JSON.stringify(values)))
          problems.push(
            `${res.name}: row ${i + 2}: foreign key ${fk.fields.join(',')} = ${values.join(',')} not found in ${fk.reference.resource}`,
          );
      });
    }
  return problems;
}
