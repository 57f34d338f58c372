/** Reads the validator's inputs from disk: every data/*.csv and content/**\/*.mdx. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ProjectFiles } from './validate.ts';

function walk(dir: string, out: string[]): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names.sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
}

/** `root` holds data/ and content/ (the project, or a fixture directory). */
export function readProjectFiles(root: string): ProjectFiles {
  const files: ProjectFiles = new Map();
  const paths: string[] = [];
  walk(join(root, 'data'), paths);
  walk(join(root, 'content'), paths);
  for (const path of paths) {
    const rel = relative(root, path).split(sep).join('/');
    if (/^data\/[^/]+\.csv$/.test(rel) || /^content\/.+\.mdx$/.test(rel)) files.set(rel, readFileSync(path));
  }
  return files;
}
