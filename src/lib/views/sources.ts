/**
 * The sources pages. A small site lists every source with every citation on /sources/;
 * at country size that page would weigh megabytes, so /sources/ keeps one line per
 * source (its anchor, so /sources/#id links still land) and each source gets a page of
 * its own, /sources/<id>/, listing at most `limits.citations` citations of each kind.
 */
import { formatFuzzyDateZh } from '../fuzzy-date.ts';
import type { Source } from '../schemas/index.ts';
import { sourceKindLabels } from '../schemas/source.ts';
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

/** One line of a source's facts: a label and its value in parts, some of them links. */
export interface SourceFact {
  label: string;
  parts: { text: string; href?: string; external?: boolean; code?: boolean }[];
  /** For tests and the browser check: which contract mark the line shows. */
  mark?: 'read' | 'original' | 'via' | 'version';
}

/**
 * What /sources/ and /sources/<id>/ say about a source: who published the copy that was read
 * and when it was read, who published it first (a repost, a mirror), the compilation it was
 * read through and that compilation's version. `sourceHref` makes a source's link.
 */
export function sourceFacts(idx: DatasetIndex, s: Source, sourceHref: (id: string) => string): SourceFact[] {
  const plain = (text: string) => ({ text });
  const facts: SourceFact[] = [{ label: '类型', parts: [plain(sourceKindLabels[s.kind])] }];
  const copy = Boolean(s.original_publisher || s.original_url || s.original_date.parsed.kind !== 'unknown');
  facts.push({ label: copy ? '发布者（读到的副本）' : '发布者', parts: [plain(s.publisher ?? '不详')] });
  facts.push({ label: '日期', parts: [plain(formatFuzzyDateZh(s.date.parsed))] });
  if (copy) {
    facts.push({ label: '原始发布者', parts: [plain(s.original_publisher ?? '不详')], mark: 'original' });
    if (s.original_date.parsed.kind !== 'unknown')
      facts.push({ label: '原文日期', parts: [plain(formatFuzzyDateZh(s.original_date.parsed))], mark: 'original' });
    facts.push({
      label: '原文网址',
      parts: [s.original_url ? { text: s.original_url, href: s.original_url, external: true } : plain('不详')],
      mark: 'original',
    });
  }
  const via = s.via ? idx.source.get(s.via) : undefined;
  if (s.url)
    facts.push({
      // A URL known only because a compilation cites it was not opened by the editor: say so.
      label: s.read_at || !s.via ? '读取网址' : '网址',
      parts: [
        { text: s.url, href: s.url, external: true },
        plain(s.read_at ? `（${s.read_at} 读取）` : s.via ? '（本站没有直接打开，是从下面的数据汇编读到的）' : ''),
      ],
      mark: 'read',
    });
  else if (!via) facts.push({ label: '网址', parts: [plain(s.archive ? '无（本站保存了文本副本）' : '无')] });
  if (s.via)
    facts.push({
      label: '经由数据汇编',
      parts: [
        { text: via?.title ?? s.via, href: sourceHref(s.via) },
        plain(via?.version ? `（版本 ${via.version}${via.read_at ? `，${via.read_at} 读取` : ''}）` : ''),
      ],
      mark: 'via',
    });
  if (s.kind === 'dataset' && s.version) facts.push({ label: '版本', parts: [plain(s.version)], mark: 'version' });
  if (s.archive) facts.push({ label: '存档', parts: [{ text: s.archive, code: true }] });
  return facts;
}
