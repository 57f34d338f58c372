/**
 * node scripts/bench-import.ts [ROWS]   (also run by npm run bench)
 *
 * Times `npm run import` on a generated list of ROWS rows (default 1,000: groups of ten,
 * one school per row, as a bureau's spreadsheet lists them) into a copy of the importer's
 * fixture dataset: read, plan, preview and write (validator run before and after).
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { arabicToChinese } from '../src/lib/search/normalize.ts';
import { parseImportArgs, runImport } from './import.ts';
import { commandLine } from './lib/cli.ts';

const ROOT = resolve(import.meta.dirname, '..');

export interface ImportTiming {
  rows: number;
  groups: number;
  schools: number;
  previewSecs: number;
  writeSecs: number;
}

export async function benchImport(rows = 1000): Promise<ImportTiming> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
  try {
    cpSync(join(ROOT, 'tests/fixtures/import/dataset'), dir, { recursive: true });
    const data: string[][] = [];
    for (let i = 0; i < rows; i++) {
      const group = Math.floor(i / 10) + 1;
      // Numbered names never count as close to each other, so nothing is left to confirm.
      const school = `济南市第${arabicToChinese(i + 1)}小学`;
      data.push([`济南市第${arabicToChinese(group * 10 - 9)}小学教育集团`, school, i % 10 === 0 ? '牵头校' : '成员校', '市中区']);
    }
    const file = join(dir, 'list.csv');
    writeFileSync(file, Papa.unparse({ fields: ['集团名称', '学校名称', '角色', '所在区县'], data }));
    const args = [file, '--source', 'jinan-shizhong-signing', '--region', 'shandong-jinan-shizhong', '--root', dir];
    let t = performance.now();
    const preview = await runImport(parseImportArgs(args));
    const previewSecs = (performance.now() - t) / 1000;
    t = performance.now();
    const written = await runImport(parseImportArgs([...args, '--write']));
    const writeSecs = (performance.now() - t) / 1000;
    if (written.code !== 0 || !preview.plan) throw new Error(`import failed:\n${written.output}`);
    return { rows, groups: preview.plan.groups.length, schools: preview.plan.newSchools.length, previewSecs, writeSecs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const rows = commandLine({}, 'node scripts/bench-import.ts [ROWS]', [0, 1]).positionals[0];
  const r = await benchImport(Number(rows ?? 1000));
  console.log(
    `import of ${r.rows} rows (${r.groups} groups, ${r.schools} new schools): preview ${r.previewSecs.toFixed(2)} s, write ${r.writeSecs.toFixed(2)} s`,
  );
}
