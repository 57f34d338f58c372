/**
 * The heap limits for the Astro build (NODE_OPTIONS of its processes). The data a build
 * keeps live is small (about 14 bytes of heap per byte of CSV: 113 MB at 50 k schools), but
 * V8 lets the heap grow far past it before collecting: at 200 k schools Astro peaked at
 * 4.8 GB of RSS. A limit scaled to the data makes it collect sooner (peak RSS within budget,
 * output identical) while leaving several times the live heap, so it never runs out. With N
 * shards building at once (scripts/build.ts --shards) each holds the whole dataset but
 * renders 1/N of the pages: each gets 1/N of the headroom (still about twice the live heap),
 * so their sum stays near one process's.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function astroHeapMB(dataRoot: string, shards = 1): number {
  let csvBytes = 0;
  try {
    for (const name of readdirSync(join(dataRoot, 'data')))
      if (name.endsWith('.csv')) csvBytes += statSync(join(dataRoot, 'data', name)).size;
  } catch {
    // no data folder: the validator reports it
  }
  return Math.max(512, Math.round(256 + (60 * csvBytes) / 2 ** 20 / shards));
}

/**
 * The young generation's semi-spaces, in MB. V8 sizes them from the heap limit: each Astro
 * process committed 128 MB of new space, which rendering one page at a time never fills with
 * live objects. Capped at 16 MB (summed peak of the pages step, one run each: 50 k schools
 * 1,326 MB against 1,482-1,551 MB, 44.6 s against 43.0-48.0 s; 200 k 2,653 MB against 2,806 MB,
 * 186.8 s against 180.4 s). 8 MB saved little more and cost time (1,274 MB, 48.8 s at 50 k).
 */
const SEMI_SPACE_MB = 16;

/** NODE_OPTIONS for an Astro child, keeping options already set; `shards` processes run at once. */
export function astroNodeOptions(dataRoot: string, existing = process.env.NODE_OPTIONS ?? '', shards = 1): string {
  const semiSpace = /--max-semi-space-size\b/.test(existing) ? '' : ` --max-semi-space-size=${SEMI_SPACE_MB}`;
  return `${existing} --max-old-space-size=${astroHeapMB(dataRoot, shards)}${semiSpace}`.trim();
}
