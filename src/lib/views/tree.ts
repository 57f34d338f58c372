/** The region tree as far down as one page can list it. */
import type { Region } from '../schemas/index.ts';
import type { Located } from '../data/dataset.ts';
import { regionTotals, rootRegions, type DatasetIndex, type RegionTotals } from '../data/queries.ts';

export interface TreeNode {
  region: Located<Region>;
  totals: RegionTotals;
  /** Empty when the region has none, or when the tree stops above them. */
  children: TreeNode[];
  /** Child regions not listed because the tree stops here. */
  hiddenChildren: number;
}

/**
 * The deepest level (0 = roots only) at which the tree from the roots down has at most
 * `maxNodes` nodes; Infinity when the whole tree fits.
 */
export function depthThatFits(idx: DatasetIndex, maxNodes: number): number {
  let level = rootRegions(idx);
  let count = level.length;
  for (let depth = 0; level.length > 0; depth++) {
    const next = level.flatMap((r) => idx.childRegions.get(r.id) ?? []);
    if (next.length === 0) return Infinity;
    if (count + next.length > maxNodes) return depth;
    count += next.length;
    level = next;
  }
  return Infinity;
}

/** The tree from `parent`'s children (or the roots) down to `maxDepth` levels below them. */
export function regionTree(idx: DatasetIndex, maxDepth: number, parent?: string): TreeNode[] {
  const build = (r: Located<Region>, depth: number): TreeNode => {
    const kids = idx.childRegions.get(r.id) ?? [];
    const shown = depth < maxDepth;
    return {
      region: r,
      totals: regionTotals(idx, r.id),
      children: shown ? kids.map((k) => build(k, depth + 1)) : [],
      hiddenChildren: shown ? 0 : kids.length,
    };
  };
  const top = parent ? (idx.childRegions.get(parent) ?? []) : rootRegions(idx);
  return top.map((r) => build(r, 0));
}
