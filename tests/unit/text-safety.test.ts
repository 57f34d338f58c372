/**
 * Text that reads as something else: a formula a spreadsheet runs when a
 * reader opens a downloaded CSV, and characters a reader cannot see.
 */
import { describe, expect, it } from 'vitest';
import { escapeAttr, escapeXml } from '../../src/lib/charts/core/text.ts';
import { findInvisible } from '../../src/lib/invisible.ts';
import { groupSchema } from '../../src/lib/schemas/group.ts';
import { requiredText, slug } from '../../src/lib/schemas/common.ts';

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues.map((i) => i.message) ?? [];

describe('a text cell', () => {
  it('may not start as a spreadsheet formula', () => {
    for (const v of ['=HYPERLINK("https://example.com/","学校")', '+1+2', '-2+3', '@SUM(1,1)', ' =1+1'])
      expect(messages(requiredText().safeParse(v)), v).toEqual([expect.stringContaining('会把它当作公式运行')]);
  });

  it('may hold the same signs inside, and a date may still be --04-16', () => {
    for (const v of ['1+X 模式', '名校+潜力学校', 'A=B', 'a@b']) expect(requiredText().safeParse(v).success, v).toBe(true);
    expect(groupSchema.shape.founded.safeParse('--04-16').success).toBe(true);
  });

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

  it('finds noncharacters, variation selectors, deprecated format characters and the braille blank', () => {
    for (const cp of [
      0xfffe, 0xffff, 0xfdd0, 0xfdef, 0x1fffe, 0x10ffff, 0xfe00, 0xfe0f, 0xe0100, 0xe01ef, 0x180b, 0x206a, 0x206e, 0x206f, 0xfff9, 0xfffb,
      0x2800,
    ])
      expect(findInvisible(`学校${String.fromCodePoint(cp)}名`)?.codePoint, cp.toString(16)).toBe(cp);
    // Neighbours that are ordinary characters.
    for (const cp of [0xfdcf, 0xfdf0, 0xfffd, 0x1fffd, 0xfe10, 0x2801, 0xfffc])
      expect(findInvisible(`学校${String.fromCodePoint(cp)}名`), cp.toString(16)).toBeUndefined();
  });

  it('lets line breaks through only when asked, and Chinese, emoji and punctuation always', () => {
    expect(findInvisible('第一行\r\n第二行\n第三行', { lineBreaks: true })).toBeUndefined();
    expect(findInvisible('第一行\n第二行')?.label).toBe('U+000A（换行符）');
    expect(findInvisible('郑州市第十九初级中学（十九中）😀，“1+X”')).toBeUndefined();
  });
});

describe('text written into SVG and XML', () => {
  it('never holds a character XML 1.0 forbids, however it got into the data', () => {
    expect(escapeXml('学\uFFFE校\u0000<\uFFFF>\u{1F600}')).toBe('学\uFFFD校\uFFFD&lt;\uFFFD&gt;\u{1F600}');
    expect(escapeAttr('a\u0008b\nc')).toBe('a\uFFFDb&#10;c');
  });
});
