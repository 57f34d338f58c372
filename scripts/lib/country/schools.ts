/** Schools: apportioned to provinces by population, then to districts, named the ways Chinese schools are. */
import type { Country, RegionRec, SchoolRec } from './context.ts';
import { listSourceOf } from './context.ts';
import { chineseNumber, DIRECTIONS, placeName, PROVINCES, ROADS, VILLAGE, VILLAGE_END } from './names.ts';
import { apportion, type Rng } from './random.ts';

/** One district being filled: its schools so far, its towns, and how to add a school or take the next number. */
interface DistrictFill {
  d: RegionRec;
  list: SchoolRec[];
  towns: string[];
  /** Adds a school unless its name is taken in the city; returns it, or undefined. */
  add: (s: Omit<SchoolRec, 'id' | 'groups' | 'region'>) => SchoolRec | undefined;
  /** The next number of a kind of school in the city (第N小学, 第N中学). */
  next: (kind: string) => number;
}

export function addSchools(c: Country): void {
  const { r, N, districts } = c;
  const perProvince = apportion(
    N,
    PROVINCES.map((p) => p[2]),
    1,
  );
  const numbered = new Map<string, number>(); // per city and kind: 第N小学, 第N中学
  const namesInCity = new Map<string, Set<string>>();
  PROVINCES.forEach(([pid], pi) => {
    const ds = districts.filter((d) => d.province === pid);
    const counts = apportion(
      perProvince[pi]!,
      ds.map(() => 0.5 + r.next()),
      0,
    );
    ds.forEach((d, di) => {
      const list: SchoolRec[] = [];
      c.schoolsByDistrict.set(d.id, list);
      const cityKey = d.city!.id;
      const taken = namesInCity.get(cityKey) ?? new Set<string>();
      namesInCity.set(cityKey, taken);
      const towns: string[] = [];
      const townTaken = new Set<string>();
      for (let t = 0; t < 6; t++) towns.push(placeName(r, townTaken, ''));
      const add = (s: Omit<SchoolRec, 'id' | 'groups' | 'region'>) => {
        if (taken.has(s.name)) return undefined;
        taken.add(s.name);
        const rec: SchoolRec = { ...s, id: `s${(c.schools.length + 1).toString(36)}`, region: d.id, groups: 0 };
        list.push(rec);
        c.schools.push(rec);
        return rec;
      };
      const next = (kind: string) => {
        const k = `${cityKey}|${kind}`;
        const n = (numbered.get(k) ?? 0) + 1;
        numbered.set(k, n);
        return n;
      };
      fillDistrict(r, { d, list, towns, add, next }, counts[di]!);
    });
  });
  for (const s of c.schools)
    c.tables.schools.row(s.id, s.name, s.region, s.stage, s.parent ?? '', s.unit, s.aliases.join('|'), '', listSourceOf(s.region), '');
}

function fillDistrict(r: Rng, f: DistrictFill, want: number): void {
  let guard = 0;
  while (f.list.length < want && guard++ < want * 20) randomSchool(r, f);
  // A district too small for its share keeps going with plain numbered schools.
  while (f.list.length < want) {
    const n = f.next('primary');
    f.add({ name: `${f.d.city!.name}第${chineseNumber(n)}小学`, stage: 'primary', aliases: [`${n}小`], famous: false, unit: 'school' });
  }
}

/** Tries one school of a random kind: numbered, on a road, experimental, in a town or village, nine-year, foreign-language, or a campus. */
function randomSchool(r: Rng, { d, list, towns, add, next }: DistrictFill): void {
  const roll = r.next();
  const city = d.city!.name;
  if (roll < 0.22) {
    const n = next('primary');
    const cn = chineseNumber(n);
    add({ name: `${city}第${cn}小学`, stage: 'primary', aliases: [`${cn}小`, `${n}小`], famous: n <= 10, unit: 'school' });
  } else if (roll < 0.36) {
    const n = next('middle');
    const cn = chineseNumber(n);
    const junior = r.chance(0.5);
    add(
      junior
        ? { name: `${city}第${cn}初级中学`, stage: 'junior', aliases: [`${cn}初`, `${n}初`], famous: n <= 8, unit: 'school' }
        : { name: `${city}第${cn}中学`, stage: 'secondary', aliases: [`${cn}中`, `${n}中`], famous: n <= 8, unit: 'school' },
    );
  } else if (roll < 0.56) {
    const road = r.pick(ROADS);
    // A second road school of the same name gets a number.
    if (
      !add({
        name: `${city}${d.name}${road}路小学`,
        stage: 'primary',
        aliases: [`${road}路小学`],
        famous: r.chance(0.2),
        unit: 'school',
      })
    )
      add({
        name: `${city}${d.name}${road}路第${chineseNumber(next(road))}小学`,
        stage: 'primary',
        aliases: [],
        famous: false,
        unit: 'school',
      });
  } else if (roll < 0.62) {
    const nth = next(`${d.id}-exp`);
    const prefix = nth === 1 ? '' : `第${chineseNumber(nth)}`;
    const middle = r.chance(0.4);
    add({
      name: `${d.name}${prefix}实验${middle ? '中学' : '小学'}`,
      stage: middle ? 'secondary' : 'primary',
      aliases: nth === 1 ? [`${d.name.slice(0, -1)}实验${middle ? '中' : '小'}`] : [],
      famous: true,
      unit: 'school',
    });
  } else if (roll < 0.82) {
    const town = r.pick(towns);
    const kind = r.next();
    if (kind < 0.4)
      add({ name: `${d.name}${town}镇中心小学`, stage: 'primary', aliases: [`${town}中心校`], famous: false, unit: 'school' });
    else if (kind < 0.6)
      add({ name: `${d.name}${town}镇初级中学`, stage: 'junior', aliases: [`${town}镇中`], famous: false, unit: 'school' });
    else
      add({
        name: `${d.name}${town}镇${r.pick(VILLAGE)}${r.pick(VILLAGE_END)}村小学`,
        stage: 'primary',
        aliases: [],
        famous: false,
        unit: 'school',
      });
  } else if (roll < 0.9) {
    add({ name: `${city}${d.name}${r.pick(ROADS)}学校`, stage: 'nine-year', aliases: [], famous: r.chance(0.2), unit: 'school' });
  } else if (roll < 0.93) {
    if (
      !add({
        name: `${city}外国语${r.chance(0.5) ? '小学' : '学校'}`,
        stage: 'unknown',
        aliases: [`${city.slice(0, -1)}外国语`],
        famous: true,
        unit: 'school',
      })
    )
      add({ name: `${city}${d.name}外国语学校`, stage: 'unknown', aliases: [], famous: true, unit: 'school' });
  } else {
    // 一校多区: a campus (校区) of a school already in this district.
    const parent = list.length > 0 ? list[Math.floor(r.next() * list.length)]! : undefined;
    if (!parent || parent.unit !== 'school') return;
    add({
      name: `${parent.name}${r.pick(DIRECTIONS)}校区`,
      stage: parent.stage,
      aliases: [],
      famous: false,
      unit: 'campus',
      parent: parent.id,
    });
  }
}
