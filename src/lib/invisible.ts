/**
 * Characters a reader cannot see, or that reorder the text around them: a name
 * holding one can pass for another record (a trailing U+200B gives a second
 * "identical" school) or display reversed (U+202E). Also refused: noncharacters
 * (U+FFFE, U+FDD0…, which XML forbids, so one would break every feed), variation
 * selectors (U+FE0F, U+E0100…), deprecated format characters (U+206A–206F), the
 * interlinear annotation marks (U+FFF9–FFFB) and the braille blank U+2800. Data and
 * MDX bodies refuse them, naming the code point so an editor can search for it.
 */

const NAMES = new Map<number, string>([
  [0x09, '制表符'],
  [0x0a, '换行符'],
  [0x0d, '回车符'],
  [0x7f, '删除控制符'],
  [0xad, '软连字符'],
  [0x034f, '组合用字形连接符'],
  [0x061c, '阿拉伯字母标记'],
  [0x115f, '韩文初声填充符'],
  [0x1160, '韩文中声填充符'],
  [0x180e, '蒙古文元音分隔符'],
  [0x200b, '零宽空格'],
  [0x200c, '零宽不连字'],
  [0x200d, '零宽连字'],
  [0x200e, '从左到右标记'],
  [0x200f, '从右到左标记'],
  [0x2028, '行分隔符'],
  [0x2029, '段分隔符'],
  [0x202a, '从左到右嵌入'],
  [0x202b, '从右到左嵌入'],
  [0x202c, '方向格式结束'],
  [0x202d, '从左到右强制'],
  [0x202e, '从右到左强制'],
  [0x2060, '单词连接符'],
  [0x2061, '不可见函数符'],
  [0x2062, '不可见乘号'],
  [0x2063, '不可见分隔符'],
  [0x2064, '不可见加号'],
  [0x2066, '从左到右隔离'],
  [0x2067, '从右到左隔离'],
  [0x2068, '首强方向隔离'],
  [0x2069, '方向隔离结束'],
  [0x2800, '盲文空白'],
  [0x3164, '韩文填充符'],
  [0xfeff, '字节顺序标记 BOM'],
  [0xffa0, '半角韩文填充符'],
]);

/** The Chinese name of a refused code point, or undefined when the character is fine. */
function refusedName(cp: number): string | undefined {
  const named = NAMES.get(cp);
  if (named) return named;
  if (cp < 0x20 || (cp >= 0x80 && cp < 0xa0)) return '控制字符';
  if (cp >= 0xe0000 && cp <= 0xe007f) return '标签字符';
  // Noncharacters: U+FDD0–FDEF and the last two code points of every plane (U+FFFE, U+1FFFF…); not XML either.
  if ((cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe) return '非字符';
  // Variation selectors change a glyph, not the text: "名" and "名\uFE0F" look alike and compare unequal.
  if ((cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef) || (cp >= 0x180b && cp <= 0x180d) || cp === 0x180f)
    return '变体选择符';
  if (cp >= 0x206a && cp <= 0x206f) return '已弃用的格式字符';
  if (cp >= 0xfff9 && cp <= 0xfffb) return '行间注释字符';
  // Lone surrogates: half a character, invalid in UTF-8 and XML.
  if (cp >= 0xd800 && cp <= 0xdfff) return '不成对的代理项';
  return undefined;
}

/** `U+202E（从右到左强制）` */
function describeCodePoint(cp: number): string {
  const hex = cp.toString(16).toUpperCase().padStart(4, '0');
  return `U+${hex}（${refusedName(cp) ?? '字符'}）`;
}

export interface InvisibleCharacter {
  /** UTF-16 index in the string. */
  index: number;
  codePoint: number;
  /** `U+200B（零宽空格）` */
  label: string;
}

/**
 * The first refused character in `s`. With `lineBreaks`, a line feed (alone or
 * after a carriage return) is allowed, as in a multi-line note; a lone carriage
 * return never is. With `tabs`, a tab is allowed (Markdown indents with it).
 */
export function findInvisible(s: string, { lineBreaks = false, tabs = false } = {}): InvisibleCharacter | undefined {
  for (let i = 0; i < s.length; i++) {
    const cp = s.codePointAt(i)!;
    if (cp < 0x7f && cp >= 0x20) continue;
    if (lineBreaks && (cp === 0x0a || (cp === 0x0d && s.charCodeAt(i + 1) === 0x0a))) continue;
    if (tabs && cp === 0x09) continue;
    if (refusedName(cp)) return { index: i, codePoint: cp, label: describeCodePoint(cp) };
    if (cp > 0xffff) i++;
  }
  return undefined;
}

/** `s` without any refused character (line breaks and tabs included): for text shown as one line, such as a commit subject. */
export function stripInvisible(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const cp = s.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (refusedName(cp)) {
      out += s.slice(from, i);
      from = i + width;
    }
    i += width - 1;
  }
  return out + s.slice(from);
}
