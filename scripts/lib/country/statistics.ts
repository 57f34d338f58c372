/** Statistics: provinces and cities every year 2019–2024 plus a target; some districts twice. */
import type { Country, RegionRec } from './context.ts';

/** Adds the statistics rows; returns how many. */
export function addStatistics(c: Country): number {
  const { r } = c;
  const groupsPerRegion = new Map<string, number>();
  const parentOf = new Map(c.allRegions.map((x) => [x.id, x.parent]));
  for (const g of c.groups)
    for (let id: string | undefined = g.region; id; id = parentOf.get(id)) groupsPerRegion.set(id, (groupsPerRegion.get(id) ?? 0) + 1);
  let statRows = 0;
  const statFor = (reg: RegionRec, src: string, years: number[], target: boolean) => {
    const finalCoverage = 45 + r.int(0, 45);
    const groupsNow = groupsPerRegion.get(reg.id) ?? 0;
    years.forEach((y, i) => {
      const f = (i + 1) / years.length;
      const date = y === 2024 && r.chance(0.3) ? '2024-08/2024-09' : `${y}-12`;
      c.tables.statistics.row(reg.id, 'coverage-rate', date, Math.round(finalCoverage * (0.4 + 0.6 * f)), '', 'actual', src, '');
      c.tables.statistics.row(reg.id, 'group-count', date, Math.round(groupsNow * (0.3 + 0.7 * f)), '', 'actual', src, '');
      statRows += 2;
      if (reg.level !== 'district') {
        c.tables.statistics.row(
          reg.id,
          'participating-schools',
          date,
          Math.round(groupsNow * 4.5 * (0.3 + 0.7 * f)),
          '',
          'actual',
          src,
          '',
        );
        statRows++;
      }
    });
    if (target) {
      c.tables.statistics.row(reg.id, 'coverage-rate', '2027-12', Math.min(100, finalCoverage + 10), 'gte', 'target', src, '');
      c.tables.statistics.row(
        reg.id,
        'coverage-rate',
        '2018-12',
        Math.round(finalCoverage * 0.3),
        '',
        'derived',
        src,
        `${Math.round(finalCoverage * 0.4)} − ${Math.round(finalCoverage * 0.4) - Math.round(finalCoverage * 0.3)} = ${Math.round(finalCoverage * 0.3)}`,
      );
      c.tables.statistics.row(reg.id, 'quality-group-count', '2024', Math.round(groupsNow * 0.05), '', 'actual', src, '');
      statRows += 3;
    }
  };
  for (const p of c.provinces) statFor(p, `${p.id}-stats`, [2019, 2020, 2021, 2022, 2023, 2024], true);
  for (const city of c.cities) statFor(city, `${city.id}-news`, [2021, 2022, 2023, 2024], r.chance(0.3));
  for (const d of c.districts) if (r.chance(0.1)) statFor(d, `${d.city!.id}-news`, [2023, 2024], false);
  return statRows;
}
