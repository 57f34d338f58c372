/**
 * Builds that share a checkout do not mix, and an interrupted build leaves nothing behind:
 * two builds of different data roots started at once each get their own pages; a SIGTERM
 * during the Astro step ends its child, removes dist.tmp-* and leaves the old output whole.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PORTAL } from '../fixture-data.ts';
import { processesOfBuild, startBuild, type Build } from './build-process.ts';

const root = mkdtempSync(join(tmpdir(), 'concurrent-builds-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/**
 * What an interrupted build must leave: its exit code for SIGTERM, no child of the build still
 * running (given the kernel a moment to reap them), its folder `dir` gone, no dist.tmp-*
 * or dist.old-* beside the output, the old site as it was, and the checkout's lock released.
 */
async function expectStoppedCleanly(result: Build, pid: number, dir: string, out: string, before: string): Promise<void> {
  expect(result.code, result.output).toBe(143);
  expect(result.output).toContain('构建被中止');
  for (let i = 0; i < 50 && processesOfBuild(pid).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
  expect(processesOfBuild(pid)).toEqual([]);
  expect(existsSync(dir)).toBe(false);
  expect(readdirSync(root).filter((n) => n.includes('.tmp-') || n.includes('.old-'))).toEqual([]);
  expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(before);
  expect(existsSync('.astro/build.lock')).toBe(false);
}

describe('builds sharing one checkout', () => {
  const mini = join(root, 'mini');
  cpSync('tests/fixtures/mini', mini, { recursive: true });
  const outMini = join(root, 'out-mini');
  const outPortal = join(root, 'out-project');

  it('two builds of different data started at once each produce their own site', async () => {
    const [a, b] = await Promise.all([startBuild(outMini, mini).done, startBuild(outPortal, PORTAL).done]);
    expect(a.code, a.output).toBe(0);
    expect(b.code, b.output).toBe(0);
    // Each site holds its own data and none of the other's.
    expect(existsSync(join(outMini, 'regions/fx-city/index.html'))).toBe(true);
    expect(existsSync(join(outMini, 'regions/henan/index.html'))).toBe(false);
    expect(existsSync(join(outPortal, 'regions/henan/index.html'))).toBe(true);
    expect(existsSync(join(outPortal, 'regions/fx-city/index.html'))).toBe(false);
    expect(readFileSync(join(outMini, 'index.html'), 'utf8')).toContain('示例省');
    expect(readFileSync(join(outPortal, 'index.html'), 'utf8')).not.toContain('示例省');
  });

  it('a SIGTERM during the Astro step ends the child, removes dist.tmp-* and keeps the old site', async () => {
    const before = readFileSync(join(outMini, 'index.html'), 'utf8');
    let tmp = '';
    const build = startBuild(
      outMini,
      mini,
      (text, pid) => {
        // Validation has passed and Astro is writing into the temporary directory: interrupt it.
        if (!tmp && text.includes('✓ 数据校验')) {
          tmp = `${outMini}.tmp-${pid}`;
          const waitForAstro = () => {
            if (processesOfBuild(pid, 'astro build').length > 0) build.child.kill('SIGTERM');
            else setTimeout(waitForAstro, 100);
          };
          waitForAstro();
        }
      },
      ['--shards', '1'],
    );
    const result = await build.done;
    expect(tmp).not.toBe('');
    await expectStoppedCleanly(result, build.child.pid!, tmp, outMini, before);
  });

  it('a SIGTERM while shards build in parallel ends every Astro child and removes their directories', async () => {
    const before = readFileSync(join(outMini, 'index.html'), 'utf8');
    let shards = '';
    const build = startBuild(
      outMini,
      mini,
      (text, pid) => {
        if (!shards && text.includes('✓ 数据校验')) {
          shards = join(process.cwd(), 'node_modules/.astro', `shards-${pid}`);
          // Both shards are running: interrupt the build.
          const waitForShards = () => {
            if (processesOfBuild(pid, 'astro build').length >= 2) build.child.kill('SIGTERM');
            else setTimeout(waitForShards, 100);
          };
          waitForShards();
        }
      },
      ['--shards', '2'],
    );
    const result = await build.done;
    expect(shards).not.toBe('');
    await expectStoppedCleanly(result, build.child.pid!, shards, outMini, before);
  });
});
