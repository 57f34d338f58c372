/**
 * npm run validate [-- --root DIR] [--github]
 * Prints every problem as file:line:column and exits 1 when there are any.
 * --github also prints GitHub Actions annotations (::error file=…,line=…,col=…::, escaped).
 */
import { resolve } from 'node:path';
import { errorCommand, oneLine } from '../src/lib/ci/workflow-commands.ts';
import { datasetSummary, summaryWords } from '../src/lib/data/summary.ts';
import { formatProblem } from '../src/lib/problem.ts';
import { readProjectFiles } from '../src/lib/validate/read-project.ts';
import { validateProject } from '../src/lib/validate/validate.ts';
import { commandLine } from './lib/cli.ts';

const { values } = commandLine(
  { root: { type: 'string' }, github: { type: 'boolean', default: false } },
  'npm run validate [-- --root DIR] [--github]',
);
const root = resolve(values.root ?? process.env.DATA_ROOT ?? '.');
const github = values.github || process.env.GITHUB_ACTIONS === 'true';

const started = performance.now();
const { dataset, problems } = validateProject(readProjectFiles(root));
const ms = Math.round(performance.now() - started);

for (const p of problems) {
  // One line per problem, whatever the data holds: a line break in a quoted cell must not start a
  // line of its own (in a GitHub log it could be read as a workflow command).
  console.error(oneLine(formatProblem(p)));
  if (github) console.log(errorCommand({ ...p, message: p.message + (p.fix ? `。修改建议：${p.fix}` : '') }));
}
if (problems.length > 0) {
  console.error(`\n校验失败：发现 ${problems.length} 个问题（${ms} ms）。`);
  process.exit(1);
}
console.log(`校验通过：${summaryWords(datasetSummary(dataset))}（${ms} ms）。`);
