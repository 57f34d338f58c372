/**
 * The marks that keep a page to what its source says (issue 26): what a group calls a
 * member, a lead or role the editor inferred and why, a member list the source gives
 * only in part, a count written 约900 or 2—4, a group's stage. One wording each, used by
 * the group, school and region pages, search records, JSON-LD and record downloads.
 */
import type { GroupRecord } from '../data/dataset.ts';
import { quantityWithUnit } from '../quantity.ts';
import type { Membership } from '../schemas/index.ts';

/** 合肥北城中学（集团称“北城分校”）: the school's name, then the group's word for it. */
export function schoolAsListed(schoolName: string, listedAs: string | undefined): string {
  return listedAs ? `${schoolName}（集团称“${listedAs}”）` : schoolName;
}

/** The words after a school's name, or '' : （集团称“北城分校”）. */
export const listedAsWords = (listedAs: string | undefined) => (listedAs ? `（集团称“${listedAs}”）` : '');

const INFERRED_LABEL = '推断';

export interface MembershipMarks {
  /** （集团称“北城分校”）, or ''. */
  listedAs: string;
  /** True when the editor inferred the row (basis inferred); the note says why. */
  inferred: boolean;
  /** The row's note, shown beside it. */
  note: string | undefined;
  /** One line for a card or a download: 推断：来源没有写明牵头校…, or the note. */
  words: string;
}

export function membershipMarks(m: Pick<Membership, 'listed_as' | 'basis' | 'note'>): MembershipMarks {
  const inferred = m.basis === 'inferred';
  return {
    listedAs: listedAsWords(m.listed_as),
    inferred,
    note: m.note,
    words: [inferred ? `${INFERRED_LABEL}${m.note ? `：${m.note}` : ''}` : m.note].filter(Boolean).join(''),
  };
}

export const PARTIAL_MEMBERS = '来源只列出部分成员';
const COMPLETE_MEMBERS = '来源列出了全部成员';

/**
 * A group's members in words: never a bare count when the source lists only some.
 * `namedWords` is what the site lists ("3 所学校"), `named` how many rows that is.
 *   partial  → 来源只列出部分成员：本站列出 3 所学校
 *   complete → 3 所学校（来源列出了全部成员）
 *   unknown  → 已列出 3 所学校
 * and the source's own count, as written: ；来源报告成员约900所.
 */
export function memberCountWords(
  group: Pick<GroupRecord, 'members_listed' | 'reported_members'>,
  named: number,
  namedWords: string,
): string {
  const listed =
    named === 0
      ? '来源未列出成员名单'
      : group.members_listed === 'partial'
        ? `${PARTIAL_MEMBERS}：本站列出 ${namedWords}`
        : group.members_listed === 'complete'
          ? `${namedWords}（${COMPLETE_MEMBERS}）`
          : `已列出 ${namedWords}`;
  return group.reported_members ? `${listed}；来源报告成员${quantityWithUnit(group.reported_members, '所')}` : listed;
}
