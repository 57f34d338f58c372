/**
 * CONTRIBUTING.md against the contract it explains, so the guide does not go stale:
 * every column table lists exactly the schema's columns, the fixed values of §9 are the
 * published enums, the date rule is quoted in its one wording, and the lists that grow
 * with the data (metrics, group types and models, stages) are links to the glossary
 * sections that list them, not copies.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATE_RULE } from '../../src/lib/fuzzy-date.ts';
import { tableSchema } from '../../src/lib/open-data/datapackage.ts';
import { csvDatasetNames, csvDatasets, type CsvDatasetName } from '../../src/lib/schemas/index.ts';
import { policySchema } from '../../src/lib/schemas/policy.ts';

const guide = readFileSync('CONTRIBUTING.md', 'utf8');
const lines = guide.split('\n');
const ticks = (cell: string) => [...cell.replace(/（[^）]*）/g, '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

/** The first-column names of every table whose header starts with the given cell. */
function tables(header: string): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith(`| ${header} |`)) continue;
    const names: string[] = [];
    for (let j = i + 2; j < lines.length && lines[j]!.startsWith('|'); j++) names.push(ticks(lines[j]!.split('|')[1]!)[0]!);
    out.push(names);
  }
  return out;
}

describe('CONTRIBUTING.md', () => {
  it('lists exactly the columns of each CSV it explains', () => {
    const columnTables = tables('列');
    const covered = new Set<CsvDatasetName>();
    for (const names of columnTables) {
      const match = csvDatasetNames.find((n) => Object.keys(csvDatasets[n].schema.shape).join() === names.join());
      expect(match, `a table with columns ${names.join(',')} matches a schema, in its order`).toBeDefined();
      covered.add(match!);
    }
    // metrics.csv is explained in a sentence that names its columns.
    for (const name of csvDatasetNames) {
      if (name === 'metrics') for (const col of Object.keys(csvDatasets.metrics.schema.shape)) expect(guide).toContain(`\`${col}\``);
      else expect(covered.has(name), name).toBe(true);
    }
  });

  it('lists exactly the frontmatter fields of a policy', () => {
    expect(tables('元数据字段')[0]).toEqual(Object.keys(policySchema.shape));
  });

  it('gives the fixed values of §9 as the published Table Schema enums', () => {
    const start = lines.findIndex((l) => l.startsWith('| 文件和列 |'));
    // Accepted for old files but not what an editor is told to write.
    const unadvertised: Record<string, string[]> = { qualifier: ['eq'], municipality: ['no'] };
    let rows = 0;
    for (let j = start + 2; lines[j]!.startsWith('|'); j++, rows++) {
      const [, where, values] = lines[j]!.split('|');
      const [file, column] = ticks(where!);
      const name = file!.replace(/\.csv$/, '') as CsvDatasetName;
      const field = tableSchema(name).fields.find((f) => f.name === column)!;
      const published = (field.constraints?.enum ?? []).filter((v) => !(unadvertised[column!] ?? []).includes(v));
      expect(new Set(ticks(values!)), `${file} ${column}`).toEqual(new Set(published));
    }
    expect(rows).toBeGreaterThanOrEqual(10);
  });

  it('quotes the date rule in its one wording', () => {
    expect(guide).toContain(DATE_RULE);
  });

  it('links to the glossary for lists that grow with the data, and the glossary has those sections', () => {
    const glossary = readFileSync('src/pages/glossary.astro', 'utf8');
    for (const anchor of ['sec-group-type', 'sec-group-model', 'sec-stage', 'metrics']) {
      expect(guide).toContain(`/glossary/#${anchor})`);
      expect(glossary).toMatch(anchor === 'metrics' ? /id="metrics"/ : /id=\{`sec-\$\{sec\.kind\}`\}/);
    }
    expect(glossary).toContain("kind: 'group-type'");
    expect(glossary).toContain("kind: 'group-model'");
    expect(glossary).toContain("kind: 'stage'");
    // No copy of a growing list: a metric id table or a row of every stage would go stale.
    expect(guide).not.toMatch(/^\| `group-count` \|/m);
    expect(guide).not.toMatch(/`primary` 小学、`junior` 初中/);
  });
});
