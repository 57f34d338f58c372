/**
 * npm test: every check in one run — lint, types, data, unit tests, the built
 * site in Chromium, quality gates — then a summary table and one closing line
 * "N passed, N failed" over all of them. Exits non-zero if anything failed.
 *   --only NAME[,NAME]   run some steps (lint, check, validate, unit, e2e)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { TEST_SITE } from '../tests/fixture-data.ts';
import { commandLine } from './lib/cli.ts';

interface Step {
  name: string;
  label: string;
  cmd: string[];
  /** A vitest JSON report to count tests from; other steps count as one test each. */
  report?: string;
  /** Extra environment, decided just before the step runs. */
  env?: () => NodeJS.ProcessEnv;
}

const bin = (name: string) => resolve('node_modules/.bin', name);
mkdirSync('test-results', { recursive: true });
const vitest = (project: string): Step => ({
  name: project,
  label: project === 'unit' ? '单元测试（vitest）' : '浏览器测试（构建站点 + Chromium）',
  cmd: [
    bin('vitest'),
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=test-results/${project}.json`,
    // Unit tests fail below the coverage thresholds in vitest.config.ts.
    ...(project === 'unit' ? ['--coverage'] : []),
  ],
  report: `test-results/${project}.json`,
});

const steps: Step[] = [
  // Typed lint reads astro:content's types, which `astro sync` writes to .astro/ (absent in a fresh clone).
  {
    name: 'lint',
    label: 'ESLint（类型感知）',
    cmd: ['sh', '-c', `"${bin('astro')}" sync >/dev/null && "${bin('eslint')}" --max-warnings 0 .`],
  },
  { name: 'format', label: 'Prettier', cmd: [bin('prettier'), '--check', '.'] },
  // Also under "lint", so --only lint runs it.
  { name: 'lint', label: 'knip（未用的文件、依赖与导出）', cmd: [bin('knip')] },
  { name: 'check', label: 'astro check（类型）', cmd: [bin('astro'), 'check'] },
  { name: 'validate', label: '数据校验', cmd: [process.execPath, 'scripts/validate.ts'] },
  vitest('unit'),
  vitest('e2e'),
  {
    ...vitest('quality'),
    label: '质量检查（axe、vnu、链接、安全、Lighthouse）',
    // The browser step built test-results/site/ from the portal fixture in this run: check that site, don't build it again.
    env: () => (builtThisRun(TEST_SITE) ? { QUALITY_REUSE_SITE: '1' } : {}),
  },
];

const onlyFlag = commandLine({ only: { type: 'string' } }, 'node scripts/test-all.ts [--only lint,format,check,…]').values.only;
const only = onlyFlag === undefined ? undefined : new Set(onlyFlag.split(','));
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' };

interface Outcome {
  label: string;
  passed: number;
  failed: number;
  skipped: number;
  seconds: number;
}
const outcomes: Outcome[] = [];
const runStarted = Date.now();
/** A site whose index.html this run wrote (the build replaces the folder whole, so every page is as new). */
const builtThisRun = (dir: string) => existsSync(`${dir}/index.html`) && statSync(`${dir}/index.html`).mtimeMs >= runStarted;

for (const step of steps) {
  if (only && !only.has(step.name)) continue;
  console.log(`\n━━ ${step.label} ━━`);
  if (step.report) rmSync(step.report, { force: true });
  const started = performance.now();
  const status = spawnSync(step.cmd[0]!, step.cmd.slice(1), { stdio: 'inherit', env: { ...env, ...step.env?.() } }).status;
  const seconds = (performance.now() - started) / 1000;
  let passed = status === 0 ? 1 : 0;
  let failed = status === 0 ? 0 : 1;
  let skipped = 0;
  if (step.report && existsSync(step.report)) {
    const r = JSON.parse(readFileSync(step.report, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
    };
    passed = r.numPassedTests;
    skipped = r.numPendingTests + r.numTodoTests;
    // A suite that failed to load (or a failing hook) counts as one failure even with no failed test.
    failed = r.numFailedTests + (status !== 0 && r.numFailedTests === 0 ? 1 : 0);
  }
  outcomes.push({ label: step.label, passed, failed, skipped, seconds });
}

const total = outcomes.reduce((t, o) => ({ passed: t.passed + o.passed, failed: t.failed + o.failed, skipped: t.skipped + o.skipped }), {
  passed: 0,
  failed: 0,
  skipped: 0,
});
// Pad by display width: a Han character takes two columns in a terminal.
const width = (text: string) =>
  [...text].reduce(
    (w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1),
    0,
  );
const pad = (text: string, n: number) => text + ' '.repeat(Math.max(1, n - width(text)));
console.log(`\n${pad('检查项', 46)}${'通过'.padStart(4)}${'失败'.padStart(5)}${'跳过'.padStart(5)}${'用时'.padStart(7)}`);
for (const o of outcomes) {
  console.log(
    `${pad(o.label, 46)}${String(o.passed).padStart(6)}${String(o.failed).padStart(7)}${String(o.skipped).padStart(7)}${`${o.seconds.toFixed(1)}s`.padStart(9)}`,
  );
}
console.log(`\n${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed > 0 ? 1 : 0);
