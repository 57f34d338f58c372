/**
 * The gates run where merges and deploys happen: pull requests run the quality project
 * (CSP, XSS, axe, Lighthouse) and Pages publishes only after a job that ran it; every
 * third-party action is pinned by commit SHA with its release tag in a comment; every
 * workflow says what its token may do.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const DIR = '.github/workflows';
interface Step {
  uses?: string;
  run?: string;
}
interface Job {
  needs?: string | string[];
  permissions?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}
const files = readdirSync(DIR).filter((f) => f.endsWith('.yml'));
const text = (f: string) => readFileSync(join(DIR, f), 'utf8');
const workflow = (f: string) => parse(text(f)) as Workflow;

/** Whether a step's command runs the quality project: npm test, test-all.ts without --only, or --only with quality. */
function runsQuality(step: Step): boolean {
  const run = step.run ?? '';
  if (/(^|\s)npm (run )?test(\s|$)/m.test(run)) return true;
  const all = /node scripts\/test-all\.ts([^\n]*)/.exec(run);
  if (!all) return /vitest run[^\n]*--project quality/.test(run);
  const only = /--only\s+(\S+)/.exec(all[1]!);
  return !only || only[1]!.split(',').includes('quality');
}

/** The job and every job it needs, transitively. */
function upstream(wf: Workflow, name: string): string[] {
  const needs = wf.jobs[name]!.needs ?? [];
  return [name, ...(typeof needs === 'string' ? [needs] : needs).flatMap((n) => upstream(wf, n))];
}

describe('workflows', () => {
  it('exist', () => {
    expect(files.sort()).toEqual(['ci.yml', 'deploy.yml', 'pr.yml']);
  });

  it.each(files)('%s pins every action by commit SHA, with its tag in a comment', (file) => {
    const uses = text(file)
      .split('\n')
      .filter((l) => /^\s*(-\s+)?uses:/.test(l));
    expect(uses.length).toBeGreaterThan(0);
    for (const line of uses) expect(line.trim()).toMatch(/^(- )?uses: [\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  it.each(files)('%s has an explicit permissions block', (file) => {
    expect(workflow(file).permissions).toBeTypeOf('object');
  });

  it('pull requests run the quality project', () => {
    const steps = Object.values(workflow('pr.yml').jobs).flatMap((j) => j.steps);
    expect(steps.some(runsQuality)).toBe(true);
  });

  it('Pages publishes only what passed the quality project, and the tests get no Pages token', () => {
    const wf = workflow('deploy.yml');
    const uploads = Object.keys(wf.jobs).filter((j) => wf.jobs[j]!.steps.some((s) => s.uses?.startsWith('actions/upload-pages-artifact@')));
    expect(uploads).toHaveLength(1);
    const before = upstream(wf, uploads[0]!);
    const gates = before.filter((j) => wf.jobs[j]!.steps.some(runsQuality));
    expect(gates, `jobs before the upload: ${before.join(', ')}`).not.toEqual([]);
    for (const gate of gates) expect(wf.jobs[gate]!.permissions, gate).toEqual({ contents: 'read' });
  });

  it('tells what runs the quality project', () => {
    expect(runsQuality({ run: 'node scripts/test-all.ts --only lint,format,check,unit,e2e' })).toBe(false);
    expect(runsQuality({ run: 'node scripts/test-all.ts --only unit,quality' })).toBe(true);
    expect(runsQuality({ run: 'npm test' })).toBe(true);
    expect(runsQuality({ run: 'npm run build' })).toBe(false);
  });
});
