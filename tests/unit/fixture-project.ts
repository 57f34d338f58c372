/** Test helpers: the mini fixture project in memory, with files swapped in from a bad-input case. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { readProjectFiles } from '../../src/lib/validate/read-project.ts';
import type { ProjectFiles } from '../../src/lib/validate/types.ts';

export const MINI = 'tests/fixtures/mini';
export const BAD = 'tests/fixtures/bad';

export function miniFiles(): ProjectFiles {
  return readProjectFiles(MINI);
}

/** The mini project with every file under `dir` (data/…, content/…) replacing its namesake. */
export function overlay(files: ProjectFiles, dir: string): ProjectFiles {
  const out = new Map(files);
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name !== 'expected.txt') out.set(relative(dir, p).split(sep).join('/'), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

export const text = (s: string) => new TextEncoder().encode(s);
