import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseFlags } from '../../scripts/lib/cli.ts';

const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/quality/reproducible.ts', ...args], { encoding: 'utf8' });

describe('parseFlags', () => {
  it('names the flags there are when one is unknown', () => {
    expect(() => parseFlags(['--nope'], { only: { type: 'string' } })).toThrow('不认识的参数：--nope（可用：--only）');
    expect(() => parseFlags(['--x'], {})).toThrow('（可用：无）');
  });
  it('says which flag lacks its value', () => {
    expect(() => parseFlags(['--only'], { only: { type: 'string' } })).toThrow('--only 后面缺少值');
  });
});

describe('commandLine', () => {
  it('exits 2 with the usage, not a stack trace, on a missing, extra or unknown argument', () => {
    for (const [args, message] of [
      [['a'], '缺少参数'],
      [['a', 'b', 'c'], '多余的参数：c'],
      [['--x', 'a', 'b'], '不认识的参数：--x'],
    ] as const) {
      const r = run(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(
        `${message}${message.startsWith('不认识') ? '（可用：--help）' : ''}\n用法：node scripts/quality/reproducible.ts DIR_A DIR_B\n`,
      );
    }
  });
});

describe('--help and a mistyped flag, on every command that parses flags', () => {
  const node = (script: string, ...args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', timeout: 20_000 });

  it('prints the usage and exits 0 on --help, before doing any work', () => {
    for (const script of ['scripts/bench.ts', 'scripts/search-index.ts', 'scripts/build.ts', 'scripts/quality/reproducible.ts']) {
      const r = node(script, '--help');
      expect(r.status, script).toBe(0);
      expect(r.stdout, script).toMatch(/^用法：/);
    }
    expect(node('scripts/bench.ts', '-h').stdout).toContain('--sizes');
  });

  it('exits 2 and names the mistyped flag', () => {
    for (const [script, flag] of [
      ['scripts/bench.ts', '--no-lighthous'],
      ['scripts/search-index.ts', '--sit'],
      ['scripts/build.ts', '--shard'],
    ] as const) {
      const r = node(script, flag, 'x');
      expect(r.status, script).toBe(2);
      expect(r.stderr, script).toContain(`不认识的参数：${flag}`);
    }
  });

  it('refuses a bad number or a missing required flag', () => {
    const bench = node('scripts/bench.ts', '--repeat', '0');
    expect(bench.status).toBe(2);
    expect(bench.stderr).toContain('--repeat 要一个不小于 1 的整数，不是“0”');
    const index = node('scripts/search-index.ts', '--names-only');
    expect(index.status).toBe(2);
    expect(index.stderr).toContain('缺少 --site');
  });
});
