/**
 * The git side of the change log and of the data version. One `git log` of data/
 * and content/ (first parent, so merges count once, against the line they joined)
 * lists each commit's changed files with their blob ids; one `git cat-file --batch`
 * per commit reads just those blobs. Outside a repository (a tarball) there is no
 * history: the pages say so. Nothing here reads the clock, so the same commit
 * builds the same pages. File versions the change log cannot read go to the build
 * log (console.warn) for maintainers; pages never mention them.
 */
import { execFileSync } from 'node:child_process';
import { buildChangeLog, type ChangeLog, type Revision } from '../lib/changes/history.ts';
import { dataRoot } from './config.ts';

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

interface FileSection {
  path: string;
  oldBlob: string;
  newBlob: string;
  /** Created, deleted, header touched, odd quotes or bad bytes: read whole blobs instead of the line diff. */
  whole: boolean;
  removed: string[];
  added: string[];
}

const ZERO = /^0+$/;
const isData = (path: string) => /^data\/[^/]+\.csv$/.test(path) || /^content\/.+\.mdx$/.test(path);
const quotes = (lines: string[]) => lines.reduce((n, l) => n + (l.split('"').length - 1), 0);

/**
 * Every commit that changed data/ or content/, oldest first, with the files it changed.
 * One `git log -p --unified=0` gives each CSV's changed lines; a change the line diff
 * cannot show record by record (a new file, the header, a quoted line break) is read
 * as whole blobs through `git cat-file --batch`, one process per commit that needs it.
 */
export function readRevisions(root: string): Revision[] | undefined {
  const log = git(root, [
    'log',
    '--first-parent',
    '-m',
    '--reverse',
    '-p',
    '--unified=0',
    '--full-index',
    '--no-renames',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--relative',
    '--format=@@@%H%x09%cs%x09%cI%x09%s',
    '--',
    'data',
    'content',
  ]);
  if (!log) return undefined;
  const revisions: { rev: Revision; sections: FileSection[] }[] = [];
  let sections: FileSection[] = [];
  let file: FileSection | undefined;
  let side: { removed: string[]; added: string[] } | undefined;
  const closeHunk = () => {
    if (file && side && (quotes(side.removed) % 2 !== 0 || quotes(side.added) % 2 !== 0)) file.whole = true;
    side = undefined;
  };
  for (const raw of log.toString('utf8').split('\n')) {
    if (raw.startsWith('@@@')) {
      closeHunk();
      const [commit = '', day = '', time = '', ...subject] = raw.slice(3).split('\t');
      sections = [];
      file = undefined;
      revisions.push({ rev: { commit, day, time, subject: subject.join('\t'), files: new Map() }, sections });
    } else if (raw.startsWith('diff --git ')) {
      closeHunk();
      file = undefined;
    } else if (raw.startsWith('Binary files ') && file) {
      // git shows no lines for a file it takes as binary (a damaged CSV, or one restored from damage): read it whole.
      const m = /^Binary files (?:a\/(.+?)|\/dev\/null) and (?:b\/(.+)|\/dev\/null) differ$/.exec(raw);
      file.path = m?.[2] ?? m?.[1] ?? '';
      file.whole = true;
      if (isData(file.path)) sections.push(file);
    } else if (raw.startsWith('index ') && !file) {
      const m = /^index ([0-9a-f]+)\.\.([0-9a-f]+)/.exec(raw);
      file = { path: '', oldBlob: m?.[1] ?? '', newBlob: m?.[2] ?? '', whole: false, removed: [], added: [] };
    } else if (raw.startsWith('+++ ') && file && !side) {
      const path = raw.slice(4) === '/dev/null' ? '' : raw.slice(6);
      file.path ||= path;
      if (isData(file.path)) sections.push(file);
      if (ZERO.test(file.oldBlob) || ZERO.test(file.newBlob) || !file.path.endsWith('.csv')) file.whole = true;
    } else if (raw.startsWith('--- ') && file && !side) {
      if (raw.slice(4) !== '/dev/null') file.path = raw.slice(6);
    } else if (raw.startsWith('@@ ') && file) {
      closeHunk();
      const m = /^@@ -(\d+)(?:,\d+)? \+(\d+)/.exec(raw);
      // Line 1 is the header: a change there is read whole.
      if (!m || Number(m[1]) <= 1 || Number(m[2]) <= 1) file.whole = true;
      side = { removed: [], added: [] };
    } else if (side && file && (raw.startsWith('-') || raw.startsWith('+'))) {
      const line = raw.slice(1).replace(/\r$/, '');
      if (line.includes('\uFFFD')) file.whole = true;
      (raw.startsWith('-') ? side.removed : side.added).push(line);
      (raw.startsWith('-') ? file.removed : file.added).push(line);
    }
  }
  closeHunk();
  for (const { rev, sections: files } of revisions) {
    // Only the version after: the change log compares it with the last version it could read.
    const wanted = files.filter((f) => f.whole).flatMap((f) => (f.newBlob && !ZERO.test(f.newBlob) ? [f.newBlob] : []));
    const blobs = readBlobs(root, [...new Set(wanted)]);
    const blob = (id: string) => (ZERO.test(id) ? null : (blobs.get(id) ?? null));
    for (const f of files)
      rev.files.set(
        f.path,
        f.whole
          ? { after: blob(f.newBlob) }
          : {
              removed: f.removed.filter(Boolean),
              added: f.added.filter(Boolean),
              // Read only when the version before could not be read (rare: one git process then).
              readAfter: () => readBlobs(root, [f.newBlob]).get(f.newBlob) ?? null,
            },
      );
  }
  return revisions.map((r) => r.rev);
}

let cached: ChangeLog | null | undefined;

/** One line per file version the change log could not read: its changes are not listed. */
export function unreadableReport(log: ChangeLog | null): string[] {
  return (log?.days ?? []).flatMap((d) =>
    d.commits.flatMap((c) =>
      c.unreadable.map(
        (path) =>
          `数据更新记录：提交 ${c.commit.slice(0, 7)}（${c.day}）中的 ${path} 无法读取（不是 UTF-8、引号不配对或缺少标识列），这一版本的变化没有列出。`,
      ),
    ),
  );
}

/** The site's change log, or null when the build has no git history. Built once per build. */
export function changeLog(): ChangeLog | null {
  if (cached === undefined) {
    const revisions = readRevisions(dataRoot());
    cached = revisions && revisions.length > 0 ? buildChangeLog(revisions) : null;
    // For the maintainers (the build log), never on a page: what the change log could not read.
    for (const line of unreadableReport(cached)) console.warn(line);
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
