/**
 * The data a group page shows, built once per page from the index's maps (no scan over
 * all groups or designations): the page file holds only markup.
 */
import type { Designation, Group, Membership, Region, School, Source, Term } from '../schemas/index.ts';
import type { GroupProfileEntry, Located, PolicyEntry } from '../data/dataset.ts';
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
import type { RecordFile } from './record.ts';

interface GroupMemberRow {
  membership: Located<Membership>;
  school: Located<School>;
  stage: Located<Term> | undefined;
}

export interface GroupView {
  group: Located<Group>;
  region: Located<Region>;
  /** Root first, the group's own region last. */
  ancestors: Located<Region>[];
  current: GroupMemberRow[];
  former: GroupMemberRow[];
  leadSchool: Located<School> | undefined;
  policies: PolicyEntry[];
  /** The group this one names as related, and the groups that name this one. */
  related: Located<Group> | undefined;
  pairedFrom: Located<Group>[];
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
    return { membership, school, stage: idx.term.get(school.stage) };
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
  return {
    group,
    region,
    ancestors: regionAncestors(idx, region.id),
    current: current.map(row),
    former: former.map(row),
    leadSchool,
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
    description: `${group.name}（${region.name}）：${leadSchool ? `牵头校${leadSchool.name}，` : ''}${named > 0 ? `已列出 ${unitCountWords(groupUnitCounts(idx, group.id))}` : '来源未列出成员名单'}。`,
  };
}
