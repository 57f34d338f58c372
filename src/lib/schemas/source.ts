import { z } from 'zod';
import { fuzzyDate, optionalFullDate, optionalRef, optionalText, optionalUrl, requiredText, slug } from './common.ts';

export const sourceKinds = ['policy', 'news', 'report', 'list', 'dataset'] as const;
export const sourceKindLabels: Record<(typeof sourceKinds)[number], string> = {
  policy: '政策文件',
  news: '新闻报道',
  report: '工作报道',
  list: '名单',
  dataset: '数据汇编',
};

/**
 * data/sources.csv — a document that facts are taken from, as it was read.
 * A repost, mirror or content-farm copy names who published it first
 * (original_publisher, original_date, original_url when known); a row read through
 * a compilation (a dataset in a public repository that cites government pages)
 * names that compilation in `via`, and the compilation gives its `version`.
 * Every URL carries `read_at`, the day the editor read it.
 */
export const sourceSchema = z.object({
  id: slug,
  title: requiredText(120),
  /** Who published the copy that was read (for a repost: the reposting site, e.g. 范文范（转载）). */
  publisher: optionalText(80),
  date: fuzzyDate,
  /** Where the copy was read. */
  url: optionalUrl,
  kind: z.enum(sourceKinds, { message: '必须是 policy、news、report、list 或 dataset' }),
  /** The copy kept with the project (a file in ../shared/seeds/), if any. */
  archive: optionalText(200),
  note: optionalText(),
  /** The day the editor read `url` (YYYY-MM-DD); required with a url unless `via` is set. */
  read_at: optionalFullDate,
  /** For a repost or mirror: who published the text first, when, and where (when known). */
  original_publisher: optionalText(80),
  original_date: z.preprocess((v) => v ?? '', fuzzyDate),
  original_url: optionalUrl,
  /** A source of kind dataset this one was read through (the compilation that cites it). */
  via: optionalRef,
  /** For a dataset: the commit, tag or version that was read. */
  version: optionalText(80),
});
export type Source = z.infer<typeof sourceSchema>;
