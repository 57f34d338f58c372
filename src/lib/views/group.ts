/**
 * The data a group page shows, built once per page from the index's maps (no scan over
 * all groups or designations): the page file holds only markup.
 */
import type { Designation, Membership, Region, School, Source, Term } from '../schemas/index.ts';
import type { GroupProfileEntry, GroupRecord, Located, PolicyEntry } from '../data/dataset.ts';
import {
  groupDesignations,
  groupMembers,
  groupProfileOf,
  groupsRelatedTo,
  policiesForGroup,
  regionAncestors,
  type DatasetIndex,
} from '../data/queries.ts';
import { groupUnitCounts, unitCountWords } from '../data/editorial.ts';
import { memberCountWords, membershipMarks, type MembershipMarks } from './marks.ts';
import type { RecordFile } from './record.ts';

interface GroupMemberRow {
  membership: Located<Membership>;
  school: Located<School>;
  stage: Located<Term> | undefined;
  marks: MembershipMarks;
}

export interface GroupView {
  group: GroupRecord;
  region: Located<Region>;
  /** Root first, the group's own region last. */
  ancestors: Located<Region>[];
  current: GroupMemberRow[];
  former: GroupMemberRow[];
  leadSchool: Located<School> | undefined;
  /** The lead's membership marks: inferred, with its note, and what the group calls it. */
  leadMarks: MembershipMarks | undefined;
  /** The group's stage where the source gives it (初中教育集团 → 初中). */
  stage: Located<Term> | undefined;
  /** The members in words, never a bare count when the source lists only some (marks.ts). */
  memberWords: string;
  policies: PolicyEntry[];
  /** The group this one names as related, and the groups that name this one. */
  related: GroupRecord | undefined;
  pairedFrom: GroupRecord[];
  designations: Located<Designation>[];
  profile: GroupProfileEntry | undefined;
  sources: Located<Source>[];
  files: RecordFile[];
  description: string;
}

export function groupView(idx: DatasetIndex, id: string): GroupView {
  const group = idx.group.get(id);
  if (!group) throw new Error(`没有标识为 ${id} 的集团`);
  const region = idx.region.get(group.region)!;
  const { current, former } = groupMembers(idx, group.id);
  const row = (membership: Located<Membership>): GroupMemberRow => {
    const school = idx.school.get(membership.school)!;
    return { membership, school, stage: idx.term.get(school.stage), marks: membershipMarks(membership) };
  };
  const lead = current.find((m) => m.role === 'lead');
  const leadSchool = lead ? idx.school.get(lead.school) : undefined;
  const designations = groupDesignations(idx, group.id);
  const profile = groupProfileOf(idx, group.id);
  const allMemberships = [...current, ...former];
  const sourceIds = new Set([
    ...group.source,
    ...allMemberships.flatMap((m) => m.source),
    ...designations.flatMap((d) => d.source),
    ...(profile ? [profile.source, ...profile.sources] : []),
  ]);
  const named = current.length;
  const memberWords = memberCountWords(group, named, unitCountWords(groupUnitCounts(idx, group.id)));
  const stage = group.stage ? idx.term.get(group.stage) : undefined;
  const leadMarks = lead ? membershipMarks(lead) : undefined;
  const leadWords = leadSchool ? `牵头校${leadSchool.name}${leadMarks!.listedAs}${leadMarks!.inferred ? '（推断）' : ''}，` : '';
  return {
    group,
    region,
    ancestors: regionAncestors(idx, region.id),
    current: current.map(row),
    former: former.map(row),
    leadSchool,
    leadMarks,
    stage,
    memberWords,
    policies: policiesForGroup(idx, group.id),
    related: group.related_group ? idx.group.get(group.related_group) : undefined,
    pairedFrom: groupsRelatedTo(idx, group.id),
    designations,
    profile,
    sources: [...sourceIds].flatMap((s) => idx.source.get(s) ?? []),
    files: [
      { file: group._file, line: group._line },
      ...allMemberships.map((m) => ({ file: m._file, line: m._line })),
      ...(profile ? [{ file: profile._file }] : []),
    ],
    description: `${group.label}（${region.name}${stage ? `，${stage.term}` : ''}）：${leadWords}${memberWords}。`,
  };
}
