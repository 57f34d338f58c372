/**
 * The importer under random and mutated input (issue #30): a fixed seed, a bounded count,
 * run by tests/fixtures/import/hostile/fuzz-run.ts in a child process with a 512 MB heap.
 * Every input must be read or refused with the importer's own InputError, naming the file;
 * anything else thrown, an input that runs past its time, or a crash is a finding.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { expect, it } from 'vitest';
import type { FuzzLine } from '../fixtures/import/hostile/fuzz-run.ts';

const SEED = 20261207;
const COUNT = 150;
/** The reader's own time limit per input (exceljs and mammoth are stopped there). */
const READ_SECONDS = 3;
/** Past this, an input hangs somewhere the reader's limit does not reach (listing, planning). */
const INPUT_MS = 15_000;

it(`finds nothing in ${COUNT} random and mutated inputs (seed ${SEED})`, { timeout: 180_000 }, async () => {
  const child = spawn(
    process.execPath,
    ['--max-old-space-size=512', 'tests/fixtures/import/hostile/fuzz-run.ts', String(SEED), String(COUNT), String(READ_SECONDS)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines: FuzzLine[] = [];
  let current: Extract<FuzzLine, { start: number }> | undefined;
  let hung: string | undefined;
  let watchdog: NodeJS.Timeout | undefined;
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  for await (const text of createInterface({ input: child.stdout })) {
    const line = JSON.parse(text) as FuzzLine;
    lines.push(line);
    clearTimeout(watchdog);
    if ('start' in line) {
      current = line;
      watchdog = setTimeout(() => {
        hung = `input ${line.start} (${line.name}, ${line.format}, ${line.bytes} bytes) ran past ${INPUT_MS} ms`;
        child.kill('SIGKILL');
      }, INPUT_MS);
    }
  }
  clearTimeout(watchdog);
  const code = await exited;

  const findings = lines.filter((l) => 'finding' in l);
  expect(hung, 'a hang (rerun with FUZZ_DUMP=N to write the input out)').toBeUndefined();
  expect(findings, 'inputs that threw something other than InputError').toEqual([]);
  expect(code, `the run crashed at ${current ? `input ${current.start} (${current.name})` : 'start'}:\n${stderr}`).toBe(0);
  const end = lines.at(-1);
  expect(end && 'end' in end ? end.inputs : undefined).toBe(COUNT);
  if (!end || !('end' in end)) return;
  expect(end.maxRssMB).toBeLessThan(600);
  // Not a run that refuses everything: a good share of inputs get through to planning.
  expect(end.refused).toBeLessThan(COUNT * 0.8);
  expect(end.refused).toBeGreaterThan(0);
});
