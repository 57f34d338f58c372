import { z } from 'zod';
import { fuzzyDate, optionalText, optionalUrl, requiredText, slug } from './common.ts';

export const sourceKinds = ['policy', 'news', 'report', 'list'] as const;
export const sourceKindLabels: Record<(typeof sourceKinds)[number], string> = {
  policy: '政策文件',
  news: '新闻报道',
  report: '工作报道',
  list: '名单',
};

/** data/sources.csv — a document that facts are taken from. */
export const sourceSchema = z.object({
  id: slug,
  title: requiredText(120),
  publisher: optionalText(80),
  date: fuzzyDate,
  url: optionalUrl,
  kind: z.enum(sourceKinds, { message: '必须是 policy、news、report 或 list' }),
  /** The copy kept with the project (a file in ../shared/seeds/), if any. */
  archive: optionalText(200),
  note: optionalText(),
});
export type Source = z.infer<typeof sourceSchema>;
