/**
 * When was a record last changed? Read from the repository: `git blame` per CSV
 * line, `git log` per MDX file. Lines not yet committed have no date, so two
 * builds of the same commit print the same dates.
 *
 * A build without git history (no git, no .git, a shallow export) is not the same
 * as a record not yet committed: gitHistory() says which, the page says so, and
 * the build prints a warning once instead of swallowing the failure.
 */
import { spawnSync } from 'node:child_process';
import { dataRoot } from './config.ts';
import { git } from './git.ts';

const blameCache = new Map<string, Map<number, string>>();
const fileCache = new Map<string, string | undefined>();

export type GitHistory = { available: true } | { available: false; reason: string };

let history: GitHistory | undefined;

/** Whether the data root has git history to read dates from; checked once per build. */
export function gitHistory(): GitHistory {
  if (!history) {
    const r = spawnSync('git', ['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd: dataRoot(), encoding: 'utf8' });
    if (r.error) history = { available: false, reason: `找不到 git 命令（${r.error.message}）` };
    else if (r.status !== 0) history = { available: false, reason: `${dataRoot()} 不在有提交的 git 仓库里` };
    else history = { available: true };
    if (!history.available) console.warn(`注意：读不到版本库历史，${history.reason}。记录页将写明“没有版本库历史”，而不是修改日期。`);
  }
  return history;
}

/** Output of a git command, or undefined when there is no history or the command fails (failures other than "not committed" are printed). */
function gitOutput(args: string[]): string | undefined {
  if (!gitHistory().available) return undefined;
  const r = git(args, dataRoot());
  if (r.ok) return r.out.toString();
  // blame of a file that was never committed: the "not committed yet" case, not a failure.
  if (!/no such path .* in HEAD/.test(r.err)) console.warn(`注意：git ${args[0]} 失败：${r.err}`);
  return undefined;
}

function blame(file: string): Map<number, string> {
  let map = blameCache.get(file);
  if (map) return map;
  map = new Map();
  const out = gitOutput(['blame', '--line-porcelain', '--', file]);
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
      for (const l of (gitOutput(['log', '--format=@@%cs', '--name-only', '--relative', '--', 'content']) ?? '').split('\n')) {
        if (l.startsWith('@@')) day = l.slice(2);
        else if (l && !contentDays.has(l)) contentDays.set(l, day);
      }
    }
    return contentDays.get(file);
  }
  if (!fileCache.has(file)) fileCache.set(file, gitOutput(['log', '-1', '--format=%cs', '--', file])?.trim() || undefined);
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
  return gitOutput(['log', '-1', '--format=%cs', '--', 'data', 'content'])?.trim() || 'unreleased';
}

export interface DataChange {
  day: string;
  subject: string;
  files: string[];
}

/** Commits that changed the data, newest first: the public changelog of records. */
export function dataChangelog(limit = 50): DataChange[] {
  const out = gitOutput(['log', `-${limit}`, '--format=@@%cs\t%s', '--name-only', '--', 'data', 'content']);
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
