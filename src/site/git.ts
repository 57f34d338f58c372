/**
 * Running git: the one helper every reader of the repository uses (record dates in
 * git-dates.ts, a commit's files in scripts/lib/git-files.ts, releases in
 * scripts/release.ts). It never throws: the caller decides what a failure means and says
 * so in its own words, with `err` (git's message, or why git could not be started).
 */
import { spawnSync } from 'node:child_process';

export interface GitResult {
  ok: boolean;
  /** Standard output, as bytes (a file's content from `git show`, or text). */
  out: Buffer;
  /** Standard error, trimmed, or the reason git did not run (not installed). */
  err: string;
  /** Standard output as text, trimmed. */
  text: string;
}

/** Output larger than this fails the command rather than fill the memory (a whole history's patches fit). */
const MAX_OUTPUT = 1 << 30;

export function git(args: string[], cwd: string, input?: Buffer): GitResult {
  const r = spawnSync('git', args, { cwd, maxBuffer: MAX_OUTPUT, ...(input ? { input } : {}) });
  const out = r.stdout ?? Buffer.alloc(0);
  return {
    ok: r.status === 0,
    out,
    err: (r.stderr?.toString() || (r.error ? r.error.message : '')).trim(),
    text: out.toString().trim(),
  };
}
