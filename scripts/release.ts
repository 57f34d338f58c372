/**
 * npm run release -- [--date YYYY-MM-DD] [--dry-run] [--no-tag] [--root DIR]
 *
 * A dated data release: checks the data, writes releases/YYYY-MM-DD/ — every data/*.csv
 * with a UTF-8 BOM in front (so Excel opens it as UTF-8; the content is unchanged), the
 * data licence, and MANIFEST (sha256 of each file, the format `sha256sum -c MANIFEST`
 * reads) — then commits that directory and tags the commit data-YYYY-MM-DD. The folder is
 * written all or nothing (a staging folder, then one rename), and a rerun finishes or clears
 * what an interrupted run left (writeSnapshot).
 *
 *   --date      the release date (default: today in China, Asia/Shanghai)
 *   --dry-run   check and list what would be written and run; write nothing, no git
 *   --no-tag    write the snapshot only (no commit, no tag)
 *   --root      the project directory (default: .)
 *
 * Publishing is a separate, deliberate step: git push origin HEAD data-YYYY-MM-DD.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { withBomBytes } from '../src/lib/csv/bom.ts';
import { parseFlags } from './lib/cli.ts';
import { git } from '../src/site/git.ts';
import { formatProblem } from '../src/lib/problem.ts';
import { readProjectFiles } from '../src/lib/validate/read-project.ts';
import { validateProject } from '../src/lib/validate/validate.ts';

export interface SnapshotFile {
  name: string;
  sha256: string;
  bytes: Buffer;
}

export const releaseDir = (root: string, date: string) => join(root, 'releases', date);
export const tagName = (date: string) => `data-${date}`;

/** Today's date in China, where the data's readers are. */
export function today(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** The files of a snapshot, in memory: each CSV with exactly one BOM, the licence as is. */
export function snapshotFiles(root: string): SnapshotFile[] {
  const dataDir = join(root, 'data');
  const names = readdirSync(dataDir)
    .filter((n) => n.endsWith('.csv') || n === 'LICENSE.md')
    .sort();
  return names.map((name) => {
    const file = readFileSync(join(dataDir, name));
    const bytes = name.endsWith('.csv') ? Buffer.from(withBomBytes(file).buffer) : file;
    return { name, sha256: createHash('sha256').update(bytes).digest('hex'), bytes };
  });
}

/** MANIFEST: one `<sha256>  <file>` line per file, as sha256sum writes it. */
export const manifest = (files: SnapshotFile[]) => files.map((f) => `${f.sha256}  ${f.name}\n`).join('');

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** releases/.<date>.tmp-<pid>: where a snapshot is written before one rename makes it releases/<date>/. */
const STAGING = /^\.(\d{4}-\d{2}-\d{2})\.tmp-(\d+)$/;

/** A snapshot folder equals `files` when it holds exactly them, byte for byte, and their MANIFEST. */
function sameSnapshot(dir: string, files: SnapshotFile[]): boolean {
  const names = [...files.map((f) => f.name), 'MANIFEST'].sort();
  const have = readdirSync(dir).sort();
  if (have.join('\n') !== names.join('\n')) return false;
  return (
    files.every((f) => readFileSync(join(dir, f.name)).equals(f.bytes)) && readFileSync(join(dir, 'MANIFEST'), 'utf8') === manifest(files)
  );
}

/**
 * Writes releases/<date>/ and its MANIFEST, all or nothing: into a staging folder, then one
 * rename, so an interrupted run (even by SIGKILL) leaves no partial releases/<date>/. A rerun
 * removes what an interrupted run left: staging folders of processes that are gone, and a
 * releases/<date>/ without its MANIFEST (written last, by older versions of this command, in
 * place). A complete snapshot of the same data is kept (`reused`: the run that wrote it may
 * have stopped before its commit); one of other data is refused.
 */
export function writeSnapshot(
  root: string,
  date: string,
  log: (line: string) => void = () => undefined,
): { dir: string; files: SnapshotFile[]; reused: boolean } {
  const dir = releaseDir(root, date);
  const releases = join(root, 'releases');
  const files = snapshotFiles(root);
  if (!files.some((f) => f.name.endsWith('.csv'))) throw new Error(`${join(root, 'data')} 里没有 CSV 文件`);
  if (existsSync(releases))
    for (const name of readdirSync(releases)) {
      const pid = STAGING.exec(name)?.[2];
      if (pid && !isAlive(Number(pid))) rmSync(join(releases, name), { recursive: true, force: true });
    }
  if (existsSync(dir)) {
    if (!existsSync(join(dir, 'MANIFEST'))) {
      log(`${dir} 没有 MANIFEST，是上次中断的发布留下的半成品：已删除，重新写入。`);
      rmSync(dir, { recursive: true, force: true });
    } else if (sameSnapshot(dir, files)) return { dir, files, reused: true };
    else throw new Error(`${dir} 已存在，且与现在的数据不同：同一天只发布一次（要重发请先删除这个目录）`);
  }
  const staging = join(releases, `.${date}.tmp-${process.pid}`);
  mkdirSync(staging, { recursive: true });
  try {
    for (const f of files) writeFileSync(join(staging, f.name), f.bytes);
    writeFileSync(join(staging, 'MANIFEST'), manifest(files));
    renameSync(staging, dir);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
  return { dir, files, reused: false };
}

export interface ReleaseOptions {
  root: string;
  date: string;
  dryRun: boolean;
  tag: boolean;
  log?: (line: string) => void;
}

/** The whole release; throws with a message an editor can act on. */
export function release({ root, date, dryRun, tag, log = console.log }: ReleaseOptions): void {
  if (!isIsoDate(date)) throw new Error(`日期 ${date} 不对：写成 YYYY-MM-DD，如 2025-03-01`);
  const { problems } = validateProject(readProjectFiles(root));
  if (problems.length > 0) throw new Error(`数据校验没有通过，不能发布：\n${problems.map(formatProblem).join('\n')}`);
  const rel = `releases/${date}`;
  const name = tagName(date);

  if (tag && !dryRun) {
    if (!git(['rev-parse', '--is-inside-work-tree'], root).ok) throw new Error(`${root} 不是 git 仓库（只写快照请加 --no-tag）`);
    if (git(['rev-parse', '-q', '--verify', `refs/tags/${name}`], root).ok) throw new Error(`标签 ${name} 已存在`);
    const dirty = git(['status', '--porcelain', '--', 'data', 'content'], root);
    if (!dirty.ok || dirty.text !== '')
      throw new Error(`data/ 或 content/ 有未提交的修改，快照会和标签对不上。先提交或撤销：\n${dirty.text || dirty.err}`);
  }

  if (dryRun) {
    if (existsSync(join(releaseDir(root, date), 'MANIFEST'))) throw new Error(`${rel} 已存在：同一天只发布一次`);
    const files = snapshotFiles(root);
    log(`（试运行，不写文件、不动 git）将写入 ${rel}/：`);
    for (const f of files) log(`  ${f.sha256}  ${f.name}`);
    log(`  MANIFEST`);
    if (tag) log(`将运行：git add -- ${rel} && git commit -m "数据版本 ${date}" -- ${rel} && git tag -a ${name} -m "数据版本 ${date}"`);
    return;
  }

  const { files, reused } = writeSnapshot(root, date, log);
  log(
    reused
      ? `${rel}/ 已有同样数据的快照（上次发布在提交前中断），沿用它`
      : `已写入 ${rel}/：${files.map((f) => f.name).join('、')}、MANIFEST`,
  );
  if (!tag) return;
  // A snapshot an interrupted run already committed needs only its tag.
  const committed = reused && git(['status', '--porcelain', '--', rel], root).text === '';
  const steps: string[][] = [
    ...(committed
      ? []
      : [
          ['add', '--', rel],
          ['commit', '-q', '-m', `数据版本 ${date}`, '--', rel],
        ]),
    ['tag', '-a', name, '-m', `数据版本 ${date}`],
  ];
  for (const args of steps) {
    const r = git(args, root);
    if (!r.ok) throw new Error(`git ${args.join(' ')} 失败：${r.err}\n快照已写入 ${rel}/，可以手动提交并打标签。`);
  }
  log(`已提交并打标签 ${name}。发布：git push origin HEAD ${name}`);
}

const USAGE = 'npm run release -- [--date YYYY-MM-DD] [--dry-run] [--no-tag] [--root DIR]';

function parseArgs(argv: readonly string[]): ReleaseOptions {
  const { values } = parseFlags(
    argv,
    {
      date: { type: 'string', default: today() },
      root: { type: 'string', default: '.' },
      'dry-run': { type: 'boolean', default: false },
      'no-tag': { type: 'boolean', default: false },
    },
    false,
    `用法：${USAGE}`,
  );
  return { root: resolve(values.root), date: values.date, dryRun: values['dry-run'], tag: !values['no-tag'] };
}

if (import.meta.main) {
  try {
    release(parseArgs(process.argv.slice(2)));
  } catch (err) {
    console.error(`发布失败：${(err as Error).message}`);
    process.exitCode = 1;
  }
}
