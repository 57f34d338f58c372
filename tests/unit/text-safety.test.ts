/**
 * Text that reads as something else: characters a reader cannot see.
 */
import { describe, expect, it } from 'vitest';
import { findInvisible } from '../../src/lib/invisible.ts';
import { requiredText, slug } from '../../src/lib/schemas/common.ts';

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues.map((i) => i.message) ?? [];

describe('a text cell', () => {
  it('names an invisible or bidi character by code point', () => {
    expect(messages(requiredText().safeParse('学校\u200b'))).toEqual([
      '第 3 个字符是不可见字符 U+200B（零宽空格），请删除（从网页、Word 复制时常带进来）',
    ]);
    expect(messages(requiredText().safeParse('\t学校'))[0]).toContain('U+0009（制表符）');
    expect(messages(slug.safeParse('\ufefffx-no1'))).toEqual([expect.stringContaining('U+FEFF（字节顺序标记 BOM）')]);
  });
});

describe('findInvisible', () => {
  it('finds bidi controls, zero-width characters, BOMs and stray carriage returns', () => {
    for (const [s, cp] of [
      ['a\u202eb', 0x202e],
      ['a\u2067b', 0x2067],
      ['a\u200db', 0x200d],
      ['a\ufeff', 0xfeff],
      ['a\rb', 0x0d],
      ['a\u{e0041}', 0xe0041],
    ] as const)
      expect(findInvisible(s, { lineBreaks: true })?.codePoint, s).toBe(cp);
  });

  it('lets line breaks through only when asked, and Chinese, emoji and punctuation always', () => {
    expect(findInvisible('第一行\r\n第二行\n第三行', { lineBreaks: true })).toBeUndefined();
    expect(findInvisible('第一行\n第二行')?.label).toBe('U+000A（换行符）');
    expect(findInvisible('郑州市第十九初级中学（十九中）😀，“1+X”')).toBeUndefined();
  });
});
