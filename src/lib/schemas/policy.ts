import { z } from 'zod';
import { fuzzyDate, optionalRef, optionalText, ref, requiredText, slug } from './common.ts';

/** YAML turns 2024 into a number and 2024-10-29 into a Date: read both back as text. */
const yamlDateText = z.preprocess((v) => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return v;
}, fuzzyDate);

const refList = z.preprocess((v) => v ?? [], z.array(slug));

export const policyTargetSchema = z.object({
  /** The target in words (到2027年建成100个中小学教育集团). */
  text: requiredText(200),
  metric: optionalRef,
  value: z.number().optional(),
  qualifier: z.enum(['eq', 'gte', 'lte']).default('eq'),
  deadline: yamlDateText,
  region: optionalRef,
});

/** Each item says what the document provides, in our own words; absent means "not stated". */
export const governanceSchema = z.object({
  model: optionalText(600),
  council: optionalText(600),
  teacher_exchange: optionalText(600),
  evaluation: optionalText(600),
  funding: optionalText(600),
  entry_exit: optionalText(600),
});

export const governanceLabels: Record<keyof z.infer<typeof governanceSchema>, string> = {
  model: '办学模式',
  council: '组织与理事会',
  teacher_exchange: '教师交流',
  evaluation: '考核评价',
  funding: '经费保障',
  entry_exit: '进入与退出',
};

/**
 * content/policies/<id>.mdx frontmatter — one policy document, summarised.
 * Strict, as is the group profile: an unknown key is refused, not dropped,
 * since Astro's MDX compiler acts on some (it imports a `layout`).
 */
export const policySchema = z.strictObject({
  title: requiredText(120),
  issuer: requiredText(80),
  region: ref,
  date: yamlDateText,
  date_note: optionalText(400),
  source: ref,
  /** Further sources that confirm or extend the summary; each is shown. */
  sources: refList,
  summary: requiredText(300),
  goals: z.preprocess((v) => v ?? [], z.array(requiredText(300))),
  targets: z.preprocess((v) => v ?? [], z.array(policyTargetSchema)),
  governance: governanceSchema.default({}),
  groups: refList,
  regions: refList,
});
export type Policy = z.infer<typeof policySchema>;
export type PolicyTarget = z.infer<typeof policyTargetSchema>;

/** content/groups/<group-id>.mdx frontmatter — an optional profile of a group. */
export const groupProfileSchema = z.strictObject({
  group: ref,
  source: ref,
  sources: refList,
});
export type GroupProfile = z.infer<typeof groupProfileSchema>;
