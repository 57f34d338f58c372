import { z } from 'zod';
import { DATE_RULE, parseFuzzyDate, suggestFuzzyDate, type FuzzyDate } from '../fuzzy-date.ts';

// Default zod messages in Chinese, for editors.
z.config(z.locales.zhCN());

/** CSV cells are strings; an empty cell means "not stated". */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** Stable ASCII slug used in URLs: lower-case letters, digits and single hyphens. */
export const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  message: '必须是小写英文字母、数字和连字符组成的标识（如 zz-19-chuzhong）',
});

/** A reference to another record's id; checked to exist by the validator. */
export const ref = slug;
export const optionalRef = z.preprocess(blankToUndefined, slug.optional());

/**
 * The sources of a record: one id, or several separated by "|" when a second source
 * confirms or extends the fact (henan-media-visit|henan-pilot-list). Each is shown.
 */
export const sourceRefs = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split('|')
          .map((s) => s.trim())
          .filter((s) => s !== '')
      : v,
  z.array(slug).min(1, { message: '不能为空：写来源的标识，多个来源用 | 分隔' }),
);
/** Sources where a record may have none (a region, a term). */
export const optionalSourceRefs = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split('|')
          .map((s) => s.trim())
          .filter((s) => s !== '')
      : v,
  z.array(slug),
);

/** Plain text: trimmed, no control characters, bounded so one cell cannot break a layout. */
export const text = (max = 200) =>
  z
    .string()
    .trim()
    .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, { message: '含有不可见的控制字符' })
    .max(max, { message: `长度超过 ${max} 个字符` });

export const requiredText = (max = 200) => text(max).min(1, { message: '不能为空' });
export const optionalText = (max = 2000) => z.preprocess(blankToUndefined, text(max).optional());

/** Several values in one cell, separated by "|" (e.g. aliases: 十九初|19初). */
export const pipeList = (item: z.ZodType<string> = requiredText(100)) =>
  z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split('|')
            .map((s) => s.trim())
            .filter((s) => s !== '')
        : v,
    z.array(item),
  );

/** A date at the precision its source supports (see src/lib/fuzzy-date.ts). */
export const fuzzyDate = z.string().transform((value, ctx): { text: string; parsed: FuzzyDate } => {
  const parsed = parseFuzzyDate(value);
  if (!parsed) {
    const guess = suggestFuzzyDate(value);
    ctx.addIssue({ code: 'custom', message: `日期格式不对：${DATE_RULE}${guess ? `。你是不是想写 ${guess}？` : ''}` });
    return z.NEVER;
  }
  return { text: value.trim(), parsed };
});

const URL_CHARS = /^[^\s"'<>]+$/;
/** A host-looking start (www.gov.cn/…, jyj.zhengzhou.gov.cn/…): a URL written without its scheme. */
const SCHEMELESS = /^(?:[a-z0-9-]+\.)+[a-z]{2,}(?:[:/?#]|$)/i;

/**
 * A URL, restricted to http(s) so no `javascript:` link can reach a page. The scheme is
 * case-blind (HTTPS:// is a URL) and stored lower-case; a URL with no scheme gets a suggestion.
 */
export const optionalUrl = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .max(500)
    .transform((value, ctx) => {
      const scheme = /^(https?):\/\//i.exec(value);
      if (scheme && URL_CHARS.test(value)) return `${scheme[1]!.toLowerCase()}://${value.slice(scheme[0].length)}`;
      const guess = !scheme && SCHEMELESS.test(value) && URL_CHARS.test(value) ? `https://${value}` : undefined;
      ctx.addIssue({
        code: 'custom',
        message: `必须是以 http:// 或 https:// 开头的网址${guess ? `。你是不是想写 ${guess}？` : ''}`,
      });
      return z.NEVER;
    })
    .optional(),
);

export const optionalInt = z.preprocess(
  blankToUndefined,
  z.coerce.number({ message: '必须是整数' }).int({ message: '必须是整数' }).nonnegative({ message: '不能为负数' }).optional(),
);
