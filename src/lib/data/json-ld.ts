/** schema.org descriptions of groups and schools for search engines (JSON-LD). */
import type { Group, School } from '../schemas/index.ts';
import { groupMembers, regionAncestors, schoolHistory, isCurrent, type DatasetIndex } from './queries.ts';

type Abs = (path: string) => string;

function place(idx: DatasetIndex, regionId: string) {
  const chain = regionAncestors(idx, regionId).map((r) => r.name);
  return { '@type': 'Place', name: chain.join('') || regionId, address: { '@type': 'PostalAddress', addressCountry: 'CN', addressRegion: chain[0], addressLocality: chain.slice(1).join('') || undefined } };
}

export function groupJsonLd(idx: DatasetIndex, group: Group, abs: Abs): Record<string, unknown> {
  const { current } = groupMembers(idx, group.id);
  return {
    '@context': 'https://schema.org',
    '@type': 'EducationalOrganization',
    '@id': abs(`/groups/${group.id}/`),
    name: group.name,
    alternateName: group.aliases.length ? group.aliases : undefined,
    url: abs(`/groups/${group.id}/`),
    location: place(idx, group.region),
    member: current.flatMap((m) => {
      const s = idx.school.get(m.school);
      return s ? [{ '@type': 'School', '@id': abs(`/schools/${s.id}/`), name: s.name, url: abs(`/schools/${s.id}/`) }] : [];
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
    memberOf: groups.map((g) => ({ '@type': 'EducationalOrganization', '@id': abs(`/groups/${g.id}/`), name: g.name })),
  };
}
