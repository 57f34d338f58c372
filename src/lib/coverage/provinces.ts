/**
 * China's 34 provincial-level divisions: the GB/T 2260 code, the full and short
 * name, and a cell on a 7 × 8 tile grid placed roughly as on a map (west → east,
 * north → south). Public reference facts, not data about school groups: they let
 * the coverage page list every province, including those the site has nothing on.
 */

export interface Province {
  /** GB/T 2260 two-digit code. */
  code: string;
  /** The full name as written in data/regions.csv: 河南省, 内蒙古自治区. */
  name: string;
  /** The short name printed on a tile: 河南, 内蒙古. */
  short: string;
  col: number;
  row: number;
}

export const TILE_COLUMNS = 7;
export const TILE_ROWS = 8;

const P = (code: string, name: string, short: string, col: number, row: number): Province => ({ code, name, short, col, row });

/** In code order (the order statistical yearbooks use). */
export const PROVINCES: readonly Province[] = [
  P('11', '北京市', '北京', 4, 1),
  P('12', '天津市', '天津', 5, 2),
  P('13', '河北省', '河北', 4, 2),
  P('14', '山西省', '山西', 3, 2),
  P('15', '内蒙古自治区', '内蒙古', 3, 1),
  P('21', '辽宁省', '辽宁', 5, 1),
  P('22', '吉林省', '吉林', 6, 1),
  P('23', '黑龙江省', '黑龙江', 6, 0),
  P('31', '上海市', '上海', 6, 4),
  P('32', '江苏省', '江苏', 5, 4),
  P('33', '浙江省', '浙江', 5, 5),
  P('34', '安徽省', '安徽', 4, 4),
  P('35', '福建省', '福建', 4, 6),
  P('36', '江西省', '江西', 4, 5),
  P('37', '山东省', '山东', 4, 3),
  P('41', '河南省', '河南', 3, 3),
  P('42', '湖北省', '湖北', 3, 4),
  P('43', '湖南省', '湖南', 3, 5),
  P('44', '广东省', '广东', 3, 6),
  P('45', '广西壮族自治区', '广西', 2, 6),
  P('46', '海南省', '海南', 2, 7),
  P('50', '重庆市', '重庆', 2, 4),
  P('51', '四川省', '四川', 1, 4),
  P('52', '贵州省', '贵州', 2, 5),
  P('53', '云南省', '云南', 1, 5),
  P('54', '西藏自治区', '西藏', 0, 4),
  P('61', '陕西省', '陕西', 2, 3),
  P('62', '甘肃省', '甘肃', 1, 3),
  P('63', '青海省', '青海', 0, 3),
  P('64', '宁夏回族自治区', '宁夏', 2, 2),
  P('65', '新疆维吾尔自治区', '新疆', 0, 2),
  P('71', '台湾省', '台湾', 5, 6),
  P('81', '香港特别行政区', '香港', 4, 7),
  P('82', '澳门特别行政区', '澳门', 3, 7),
];

const byName = new Map(PROVINCES.map((p) => [p.name, p]));
const byShort = new Map(PROVINCES.map((p) => [p.short, p]));

/** The province a top-level region row stands for: matched by its full name only. */
export function provinceByName(name: string): Province | undefined {
  return byName.get(name);
}

const SUFFIX = /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/;

/**
 * A province row whose name is not a full name but clearly means one ("河南",
 * "内蒙古", "广西自治区"): the full name it should have. Names that mean no
 * province at all (a test fixture's 示例省) are not reported.
 */
export function intendedProvince(name: string, aliases: readonly string[] = []): Province | undefined {
  if (byName.has(name)) return undefined;
  for (const candidate of [name, ...aliases]) {
    const p = byName.get(candidate) ?? byShort.get(candidate) ?? byShort.get(candidate.replace(SUFFIX, ''));
    if (p) return p;
  }
  return undefined;
}
