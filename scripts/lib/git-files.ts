/** The data/ and content/ files of a git commit, read without touching the work tree. */
import type { ProjectFiles } from '../../src/lib/validate/types.ts';
import { git } from '../../src/site/git.ts';

/** The data/ and content/ files of a commit, as read-project.ts would read them from disk. */
export function gitFiles(ref: string, repo: string): ProjectFiles {
  const top = git(['rev-parse', '--show-toplevel'], repo);
  if (!top.ok) throw new Error(`${repo} 不是 git 仓库：${top.err}`);
  const cwd = top.text;
  const ls = git(['ls-tree', '-r', '-z', '--name-only', ref, '--', 'data', 'content'], cwd);
  if (!ls.ok) throw new Error(`读不到 ${ref}：${ls.err}`);
  const files: ProjectFiles = new Map();
  for (const path of ls.out.toString().split('\0').filter(Boolean)) {
    if (!/^data\/[^/]+\.csv$/.test(path) && !/^content\/.+\.mdx$/.test(path)) continue;
    const show = git(['show', `${ref}:${path}`], cwd);
    if (!show.ok) throw new Error(`读不到 ${ref}:${path}：${show.err}`);
    files.set(path, new Uint8Array(show.out));
  }
  return files;
}

/** The commit a pull request is compared from: the merge base of the two refs, if there is one. */
export function mergeBase(base: string, head: string, repo: string): string | undefined {
  const r = git(['merge-base', base, head], repo);
  return r.ok ? r.text : undefined;
}

/** True when the ref names a commit in the repository. */
const isCommit = (ref: string, repo: string) => git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], repo).ok;

/**
 * The branch a change is compared with when none is given: origin/main as a pull request
 * is, or the local main in a clone without an `origin` remote (a fork's work, a scratch copy).
 */
export function defaultBase(repo: string): string {
  for (const ref of ['origin/main', 'main']) if (isCommit(ref, repo)) return ref;
  throw new Error('找不到用来比较的分支：既没有 origin/main，也没有 main。用 --base 指定一个分支或提交，或用 --base-dir 指定一个目录');
}

export const shortSha = (ref: string, repo: string) => {
  const r = git(['rev-parse', '--short', ref], repo);
  return r.ok ? r.text : undefined;
};
