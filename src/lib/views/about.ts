/**
 * The about page: what the site holds today, counted from the data rather than written
 * by hand (a sentence such as "four documents" goes stale with the first new source),
 * and the compilations it read through, credited with the version read.
 */
import type { Located } from '../data/dataset.ts';
import type { DatasetIndex } from '../data/queries.ts';
import type { Source } from '../schemas/index.ts';

export interface AboutView {
  sources: number;
  groups: number;
  schools: number;
  /** Provinces (or municipalities) with at least one group in them or below them. */
  provincesWithGroups: number;
  /** Sources of kind dataset, each with how many sources were read through it. */
  compilations: { source: Located<Source>; sourcesVia: number }[];
}

export function aboutView(idx: DatasetIndex): AboutView {
  const { data } = idx;
  const provinceOf = (regionId: string): string | undefined => {
    let r = idx.region.get(regionId);
    while (r?.parent) r = idx.region.get(r.parent);
    return r?.id;
  };
  const provinces = new Set(data.groups.map((g) => provinceOf(g.region)).filter((p) => p !== undefined));
  const compilations = data.sources
    .filter((s) => s.kind === 'dataset')
    .map((source) => ({ source, sourcesVia: data.sources.filter((s) => s.via === source.id).length }));
  return {
    sources: data.sources.length,
    groups: data.groups.length,
    schools: data.schools.length,
    provincesWithGroups: provinces.size,
    compilations,
  };
}
