import { describe, expect, it } from 'vitest';
import { groupJsonLd, schoolJsonLd } from '../../src/lib/data/json-ld.ts';
import { indexDataset } from '../../src/lib/data/queries.ts';
import { validateProject } from '../../src/lib/validate/validate.ts';
import { miniFiles } from './fixture-project.ts';

const idx = indexDataset(validateProject(miniFiles()).dataset);
const abs = (path: string) => `https://site.test${path}`;

describe('groupJsonLd', () => {
  const ld = groupJsonLd(idx, idx.group.get('fx-no1-group')!, abs);

  it('describes the group as an EducationalOrganization at its page', () => {
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'EducationalOrganization',
      '@id': 'https://site.test/groups/fx-no1-group/',
      url: 'https://site.test/groups/fx-no1-group/',
      name: '示例市第一小学教育集团',
      alternateName: ['一小集团'],
    });
  });

  it('places it in its region, province as addressRegion and the rest as locality', () => {
    expect(ld.location).toEqual({
      '@type': 'Place',
      name: '示例省示例市东区',
      address: { '@type': 'PostalAddress', addressCountry: 'CN', addressRegion: '示例省', addressLocality: '示例市东区' },
    });
  });

  it('lists current members only, not a school that left', () => {
    const members = ld.member as { '@id': string; name: string }[];
    expect(members.map((m) => m['@id'])).toEqual([
      'https://site.test/schools/fx-no1-primary/',
      'https://site.test/schools/fx-no2-primary/',
      'https://site.test/schools/fx-no1-east/',
    ]);
  });
});

describe('schoolJsonLd', () => {
  it('names aliases and former names, and the groups the school belongs to now', () => {
    const ld = schoolJsonLd(idx, idx.school.get('fx-no2-primary')!, abs);
    expect(ld).toMatchObject({ '@type': 'School', '@id': 'https://site.test/schools/fx-no2-primary/', name: '示例市第二小学' });
    expect(ld.alternateName).toEqual(['二小', '东区小学']);
    expect(ld.memberOf).toEqual([
      { '@type': 'EducationalOrganization', '@id': 'https://site.test/groups/fx-no1-group/', name: '示例市第一小学教育集团' },
    ]);
    expect(ld.parentOrganization).toBeUndefined();
  });

  it('gives a campus its parent school, and no alternate name when it has none', () => {
    const ld = schoolJsonLd(idx, idx.school.get('fx-no1-east')!, abs);
    expect(ld.parentOrganization).toEqual({
      '@type': 'School',
      '@id': 'https://site.test/schools/fx-no1-primary/',
      name: '示例市第一小学',
    });
    expect(ld.alternateName).toBeUndefined();
  });

  it('lists no group for a school that has left its group', () => {
    expect(schoolJsonLd(idx, idx.school.get('fx-no3-primary')!, abs).memberOf).toEqual([]);
  });
});
