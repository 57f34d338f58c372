/**
 * Prose: the shapes published texts write lists in, read in one pass over each line
 * (keyword positions found with indexOf or fixed alternations, never a pattern that
 * backtracks over the line, so the time grows with the length of the text).
 *
 *   育英教育集团：济南育英中学、济南育秀中学。                  a group, a colon, its members
 *   桐乡市六中教育集团包括六中实验中学、振东中学；                X包括A、B
 *   合肥一中教育集团辖4所学校及校区，包括集团本部、北城分校(合肥北城中学)
 *   合肥市第一中学教育集团增加1所学校，为合肥市第一中学教育集团合肥市第二十八中学
 *   经五教育集团以经五路小学为龙头校，经八路小学、经纬小学为成员校。
 *   天一教育集团以江苏省天一中学为龙头首批成员单位为——A、B
 *   该教育集团将以X为龙头，将A、B纳入其中
 *   以X为集团龙头校，原A更名为B(加挂“…”)，成为该教育集团成员校
 *   聊城文轩教育集团以聊城文轩中学为龙头，……                 a lead without its members
 *   由A、B……这13所学校作为领衔校，每个集团有2—4所成员学校    groups known by their lead only
 *   南菁教育集团(南菁初中、暨阳中学)，市中教育集团(市中、立新中学)
 *   苏州高新区实验初级中学教育集团 / 集团主要成员： / 1、金山路校区   a group line, then numbered lines
 *
 * Keywords are found in a view of the line folded to half-width simplified characters,
 * position for position; names are cut from the line as written. A list that runs into
 * the end of the text without closing punctuation is cut off: its last item is reported,
 * never read. Text that is none of these is ignored, so a whole article can be pasted.
 */
import { toSimplified } from '../search/normalize.ts';
import type { ListedGroup, ListedName, Place, TextLine, Warning } from './model.ts';
import { NUMBERING, splitNames } from './names.ts';

const LEAD_WORDS = [
  '龙头学校',
  '龙头校',
  '龙头',
  '牵头学校',
  '牵头校',
  '牵头单位',
  '核心学校',
  '核心校',
  '引领学校',
  '引领校',
  '领衔学校',
  '领衔校',
  '总校',
  '理事长单位',
];
const MEMBER_WORDS = ['成员学校', '成员校', '成员单位', '联盟学校', '联盟校', '成员'];
const GROUP_WORDS = [
  '教育集团联盟学校',
  '集团联盟学校',
  '教育发展共同体',
  '发展共同体',
  '教育共同体',
  '教育集团',
  '教育联盟',
  '共同体',
  '集团',
  '联盟',
];
const alt = (words: readonly string[]) => words.join('|');
/** 为(集团)?龙头校 … : where a lead is named. */
const LEAD_AT = new RegExp(`为(?:集团)?(${alt(LEAD_WORDS)})`, 'g');
const MEMBERS_INTRO = new RegExp(`^(?:首批|第.批|现有|其他|其余)?(${alt(MEMBER_WORDS)})(?:为|有|包括|是)[—―–\\-:：\\s]*`);
const AS_MEMBERS = new RegExp(`为(?:集团|该集团|该教育集团)?(${alt(MEMBER_WORDS)})`);
const GROUP_END = new RegExp(`(?:${alt(GROUP_WORDS)})$`);
const GROUP_WORD_AT = new RegExp(`(?:${alt(GROUP_WORDS)})`, 'g');
// Bounded, so a long run of digits is not tried again from every position.
const NUMERAL = '[\\d一二三四五六七八九十两]{1,6}';
/** 辖4所学校及校区，包括 / 增加1所学校，为 / 包括6所成员校，分别是： */
const COUNTED = new RegExp(`(辖|增加|新增|包括)\\s{0,3}(?:${NUMERAL}\\s{0,3}所(?:学校|成员校|成员学校|成员单位)?(?:及校区)?)?`, 'g');
const LIST_INTRO = /[\s,，:：]{0,4}(?:包括|分别是|分别为|为|是)?[\s:：—―–-]{0,6}/y;
/** 由A、B……这13所学校作为领衔校 */
const LEADS_ONLY = new RegExp(`(?:这|等)?${NUMERAL}所学校(?:作为|为|是)(${alt(LEAD_WORDS)})`, 'g');
const EACH_GROUP_HAS = new RegExp(`每个集团(?:有|包括|含)(${NUMERAL}(?:\\s*[—\\-–~～至到]\\s*${NUMERAL})?)所成员`);
/** Characters a name is written in. */
const NAME_CHAR = /[\p{Script=Han}A-Za-z0-9()（）·]/u;
/** Words that come before a group's name in a sentence (正式组建X教育集团), cut off. */
const BEFORE_NAME = [
  '正式组建',
  '组建了',
  '组建',
  '成立了',
  '成立',
  '打造了',
  '打造',
  '挂牌',
  '其中',
  '宣布',
  '增加',
  '包括',
  '为',
  '由',
  '在',
  '将',
  '是',
  '的',
  '对',
  '把',
  '了',
];
/** A mention that is no group's name: 该教育集团, 13个小学教育集团, 三大初中教育集团. */
const NOT_A_NAME =
  /^(?:该|本|各|此|这|每|其|新|原)|^[\d一二三四五六七八九十两]+(?:个|大|所)|^(?:小学|初中|高中|中学|普通高中)?(?:教育)?(?:集团|联盟|共同体)$/;
/** Lines between a group line and its numbered members: an image's alt text, 集团主要成员： */
const FILLER = /^(?:[?？]|图片|\s*)$|^(?:集团)?(?:主要)?成员(?:学校|校|单位)?(?:有|如下|名单)?[:：]?$/;
/** Praise before a lead's name: 以优质特色高中广州市第七十一中学为龙头. */
const DESCRIPTOR = /^(?:(?:优质|特色|省级|市级|示范性?|重点|知名|百年|老牌)+(?:高中|初中|小学|中学|学校|名校)?)(?=.{4,})/;
/** How a school's name ends; a last item that ends otherwise at the end of a text was cut off. */
const NAME_END =
  /(?:学校|小学|中学|大学|附中|附小|校区|分校|学部|幼儿园|园|中心|院|[\d一二三四五六七八九十]中|初中|高中|一贯制)(?:\([^)]*\))?$/;
/** A sentence ends here. */
const STOPS = new Set(['。', ';', '；', '!', '！', '?', '？']);

/** The line folded to half-width simplified characters, one for one, so positions agree. */
function viewOf(text: string): string {
  const whole = toSimplified(text.normalize('NFKC'));
  if (whole.length === text.length) return whole;
  let out = '';
  for (const ch of text) {
    const v = toSimplified(ch.normalize('NFKC'));
    out += v.length === ch.length ? v : ch;
  }
  return out;
}

interface Segment {
  /** The sentence as written, and its folded view (same length). */
  raw: string;
  view: string;
  /** Whether closing punctuation ends it (else the line, perhaps the text, ends it). */
  closed: boolean;
}

function sentences(raw: string, view: string): Segment[] {
  const out: Segment[] = [];
  let start = 0;
  for (let i = 0; i < view.length; i++) {
    if (STOPS.has(view[i]!)) {
      out.push({ raw: raw.slice(start, i), view: view.slice(start, i), closed: true });
      start = i + 1;
    }
  }
  if (start < view.length) out.push({ raw: raw.slice(start), view: view.slice(start), closed: false });
  return out;
}

/** The group's name that ends at `end` in the view: the run of name characters before it, less the words that introduce it. */
function groupBefore(seg: Segment, end: number): string | undefined {
  let start = end;
  while (start > 0 && end - start < 60 && NAME_CHAR.test(seg.view[start - 1]!)) start--;
  let view = seg.view.slice(start, end);
  let raw = seg.raw.slice(start, end);
  if (!GROUP_END.test(view)) return undefined;
  let cut = 0;
  for (const w of BEFORE_NAME) {
    const i = view.lastIndexOf(w);
    // The rest must still name something before its group word (桐乡市求是教育集团 keeps its 是).
    if (i >= 0 && i + w.length > cut && view.slice(i + w.length).replace(GROUP_END, '').length >= 2) cut = i + w.length;
  }
  view = view.slice(cut);
  raw = raw.slice(cut);
  // Unbalanced brackets belong to the sentence, not the name.
  const open = Math.max(view.lastIndexOf('('), -1);
  if (open >= 0 && view.indexOf(')', open) < 0) {
    view = view.slice(open + 1);
    raw = raw.slice(open + 1);
  }
  if (view.length < 3 || NOT_A_NAME.test(view)) return undefined;
  return raw.trim();
}

class Reader {
  readonly groups: ListedGroup[] = [];
  readonly warnings: Warning[] = [];
  /** The last group a sentence named, for 该教育集团. */
  private mentioned: string | undefined;
  /** A group alone on its line, waiting for its numbered members. */
  private heading: ListedGroup | undefined;
  /** Groups known by their lead only (由A、B作为领衔校), waiting for a list that names them. */
  private unnamed: ListedGroup[] = [];
  private at: Place = { file: '', line: 0 };
  /** Whether the line being read is the last line with text in it. */
  private lastLine = false;

  read(lines: TextLine[]): void {
    let last = lines.length - 1;
    while (last >= 0 && !lines[last]!.text.trim()) last--;
    lines.forEach((line, i) => {
      this.at = line.at;
      this.lastLine = i === last;
      this.line(line.text);
    });
    this.closeHeading();
  }

  private line(rawLine: string): void {
    const raw = rawLine.trim();
    if (!raw) return;
    const view = viewOf(raw);
    const numbered = NUMBERING.exec(view);
    const bodyView = numbered ? view.slice(numbered[0].length) : view;
    const bodyRaw = numbered ? raw.slice(numbered[0].length) : raw;

    // A group alone on its line opens a list of numbered members below it.
    const alone = bodyView.replace(/[:：。]$/, '');
    if (!numbered && GROUP_END.test(alone) && alone.length <= 40 && [...alone].every((c) => NAME_CHAR.test(c)) && !NOT_A_NAME.test(alone)) {
      this.closeHeading();
      this.heading = { name: bodyRaw.replace(/[:：。]$/, '').trim(), at: this.at, lead: [], members: [] };
      this.mentioned = this.heading.name;
      return;
    }
    if (this.heading) {
      if (FILLER.test(view)) {
        // 集团主要成员: the main members, so perhaps not all of them.
        if (view.includes('主要')) this.heading.partial = true;
        return;
      }
      if (numbered && bodyView.length <= 40 && !/[，,。]/.test(bodyView.replace(/[。；;]$/, ''))) {
        this.numberedMember(bodyRaw, bodyView);
        return;
      }
      // A lone number on the text's last line: the list was cut off before its next item.
      if (this.lastLine && /^\d{1,3}[、.．]?$/.test(view)) {
        this.cutOff(this.heading, view);
        this.closeHeading();
        return;
      }
    }
    let used = false;
    for (const seg of sentences(raw, view)) used = this.sentence(seg) || used;
    if (!used) this.noteMentions(view, raw);
    this.closeHeading();
  }

  private numberedMember(bodyRaw: string, bodyView: string): void {
    const h = this.heading!;
    const lead = new RegExp(`[(（]?(${alt(LEAD_WORDS)})[)）]?`).exec(bodyView);
    if (lead && /[(（]/.test(bodyView)) {
      h.lead.push({ text: bodyRaw.slice(0, lead.index) + bodyRaw.slice(lead.index + lead[0].length), at: this.at });
      h.leadTerm ??= lead[1]!;
    } else h.members.push({ text: bodyRaw, at: this.at });
  }

  private closeHeading(): void {
    if (this.heading && this.heading.lead.length + this.heading.members.length > 0) this.push(this.heading);
    this.heading = undefined;
  }

  /** Remembers the last group named in running text, for a later 该教育集团. */
  private noteMentions(view: string, raw: string): void {
    const seg: Segment = { raw, view, closed: true };
    for (const m of view.matchAll(GROUP_WORD_AT)) {
      const end = m.index + m[0].length;
      if (view[end] === '化') continue;
      const name = groupBefore(seg, end);
      if (name) this.mentioned = name;
    }
  }

  /** One sentence: the first shape that fits. Returns whether it read a list. */
  private sentence(seg: Segment): boolean {
    return this.leadsOnly(seg) || this.leadShape(seg) || this.counted(seg) || this.colon(seg) || this.bracketed(seg) || this.memberOf(seg);
  }

  /** 由A、B……这13所学校作为领衔校，每个集团有2—4所成员学校 */
  private leadsOnly(seg: Segment): boolean {
    LEADS_ONLY.lastIndex = 0;
    const m = LEADS_ONLY.exec(seg.view);
    if (!m) return false;
    const from = seg.view.lastIndexOf('由', m.index);
    if (from < 0) return false;
    const each = EACH_GROUP_HAS.exec(seg.view.slice(m.index));
    const at = each ? m.index + each.index + each[0].indexOf(each[1]!) : 0;
    const reported = each ? seg.raw.slice(at, at + each[1]!.length) : undefined;
    for (const lead of this.items(seg, from + 1, m.index, false)) {
      const g: ListedGroup = {
        name: '',
        unnamed: true,
        partial: true,
        at: this.at,
        lead: [lead],
        members: [],
        leadTerm: m[1]!,
        ...(reported ? { reported } : {}),
      };
      this.unnamed.push(g);
      this.push(g);
    }
    return true;
  }

  /** 以X为龙头(校)，then members in one of four ways, or none. */
  private leadShape(seg: Segment): boolean {
    LEAD_AT.lastIndex = 0;
    const m = LEAD_AT.exec(seg.view);
    if (!m) return false;
    const yi = seg.view.lastIndexOf('以', m.index);
    if (yi < 0 || m.index - yi < 3 || m.index - yi > 60) return false;
    const before = seg.view.slice(0, yi);
    // 组建X教育集团，以Y为龙头: the group may end a clause before 以.
    let nameEnd = yi;
    while (nameEnd > 0 && /[\s,，]/.test(seg.view[nameEnd - 1]!)) nameEnd--;
    const name =
      groupBefore(seg, nameEnd) ??
      (/该(?:教育)?集团(?:将)?$/.test(before) ? this.mentioned : undefined) ??
      this.heading?.name ??
      (before.trim() === '' ? this.mentioned : undefined);
    if (!name) return false;
    const leadRaw = seg.raw.slice(yi + 1, m.index);
    const leadView = seg.view.slice(yi + 1, m.index);
    const descriptor = DESCRIPTOR.exec(leadView);
    const lead: ListedName = { text: leadRaw.slice(descriptor ? descriptor[0].length : 0).trim(), at: this.at };
    const g: ListedGroup = { name, at: this.at, lead: [lead], members: [], leadTerm: m[0].slice(1) };
    let rest = m.index + m[0].length;
    while (rest < seg.view.length && /[\s,，、]/.test(seg.view[rest]!)) rest++;
    const tail = seg.view.slice(rest);
    const intro = MEMBERS_INTRO.exec(tail);
    if (intro) {
      g.memberTerm = intro[1]!;
      g.members = this.items(seg, rest + intro[0].length, seg.view.length, true, g);
    } else if (tail.startsWith('将') && tail.includes('纳入')) {
      g.members = this.items(seg, rest + 1, rest + tail.indexOf('纳入'), false, g);
    } else if (tail.startsWith('原') && tail.includes('更名为')) {
      const renamed = rest + tail.indexOf('更名为');
      let end = renamed + 3;
      while (end < seg.view.length && !/[(,，]/.test(seg.view[end]!)) end++;
      const also = /^\(加挂[“"]([^”"]+)[”"]\)/.exec(seg.view.slice(end));
      const listedAs = also ? seg.raw.slice(end + 4, end + 4 + also[1]!.length) : undefined;
      g.members = [
        {
          text: `${seg.raw.slice(renamed + 3, end).trim()}（原${seg.raw.slice(rest + 1, renamed).trim()}）`,
          at: this.at,
          ...(listedAs ? { listedAs } : {}),
        },
      ];
      g.memberTerm = /成员校|成员学校/.exec(tail)?.[0] ?? '成员校';
    } else {
      const as = AS_MEMBERS.exec(tail);
      if (as) {
        g.memberTerm = as[1]!;
        g.members = this.items(seg, rest, rest + as.index, false, g);
      } else g.partial = true;
    }
    if (this.heading?.name === name) this.heading = undefined;
    this.push(g);
    return true;
  }

  /** X辖N所学校及校区，包括…; X增加N所学校，为…; X包括A、B… */
  private counted(seg: Segment): boolean {
    COUNTED.lastIndex = 0;
    for (const m of seg.view.matchAll(COUNTED)) {
      const name = groupBefore(seg, m.index);
      if (!name) continue;
      // Sticky at the position, not a copy of the rest of the line for every match.
      LIST_INTRO.lastIndex = m.index + m[0].length;
      const intro = LIST_INTRO.exec(seg.view)!;
      const from = m.index + m[0].length + intro[0].length;
      const g: ListedGroup = { name, at: this.at, lead: [], members: [] };
      g.members = this.items(seg, from, seg.view.length, true, g);
      if (g.members.length === 0) continue;
      if (m[1] === '增加' || m[1] === '新增') g.partial = true;
      this.takeBase(g);
      this.push(g);
      return true;
    }
    return false;
  }

  /** [numbering] GROUP：A、B、C */
  private colon(seg: Segment): boolean {
    const c = seg.view.search(/[:：]/);
    if (c < 2 || c > 60) return false;
    const numbering = NUMBERING.exec(seg.view);
    const from = numbering ? numbering[0].length : 0;
    const headView = seg.view
      .slice(from, c)
      .replace(/\([^)]*\)$/, '')
      .trim();
    if (!GROUP_END.test(headView) || ![...headView].every((ch) => NAME_CHAR.test(ch)) || NOT_A_NAME.test(headView)) return false;
    const g: ListedGroup = { name: seg.raw.slice(from, c).trim(), at: this.at, lead: [], members: [] };
    g.members = this.items(seg, c + 1, seg.view.length, true, g);
    if (g.members.length === 0 && !g.partial) return false;
    this.takeBase(g);
    this.push(g);
    return true;
  }

  /** 南菁教育集团(南菁初中、暨阳中学)，市中教育集团(市中、立新中学) */
  private bracketed(seg: Segment): boolean {
    let found = false;
    for (const m of seg.view.matchAll(GROUP_WORD_AT)) {
      const end = m.index + m[0].length;
      if (seg.view[end] !== '(') continue;
      // A bracketed list is short: look no further than 400 characters for its end.
      const inside = seg.view.slice(end, end + 400);
      const close = inside.indexOf(')') + end;
      if (close < end || !/[、,，]/.test(seg.view.slice(end, close))) continue;
      const name = groupBefore(seg, end);
      if (!name) continue;
      const g: ListedGroup = { name, at: this.at, lead: [], members: [] };
      g.members = this.items(seg, end + 1, close, false, g);
      this.push(g);
      found = true;
    }
    return found;
  }

  /** 备注：广州市东风实验学校为广州执信教育集团成员校 */
  private memberOf(seg: Segment): boolean {
    const m = new RegExp(`为([^为，,]{2,40}?(?:${alt(GROUP_WORDS)}))的?(${alt(MEMBER_WORDS)})$`).exec(seg.view.trim());
    if (!m) return false;
    const start = Math.max(seg.view.lastIndexOf('：', m.index), seg.view.lastIndexOf(':', m.index)) + 1;
    const school = seg.raw.slice(start, m.index).trim();
    if (school.length < 3 || school.length > 40) return false;
    const nameStart = m.index + 1;
    this.push({
      name: seg.raw.slice(nameStart, nameStart + m[1]!.length),
      at: this.at,
      lead: [],
      members: [{ text: school, at: this.at }],
      memberTerm: m[2]!,
      partial: true,
    });
    return true;
  }

  /** The names between two positions of a sentence, as list items; a cut-off last one is reported and dropped. */
  private items(seg: Segment, from: number, to: number, mayBeCut: boolean, group?: ListedGroup): ListedName[] {
    const texts = splitNames(seg.raw.slice(from, to));
    // The text ends inside the list, and its last item does not end the way a name ends (力人学).
    const cut = mayBeCut && to === seg.view.length && !seg.closed && this.lastLine && !NAME_END.test(viewOf(texts.at(-1) ?? '').trim());
    if (cut && texts.length > 0) {
      const last = texts.pop()!;
      this.warnings.push({ at: this.at, message: `名单在“${last}”处被截断（文本到此结束），这一项没有写入；请找到完整的原文后补上` });
      if (group) group.partial = true;
    }
    return texts.map((t) => this.item(t, group?.name));
  }

  /** One list item: the group's own name written before it is set aside (合肥市第一中学教育集团合肥市第二十八中学). */
  private item(text: string, groupName: string | undefined): ListedName {
    let t = text
      .replace(/^(?:和|及|以及|与)/, '')
      .replace(/等$/, '')
      .trim();
    if (groupName && t.startsWith(groupName) && t.length > groupName.length) {
      const rest = t.slice(groupName.length);
      // Only where the rest reads as a name on its own: 本部, 肥西紫蓬分校(…), 合肥市第二十八中学.
      if (/^(?:集团)?本部|分校[(（]|^.{2,6}?[省市县区]/.test(viewOf(rest))) t = rest;
    }
    // Y分校(Z): Z is the school, Y分校 what the group calls it.
    const branch = /^([^学校]{1,10}(?:分校|校区))[(（]([^()（）]+)[)）]$/.exec(t);
    if (branch && /(?:学|校|中|园|部)(?:[<〈][^>〉]*[>〉])?$/.test(branch[2]!))
      return { text: branch[2]!, at: this.at, listedAs: branch[1]! };
    return { text: t, at: this.at };
  }

  /** 集团本部 / 本部 is the lead school, never a school of its own: named by the group, or by its bracket (含A、B). */
  private takeBase(g: ListedGroup): void {
    const rest: ListedName[] = [];
    for (const m of g.members) {
      const base = /^((?:集团)?本部)(?:[(（](?:含|包括)?([^()（）]+)[)）])?$/.exec(m.text);
      if (!base) {
        rest.push(m);
        continue;
      }
      const named = base[2] ? splitNames(base[2]) : [g.name.slice(0, viewOf(g.name).replace(GROUP_END, '').length)];
      // 集团本部 is what the group calls its lead (listed_as), not a word for the role.
      for (const n of named) g.lead.push({ text: n, at: m.at, listedAs: base[1]! });
    }
    g.members = rest;
  }

  private cutOff(g: ListedGroup, text: string): void {
    g.partial = true;
    this.warnings.push({
      at: this.at,
      message: `“${g.name}”的名单在第 ${text.replace(/\D/g, '')} 项处被截断（文本到此结束），只读到前面几项`,
    });
  }

  private push(g: ListedGroup): void {
    if (!g.unnamed) {
      this.mentioned = g.name;
      // A named list of a group known so far by its lead only (力学小学教育集团：力学小学、……) completes it.
      const core = viewOf(g.name).replace(GROUP_END, '');
      const i = core.length >= 2 ? this.unnamed.findIndex((u) => viewOf(u.lead[0]!.text).endsWith(core)) : -1;
      if (i >= 0) {
        const u = this.unnamed[i]!;
        this.unnamed.splice(i, 1);
        u.name = g.name;
        delete u.unnamed;
        u.members = g.members.filter((m) => viewOf(m.text) !== core);
        u.partial = g.partial ?? false;
        if (g.memberTerm) u.memberTerm = g.memberTerm;
        return;
      }
    }
    this.groups.push(g);
  }
}

export interface ProseReading {
  groups: ListedGroup[];
  warnings: Warning[];
}

export function readProse(lines: TextLine[]): ProseReading {
  const reader = new Reader();
  reader.read(lines);
  // The same list pasted twice is one list.
  const seen = new Set<string>();
  const groups = reader.groups.filter((g) => {
    const key = `${g.name}|${g.lead.map((l) => l.text).join('、')}|${g.members.map((m) => m.text).join('、')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return g.lead.length + g.members.length > 0;
  });
  return { groups, warnings: reader.warnings };
}
