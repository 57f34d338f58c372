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
        `${message}${message.startsWith('不认识') ? '（可用：无）' : ''}\n用法：node scripts/quality/reproducible.ts DIR_A DIR_B\n`,
      );
    }
  });
});
