/**
 * The sources pages. A small site lists every source with every citation on /sources/;
 * at country size that page would weigh megabytes, so /sources/ keeps one line per
 * source (its anchor, so /sources/#id links still land) and each source gets a page of
 * its own, /sources/<id>/, listing at most `limits.citations` citations of each kind.
 */
import type { Source } from '../schemas/index.ts';
import type { Located } from '../data/dataset.ts';
import { citationsOf, type Citation, type DatasetIndex } from '../data/queries.ts';
import { PAGE_LIMITS, type PageLimits } from './limits.ts';

export interface SourcesIndexView {
  /** True when the citations move to per-source pages. */
  split: boolean;
  sources: { source: Located<Source>; citations: Citation[] }[];
}

export function sourcesIndexView(idx: DatasetIndex, limits: PageLimits = PAGE_LIMITS): SourcesIndexView {
  const sources = idx.data.sources.map((source) => ({ source, citations: citationsOf(idx, source.id) }));
  const total = sources.reduce((n, s) => n + s.citations.length, 0);
  return { split: total > limits.citations, sources };
}

export interface SourcePageView {
  source: Located<Source>;
  total: number;
  /** Citations by kind, in the order the page lists kinds; `shown` is at most the limit. */
  kinds: { kind: string; total: number; shown: Citation[] }[];
}

export function sourcePageView(idx: DatasetIndex, id: string, limits: PageLimits = PAGE_LIMITS): SourcePageView {
  const source = idx.source.get(id);
  if (!source) throw new Error(`没有标识为 ${id} 的来源`);
  const citations = citationsOf(idx, id);
  const kinds = new Map<string, Citation[]>();
  for (const c of citations) {
    const list = kinds.get(c.kind) ?? [];
    list.push(c);
    kinds.set(c.kind, list);
  }
  return {
    source,
    total: citations.length,
    kinds: [...kinds.entries()].map(([kind, list]) => ({ kind, total: list.length, shown: list.slice(0, limits.citations) })),
  };
}
