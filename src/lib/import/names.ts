/**
 * School and group names as lists write them: numbering, notes in brackets, several
 * names in one cell. Pure string work.
 *
 * A name is written as the source writes it (乾县第一中学 stays 乾县, not 干县). The
 * keys below are for MATCHING only:
 *   literalKey  width, case, punctuation, 第 before a number and school-type words folded
 *               (合肥一中 = 合肥市第一中学 once the region is set aside); characters and
 *               numerals as written. Equal literal keys are the same name.
 *   looseKey    also traditional → simplified and Chinese numerals → digits. Equal loose
 *               keys with different literal keys are only a PROBABLE match (asked, never merged).
 * 八一, 七一, 五四, 二七, 六一 … are names, not numbers, in both keys.
 */
import { chineseNumeralsToArabic, CONTRACTION_WORDS, CONTRACTIONS, keepWordChars, toSimplified } from '../search/normalize.ts';
import '../search/simplify.ts';

/** 1. / 1、 / （1） / ① / 一、 / - at the start of a line or name. */
export const NUMBERING = /^\s*(?:\d{1,3}\s*[.．、)）]|[（(]\s*\d{1,3}\s*[)）]|[①-⑳]|[一二三四五六七八九十]{1,3}\s*[、.．]|[-•·*])\s*/;

export interface CleanName {
  name: string;
  /** Bracketed remarks (（暂定名）, （筹建）): they go to the note, not the name. */
  notes: string[];
  /** （原XX小学） */
  formerNames: string[];
}

/** A name without numbering, bracketed notes or trailing punctuation; its characters as written. */
export function cleanName(raw: string): CleanName {
  const notes: string[] = [];
  const formerNames: string[] = [];
  let name = raw.replace(NUMBERING, '').replace(/^[\s"“”'‘’「」『』《》]+|[\s"“”'‘’「」『』《》。；;，,:：、.]+$/g, '');
  name = name.replace(/[(（<〈]([^()（）<>〈〉]*)[)）>〉]/g, (_, inner: string) => {
    const text = inner.trim();
    // A campus or division written in brackets is part of the name: 五十七中（长江路校区）.
    if (/(校区|学部|分校)$/.test(text) && !/^(?:含|包括)/.test(text)) return text;
    const former = /^(?:原|原名|曾用名)[:：]?(.+)$/.exec(text);
    if (former) formerNames.push(former[1]!.trim());
    else if (text) notes.push(text);
    return '';
  });
  return { name: name.replace(/\s+/g, ''), notes, formerNames };
}

const OPENERS = new Set(['(', '（', '<', '〈', '《', '“']);
const CLOSERS = new Set([')', '）', '>', '〉', '》', '”']);

/** Several names in one cell or clause: split on 、，,；; / and line breaks, never inside brackets. */
export function splitNames(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (OPENERS.has(ch)) depth++;
    if (CLOSERS.has(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && /[、，,；;/\n\r|]/.test(ch)) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out
    .map((s) => s.replace(NUMBERING, '').trim())
    .map((s) => s.replace(/^(?:和|及|以及|与)/, '').replace(/(?:等)$/, ''))
    .filter((s) => s.replace(/[\s。.]/g, '') !== '');
}

/** Words that end a group's name, longest first. */
const GROUP_WORD = /(?:教育集团联盟学校|集团联盟学校|联盟学校|教育发展共同体|发展共同体|教育共同体|共同体|教育集团|教育联盟|集团|联盟)$/;

export function groupKind(name: string): 'alliance' | 'community' | 'group' {
  const simplified = toSimplified(name);
  if (/联盟(?:学校)?$/.test(simplified)) return 'alliance';
  if (/共同体$/.test(simplified)) return 'community';
  return 'group';
}

/** A group's name less its group word, as written: 經五教育集團 → 經五 (the word is found in simplified form). */
export function withoutGroupWord(name: string): string {
  const simplified = toSimplified(name);
  const m = GROUP_WORD.exec(simplified);
  return m && simplified.length === name.length ? name.slice(0, m.index) : name;
}

/** The stage term a school's name implies (data/terms.csv, kind stage). */
export function stageOf(written: string): string {
  const name = toSimplified(written);
  if (/小学部$/.test(name)) return 'primary';
  if (/初中部$/.test(name)) return 'junior';
  if (/高中部$/.test(name)) return 'senior';
  if (/九年一贯制/.test(name)) return 'nine-year';
  if (/(?:初级中学|初中)$/.test(name)) return 'junior';
  if (/(?:高级中学|高中)$/.test(name)) return 'senior';
  if (/完全中学$/.test(name)) return 'complete';
  // 合肥六中 is 合肥市第六中学 written short: as little known as any 中学.
  if (/(?:中学|[\d零一二三四五六七八九十百]中)$/.test(name)) return 'secondary';
  if (/小学校?$/.test(name)) return 'primary';
  return 'unknown';
}

/** 泉景中学小学部 → { school: 泉景中学, unit: division }; 金山路校区 → { school: '', unit: campus }. */
export function unitOf(name: string): { unit: 'school' | 'campus' | 'division'; school: string; part: string } {
  const division = /^(.*?)((?:小学|初中|高中|初级中学|高级中学|小學|高級中學|初級中學)?部)$/.exec(name);
  if (division && /(?:学|校|學)$/.test(division[1]!) && division[2]!.length > 1)
    return { unit: 'division', school: division[1]!, part: division[2]! };
  // 學: a traditional name is read as written, so its school words are matched as written too.
  const campus = /^(.*?(?:学|校|學|[0-9一二三四五六七八九十]中))?([^学校學]*?(?:校区|分校|校區))$/.exec(name);
  if (campus) return { unit: 'campus', school: campus[1] ?? '', part: campus[2]! };
  return { unit: 'school', school: name, part: '' };
}

/**
 * Region names a name may start with (济南市, 济南, 市中区 …), canonical and longest
 * first, so 济南市经五路小学 and 经五路小学 compare equal within their region.
 */
export function prefixStripper(regionNames: Iterable<string>, key: (name: string) => string = literalKey): (k: string) => string {
  // Prefixes by their first character, so a name is tried against a few, not all (many regions, many names).
  const byFirst = new Map<string, string[]>();
  for (const p of new Set([...regionNames].map(key).filter((p) => p.length >= 2))) {
    const list = byFirst.get(p[0]!) ?? [];
    list.push(p);
    byFirst.set(p[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  return (c) => {
    let s = c;
    for (let changed = true; changed;) {
      changed = false;
      for (const p of byFirst.get(s[0] ?? '') ?? []) {
        if (s.startsWith(p) && s.length > p.length + 1) {
          s = s.slice(p.length);
          changed = true;
          break;
        }
      }
    }
    // 小学校 is 小学: the key already made it 小校.
    return s.replace(/(?<=[小中初高])校$/, '');
  };
}

/** Two-digit runs that are names (dates), never numbers: 八一中学 is not the 81st. */
export const NAMED_NUMERALS = ['一二九', '八一', '七一', '五四', '二七', '六一', '五一', '三八', '一二'] as const;
const NAMED_NUMERAL = new RegExp(
  `(?<!第|[零〇一二三四五六七八九十百千])(?:${NAMED_NUMERALS.join('|')})(?![零〇一二三四五六七八九十百千])`,
  'g',
);
const CONTRACTIONS_RE = new RegExp(CONTRACTION_WORDS.join('|'), 'g');
const fold = (name: string) => keepWordChars(name.normalize('NFKC').toLowerCase());
const ordinalsAndWords = (s: string) =>
  s.replace(/第(?=[零〇一二三四五六七八九十百千\d])/g, '').replace(CONTRACTIONS_RE, (w) => CONTRACTIONS[w] ?? w);

/** Same name as written: see the file comment. */
export function literalKey(name: string): string {
  return ordinalsAndWords(fold(name));
}

/** Same name after traditional → simplified and numerals → digits (named numerals kept). */
export function looseKey(name: string): string {
  const simplified = fold(toSimplified(name));
  // Protect 八一 … by a private-use mark while the numerals are converted.
  const kept: string[] = [];
  const marked = simplified.replace(NAMED_NUMERAL, (m) => {
    kept.push(m);
    return `\uE000${kept.length - 1}\uE001`;
  });
  const converted = ordinalsAndWords(marked.replace(/第(?=[零〇一二三四五六七八九十百千])/g, ''));
  return chineseNumeralsToArabic(converted).replace(/\uE000(\d+)\uE001/g, (_, i: string) => kept[Number(i)]!);
}

/** The part of a group's name that names its lead school: 经五教育集团 → 经五. */
export function groupCore(canonicalCore: string): string {
  return canonicalCore.replace(/(?:集团联盟学校|联盟学校|集团联盟|发展共同体|共同体|集团|联盟)$/, '');
}
