/**
 * Test helper: git in a scratch repository, isolated from the machine's git setup — no
 * inherited GIT_* variables, no system or global config — with a fixed author and,
 * when `day` is given, fixed author and commit dates, so commits are the same every run.
 */
import { spawnSync } from 'node:child_process';

export const hasGit = spawnSync('git', ['--version']).status === 0;

export function scratchGit(repo: string, day?: string) {
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GIT_'))),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'test',
    GIT_AUTHOR_EMAIL: 'test@example.org',
    GIT_COMMITTER_NAME: 'test',
    GIT_COMMITTER_EMAIL: 'test@example.org',
    ...(day ? { GIT_AUTHOR_DATE: `${day}T12:00:00+0000`, GIT_COMMITTER_DATE: `${day}T12:00:00+0000` } : {}),
  };
  /** Runs git in the repository and returns what it did, failure included. */
  const run = (...args: string[]) => spawnSync('git', args, { cwd: repo, env, encoding: 'utf8' });
  /** Runs git in the repository and returns its output, trimmed; a failure throws with git's message. */
  const git = (...args: string[]) => {
    const r = run(...args);
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
  };
  return { env, run, git };
}
