/**
 * The helper threads of scripts/search-index.ts, in a file of their own so that each
 * loads only what it uses (not the validator, Pagefind or, for a writer, the pinyin
 * and OpenCC dictionaries):
 *   keys   builds key tokens for the records thread's jobs and sends them to the main thread
 *   write  gzips and writes name index files the main thread sends, with zlib's default
 *          settings (as the index has always been written: the same bytes)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import type { KeyOptions, NameInput } from '../src/lib/search/keys.ts';

export type HelperData = { role: 'keys'; records: MessagePort } | { role: 'write' };
/** A record's names and key options, for the keys thread: [record number, names, options]. */
export type KeyJob = [number, NameInput[], KeyOptions];

const data = workerData as HelperData | null;
if (data?.role === 'keys') {
  const { buildTokens } = await import('../src/lib/search/keys.ts');
  data.records.on('message', ({ jobs, done }: { jobs: KeyJob[]; done?: boolean }) => {
    parentPort!.postMessage({ tokens: jobs.map(([record, names, opts]) => [record, buildTokens(names, opts)]), done });
    if (done) data.records.close();
  });
} else if (data?.role === 'write') {
  const made = new Set<string>();
  parentPort!.on('message', ({ batch, files }: { batch: number; files: [string, string][] }) => {
    let bytes = 0;
    let size = 0;
    for (const [file, json] of files) {
      const dir = dirname(file);
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      const body = gzipSync(json);
      writeFileSync(file, body);
      bytes += body.length;
      size += json.length;
    }
    parentPort!.postMessage({ batch, bytes, files: files.length, size });
  });
}
