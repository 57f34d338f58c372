/** Regions: 31 provinces; cities and districts scale with the school count. Each province and city has its sources. */
import type { Country, RegionRec } from './context.ts';
import { FULL, placeName, PROVINCES } from './names.ts';
import { apportion } from './random.ts';

export function addRegions(c: Country): void {
  const { r, scale, allRegions, districts, cities, provinces } = c;
  const { sources, regions } = c.tables;
  const nonMuni = PROVINCES.filter((p) => p[3] !== 0);
  const cityCounts = apportion(
    Math.max(nonMuni.length, Math.round(FULL.cities * scale)),
    nonMuni.map((p) => p[3]),
    1,
  );
  const districtTotal = Math.max(PROVINCES.length * 2, Math.round(FULL.districts * scale));
  // Districts are apportioned to "district parents" (cities, or municipalities) by population.
  const districtParents: { region: RegionRec; weight: number }[] = [];
  let nm = 0;
  for (const [pid, pname, weight, realCities, muniDistricts] of PROVINCES) {
    const muni = realCities === 0;
    const prov: RegionRec = { id: pid, name: pname, level: 'province', province: pid };
    provinces.push(prov);
    allRegions.push(prov);
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
    if (muni) {
      sources.row(`${pid}-news`, `${pname}推进集团化办学（合成报道）`, `${pname.slice(0, -1)}日报`, '2024-05', '', 'news', '', '');
      districtParents.push({ region: prov, weight: (muniDistricts / 16) * weight });
      continue;
    }
    const n = cityCounts[nm++]!;
    const taken = new Set<string>();
    for (let c = 1; c <= n; c++) {
      const name = placeName(r, taken, '市');
      const city: RegionRec = { id: `${pid}-c${c}`, name, level: 'city', parent: pid, province: pid };
      cities.push(city);
      allRegions.push(city);
      sources.row(
        `${city.id}-list`,
        `${name}教育集团名单（合成）`,
        `${name}教育局`,
        '2024-09',
        `https://example.org/${city.id}/list`,
        'list',
        '',
        '',
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
      regions.row(city.id, name, 'city', '', pid, name.slice(0, -1), '', '', '');
      districtParents.push({ region: city, weight: weight / n });
    }
  }
  const dCounts = apportion(
    districtTotal,
    districtParents.map((d) => d.weight),
    1,
  );
  districtParents.forEach(({ region: parent }, i) => {
    const taken = new Set<string>();
    for (let d = 1; d <= dCounts[i]!; d++) {
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
      districts.push(district);
      allRegions.push(district);
      regions.row(district.id, name, 'district', '', parent.id, '', '', '', '');
    }
  });
}
