/**
 * Runs the one validator once per build process and hands its dataset to the pages
 * (src/site/data.ts). Any problem stops the build with the same messages `npm run validate` prints.
 *
 * A build (scripts/build.ts) validates once for all its Astro processes: the records' JSON
 * step writes the dataset it validated to a file (writeDatasetFile), which the build plan
 * names to each process (src/site/build-plan.ts); they read it instead of validating again. At 200 k
 * schools that is about 1.2 s of JSON.parse against 6 s of validation in each process, and
 * the parsed strings no longer hold each CSV file's whole text alive (papaparse's fields are
 * slices of it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { formatProblem } from '../lib/problem.ts';
import { readProjectFiles } from '../lib/validate/read-project.ts';
import { validateProject } from '../lib/validate/validate.ts';
import type { Dataset } from '../lib/data/dataset.ts';
import { buildPlanOfThisProcess } from './build-plan.ts';
import { dataRoot } from './config.ts';

let cached: Dataset | undefined;

export function loadValidatedDataset(): Dataset {
  if (cached) return cached;
  const file = buildPlanOfThisProcess()?.plan.dataset;
  // JSON drops fields whose value is undefined: every such field is optional, so the pages
  // read the same dataset (the portal fixture's site is byte-identical either way).
  if (file) return (cached = JSON.parse(readFileSync(file, 'utf8')) as Dataset);
  const { dataset, problems } = validateProject(readProjectFiles(dataRoot()));
  if (problems.length > 0) {
    const shown = problems.slice(0, 50).map(formatProblem).join('\n');
    throw new Error(
      `数据校验失败，共 ${problems.length} 个问题：\n${shown}${problems.length > 50 ? '\n…（运行 npm run validate 查看全部）' : ''}`,
    );
  }
  cached = dataset;
  return dataset;
}

/** Writes the validated dataset for the Astro processes of a build (the plan's dataset). */
export function writeDatasetFile(file: string): void {
  writeFileSync(file, JSON.stringify(loadValidatedDataset()));
}
