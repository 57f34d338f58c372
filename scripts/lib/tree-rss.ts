/**
 * The peak of the summed resident memory of a process and all its descendants, sampled
 * from /proc. /usr/bin/time reports the largest single process only; a step that runs
 * several processes at once (parallel Astro shards, Pagefind's binary beside Node) needs
 * the sum. Linux only; elsewhere the peak stays NaN.
 */
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_BYTES = 4096;

/** Parent pid of every process, from /proc/<pid>/stat (the field after the command's closing parenthesis). */
function parents(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // ended while we looked
    }
  }
  return children;
}

/** Resident bytes of `pid` and every process below it now. */
function treeRssBytes(pid: number): number {
  const children = parents();
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      total += Number(readFileSync(`/proc/${p}/statm`, 'utf8').split(' ')[1]) * PAGE_BYTES;
    } catch {
      // ended while we looked
    }
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

/** Samples the tree under `pid` every `everyMs` until stop(), which returns the peak in MB. */
export function sampleTreeRss(pid: number, everyMs = 200): { stop: () => number } {
  let peak = NaN;
  const sample = () => {
    try {
      const bytes = treeRssBytes(pid);
      if (!(peak >= bytes)) peak = bytes;
    } catch {
      // no /proc
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return peak / 2 ** 20;
    },
  };
}
