/**
 * The about page: what the site holds today, counted from the data rather than written
 * by hand (a sentence such as "four documents" goes stale with the first new source),
 * and the compilations it read through, credited with the version read.
 */
import type { Located } from '../data/dataset.ts';
import { datasetSummary } from '../data/summary.ts';
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
  const summary = datasetSummary(data);
  const compilations = data.sources
    .filter((s) => s.kind === 'dataset')
    .map((source) => ({ source, sourcesVia: data.sources.filter((s) => s.via === source.id).length }));
  return {
    sources: summary.sources,
    groups: summary.groups,
    schools: summary.schools,
    provincesWithGroups: summary.provincesWithGroups,
    compilations,
  };
}
