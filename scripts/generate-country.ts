/**
 * A synthetic country for benchmarks: 31 provinces, their cities and districts,
 * schools with real-looking names, education groups with member histories,
 * statistics over several years and policies as MDX. Seeded and deterministic:
 * the same --seed and --schools give the same bytes. Written to a directory of
 * its own (bench/data/<size>/ by default) that the real site never ships.
 *
 *   node scripts/generate-country.ts --schools 200000 [--seed 1] [--out bench/data/200000]
 *   node scripts/generate-country.ts --schools 10000 --plant-error   (one deliberate error)
 *
 * The output passes the real validator (src/lib/validate) unless --plant-error is given.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CountryOptions {
  schools: number;
  seed?: number;
  /** Plant one dangling reference (a membership pointing at a school id with a typo). */
  plantError?: boolean;
}

export interface CountryFiles {
  /** Relative path (data/x.csv, content/policies/y.mdx) → text. */
  files: Map<string, string>;
  counts: Record<string, number>;
  /** Where the planted error is, when asked for. */
  planted?: { file: string; line: number; column: number; value: string } | undefined;
  /** A few school names and ids, for search benchmarks. */
  sampleSchools: { id: string; name: string; aliases: string[] }[];
}

/* ------------------------------------------------------------------ random */

/** mulberry32: small, fast, good enough for synthetic data. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
    shuffle<T>(list: T[]): T[] {
      for (let i = list.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [list[i], list[j]] = [list[j]!, list[i]!];
      }
      return list;
    },
  };
}
type Rng = ReturnType<typeof rng>;

/** Split `total` by weights, each part at least `min` (largest remainder). */
function apportion(total: number, weights: number[], min = 0): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const free = Math.max(0, total - min * weights.length);
  const raw = weights.map((w) => (free * w) / sum);
  const out = raw.map((r) => min + Math.floor(r));
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0 && k < order.length; k++, left--) out[order[k]![1]]! += 1;
  return out;
}

/* ------------------------------------------------------------------- names */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 19 → 十九, 21 → 二十一, 105 → 一百零五. */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  const rest = n % 100;
  return `${DIGITS[Math.floor(n / 100)]}百${rest === 0 ? '' : rest < 10 ? `零${DIGITS[rest]}` : rest < 20 ? `一${chineseNumber(rest)}` : chineseNumber(rest)}`;
}

// [id, name, population weight, real city count (0 = municipality), municipality district count]
const PROVINCES: [string, string, number, number, number][] = [
  ['beijing', '北京市', 22, 0, 16],
  ['tianjin', '天津市', 14, 0, 16],
  ['hebei', '河北省', 74, 11, 0],
  ['shanxi', '山西省', 35, 11, 0],
  ['neimenggu', '内蒙古自治区', 24, 12, 0],
  ['liaoning', '辽宁省', 42, 14, 0],
  ['jilin', '吉林省', 24, 9, 0],
  ['heilongjiang', '黑龙江省', 31, 13, 0],
  ['shanghai', '上海市', 25, 0, 16],
  ['jiangsu', '江苏省', 85, 13, 0],
  ['zhejiang', '浙江省', 66, 11, 0],
  ['anhui', '安徽省', 61, 16, 0],
  ['fujian', '福建省', 42, 9, 0],
  ['jiangxi', '江西省', 45, 11, 0],
  ['shandong', '山东省', 102, 16, 0],
  ['henan', '河南省', 99, 17, 0],
  ['hubei', '湖北省', 58, 17, 0],
  ['hunan', '湖南省', 66, 14, 0],
  ['guangdong', '广东省', 127, 21, 0],
  ['guangxi', '广西壮族自治区', 50, 14, 0],
  ['hainan', '海南省', 10, 4, 0],
  ['chongqing', '重庆市', 32, 0, 38],
  ['sichuan', '四川省', 84, 21, 0],
  ['guizhou', '贵州省', 39, 9, 0],
  ['yunnan', '云南省', 47, 16, 0],
  ['xizang', '西藏自治区', 4, 7, 0],
  ['shaanxi', '陕西省', 40, 10, 0],
  ['gansu', '甘肃省', 25, 14, 0],
  ['qinghai', '青海省', 6, 8, 0],
  ['ningxia', '宁夏回族自治区', 7, 5, 0],
  ['xinjiang', '新疆维吾尔自治区', 26, 14, 0],
];
const FULL = { schools: 200_000, cities: 337, districts: 2_900 };

const PLACE_A =
  '安宝北滨昌长大德东丰福广海汉和河华淮黄吉建江金京开兰乐临龙洛梅南宁平青清庆泉瑞山商韶胜石寿双顺松太天通桐万文武西仙湘新信兴徐许阳宜永玉元云湛漳肇镇中舟珠'.split(
    '',
  );
const PLACE_B = '安坝白城川丹德定东都丰峰冈港和河湖华化江津景康兰乐林陵隆龙门宁平浦丘泉沙山水顺台潭塘田亭溪峡乡阳源远州庄'.split('');
const ROADS =
  '经八|纬五|建设|人民|解放|中山|文化|黄河|长江|花园|农业|金水|南阳|红旗|胜利|和平|友谊|工人|新华|育才|东风|朝阳|光明|幸福|健康|迎宾|滨河|铁路|青年|学院'.split(
    '|',
  );
const DIRECTIONS = ['东', '西', '南', '北', '新'];
const VILLAGE = '李王张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗'.split('');
const VILLAGE_END = ['庄', '营', '寨', '屯', '集', '店', '湾', '桥', '岗', '坡'];

/** A two-character place name not yet used in `taken`. */
function placeName(r: Rng, taken: Set<string>, suffix: string): string {
  for (let i = 0; ; i++) {
    const base = r.pick(PLACE_A) + r.pick(PLACE_B);
    const name = i > 50 ? `${base}${chineseNumber(i)}${suffix}` : `${base}${suffix}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

/* --------------------------------------------------------------- vocabulary */

const TERMS = `id,term,kind,definition,aliases,source
tight,紧密型,group-type,管理、师资、教学统一安排的集团。,紧密型教育集团,gen-vocab
led,引领型,group-type,由引领校带动成员校，各校仍独立办学。,引领型教育集团,gen-vocab
alliance,联盟,group-type,学校之间较松散的合作组织，各校独立。,教育联盟,gen-vocab
community,共同体,group-type,城乡学校共同发展的合作组织。,教育发展共同体,gen-vocab
multi-campus,一校多区,group-type,一所学校同时管理几个校区。,一校三区,gen-vocab
one-plus-x,1+X,group-model,一所名校加若干所学校组成集团。,,gen-vocab
famous-plus-weak,名校+薄弱校,group-model,名校带办学基础较弱的学校。,,gen-vocab
famous-plus-rural,名校+乡村校,group-model,名校带乡村学校。,,gen-vocab
famous-plus-newly-built,名校+新建校,group-model,名校带新建学校。,,gen-vocab
primary,小学,stage,一到六年级。,,
junior,初中,stage,七到九年级。,初级中学,
nine-year,九年一贯制,stage,小学和初中连在一起的学校。,九年一贯制学校,
secondary,中学（学段未细分）,stage,学校名称只写“中学”。,,
unknown,学段不详,stage,看不出学段。,,
lead-school,牵头校,concept,集团里起带头作用的学校。,核心校|引领校,gen-vocab
member-school,成员校,concept,加入集团的学校。,成员学校,gen-vocab
campus,校区,concept,一所学校在不同地点的办学点。,,gen-vocab
`;
const METRICS = `id,name,unit,numerator,denominator,definition,note
coverage-rate,集团化办学覆盖率,percent,参与集团化办学的学校数,义务教育阶段学校总数,参与学校占全部学校的百分比。,
group-count,教育集团数,count,教育集团的个数,,已组建的教育集团个数。,
participating-schools,参与学校数,count,参与集团化办学的学校数,,加入教育集团的学校数。,
quality-group-count,优质教育集团数,count,认定的优质教育集团个数,,经评估认定的优质教育集团个数。,
`;
const GROUP_TYPES = ['tight', 'tight', 'led', 'led', 'alliance', 'community', 'multi-campus'];
const MODELS = ['one-plus-x', 'famous-plus-weak', 'famous-plus-rural', 'famous-plus-newly-built'];

/* ---------------------------------------------------------------------- csv */

const cell = (v: string | number | undefined) => {
  const s = v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
class Csv {
  lines: string[];
  constructor(header: string) {
    this.lines = [header];
  }
  row(...values: (string | number | undefined)[]) {
    this.lines.push(values.map(cell).join(','));
    return this.lines.length; // 1-based line number of this row
  }
  text() {
    return `${this.lines.join('\n')}\n`;
  }
}

/* ----------------------------------------------------------------- generate */

interface RegionRec {
  id: string;
  name: string;
  level: 'province' | 'city' | 'district';
  parent?: string;
  province: string;
  city?: RegionRec;
}
interface SchoolRec {
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

export function generateCountry(opts: CountryOptions): CountryFiles {
  const r = rng(opts.seed ?? 1);
  const N = Math.max(50, Math.round(opts.schools));
  const scale = N / FULL.schools;

  const sources = new Csv('id,title,publisher,date,url,kind,archive,note');
  const regions = new Csv('id,name,level,municipality,parent,aliases,reported_children,source,note');
  const schools = new Csv('id,name,region,stage,parent_school,unit,aliases,former_names,source,note');
  const groups = new Csv(
    'id,name,region,type,models,founded,ended,reported_members,reported_members_note,cycle_years,related_group,aliases,source,note',
  );
  const memberships = new Csv('group,school,role,role_term,joined,left,source,note');
  const designations = new Csv('group,region,level,title,date,source,note');
  const statistics = new Csv('region,metric,date,value,qualifier,kind,source,note');
  const files = new Map<string, string>();

  sources.row('gen-vocab', '合成数据：术语说明', '基准测试生成器', '2024', '', 'report', '', '合成数据，仅供性能测试');

  /* Regions: 31 provinces; cities and districts scale with the school count. */
  const nonMuni = PROVINCES.filter((p) => p[3] !== 0);
  const cityCounts = apportion(
    Math.max(nonMuni.length, Math.round(FULL.cities * scale)),
    nonMuni.map((p) => p[3]),
    1,
  );
  const allRegions: RegionRec[] = [];
  const districts: RegionRec[] = [];
  const cities: RegionRec[] = [];
  const provinces: RegionRec[] = [];
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

  /* Schools: apportioned to provinces by population, then to districts. */
  const provWeights = PROVINCES.map((p) => p[2]);
  const perProvince = apportion(N, provWeights, 1);
  const schoolList: SchoolRec[] = [];
  const schoolsByDistrict = new Map<string, SchoolRec[]>();
  const cityName = (d: RegionRec) => d.city!.name;
  const numbered = new Map<string, number>(); // per city and kind: 第N小学, 第N中学
  const namesInCity = new Map<string, Set<string>>();
  let schoolSeq = 0;
  PROVINCES.forEach(([pid], pi) => {
    const ds = districts.filter((d) => d.province === pid);
    const counts = apportion(
      perProvince[pi]!,
      ds.map(() => 0.5 + r.next()),
      0,
    );
    ds.forEach((d, di) => {
      const list: SchoolRec[] = [];
      schoolsByDistrict.set(d.id, list);
      const cityKey = d.city!.id;
      const taken = namesInCity.get(cityKey) ?? new Set<string>();
      namesInCity.set(cityKey, taken);
      const towns: string[] = [];
      const townTaken = new Set<string>();
      for (let t = 0; t < 6; t++) towns.push(placeName(r, townTaken, ''));
      const add = (s: Omit<SchoolRec, 'id' | 'groups' | 'region'>) => {
        if (taken.has(s.name)) return undefined;
        taken.add(s.name);
        const rec: SchoolRec = { ...s, id: `s${(++schoolSeq).toString(36)}`, region: d.id, groups: 0 };
        list.push(rec);
        schoolList.push(rec);
        return rec;
      };
      const next = (kind: string) => {
        const k = `${cityKey}|${kind}`;
        const n = (numbered.get(k) ?? 0) + 1;
        numbered.set(k, n);
        return n;
      };
      const want = counts[di]!;
      let guard = 0;
      while (list.length < want && guard++ < want * 20) {
        const roll = r.next();
        const city = cityName(d);
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
          if (!parent || parent.unit !== 'school') continue;
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
      // A district too small for its share keeps going with plain numbered schools.
      while (list.length < want) {
        const n = next('primary');
        add({ name: `${cityName(d)}第${chineseNumber(n)}小学`, stage: 'primary', aliases: [`${n}小`], famous: false, unit: 'school' });
      }
    });
  });
  // District ids are <city>-dN or <municipality>-dN; each city and municipality has a list source.
  const listSourceOf = (regionId: string) => `${regionId.replace(/-d\d+$/, '')}-list`;
  for (const s of schoolList)
    schools.row(s.id, s.name, s.region, s.stage, s.parent ?? '', s.unit, s.aliases.join('|'), '', listSourceOf(s.region), '');

  /* Groups: about one per five schools, 2–12 members, mostly within a district. */
  let groupSeq = 0;
  const groupRecs: { id: string; region: string; founded: number; ended?: number | undefined; size: number; lead: SchoolRec }[] = [];
  const year = (y: number) => String(y);
  const membershipLines: number[] = [];
  let planted: CountryFiles['planted'];
  for (const d of districts) {
    const list = schoolsByDistrict.get(d.id) ?? [];
    if (list.length < 2) continue;
    const pool = r.shuffle(list.filter((s) => s.unit === 'school'));
    const leads = pool.filter((s) => s.famous);
    const others = pool.filter((s) => !s.famous);
    const target = Math.max(1, Math.round(list.length * 0.2));
    let o = 0;
    for (let g = 0; g < target; g++) {
      const lead = leads[g] ?? others[o++];
      if (!lead) break;
      const size = Math.min(12, 2 + Math.floor(-Math.log(1 - r.next() * 0.999) * 2.2));
      const id = `g${(++groupSeq).toString(36)}`;
      const type = lead.unit === 'school' && r.chance(0.08) ? 'multi-campus' : r.pick(GROUP_TYPES);
      const founded = r.int(2014, 2023);
      const ended = r.chance(0.02) ? Math.min(2025, founded + r.int(2, 5)) : undefined;
      const name =
        type === 'alliance' ? `${lead.name}教育联盟` : type === 'community' ? `${lead.name}教育发展共同体` : `${lead.name}教育集团`;
      const cross = r.chance(0.08) && d.city!.level === 'city';
      const region = cross ? d.city!.id : d.id;
      const src = r.chance(0.5) ? `${listSourceOf(d.id)}` : `${d.city!.id}-news`;
      const models = type === 'alliance' ? '' : r.chance(0.7) ? r.pick(MODELS) : '';
      const reported = r.chance(0.05) ? size + r.int(1, 6) : undefined;
      groups.row(
        id,
        name.length > 60 ? `${lead.name.slice(0, 50)}教育集团` : name,
        region,
        type,
        models,
        r.chance(0.7) ? year(founded) : `${founded}-${String(r.int(1, 12)).padStart(2, '0')}`,
        ended ? year(ended) : '',
        reported ?? '',
        reported ? '来源称成员校数量，未列全部校名' : '',
        r.chance(0.1) ? 3 : '',
        '',
        type === 'alliance' ? '' : lead.aliases[0] ? `${lead.aliases[0]}集团` : '',
        src,
        '',
      );
      groupRecs.push({ id, region, founded, ended, size, lead });
      const foundedText = year(founded);
      const role = type === 'alliance' ? 'alliance' : 'member';
      // The lead, then members; campuses of the lead join as campuses.
      membershipLines.push(
        memberships.row(id, lead.id, 'lead', r.pick(['核心校', '牵头校', '引领校', '']), foundedText, ended ? year(ended) : '', src, ''),
      );
      lead.groups++;
      const campuses = list.filter((s) => s.parent === lead.id);
      for (const c of campuses.slice(0, 2)) {
        memberships.row(id, c.id, 'campus', '校区', foundedText, ended ? year(ended) : '', src, '');
        c.groups++;
      }
      let members = 1 + Math.min(2, campuses.length);
      while (members < size && o < others.length) {
        const s = others[o++]!;
        if (s.groups > 0) continue;
        members++;
        s.groups++;
        const late = r.chance(0.2);
        const joinedYear = late ? Math.min(2024, ended ?? 2024, founded + r.int(1, 3)) : founded;
        const joined = r.chance(0.01)
          ? `${joinedYear}-09/${joinedYear + 1}-08`
          : late && r.chance(0.5)
            ? `${joinedYear}-${String(r.int(1, 12)).padStart(2, '0')}`
            : year(joinedYear);
        let left = ended ? year(ended) : '';
        let note = '';
        if (!ended && r.chance(0.08)) {
          const leftYear = Math.min(2025, joinedYear + r.int(1, 4));
          left = year(leftYear);
          note = `${leftYear}年退出`;
          // Some schools that left join another group later: the history a parent asks about.
          if (r.chance(0.3) && groupRecs.length > 1) {
            const other = groupRecs[groupRecs.length - 2]!;
            if (other.region === region && !other.ended) {
              memberships.row(other.id, s.id, role, '', year(Math.max(leftYear, other.founded)), '', src, '由其他集团转入');
              s.groups++;
            }
          }
        }
        memberships.row(id, s.id, role, role === 'alliance' ? '联盟校' : '成员校', joined, left, src, note);
      }
      if (r.chance(0.05))
        designations.row(
          id,
          '',
          r.chance(0.3) ? 'provincial' : 'city',
          r.chance(0.3) ? '省级优质教育集团' : '市级优质教育集团',
          year(r.int(Math.max(founded, 2020), 2024)),
          src,
          '',
        );
    }
  }
  if (opts.plantError && membershipLines.length > 0) {
    // Replace the school of one lead row, far down the file, with a typo of an existing id.
    const line = membershipLines[Math.floor(membershipLines.length * 0.9)]!;
    const row = memberships.lines[line - 1]!.split(',');
    const wrong = `${row[1]}x`;
    row[1] = wrong;
    memberships.lines[line - 1] = row.join(',');
    planted = { file: 'data/memberships.csv', line, column: 2, value: wrong };
  }

  /* Statistics: provinces and cities every year 2019–2024 plus a target; some districts twice. */
  const groupsPerRegion = new Map<string, number>();
  const parentOf = new Map(allRegions.map((x) => [x.id, x.parent]));
  for (const g of groupRecs)
    for (let id: string | undefined = g.region; id; id = parentOf.get(id)) groupsPerRegion.set(id, (groupsPerRegion.get(id) ?? 0) + 1);
  let statRows = 0;
  const statFor = (reg: RegionRec, src: string, years: number[], target: boolean) => {
    const finalCoverage = 45 + r.int(0, 45);
    const groupsNow = groupsPerRegion.get(reg.id) ?? 0;
    years.forEach((y, i) => {
      const f = (i + 1) / years.length;
      const date = y === 2024 && r.chance(0.3) ? '2024-08/2024-09' : `${y}-12`;
      statistics.row(reg.id, 'coverage-rate', date, Math.round(finalCoverage * (0.4 + 0.6 * f)), '', 'actual', src, '');
      statistics.row(reg.id, 'group-count', date, Math.round(groupsNow * (0.3 + 0.7 * f)), '', 'actual', src, '');
      statRows += 2;
      if (reg.level !== 'district') {
        statistics.row(reg.id, 'participating-schools', date, Math.round(groupsNow * 4.5 * (0.3 + 0.7 * f)), '', 'actual', src, '');
        statRows++;
      }
    });
    if (target) {
      statistics.row(reg.id, 'coverage-rate', '2027-12', Math.min(100, finalCoverage + 10), 'gte', 'target', src, '');
      statistics.row(
        reg.id,
        'coverage-rate',
        '2018-12',
        Math.round(finalCoverage * 0.3),
        '',
        'derived',
        src,
        `${Math.round(finalCoverage * 0.4)} − ${Math.round(finalCoverage * 0.4) - Math.round(finalCoverage * 0.3)} = ${Math.round(finalCoverage * 0.3)}`,
      );
      statistics.row(reg.id, 'quality-group-count', '2024', Math.round(groupsNow * 0.05), '', 'actual', src, '');
      statRows += 3;
    }
  };
  for (const p of provinces) statFor(p, `${p.id}-stats`, [2019, 2020, 2021, 2022, 2023, 2024], true);
  for (const c of cities) statFor(c, `${c.id}-news`, [2021, 2022, 2023, 2024], r.chance(0.3));
  for (const d of districts) if (r.chance(0.1)) statFor(d, `${d.city!.id}-news`, [2023, 2024], false);

  /* Policies: provinces 2, cities ~4, a fifth of districts 1 — a few thousand at full size. */
  let policySeq = 0;
  const groupsByRegion = new Map<string, string[]>();
  for (const g of groupRecs) {
    const l = groupsByRegion.get(g.region) ?? [];
    l.push(g.id);
    groupsByRegion.set(g.region, l);
  }
  const policyFor = (reg: RegionRec, issuer: string) => {
    const id = `p${(++policySeq).toString(36)}`;
    const src = `${id}-doc`;
    const y = r.int(2017, 2024);
    const kind = r.pick([
      '关于深化集团化办学改革的实施意见',
      '推进中小学集团化办学工作方案',
      '优质教育集团培育计划',
      '集团化办学考核评价办法',
    ]);
    const title = `${reg.name}${kind}`;
    sources.row(
      src,
      title,
      issuer,
      r.chance(0.8) ? `${y}-${String(r.int(1, 12)).padStart(2, '0')}` : String(y),
      `https://example.org/policy/${id}`,
      'policy',
      '',
      '',
    );
    const gs = (groupsByRegion.get(reg.id) ?? []).slice(0, r.int(0, 3));
    const target = 60 + r.int(0, 35);
    const text = [
      '---',
      `title: "${title}"`,
      `issuer: "${issuer}"`,
      `region: "${reg.id}"`,
      `date: "${y}"`,
      `source: "${src}"`,
      `summary: "${reg.name}提出扩大优质教育资源覆盖面，到${y + 3}年集团化办学覆盖率达到${target}%以上。"`,
      'goals:',
      `  - "到${y + 3}年基本实现集团化办学全覆盖"`,
      '  - "建立集团内教师交流轮岗制度"',
      'targets:',
      `  - text: "到${y + 3}年覆盖率达到${target}%以上"`,
      '    metric: "coverage-rate"',
      `    value: ${target}`,
      '    qualifier: "gte"',
      `    deadline: "${y + 3}-12"`,
      'governance:',
      '  model: "紧密型与联盟型并行"',
      '  teacher_exchange: "骨干教师每年按比例交流"',
      gs.length ? `groups:\n${gs.map((g) => `  - "${g}"`).join('\n')}` : 'groups: []',
      'regions: []',
      '---',
      '',
      '## 背景',
      '',
      `${reg.name}义务教育阶段学校数量多、分布广，城乡之间、校际之间差距仍然存在。本文件为合成数据，仅供性能测试。`,
      '',
      '## 主要措施',
      '',
      '- 以名校为牵头校组建教育集团，带动新建校、薄弱校和乡村学校。',
      '- 集团内统一教研、统一评价，推进教师交流轮岗。',
      '',
    ].join('\n');
    files.set(`content/policies/${id}.mdx`, text);
  };
  const eduBureau = (reg: RegionRec) => `${reg.name}教育${reg.level === 'province' && !/市$/.test(reg.name) ? '厅' : '局'}`;
  for (const p of provinces) for (let i = 0; i < 2; i++) policyFor(p, eduBureau(p));
  for (const c of cities) for (let i = 0, n = r.int(3, 5); i < n; i++) policyFor(c, eduBureau(c));
  for (const d of districts) if (r.chance(0.2)) policyFor(d, eduBureau(d));

  /* Group profiles for one group in a hundred. */
  let profiles = 0;
  for (const g of groupRecs) {
    if (!r.chance(0.01)) continue;
    profiles++;
    files.set(
      `content/groups/${g.id}.mdx`,
      `---\ngroup: "${g.id}"\nsource: "${listSourceOf(g.lead.region)}"\nsources: []\n---\n\n${g.lead.name}牵头组建，成员校共享课程与教研。合成数据，仅供性能测试。\n`,
    );
  }

  files.set('data/sources.csv', sources.text());
  files.set('data/terms.csv', TERMS);
  files.set('data/metrics.csv', METRICS);
  files.set('data/regions.csv', regions.text());
  files.set('data/schools.csv', schools.text());
  files.set('data/groups.csv', groups.text());
  files.set('data/memberships.csv', memberships.text());
  files.set('data/designations.csv', designations.text());
  files.set('data/statistics.csv', statistics.text());

  // Sample names for search: a numbered middle school, a road school, an experimental school.
  const sample: CountryFiles['sampleSchools'] = [];
  for (const re of [/第十九中学$/, /第[一二三四五六七八九十]+初级中学$/, /路小学$/, /实验小学$/, /镇中心小学$/]) {
    const s = schoolList.find((x) => re.test(x.name) && x.unit === 'school');
    if (s) sample.push({ id: s.id, name: s.name, aliases: s.aliases });
  }

  return {
    files,
    planted,
    sampleSchools: sample,
    counts: {
      provinces: provinces.length,
      cities: cities.length,
      districts: districts.length,
      schools: schoolList.length,
      groups: groupRecs.length,
      memberships: memberships.lines.length - 1,
      designations: designations.lines.length - 1,
      statistics: statRows,
      policies: policySeq,
      groupProfiles: profiles,
      sources: sources.lines.length - 1,
    },
  };
}

/** Writes the country under `out` (data/ and content/), replacing what was there. */
export function writeCountry(out: string, country: CountryFiles): void {
  rmSync(out, { recursive: true, force: true });
  for (const dir of ['data', 'content/policies', 'content/groups']) mkdirSync(join(out, dir), { recursive: true });
  for (const [path, text] of country.files) writeFileSync(join(out, path), text);
  writeFileSync(
    join(out, 'country.json'),
    `${JSON.stringify({ counts: country.counts, sampleSchools: country.sampleSchools, planted: country.planted }, null, 2)}\n`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const arg = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const n = Number(arg('schools') ?? 10_000);
  const seed = Number(arg('seed') ?? 1);
  const plantError = args.includes('--plant-error');
  const out = resolve(arg('out') ?? `bench/data/${n}${plantError ? '-bad' : ''}`);
  const started = performance.now();
  const country = generateCountry({ schools: n, seed, plantError });
  writeCountry(out, country);
  const secs = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${out}: ${Object.entries(country.counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')} (${secs} s)`,
  );
  if (country.planted)
    console.log(
      `planted error: ${country.planted.file}:${country.planted.line}:${country.planted.column} school "${country.planted.value}"`,
    );
}
