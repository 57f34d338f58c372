/** How charts across regions stay readable at country size. */
import type { ChartContext } from './series.ts';

/**
 * A chart across regions draws at most this many regions. At country size it keeps the
 * regions of the top levels that fit (bars for thousands of districts would weigh
 * megabytes and say little); the others' figures are on their own region pages.
 */
export const MAX_REGIONS_ACROSS = 60;

/** The items whose regions lie in the top levels that together fit MAX_REGIONS_ACROSS (at least the top level). */
export function topRegionLevels<T>(ctx: ChartContext, items: T[], regionOf: (item: T) => string): T[] {
  const regions = new Set(items.map(regionOf));
  if (regions.size <= MAX_REGIONS_ACROSS) return items;
  const depthOf = new Map<string, number>();
  for (const id of regions) {
    let depth = 0;
    const seen = new Set<string>();
    for (let r = ctx.region.get(id); r?.parent && !seen.has(r.id); r = ctx.region.get(r.parent)) {
      seen.add(r.id);
      depth++;
    }
    depthOf.set(id, depth);
  }
  const perDepth = new Map<number, number>();
  for (const d of depthOf.values()) perDepth.set(d, (perDepth.get(d) ?? 0) + 1);
  const depths = [...perDepth.keys()].sort((a, b) => a - b);
  let keep = depths[0]!;
  let count = perDepth.get(keep)!;
  for (const d of depths.slice(1)) {
    count += perDepth.get(d)!;
    if (count > MAX_REGIONS_ACROSS) break;
    keep = d;
  }
  return items.filter((i) => depthOf.get(regionOf(i))! <= keep);
}

/** What a chart across regions says when it left some regions out. */
export const leftOutNote = (shown: number, all: number) =>
  shown < all ? `本图只比较上层的 ${shown} 个地区，其余 ${all - shown} 个地区的数字见各自的地区页面。` : '';
