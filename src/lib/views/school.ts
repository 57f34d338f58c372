/** The data a school page shows, from the index's maps; the page file holds only markup. */
import type { Membership, Region, School, Source } from '../schemas/index.ts';
import type { GroupRecord, Located, PolicyEntry } from '../data/dataset.ts';
import {
  isCurrent,
  policiesForGroup,
  regionAncestors,
  schoolHistory,
  schoolPeers,
  schoolUnits,
  type DatasetIndex,
} from '../data/queries.ts';
import type { RecordFile } from './record.ts';

export interface SchoolView {
  school: Located<School>;
  region: Located<Region>;
  ancestors: Located<Region>[];
  /** Every membership, oldest first, with its group. */
  history: { membership: Located<Membership>; group: GroupRecord; current: boolean }[];
  peers: { group: GroupRecord; members: { membership: Located<Membership>; school: Located<School> }[] }[];
  units: Located<School>[];
  parent: Located<School> | undefined;
  currentGroups: GroupRecord[];
  policies: PolicyEntry[];
  unitLabel: string;
  sources: Located<Source>[];
  files: RecordFile[];
  description: string;
}

const unitLabels: Record<School['unit'], string> = { school: '独立学校', campus: '校区', division: '学部' };

export function schoolView(idx: DatasetIndex, id: string): SchoolView {
  const school = idx.school.get(id);
  if (!school) throw new Error(`没有标识为 ${id} 的学校`);
  const region = idx.region.get(school.region)!;
  const history = schoolHistory(idx, school.id);
  const currentGroups = history.filter(isCurrent).flatMap((m) => idx.group.get(m.group) ?? []);
  return {
    school,
    region,
    ancestors: regionAncestors(idx, region.id),
    history: history.map((membership) => ({ membership, group: idx.group.get(membership.group)!, current: isCurrent(membership) })),
    peers: schoolPeers(idx, school.id).map(({ group, members }) => ({
      group,
      members: members.map((membership) => ({ membership, school: idx.school.get(membership.school)! })),
    })),
    units: schoolUnits(idx, school.id),
    parent: school.parent_school ? idx.school.get(school.parent_school) : undefined,
    currentGroups,
    policies: [...new Map(history.flatMap((m) => policiesForGroup(idx, m.group)).map((p) => [p.id, p])).values()],
    unitLabel: unitLabels[school.unit],
    sources: [...new Set([...school.source, ...history.flatMap((m) => m.source)])].flatMap((s) => idx.source.get(s) ?? []),
    files: [{ file: school._file, line: school._line }, ...history.map((m) => ({ file: m._file, line: m._line }))],
    description: `${school.name}（${region.name}）${currentGroups.length ? `属于${currentGroups.map((g) => g.label).join('、')}` : '：暂无集团记录'}。`,
  };
}
