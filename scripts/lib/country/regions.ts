/** Regions: 31 provinces; cities and districts scale with the school count. Each province and city has its sources. */
import type { Country, RegionRec } from './context.ts';
import { FULL, placeName, PROVINCES } from './names.ts';
import { apportion } from './random.ts';
import { READ_AT } from './tables.ts';

/** A region that districts are apportioned to, by population: a city, or a municipality. */
interface DistrictParent {
  region: RegionRec;
  weight: number;
}

export function addRegions(c: Country): void {
  const nonMuni = PROVINCES.filter((p) => p[3] !== 0);
  const cityCounts = apportion(
    Math.max(nonMuni.length, Math.round(FULL.cities * c.scale)),
    nonMuni.map((p) => p[3]),
    1,
  );
  const districtParents: DistrictParent[] = [];
  let nm = 0;
  for (const province of PROVINCES) {
    const [pid, pname, weight, realCities, muniDistricts] = province;
    const prov = addProvince(c, pid, pname, realCities === 0);
    if (realCities === 0) {
      districtParents.push({ region: prov, weight: (muniDistricts / 16) * weight });
      continue;
    }
    const n = cityCounts[nm++]!;
    for (const city of addCities(c, prov, n)) districtParents.push({ region: city, weight: weight / n });
  }
  addDistricts(c, districtParents);
}

/** A province (or municipality) with its list and statistics sources. */
function addProvince(c: Country, pid: string, pname: string, muni: boolean): RegionRec {
  const { sources, regions } = c.tables;
  const prov: RegionRec = { id: pid, name: pname, level: 'province', province: pid };
  c.provinces.push(prov);
  c.allRegions.push(prov);
  const listSource = `${pid}-list`;
  sources.row(
    listSource,
    `${pname}集团化办学名单（合成）`,
    `${pname}教育厅`,
    '2024-09',
    `https://example.org/${pid}/list`,
    'list',
    '',
    '',
    READ_AT,
  );
  sources.row(`${pid}-stats`, `${pname}教育统计公报（合成）`, `${pname}统计局`, '2024', '', 'report', '', '');
  regions.row(
    pid,
    pname,
    'province',
    muni ? 'yes' : '',
    '',
    pname.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, ''),
    '',
    listSource,
    '',
  );
  if (muni) sources.row(`${pid}-news`, `${pname}推进集团化办学（合成报道）`, `${pname.slice(0, -1)}日报`, '2024-05', '', 'news', '', '');
  return prov;
}

/** `n` cities of a province, each with a list source and a news source. */
function addCities(c: Country, prov: RegionRec, n: number): RegionRec[] {
  const { r } = c;
  const { sources, regions } = c.tables;
  const taken = new Set<string>();
  const added: RegionRec[] = [];
  for (let i = 1; i <= n; i++) {
    const name = placeName(r, taken, '市');
    const city: RegionRec = { id: `${prov.id}-c${i}`, name, level: 'city', parent: prov.id, province: prov.id };
    c.cities.push(city);
    c.allRegions.push(city);
    added.push(city);
    sources.row(
      `${city.id}-list`,
      `${name}教育集团名单（合成）`,
      `${name}教育局`,
      '2024-09',
      `https://example.org/${city.id}/list`,
      'list',
      '',
      '',
      READ_AT,
    );
    sources.row(
      `${city.id}-news`,
      `${name}推进集团化办学（合成报道）`,
      `${name}日报`,
      r.pick(['2024-05', '2024-10-29', '--04-16', '2023']),
      '',
      'news',
      '',
      '',
    );
    regions.row(city.id, name, 'city', '', prov.id, name.slice(0, -1), '', '', '');
  }
  return added;
}

/** Districts and counties, apportioned to their parents by population (at least one each). */
function addDistricts(c: Country, parents: DistrictParent[]): void {
  const { r } = c;
  const districtTotal = Math.max(PROVINCES.length * 2, Math.round(FULL.districts * c.scale));
  const counts = apportion(
    districtTotal,
    parents.map((d) => d.weight),
    1,
  );
  parents.forEach(({ region: parent }, i) => {
    const taken = new Set<string>();
    for (let d = 1; d <= counts[i]!; d++) {
      const county = parent.level === 'city' && r.chance(0.55);
      const name = placeName(r, taken, county ? '县' : '区');
      const district: RegionRec = {
        id: `${parent.id}-d${d}`,
        name,
        level: 'district',
        parent: parent.id,
        province: parent.province,
        city: parent,
      };
      c.districts.push(district);
      c.allRegions.push(district);
      c.tables.regions.row(district.id, name, 'district', '', parent.id, '', '', '', '');
    }
  });
}
