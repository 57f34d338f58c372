/**
 * The build under faults (issue #30): killed with SIGKILL, it leaves no Astro child
 * running to write dist.tmp-* again after the next build has cleaned up; an output folder
 * on another file system (EXDEV for a rename) is built all the same; a read-only checkout
 * gets one clear Chinese message, no stack trace. Each builds the mini fixture.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCountry, writeCountry } from '../../scripts/lib/country/index.ts';
import { processesOfBuild, sleep, startBuild } from './build-process.ts';

const root = mkdtempSync(join(tmpdir(), 'build-faults-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const mini = join(root, 'mini');
cpSync('tests/fixtures/mini', mini, { recursive: true });

/** A folder on a file system other than the checkout's (tmpfs), if this machine has one. */
const otherDevice = ['/dev/shm', tmpdir()].find((d) => existsSync(d) && statSync(d).dev !== statSync('.').dev);
/** Read-only bind mounts in a mount namespace of our own: root with util-linux's unshare. */
const canMountReadOnly =
  process.getuid?.() === 0 &&
  spawnSync('unshare', ['-m', 'sh', '-c', `mount --bind "${root}" "${root}" && mount -o remount,bind,ro "${root}" "${root}"`]).status === 0;

describe('the build under faults', () => {
  it('killed with SIGKILL, leaves no child running to write dist.tmp-* after the next build', async () => {
    // Data enough for Astro to run well past the moment it is orphaned (a few thousand pages).
    const country = join(root, 'country');
    writeCountry(country, generateCountry({ schools: 3000, seed: 1 }));
    const out = join(root, 'killed');
    let pid = 0;
    let children: number[] = [];
    const build = startBuild(
      out,
      country,
      (text, buildPid) => {
        if (!pid && text.includes('✓ 数据校验')) {
          pid = buildPid;
          const waitForAstro = () => {
            children = processesOfBuild(pid, 'astro');
            // Astro well under way, as when a long build is killed.
            if (children.length > 0) setTimeout(() => build.child.kill('SIGKILL'), 1500);
            else setTimeout(waitForAstro, 50);
          };
          waitForAstro();
        }
      },
      ['--shards', '1'],
    );
    // Not build.done: its output pipes stay open as long as an orphan holds them.
    expect(await build.exited).toBe('SIGKILL');
    expect(children.length).toBeGreaterThan(0);
    // The orphaned children end themselves within moments, long before the pages would be done.
    for (let i = 0; i < 30 && processesOfBuild(pid).length > 0; i++) await sleep(100);
    expect(processesOfBuild(pid)).toEqual([]);
    // The next build removes what the killed one left, and nothing writes it again.
    const next = await startBuild(out, mini, undefined, ['--shards', '1', '--astro-only']).done;
    expect(next.code, next.output).toBe(0);
    await sleep(1500);
    expect(readdirSync(root).filter((n) => n.startsWith('killed.'))).toEqual([]);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
  });

  it.skipIf(!otherDevice)('writes --out on another file system (where a rename fails with EXDEV)', async () => {
    const out = mkdtempSync(join(otherDevice!, 'build-faults-'));
    try {
      for (const shards of ['1', '2']) {
        const site = join(out, `site-${shards}`);
        const result = await startBuild(site, mini, undefined, ['--shards', shards, '--astro-only']).done;
        expect(result.code, result.output).toBe(0);
        expect(existsSync(join(site, 'regions/fx-city/index.html'))).toBe(true);
        expect(existsSync(join(site, 'sitemap-index.xml'))).toBe(true);
        expect(readdirSync(out).filter((n) => n.includes('.tmp-') || n.includes('.old-'))).toEqual([]);
      }
      expect(readdirSync('node_modules/.astro').filter((n) => /^out-\d+$/.test(n))).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it.skipIf(!canMountReadOnly)('in a read-only checkout says so in Chinese, without a stack trace', () => {
    // A copy of the checkout's sources (node_modules linked), mounted read-only.
    const checkout = join(root, 'checkout');
    mkdirSync(checkout);
    for (const name of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'scripts', 'src', 'public'])
      cpSync(name, join(checkout, name), { recursive: true });
    symlinkSync(resolve('node_modules'), join(checkout, 'node_modules'));
    const out = join(root, 'ro-out', 'site');
    const script = `mount --bind "${checkout}" "${checkout}" && mount -o remount,bind,ro "${checkout}" "${checkout}" && cd "${checkout}" && exec "${process.execPath}" scripts/build.ts --out "${out}" --shards 1`;
    const r = spawnSync('unshare', ['-m', 'sh', '-c', script], { encoding: 'utf8', env: { ...process.env, DATA_ROOT: mini } });
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.stderr).toContain('文件系统是只读的（EROFS）');
    expect(r.stderr).toContain('请在可写的副本中构建');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });
});
