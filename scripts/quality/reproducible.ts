/**
 * Reproducible builds: the SHA-256 of every file under a directory (nothing
 * excluded), and the differences between two such listings.
 *   node scripts/quality/reproducible.ts DIR_A DIR_B
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandLine } from '../lib/cli.ts';
import { walkFiles } from './site.ts';

export function hashTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of walkFiles(dir))
    out.set(
      f,
      createHash('sha256')
        .update(readFileSync(join(dir, f)))
        .digest('hex'),
    );
  return out;
}

export interface TreeDiff {
  onlyA: string[];
  onlyB: string[];
  changed: string[];
}

export function diffTrees(a: Map<string, string>, b: Map<string, string>): TreeDiff {
  const onlyA = [...a.keys()].filter((k) => !b.has(k));
  const onlyB = [...b.keys()].filter((k) => !a.has(k));
  const changed = [...a.keys()].filter((k) => b.has(k) && a.get(k) !== b.get(k));
  return { onlyA, onlyB, changed };
}

export const diffCount = (d: TreeDiff) => d.onlyA.length + d.onlyB.length + d.changed.length;

/** Where two versions of a text file first differ, with a little context. */
export function firstDifference(a: string, b: string, context = 60): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - context);
  return `第 ${i} 个字符起：\n  A: …${a.slice(from, i + context)}…\n  B: …${b.slice(from, i + context)}…`;
}

export function describeDiff(d: TreeDiff, dirA: string, dirB: string, limit = 20): string {
  const lines: string[] = [];
  for (const f of d.onlyA.slice(0, limit)) lines.push(`只在 A 中：${f}`);
  for (const f of d.onlyB.slice(0, limit)) lines.push(`只在 B 中：${f}`);
  for (const f of d.changed.slice(0, limit)) {
    lines.push(`内容不同：${f}`);
    if (/\.(html|json|xml|txt|csv|css|js|svg)$/.test(f))
      lines.push(firstDifference(readFileSync(join(dirA, f), 'utf8'), readFileSync(join(dirB, f), 'utf8')));
  }
  return lines.join('\n');
}

if (import.meta.main) {
  const [a, b] = commandLine({}, 'node scripts/quality/reproducible.ts DIR_A DIR_B', [2, 2]).positionals as [string, string];
  const ha = hashTree(a);
  const d = diffTrees(ha, hashTree(b));
  console.log(`${ha.size} 个文件，${diffCount(d)} 处不同`);
  if (diffCount(d)) console.log(describeDiff(d, a, b));
  process.exit(diffCount(d) ? 1 : 0);
}
