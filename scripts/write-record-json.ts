/**
 * node scripts/write-record-json.ts --site DIR [--dataset FILE]
 *
 * Writes every record's JSON download into a built site (DATA_ROOT chooses the data, read
 * through src/site as the pages read it):
 * schools/<id>.json, groups/<id>.json, policies/<id>.json, regions/<id>.json, the bodies
 * from src/lib/open-data/json-records.ts. scripts/build.ts runs it after the Astro step, or
 * in a parallel build while `astro sync` runs, into the build's temporary directory.
 *
 * Why not Astro endpoints: at country size these are 245 k files of plain data, and an
 * Astro route costs a request, a render context, a Response and an async mkdir + write per
 * file, about as much as a small page. Synchronous writes, one mkdir per folder, do the same
 * in a fraction of the time, with the same bytes.
 *
 * --dataset FILE also writes the validated dataset there, for the Astro processes of a parallel
 * build to read instead of validating again (src/site/validated-data.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { recordJsonFiles } from '../src/lib/open-data/json-records.ts';
import { getIndex } from '../src/site/index.ts';
import { writeDatasetFile } from '../src/site/validated-data.ts';
import { commandLine } from './lib/cli.ts';

const usage = 'node scripts/write-record-json.ts --site <构建目录> [--dataset <数据集文件>]';

if (import.meta.main) {
  const { values } = commandLine({ site: { type: 'string' }, dataset: { type: 'string' } }, usage);
  if (!values.site) {
    console.error(`缺少 --site\n用法：${usage}`);
    process.exit(2);
  }
  const site = resolve(values.site);
  const started = performance.now();
  // The pages' own data path (src/site: validated once, indexed): the same rows the pages show.
  let idx;
  try {
    idx = await getIndex();
  } catch (e) {
    console.error((e as Error).message); // the problems, file:line:col; no stack trace
    process.exit(1);
  }
  if (values.dataset) writeDatasetFile(values.dataset);
  const made = new Set<string>();
  let files = 0;
  for (const { path, body } of recordJsonFiles(idx)) {
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
