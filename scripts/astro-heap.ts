/**
 * The heap limit for the Astro build. The data a build keeps live is small (about 14 bytes
 * of heap per byte of CSV: 113 MB at 50 k schools), but V8 lets the heap grow far past it
 * before collecting: at 200 k schools Astro peaked at 4.8 GB of RSS. A limit scaled to the
 * data makes it collect sooner (peak RSS within budget, output identical) while leaving
 * several times the live heap, so it never runs out. With N shards building at once
 * (scripts/build.ts --shards) each holds the whole dataset but renders 1/N of the pages:
 * each gets 1/N of the headroom (still about twice the live heap), so their sum stays
 * near one process's.
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

/** NODE_OPTIONS for an Astro child, keeping options already set; `shards` processes run at once. */
export function astroNodeOptions(dataRoot: string, existing = process.env.NODE_OPTIONS ?? '', shards = 1): string {
  return `${existing} --max-old-space-size=${astroHeapMB(dataRoot, shards)}`.trim();
}
