/**
 * When was a record last changed? Read from the repository: `git blame` per CSV
 * line, `git log` per MDX file. Lines not yet committed have no date, so two
 * builds of the same commit print the same dates.
 */
import { execFileSync } from 'node:child_process';
import { dataRoot } from './validated-data.ts';

const blameCache = new Map<string, Map<number, string>>();
const fileCache = new Map<string, string | undefined>();

function git(args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: dataRoot(), encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

function blame(file: string): Map<number, string> {
  let map = blameCache.get(file);
  if (map) return map;
  map = new Map();
  const out = git(['blame', '--line-porcelain', '--', file]);
  if (out) {
    let line = 0;
    let time = '';
    let uncommitted = false;
    for (const l of out.split('\n')) {
      const header = /^([0-9a-f]{40}) \d+ (\d+)/.exec(l);
      if (header) {
        line = Number(header[2]);
        uncommitted = /^0+$/.test(header[1]!);
      } else if (l.startsWith('committer-time ')) time = new Date(Number(l.slice(15)) * 1000).toISOString().slice(0, 10);
      else if (l.startsWith('\t') && !uncommitted) map.set(line, time);
    }
  }
  blameCache.set(file, map);
  return map;
}

let contentDays: Map<string, string> | undefined;

/**
 * Last commit day of a whole file. Files under content/ are read from one `git log`
 * of that directory (newest first), not one process per file: thousands of MDX files.
 */
function fileDay(file: string): string | undefined {
  if (file.startsWith('content/')) {
    if (!contentDays) {
      contentDays = new Map();
      let day = '';
      for (const l of (git(['log', '--format=@@%cs', '--name-only', '--relative', '--', 'content']) ?? '').split('\n')) {
        if (l.startsWith('@@')) day = l.slice(2);
        else if (l && !contentDays.has(l)) contentDays.set(l, day);
      }
    }
    return contentDays.get(file);
  }
  if (!fileCache.has(file)) fileCache.set(file, git(['log', '-1', '--format=%cs', '--', file])?.trim() || undefined);
  return fileCache.get(file);
}

/** Last-changed ISO day of the given CSV lines or whole files; undefined when not committed. */
export function lastChanged(parts: { file: string; line?: number }[]): string | undefined {
  let newest: string | undefined;
  for (const { file, line } of parts) {
    let day: string | undefined;
    if (line !== undefined) day = blame(file).get(line);
    else day = fileDay(file);
    if (day && (!newest || day > newest)) newest = day;
  }
  return newest;
}

/** The data's version: the day of the last commit that touched data/ or content/ ("unreleased" outside git). */
export function dataVersion(): string {
  return git(['log', '-1', '--format=%cs', '--', 'data', 'content'])?.trim() || 'unreleased';
}

export interface DataChange {
  day: string;
  subject: string;
  files: string[];
}

/** Commits that changed the data, newest first: the public changelog of records. */
export function dataChangelog(limit = 50): DataChange[] {
  const out = git(['log', `-${limit}`, '--format=@@%cs\t%s', '--name-only', '--', 'data', 'content']);
  if (!out) return [];
  return out
    .split('@@')
    .filter((chunk) => chunk.trim())
    .map((chunk) => {
      const [head = '', ...files] = chunk.trim().split('\n');
      const [day = '', subject = ''] = head.split('\t');
      return { day, subject, files: files.filter(Boolean) };
    });
}
