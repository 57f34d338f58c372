/** The heap options scripts/build.ts gives its Astro processes (scripts/astro-heap.ts). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { astroHeapMB, astroNodeOptions } from '../../scripts/astro-heap.ts';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A data root whose CSV files add up to `mb` MB. */
function rootWithCsv(mb: number): string {
  root = mkdtempSync(join(tmpdir(), 'astro-heap-'));
  mkdirSync(join(root, 'data'));
  writeFileSync(join(root, 'data', 'schools.csv'), Buffer.alloc(mb * 2 ** 20));
  return root;
}

describe('astroHeapMB', () => {
  it('scales the old generation with the data, split over the shards, never under 512 MB', () => {
    expect(astroHeapMB(rootWithCsv(32))).toBe(256 + 60 * 32);
    expect(astroHeapMB(root, 2)).toBe(256 + 30 * 32);
    expect(astroHeapMB(root, 8)).toBe(512);
    expect(astroHeapMB(join(root, 'missing'))).toBe(512);
  });
});

describe('astroNodeOptions', () => {
  it('caps the semi-spaces and keeps the options already set', () => {
    expect(astroNodeOptions(rootWithCsv(1), '--enable-source-maps')).toBe(
      '--enable-source-maps --max-old-space-size=512 --max-semi-space-size=16',
    );
  });

  it('leaves a semi-space size the caller set', () => {
    expect(astroNodeOptions(rootWithCsv(1), '--max-semi-space-size=64')).toBe('--max-semi-space-size=64 --max-old-space-size=512');
  });
});
