/** schema.org descriptions of groups and schools for search engines (JSON-LD). */
import type { School } from '../schemas/index.ts';
import type { GroupRecord } from './dataset.ts';
import { memberCountWords } from '../views/marks.ts';
import { groupUnitCounts, unitCountWords } from './editorial.ts';
import { groupMembers, regionAncestors, schoolHistory, isCurrent, type DatasetIndex } from './queries.ts';

type Abs = (path: string) => string;

function place(idx: DatasetIndex, regionId: string) {
  const chain = regionAncestors(idx, regionId).map((r) => r.name);
  return { '@type': 'Place', name: chain.join('') || regionId, address: { '@type': 'PostalAddress', addressCountry: 'CN', addressRegion: chain[0], addressLocality: chain.slice(1).join('') || undefined } };
}

export function groupJsonLd(idx: DatasetIndex, group: GroupRecord, abs: Abs): Record<string, unknown> {
  const { current } = groupMembers(idx, group.id);
  const lead = current.find((m) => m.role === 'lead');
  const stage = group.stage ? idx.term.get(group.stage)?.term : undefined;
  // What the source leaves unsaid, in the words the page uses (src/lib/views/marks.ts).
  const marks = [
    group.name === undefined ? '来源没有写集团名称' : '',
    stage ? `学段：${stage}` : '',
    memberCountWords(group, current.length, unitCountWords(groupUnitCounts(idx, group.id))),
    lead?.basis === 'inferred' ? `牵头校为推断${lead.note ? `：${lead.note}` : ''}` : '',
  ].filter(Boolean);
  return {
    '@context': 'https://schema.org',
    '@type': 'EducationalOrganization',
    '@id': abs(`/groups/${group.id}/`),
    name: group.label,
    alternateName: group.aliases.length ? group.aliases : undefined,
    description: marks.join('；'),
    url: abs(`/groups/${group.id}/`),
    location: place(idx, group.region),
    member: current.flatMap((m) => {
      const s = idx.school.get(m.school);
      // What the group calls the member (北城分校) is an alternate name the source gives it.
      return s
        ? [
            {
              '@type': 'School',
              '@id': abs(`/schools/${s.id}/`),
              name: s.name,
              ...(m.listed_as ? { alternateName: m.listed_as } : {}),
              url: abs(`/schools/${s.id}/`),
            },
          ]
        : [];
    }),
  };
}

export function schoolJsonLd(idx: DatasetIndex, school: School, abs: Abs): Record<string, unknown> {
  const groups = schoolHistory(idx, school.id).filter(isCurrent).flatMap((m) => idx.group.get(m.group) ?? []);
  const parent = school.parent_school ? idx.school.get(school.parent_school) : undefined;
  return {
    '@context': 'https://schema.org',
    '@type': 'School',
    '@id': abs(`/schools/${school.id}/`),
    name: school.name,
    alternateName: [...school.aliases, ...school.former_names].length ? [...school.aliases, ...school.former_names] : undefined,
    url: abs(`/schools/${school.id}/`),
    location: place(idx, school.region),
    parentOrganization: parent ? { '@type': 'School', '@id': abs(`/schools/${parent.id}/`), name: parent.name } : undefined,
    memberOf: groups.map((g) => ({ '@type': 'EducationalOrganization', '@id': abs(`/groups/${g.id}/`), name: g.label })),
  };
}
