/**
 * What an editor types that is nearly right: dates in other spellings get the valid
 * spelling suggested, URLs without a scheme get https://, HTTPS:// is a URL, and a
 * figure whose source gives no date is entered blank with a note, not an invented range.
 */
import { describe, expect, it } from 'vitest';
import { DATE_RULE, parseFuzzyDate, suggestFuzzyDate } from '../../src/lib/fuzzy-date.ts';
import { sourceSchema } from '../../src/lib/schemas/source.ts';
import { formatProblem } from '../../src/lib/problem.ts';
import { validateProject } from '../../src/lib/validate/validate.ts';
import { miniFiles, text } from './fixture-project.ts';

describe('suggestFuzzyDate', () => {
  it('turns common slips into the valid spelling', () => {
    expect(suggestFuzzyDate('2023/12/06')).toBe('2023-12-06');
    expect(suggestFuzzyDate('2023年12月')).toBe('2023-12');
    expect(suggestFuzzyDate('2023年12月6日')).toBe('2023-12-06');
    expect(suggestFuzzyDate('2023.9')).toBe('2023-09');
    expect(suggestFuzzyDate('2023-9-1')).toBe('2023-09-01');
    expect(suggestFuzzyDate('２０２３年')).toBe('2023');
    expect(suggestFuzzyDate('4月16日')).toBe('--04-16');
    expect(suggestFuzzyDate('2024年8月至2025年9月')).toBe('2024-08/2025-09');
  });
  it('suggests nothing it cannot stand behind', () => {
    expect(suggestFuzzyDate('去年秋天')).toBeUndefined();
    expect(suggestFuzzyDate('2023/13')).toBeUndefined();
    expect(suggestFuzzyDate('2023-12')).toBeUndefined();
    for (const s of ['2023/12/06', '2023年12月', '4月16日']) expect(parseFuzzyDate(suggestFuzzyDate(s)!)).not.toBeNull();
  });
});

describe('source URLs', () => {
  const row = (url: string) =>
    sourceSchema.safeParse({ id: 'x', title: '标题', publisher: '', date: '', url, kind: 'news', archive: '', note: '' });
  it('takes the scheme in any case and stores it lower-case', () => {
    const r = row('HTTPS://www.moe.gov.cn/a.html');
    expect(r.success && r.data.url).toBe('https://www.moe.gov.cn/a.html');
  });
  it('suggests https:// for a URL written without a scheme', () => {
    const r = row('www.moe.gov.cn/a.html');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('必须是以 http:// 或 https:// 开头的网址。你是不是想写 https://www.moe.gov.cn/a.html？');
  });
  it('still refuses other schemes, without a suggestion', () => {
    const r = row('javascript:alert(1)');
    expect(r.error?.issues[0]?.message).toBe('必须是以 http:// 或 https:// 开头的网址');
  });
});

describe('a figure without a date', () => {
  const withStats = (rows: string) => {
    const files = miniFiles();
    const base = new TextDecoder().decode(files.get('data/statistics.csv'));
    files.set('data/statistics.csv', text(base + rows));
    return validateProject(files).problems.map(formatProblem);
  };
  it('is valid left blank when the note says what the source gives', () => {
    expect(withStats('fx-city,group-count,,19,,actual,fx-news,来源未注明统计时间,,,\n')).toEqual([]);
  });
  it('asks for the note, in the one wording of the date rule, when there is none', () => {
    expect(withStats('fx-city,group-count,,19,,actual,fx-news,,,,\n')).toEqual([
      `data/statistics.csv:7:8: 错误：统计数字没有日期，note 也没有说明。修改建议：来源确实没写日期时，date 留空，并在 note 写明来源的原话（如“来源未注明统计时间”）；否则 date ${DATE_RULE}`,
    ]);
  });
});
