/**
 * English names of Chinese schools, as a journalist or a parent abroad types them:
 * "Zhengzhou No. 19 Junior High School", "Huzhulu Primary School, Zhongyuan District".
 * The proper names are pinyin already; the words for kinds of school are mapped to
 * the pinyin of their Chinese forms (Primary School → xiaoxue, Junior High School →
 * chuzhong, No. 19 → shijiu, Education Group → jiaoyujituan …), so the name index's
 * pinyin keys answer. Places (a word before District or County, a part after a comma,
 * the words before the name) become keys of their own: each must match the record too,
 * so they narrow the result.
 *
 * Pure and small: the search page bundles it.
 */
import { numberPinyin } from './normalize.ts';

/** English words → pinyin of the Chinese form, first the form names are written in, then others. */
const KIND_WORDS: [string[], string[]][] = [
  [['junior', 'high', 'school'], ['chuzhong']],
  [['junior', 'middle', 'school'], ['chuzhong']],
  [['senior', 'high', 'school'], ['gaozhong']],
  [['senior', 'middle', 'school'], ['gaozhong']],
  [
    ['high', 'school'],
    ['zhong', 'gaozhong'],
  ],
  [['middle', 'school'], ['zhong']],
  [['secondary', 'school'], ['zhong']],
  [
    ['primary', 'school'],
    ['xiaoxue', 'xiao'],
  ],
  [
    ['elementary', 'school'],
    ['xiaoxue', 'xiao'],
  ],
  [['foreign', 'languages', 'school'], ['waiguoyuxuexiao']],
  [['foreign', 'language', 'school'], ['waiguoyuxuexiao']],
  [['foreign', 'languages'], ['waiguoyu']],
  [['foreign', 'language'], ['waiguoyu']],
  [['experimental'], ['shiyan']],
  [['experiment'], ['shiyan']],
  [
    ['education', 'group'],
    ['jiaoyujituan', 'jituan'],
  ],
  [
    ['educational', 'group'],
    ['jiaoyujituan', 'jituan'],
  ],
  [
    ['education', 'alliance'],
    ['jiaoyulianmeng', 'lianmeng'],
  ],
  [['group'], ['jituan']],
  [['alliance'], ['lianmeng']],
  [['affiliated'], ['fushu']],
  [['kindergarten'], ['youeryuan']],
  [['school'], ['xuexiao']],
  [['road'], ['lu']],
  [['street'], ['jie']],
  [['avenue'], ['dajie']],
];
/** Words that make the word before them a place: dropped, as the index spells places short (zhongyuan). */
const PLACE_WORDS = new Set(['district', 'county', 'city', 'province', 'town']);
const SKIP_WORDS = new Set(['the', 'of', 'and', 'in']);

type Item = { kind: 'name' | 'kind' | 'number'; spellings: string[]; place?: boolean };

export interface EnglishQuery {
  /** Pinyin spellings of the whole name, places first (zhengzhoushijiuchuzhong), best first. */
  whole: string[];
  /** The same as separate keys: each place, then the rest ([zhengzhou, shijiuchuzhong]). */
  words: string[][];
}

/** All spellings of a run of items, the first spelling of each first; at most `cap`. */
function spell(items: Item[], cap = 2): string[] {
  let out = [''];
  for (const item of items) out = out.flatMap((s) => item.spellings.map((p) => s + p)).slice(0, cap);
  return out;
}

/**
 * An English name or address → pinyin keys, or null when the text has no English word
 * for a kind of school and no "No. n" (then it is plain pinyin: jingbalu xiaoxue).
 */
export function readEnglish(folded: string): EnglishQuery | null {
  const segments = folded
    .split(/[,;，；]+/)
    .map((s) => s.match(/no\.?\s*\d+|#\d+|[a-z]+|\d+/g) ?? [])
    .filter((s) => s.length > 0);
  let english = false;
  const parsed: Item[][] = segments.map((words) => {
    const items: Item[] = [];
    for (let i = 0; i < words.length;) {
      const w = words[i]!;
      const no = /^(?:no\.?\s*|#)(\d+)$/.exec(w);
      if (no || (/^no$/.test(w) && /^\d+$/.test(words[i + 1] ?? ''))) {
        const digits = no ? no[1]! : words[i + 1]!;
        items.push({ kind: 'number', spellings: [numberPinyin(digits)] });
        english = true;
        i += no ? 1 : 2;
        continue;
      }
      if (/^\d+$/.test(w)) {
        items.push({ kind: 'number', spellings: [numberPinyin(w)] });
        i++;
        continue;
      }
      const phrase = KIND_WORDS.find(([ws]) => ws.every((x, k) => words[i + k] === x));
      if (phrase) {
        items.push({ kind: 'kind', spellings: phrase[1] });
        english = true;
        i += phrase[0].length;
        continue;
      }
      if (PLACE_WORDS.has(w)) {
        const before = items[items.length - 1];
        if (before?.kind === 'name') before.place = true;
        english = true;
      } else if (!SKIP_WORDS.has(w)) items.push({ kind: 'name', spellings: [w] });
      i++;
    }
    return items;
  });
  if (!english) return null;
  // A later part that is only names is a place (…, Zhongyuan District, Zhengzhou).
  parsed.forEach((items, s) => {
    if (s > 0 && items.every((it) => it.kind === 'name')) for (const it of items) it.place = true;
  });
  // English addresses run from small to large, Chinese names from large to small.
  const places = parsed
    .flat()
    .filter((it) => it.place)
    .reverse();
  const rest = parsed.flat().filter((it) => !it.place);
  if (rest.length === 0) return null;
  const whole = spell([...places, ...rest]);
  const words: string[][] = [];
  // Names before the last name or number of the rest are places too (Zhengzhou No. 19 …, Jinan Jingbalu …).
  const lastName = rest.findLastIndex((it) => it.kind !== 'kind');
  const lead = rest.slice(0, lastName).every((it) => it.kind === 'name') ? rest.slice(0, Math.max(0, lastName)) : [];
  const core = rest.slice(lead.length);
  const keys = [...places, ...lead].map((it) => it.spellings[0]!);
  if (keys.length > 0) for (const c of spell(core)) words.push([...keys, c]);
  return { whole, words };
}
