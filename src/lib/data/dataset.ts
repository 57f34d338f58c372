import type {
  Designation,
  Group,
  GroupProfile,
  Membership,
  Metric,
  Policy,
  Region,
  School,
  Source,
  Statistic,
  Term,
} from '../schemas/index.ts';

/** A CSV row plus where it came from, so any page or error can point back to it. */
export type Located<T> = T & { _file: string; _line: number };

/** A group with the label every page shows (src/lib/group-label.ts): its name, or its lead's when the source names none. */
export type GroupRecord = Located<Group> & { label: string };

export type PolicyEntry = Policy & { id: string; _file: string; _body: string };
export type GroupProfileEntry = GroupProfile & { id: string; _file: string; _body: string };

/** Everything the site is built from, validated. Pages and queries read only this. */
export interface Dataset {
  sources: Located<Source>[];
  terms: Located<Term>[];
  metrics: Located<Metric>[];
  regions: Located<Region>[];
  schools: Located<School>[];
  groups: GroupRecord[];
  memberships: Located<Membership>[];
  designations: Located<Designation>[];
  statistics: Located<Statistic>[];
  policies: PolicyEntry[];
  groupProfiles: GroupProfileEntry[];
}
