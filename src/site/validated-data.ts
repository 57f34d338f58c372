/**
 * Runs the one validator once per build process and hands its dataset to the pages
 * (src/site/data.ts). Any problem stops the build with the same messages `npm run validate` prints.
 */
import { formatProblem } from '../lib/problem.ts';
import { readProjectFiles } from '../lib/validate/read-project.ts';
import { validateProject } from '../lib/validate/validate.ts';
import type { Dataset } from '../lib/data/dataset.ts';
import { dataRoot } from './config.ts';

let cached: Dataset | undefined;

export function loadValidatedDataset(): Dataset {
  if (cached) return cached;
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
