/**
 * Ids in the project's convention (CONTRIBUTING §5): city prefix, pinyin of the name
 * without its region, a word for the kind. 济南市经五路小学 → jinan-jingwulu-primary,
 * 郑州市第十九初级中学教育集团 → zhengzhou-no19-junior-group.
 */
import { pinyin } from 'pinyin-pro';
import { chineseNumeralToArabic, toSimplified } from '../search/normalize.ts';
import '../search/simplify.ts';
import { NAMED_NUMERALS } from './names.ts';

const SCHOOL_SUFFIXES: [RegExp, string][] = [
  [/小学部$/, 'primary-division'],
  [/初中部$/, 'junior-division'],
  [/高中部$/, 'senior-division'],
  [/学部$/, 'division'],
  [/(?:校区|分校)$/, 'campus'],
  [/九年一贯制学校$/, 'school'],
  [/(?:初级中学|初中)$/, 'junior'],
  [/(?:高级中学|高中)$/, 'senior'],
  [/中学$/, 'middle'],
  [/小学校?$/, 'primary'],
  [/幼儿园$/, 'kindergarten'],
  [/学校$/, 'school'],
];

const GROUP_SUFFIXES: [RegExp, string][] = [
  [/(?:教育)?集团联盟学校$/, 'alliance'],
  [/联盟学校$/, 'alliance'],
  [/(?:教育)?联盟$/, 'alliance'],
  [/(?:教育)?(?:发展)?共同体$/, 'community'],
  [/(?:教育)?集团$/, 'group'],
];

/** Toneless pinyin, ASCII only; 第十九 at the start becomes no19 as in the existing ids. */
function pinyinSlug(text: string): string {
  let rest = text;
  let lead = '';
  const ordinal = /^第([零〇一二三四五六七八九十百千]+|\d+)/.exec(rest);
  if (ordinal) {
    lead = `no${/^\d+$/.test(ordinal[1]!) ? ordinal[1] : (chineseNumeralToArabic(ordinal[1]!) ?? '')}`;
    rest = rest.slice(ordinal[0].length);
  }
  const words = pinyin(rest, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const body = words
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  return [lead, body].filter(Boolean).join('-').slice(0, 40).replace(/-+$/, '');
}

/** 第二十八中学, 三十二中, 一六八中学: a school known by its number. 八一中学 is a name, not the 81st. */
const NUMBERED = /^(.*?)(第?)([零〇一二三四五六七八九十百千]+|\d+)(初级中学|高级中学|中学|初中|高中|小学|中|小)$/;
const NUMBERED_KIND: Record<string, string> = {
  初级中学: 'junior',
  初中: 'junior',
  高级中学: 'senior',
  高中: 'senior',
  中学: 'middle',
  中: 'middle',
  小学: 'primary',
  小: 'primary',
};

function numbered(name: string): { head: string; no: string; kind: string } | undefined {
  const m = NUMBERED.exec(name);
  if (!m || (!m[2] && (NAMED_NUMERALS as readonly string[]).includes(m[3]!))) return undefined;
  const no = /^\d+$/.test(m[3]!) ? m[3]! : chineseNumeralToArabic(m[3]!);
  return no ? { head: m[1]!, no, kind: NUMBERED_KIND[m[4]!]! } : undefined;
}

/**
 * Strips a region written before a name: 济南市经五路小学 → 经五路小学. A county or district
 * stays when what is left would be a bare number (肥东二中 is not 合肥's 二中) or a bare
 * school word (安徽省肥西中学 is not just 中学).
 */
function stripRegion(name: string, regionNames: readonly string[], cityNames?: ReadonlySet<string>): string {
  let s = name;
  for (let changed = true; changed;) {
    changed = false;
    for (const r of regionNames) {
      if (r.length >= 2 && s.startsWith(r) && s.length > r.length + 1) {
        const rest = s.slice(r.length);
        const school = slugWithSuffix(rest, GROUP_SUFFIXES).core;
        // Keep the county, and do not try its shorter aliases (桐乡 of 桐乡市) either.
        if (cityNames && !cityNames.has(r) && numbered(school)?.head === '') return s;
        if (slugWithSuffix(rest, SCHOOL_SUFFIXES).core === '') continue;
        s = rest;
        changed = true;
        break;
      }
    }
  }
  return s;
}

function slugWithSuffix(name: string, suffixes: [RegExp, string][]): { core: string; kind: string } {
  for (const [re, kind] of suffixes) {
    if (re.test(name)) return { core: name.replace(re, ''), kind };
  }
  return { core: name, kind: '' };
}

// Ids are not names: a traditional name's id is made from its simplified form (乾县 stays 乾, pinyin qian).
export function schoolSlug(written: string, prefix: string, regionNames: readonly string[], cityNames?: ReadonlySet<string>): string {
  const name = stripRegion(toSimplified(written), regionNames, cityNames);
  const n = numbered(name);
  if (n) return [prefix, pinyinSlug(n.head), `no${n.no}`, n.kind].filter(Boolean).join('-');
  const { core, kind } = slugWithSuffix(name, SCHOOL_SUFFIXES);
  return [prefix, pinyinSlug(core) || 'school', kind].filter(Boolean).join('-');
}

/** A campus or division under its school's id: 小学部 → primary-division, 金山路校区 → jinshanlu-campus. */
export function unitSlug(written: string, parentId: string): string {
  const { core, kind } = slugWithSuffix(toSimplified(written), SCHOOL_SUFFIXES);
  return [parentId, pinyinSlug(core), kind].filter(Boolean).join('-');
}

export function groupSlug(written: string, prefix: string, regionNames: readonly string[], cityNames?: ReadonlySet<string>): string {
  const name = toSimplified(written);
  const { core, kind } = slugWithSuffix(stripRegion(name, regionNames, cityNames), GROUP_SUFFIXES);
  // A group named after its lead school takes the school's slug: …-no19-junior-group.
  const n = numbered(core);
  const school = slugWithSuffix(core, SCHOOL_SUFFIXES);
  const middle = n
    ? [pinyinSlug(n.head), `no${n.no}`, n.kind].filter(Boolean).join('-')
    : school.kind
      ? [pinyinSlug(school.core), school.kind].filter(Boolean).join('-')
      : pinyinSlug(core);
  return [prefix, middle || 'group', kind || 'group'].filter(Boolean).join('-');
}

/** The first of id, id-2, id-3 … not yet taken; marks it taken. */
export function uniqueId(id: string, taken: Set<string>): string {
  let candidate = id;
  for (let n = 2; taken.has(candidate); n++) candidate = `${id}-${n}`;
  taken.add(candidate);
  return candidate;
}
