/**
 * Prose: the shapes announcements write lists in.
 *   1. 育英教育集团：济南育英中学、济南育秀中学。            (a group, a colon, its members)
 *   2. 经五教育集团以经五路小学为龙头校，经八路小学、经纬小学为成员校。
 *   3. 以X为龙头，首批成员单位为——A、B、C
 *   4. 苏州高新区实验小学校教育集团            (a group alone on a line …)
 *        1. 金山路校区                          (… then a numbered list of members or campuses)
 * Text that is none of these is ignored, so a whole article can be pasted.
 */
import { toSimplified } from '../search/normalize.ts';
import type { ListedGroup, TextLine } from './model.ts';
import { GROUP_WORD, NUMBERING, splitNames } from './names.ts';

const HAN_NAME = '[\\p{Script=Han}A-Za-z0-9（）()·]';
/** A group's name: a run of name characters ending in a group word. */
const GROUP_NAME = new RegExp(
  `(${HAN_NAME}{2,40}?(?:教育集团联盟学校|集团联盟学校|联盟学校|教育发展共同体|发展共同体|教育共同体|共同体|教育集团|教育联盟|集团|联盟))`,
  'gu',
);
const LEAD_WORD =
  '(?:龙头学校|龙头校|龙头|牵头学校|牵头校|牵头单位|牵头|核心学校|核心校|核心|引领学校|引领校|领衔学校|领衔校|总校|理事长单位)';
const MEMBER_WORD = '(?:成员学校|成员校|成员单位|成员|联盟学校|联盟校)';

/** Shape 1: [numbering] GROUP：A、B、C */
const COLON_LIST = /^(.{2,40}?)[:：](.+)$/u;
/** Shape 2: 以X为龙头校，A、B为成员校 */
const LEAD_THEN_MEMBERS = new RegExp(`以(.+?)为${LEAD_WORD}[，,、；;]\\s*(.+?)为${MEMBER_WORD}`, 'u');
/** Shape 3: 以X为龙头，首批成员单位为——A、B、C */
const LEAD_THEN_LIST = new RegExp(
  `以(.+?)为${LEAD_WORD}[，,、；;]\\s*(?:首批|第.批|现有)?${MEMBER_WORD}(?:为|有|包括|是)[—―–\\-:：\\s]*(.+?)(?:[。；;]|$)`,
  'u',
);
const LEAD_WORD_ALONE = new RegExp(LEAD_WORD, 'u');
const MEMBER_WORD_ALONE = new RegExp(MEMBER_WORD, 'u');

/** Words that come before a group's name in a sentence (组建了X教育集团), dropped. */
const LEADING_VERBS = /^(?:.*?(?:组建了|组建|成立了|成立|打造了|打造|挂牌|其中|该|由|的|是|为))(?=.{2,})/u;

function lastGroupName(text: string): string | undefined {
  const names = [...text.matchAll(GROUP_NAME)].map((m) => m[1]!);
  const last = names.at(-1);
  return last?.replace(LEADING_VERBS, '');
}

function roleWord(text: string, re: RegExp): string | undefined {
  return re.exec(text)?.[0];
}

export function readProse(lines: TextLine[]): ListedGroup[] {
  const groups: ListedGroup[] = [];
  let heading: ListedGroup | undefined;
  for (const { at, text: raw } of lines) {
    const text = toSimplified(raw.normalize('NFKC')).trim();
    if (!text) continue;
    const numbered = NUMBERING.test(text);
    const body = text.replace(NUMBERING, '').trim();

    const leadList = LEAD_THEN_LIST.exec(body) ?? LEAD_THEN_MEMBERS.exec(body);
    if (leadList) {
      const before = body.slice(0, leadList.index);
      const name = lastGroupName(before) ?? heading?.name;
      if (name) {
        const g: ListedGroup = {
          name,
          at,
          lead: splitNames(leadList[1]!).map((t) => ({ text: t, at })),
          members: splitNames(leadList[2]!).map((t) => ({ text: t, at })),
          ...(roleWord(leadList[0], LEAD_WORD_ALONE) ? { leadTerm: roleWord(leadList[0], LEAD_WORD_ALONE)! } : {}),
          ...(roleWord(leadList[0].slice(leadList[0].indexOf(leadList[2]!) - 8), MEMBER_WORD_ALONE)
            ? { memberTerm: roleWord(leadList[0].slice(leadList[0].indexOf(leadList[2]!) - 8), MEMBER_WORD_ALONE)! }
            : {}),
        };
        groups.push(g);
        heading = undefined;
        continue;
      }
    }

    const colon = COLON_LIST.exec(body);
    if (colon && GROUP_WORD.test(colon[1]!.replace(/[（(][^)）]*[)）]$/, '').trim())) {
      const name = colon[1]!.trim();
      const members = splitNames(colon[2]!);
      if (members.length > 0) {
        groups.push({ name, at, lead: [], members: members.map((t) => ({ text: t, at })) });
        heading = undefined;
        continue;
      }
    }

    // Shape 4: a group alone on its line opens a list; numbered lines below are its members.
    const alone = body.replace(/[:：。]$/, '');
    if (!numbered && GROUP_WORD.test(alone) && new RegExp(`^${HAN_NAME}{2,40}$`, 'u').test(alone)) {
      heading = { name: alone, at, lead: [], members: [] };
      groups.push(heading);
      continue;
    }
    if (heading && numbered && body.length <= 40 && !/[，,。]/.test(body.replace(/[。；;]$/, ''))) {
      const lead = LEAD_WORD_ALONE.exec(body);
      const name = body.replace(new RegExp(`[（(]?${LEAD_WORD}[)）]?`, 'u'), '').trim();
      if (lead && /[（(]/.test(body)) heading.lead.push({ text: name, at });
      else heading.members.push({ text: body, at });
      continue;
    }
    heading = undefined;
  }
  // A heading with no list under it is a title, not a group.
  return groups.filter((g) => g.lead.length + g.members.length > 0);
}
