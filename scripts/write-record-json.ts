/**
 * node scripts/write-record-json.ts --site DIR
 *
 * Writes every record's JSON download into a built site (DATA_ROOT chooses the data):
 * schools/<id>.json, groups/<id>.json, policies/<id>.json, regions/<id>.json, the bodies
 * from src/lib/open-data/json-records.ts. scripts/build.ts runs it after the Astro step.
 *
 * Why not Astro endpoints: at country size these are 245 k files of plain data, and an
 * Astro route costs a request, a render context, a Response and an async mkdir + write per
 * file, about as much as a small page. Synchronous writes, one mkdir per folder, do the same
 * in a fraction of the time, with the same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { indexDataset } from '../src/lib/data/queries.ts';
import { recordJsonFiles } from '../src/lib/open-data/json-records.ts';
import { formatProblem } from '../src/lib/problem.ts';
import { readProjectFiles } from '../src/lib/validate/read-project.ts';
import { validateProject } from '../src/lib/validate/validate.ts';
import { commandLine } from './lib/cli.ts';

const usage = 'node scripts/write-record-json.ts --site <构建目录>';

if (import.meta.main) {
  const { values } = commandLine({ site: { type: 'string' } }, usage);
  if (!values.site) {
    console.error(`缺少 --site\n用法：${usage}`);
    process.exit(2);
  }
  const site = resolve(values.site);
  const started = performance.now();
  const { dataset, problems } = validateProject(readProjectFiles(resolve(process.env.DATA_ROOT ?? '.')));
  if (problems.length > 0) {
    for (const p of problems) console.error(formatProblem(p));
    process.exit(1);
  }
  const made = new Set<string>();
  let files = 0;
  for (const { path, body } of recordJsonFiles(indexDataset(dataset))) {
    const file = join(site, path);
    const dir = dirname(file);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(file, body);
    files++;
  }
  console.log(`记录 JSON：${files} 个文件（${((performance.now() - started) / 1000).toFixed(1)} s）`);
}
