/**
 * The git side of the change log and of the data version. One `git log` of data/
 * and content/ (first parent, so merges count once, against the line they joined)
 * lists each commit's changed files with their blob ids; one `git cat-file --batch`
 * per commit reads just those blobs. Outside a repository (a tarball) there is no
 * history: the pages say so. Nothing here reads the clock, so the same commit
 * builds the same pages.
 */
import { execFileSync } from 'node:child_process';
import { buildChangeLog, type ChangeLog, type Revision } from '../lib/changes/history.ts';
import { dataRoot } from './validated-data.ts';

function git(root: string, args: string[], input?: Buffer): Buffer | undefined {
  try {
    return execFileSync('git', args, {
      cwd: root,
      maxBuffer: 1 << 30,
      stdio: [input ? 'pipe' : 'ignore', 'pipe', 'ignore'],
      ...(input ? { input } : {}),
    });
  } catch {
    return undefined;
  }
}

/** Reads `git cat-file --batch` output: "<sha> blob <size>\n<bytes>\n" per object. */
function readBlobs(root: string, ids: string[]): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  if (ids.length === 0) return out;
  const buf = git(root, ['cat-file', '--batch'], Buffer.from(ids.join('\n') + '\n'));
  if (!buf) return out;
  let at = 0;
  while (at < buf.length) {
    const nl = buf.indexOf(10, at);
    if (nl < 0) break;
    const [sha, type, size] = buf.subarray(at, nl).toString().split(' ');
    if (type !== 'blob') {
      at = nl + 1;
      continue;
    }
    const n = Number(size);
    out.set(sha!, new Uint8Array(buf.subarray(nl + 1, nl + 1 + n)));
    at = nl + 1 + n + 1;
  }
  return out;
}

/** Every commit that changed data/ or content/, oldest first, with the files it changed. */
export function readRevisions(root: string): Revision[] | undefined {
  const log = git(root, [
    'log',
    '--first-parent',
    '-m',
    '--reverse',
    '--raw',
    '--no-renames',
    '--no-abbrev',
    '--relative',
    '--format=@@%H%x09%cs%x09%cI%x09%s',
    '--',
    'data',
    'content',
  ]);
  if (!log) return undefined;
  const revisions: { rev: Revision; blobs: [string, string][] }[] = [];
  let current: { rev: Revision; blobs: [string, string][] } | undefined;
  for (const line of log.toString('utf8').split('\n')) {
    if (line.startsWith('@@')) {
      const [commit = '', day = '', time = '', ...subject] = line.slice(2).split('\t');
      current = { rev: { commit, day, time, subject: subject.join('\t'), files: new Map() }, blobs: [] };
      revisions.push(current);
    } else if (line.startsWith(':') && current) {
      // :100644 100644 <old> <new> M\tpath
      const [meta = '', path = ''] = line.split('\t');
      const parts = meta.split(' ');
      const blob = parts[3] ?? '';
      const status = parts[4] ?? '';
      if (!/^data\/[^/]+\.csv$/.test(path) && !/^content\/.+\.mdx$/.test(path)) continue;
      if (status.startsWith('D') || /^0+$/.test(blob)) current.rev.files.set(path, null);
      else current.blobs.push([path, blob]);
    }
  }
  for (const { rev, blobs } of revisions) {
    const bytes = readBlobs(
      root,
      blobs.map(([, b]) => b),
    );
    for (const [path, blob] of blobs) rev.files.set(path, bytes.get(blob) ?? null);
  }
  return revisions.map((r) => r.rev);
}

let cached: ChangeLog | null | undefined;

/** The site's change log, or null when the build has no git history. Built once per build. */
export function changeLog(): ChangeLog | null {
  if (cached === undefined) {
    const revisions = readRevisions(dataRoot());
    cached = revisions && revisions.length > 0 ? buildChangeLog(revisions) : null;
  }
  return cached;
}

export interface DataVersion {
  /** What a citation names: the release tag at this commit, else the day of the last data commit. */
  label: string;
  /** The day of the last commit that changed data/ or content/, or undefined outside git. */
  day?: string;
  /** That commit's short hash. */
  commit?: string;
  tag?: string;
  /** ISO time of that commit: the feeds' "updated". */
  time?: string;
}

let version: DataVersion | undefined;

/** The data version to cite: a data-YYYY-MM-DD release tag when HEAD carries one, else "YYYY-MM-DD（提交 abc1234）". */
export function dataVersionInfo(): DataVersion {
  if (version) return version;
  const root = dataRoot();
  const last = git(root, ['log', '-1', '--format=%cs%x09%h%x09%cI', '--', 'data', 'content'])?.toString().trim();
  if (!last) return (version = { label: '未发布（不在版本库中）' });
  const [day = '', commit = '', time = ''] = last.split('\t');
  const tag = git(root, ['tag', '--points-at', 'HEAD', '--list', 'data-*', '--sort=-refname'])?.toString().split('\n')[0]?.trim();
  version = { label: tag || `${day}（提交 ${commit}）`, day, commit, time, ...(tag ? { tag } : {}) };
  return version;
}
