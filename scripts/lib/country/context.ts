/** What every step of the generator reads and adds to: the random source, the tables and the records so far. */
import type { Rng } from './random.ts';
import { Table } from './tables.ts';

export interface RegionRec {
  id: string;
  name: string;
  level: 'province' | 'city' | 'district';
  parent?: string;
  province: string;
  city?: RegionRec;
}

export interface SchoolRec {
  id: string;
  name: string;
  region: string;
  stage: string;
  aliases: string[];
  famous: boolean;
  parent?: string;
  unit: 'school' | 'campus' | 'division';
  groups: number;
}

export interface GroupRec {
  id: string;
  region: string;
  founded: number;
  ended?: number | undefined;
  size: number;
  lead: SchoolRec;
}

export interface Country {
  r: Rng;
  /** Number of schools asked for. */
  N: number;
  /** N as a share of the full country (200,000 schools). */
  scale: number;
  tables: {
    sources: Table;
    regions: Table;
    schools: Table;
    groups: Table;
    memberships: Table;
    designations: Table;
    statistics: Table;
  };
  /** MDX files: relative path → text. */
  files: Map<string, string>;
  provinces: RegionRec[];
  cities: RegionRec[];
  districts: RegionRec[];
  allRegions: RegionRec[];
  schools: SchoolRec[];
  schoolsByDistrict: Map<string, SchoolRec[]>;
  groups: GroupRec[];
  /** The line of each group's lead membership row (where an error can be planted). */
  leadLines: number[];
}

export function newCountry(r: Rng, N: number, scale: number): Country {
  return {
    r,
    N,
    scale,
    tables: {
      sources: new Table('sources'),
      regions: new Table('regions'),
      schools: new Table('schools'),
      groups: new Table('groups'),
      memberships: new Table('memberships'),
      designations: new Table('designations'),
      statistics: new Table('statistics'),
    },
    files: new Map(),
    provinces: [],
    cities: [],
    districts: [],
    allRegions: [],
    schools: [],
    schoolsByDistrict: new Map(),
    groups: [],
    leadLines: [],
  };
}

/** District ids are <city>-dN or <municipality>-dN; each city and municipality has a list source. */
export const listSourceOf = (regionId: string) => `${regionId.replace(/-d\d+$/, '')}-list`;

export const year = (y: number) => String(y);
