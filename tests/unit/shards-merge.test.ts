/**
 * The two ends of the build's Astro step (scripts/lib/shards.ts), in seconds rather than a
 * slow suite's minutes: the shards' folders merged (a file two shards wrote must match),
 * moved across file systems when a rename cannot (scripts/lib/move.ts), and the sitemap
 * written by calling @astrojs/sitemap's hooks by hand, which a new version could break.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { moveSync } from '../../scripts/lib/move.ts';
import { mergeShards, writeSitemap } from '../../scripts/lib/shards.ts';
import config from '../../astro.config.mjs';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function scratch(parent = tmpdir()): string {
  const d = mkdtempSync(join(parent, 'shards-'));
  dirs.push(d);
  return d;
}
function put(root: string, files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('mergeShards', () => {
  it('moves every shard’s files in, keeping one copy of those they both wrote', () => {
    const root = scratch();
    const a = put(join(root, 'a'), { 'index.html': 'home', '_astro/x.css': 'css', 'about/index.html': 'about' });
    const b = put(join(root, 'b'), { 'index.html': 'home', '_astro/x.css': 'css', '404.html': 'missing' });
    const site = put(join(root, 'site'), { 'schools/s1/index.html': 's1' });
    mergeShards([a, b], site);
    for (const [path, text] of Object.entries({
      'index.html': 'home',
      '_astro/x.css': 'css',
      'about/index.html': 'about',
      '404.html': 'missing',
      'schools/s1/index.html': 's1',
    }))
      expect(readFileSync(join(site, path), 'utf8'), path).toBe(text);
    expect(existsSync(a) || existsSync(b)).toBe(false);
  });

  it('stops when two shards wrote different bytes for one file', () => {
    const root = scratch();
    const a = put(join(root, 'a'), { 'index.html': 'one' });
    const b = put(join(root, 'b'), { 'index.html': 'two' });
    expect(() => mergeShards([a, b], join(root, 'site'))).toThrow('两个分片都写了 index.html，但内容不同');
  });
});

/** A folder on another file system than the temporary folder (tmpfs), where this machine has one. */
const other = existsSync('/dev/shm') && statSync('/dev/shm').dev !== statSync(tmpdir()).dev ? '/dev/shm' : undefined;

describe('moveSync', () => {
  it('renames within a file system', () => {
    const root = scratch();
    const from = put(join(root, 'from'), { 'a/b.txt': 'b' });
    moveSync(from, join(root, 'to'));
    expect(readFileSync(join(root, 'to/a/b.txt'), 'utf8')).toBe('b');
    expect(existsSync(from)).toBe(false);
  });

  it.skipIf(!other)('copies and removes across file systems, where a rename fails with EXDEV', () => {
    const from = put(join(scratch(), 'from'), { 'a/b.txt': 'b' });
    const to = join(scratch(other), 'to');
    moveSync(from, to);
    expect(readFileSync(join(to, 'a/b.txt'), 'utf8')).toBe('b');
    expect(existsSync(from)).toBe(false);
  });
});

describe('writeSitemap', () => {
  it('writes the index and one sitemap of every page, sorted, with the site’s address', async () => {
    const site = scratch();
    await writeSitemap(site, ['schools/s1/', '', 'about/']);
    const index = readFileSync(join(site, 'sitemap-index.xml'), 'utf8');
    expect(index).toContain(`<loc>${new URL('sitemap-0.xml', config.site).href}</loc>`);
    const locs = [...readFileSync(join(site, 'sitemap-0.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual(['', 'about/', 'schools/s1/'].map((p) => new URL(p, config.site).href));
  });
});
