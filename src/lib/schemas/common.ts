import { z } from 'zod';
import { DATE_RULE, parseFuzzyDate, suggestFuzzyDate, type FuzzyDate } from '../fuzzy-date.ts';
import { findInvisible } from '../invisible.ts';
import { parseQuantity, QUANTITY_RULE, type Quantity } from '../quantity.ts';

// Default zod messages in Chinese, for editors.
z.config(z.locales.zhCN());

/** CSV cells are strings; an empty cell means "not stated". */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** Refuses an invisible or bidi character (src/lib/invisible.ts), naming its code point. */
const visibleOnly =
  ({ lineBreaks = false } = {}) =>
  (value: string, ctx: z.core.$RefinementCtx<string>) => {
    const found = findInvisible(value, { lineBreaks });
    if (found)
      ctx.addIssue({
        code: 'custom',
        message: `第 ${found.index + 1} 个字符是不可见字符 ${found.label}，请删除（从网页、Word 复制时常带进来）`,
        continue: false,
      });
  };

/** Stable ASCII slug used in URLs: lower-case letters, digits and single hyphens. */
export const slug = z
  .string()
  .superRefine(visibleOnly())
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message: '必须是小写英文字母、数字和连字符组成的标识（如 zz-19-chuzhong）',
  });

/**
 * A reference to another record's id; checked to exist by the validator.
 * @alias slug, named for what it holds (knip: a deliberate second name)
 */
export const ref = slug;
export const optionalRef = z.preprocess(blankToUndefined, slug.optional());

/** A cell of several values separated by "|", trimmed, blanks dropped; other values pass to the schema as they are. */
const splitPipes = (v: unknown) =>
  typeof v === 'string'
    ? v
        .split('|')
        .map((s) => s.trim())
        .filter((s) => s !== '')
    : v;

/**
 * The sources of a record: one id, or several separated by "|" when a second source
 * confirms or extends the fact (henan-media-visit|henan-pilot-list). Each is shown.
 */
export const sourceRefs = z.preprocess(splitPipes, z.array(slug).min(1, { message: '不能为空：写来源的标识，多个来源用 | 分隔' }));
/** Sources where a record may have none (a region, a term). */
export const optionalSourceRefs = z.preprocess(splitPipes, z.array(slug));

/**
 * Spreadsheets (Excel, WPS) run a cell that starts with = + - or @ as a formula
 * (=HYPERLINK(…), +1+2, @SUM(1,1)) when a reader opens a downloaded CSV; text
 * never needs to start so. Dates such as --04-16 and numbers are not text.
 */
const FORMULA_START = /^[=+\-@]/;

/** Plain text: no invisible characters, trimmed, not a formula, bounded so one cell cannot break a layout. */
const text = (max = 200) =>
  z
    .string()
    .superRefine(visibleOnly({ lineBreaks: true }))
    // Never fails after visibleOnly (which refuses these and more, by name); it is what
    // datapackage.json publishes as the column's pattern (src/lib/open-data/datapackage.ts).
    .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, { message: '含有不可见的控制字符' })
    .trim()
    .refine((v) => !FORMULA_START.test(v), {
      message:
        '以 = + - 或 @ 开头，电子表格（Excel、WPS）打开下载的 CSV 时会把它当作公式运行；请改写开头（如去掉这个符号或在前面加上文字）',
    })
    .max(max, { message: `长度超过 ${max} 个字符` });

export const requiredText = (max = 200) => text(max).min(1, { message: '不能为空' });
export const optionalText = (max = 2000) => z.preprocess(blankToUndefined, text(max).optional());

/** More values than any record needs in one cell; 5,000 aliases once made a 2.8 MB page. */
const MAX_LIST_ITEMS = 20;

/** Several values in one cell, separated by "|" (e.g. aliases: 十九初|19初), at most MAX_LIST_ITEMS. */
export const pipeList = (item: z.ZodType<string> = requiredText(100)) =>
  z.preprocess(
    splitPipes,
    z.array(item).max(MAX_LIST_ITEMS, { message: `最多写 ${MAX_LIST_ITEMS} 项（用 | 分隔）；只留常用的说法，其余写进 note` }),
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

/**
 * A quantity kept as the source writes it (4, 约900, 近20, 10以上, 2—4, 20余); blank means
 * not stated. The parse (src/lib/quantity.ts) is for sorting and comparing only.
 */
export const optionalQuantity = z.preprocess(
  blankToUndefined,
  z
    .string()
    .superRefine(visibleOnly())
    .transform((value, ctx): Quantity => {
      const parsed = parseQuantity(value);
      if (!parsed) {
        ctx.addIssue({ code: 'custom', message: `看不懂的数量“${value.trim()}”：${QUANTITY_RULE}` });
        return z.NEVER;
      }
      return parsed;
    })
    .optional(),
);

/** A full calendar date (YYYY-MM-DD) that exists, such as the day a page was read. */
export const optionalFullDate = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .refine(
      (v) => {
        const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
        if (!m) return false;
        const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
        return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
      },
      { message: '必须是完整的日期 YYYY-MM-DD（如 2026-12-07），写你打开网址读到内容的那一天' },
    )
    .optional(),
);
