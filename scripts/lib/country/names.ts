/** Provinces and made-up but real-looking place names. */
import type { Rng } from './random.ts';

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
export const PROVINCES: [string, string, number, number, number][] = [
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
export const FULL = { schools: 200_000, cities: 337, districts: 2_900 };

const PLACE_A =
  '安宝北滨昌长大德东丰福广海汉和河华淮黄吉建江金京开兰乐临龙洛梅南宁平青清庆泉瑞山商韶胜石寿双顺松太天通桐万文武西仙湘新信兴徐许阳宜永玉元云湛漳肇镇中舟珠'.split(
    '',
  );
const PLACE_B = '安坝白城川丹德定东都丰峰冈港和河湖华化江津景康兰乐林陵隆龙门宁平浦丘泉沙山水顺台潭塘田亭溪峡乡阳源远州庄'.split('');
export const ROADS =
  '经八|纬五|建设|人民|解放|中山|文化|黄河|长江|花园|农业|金水|南阳|红旗|胜利|和平|友谊|工人|新华|育才|东风|朝阳|光明|幸福|健康|迎宾|滨河|铁路|青年|学院'.split(
    '|',
  );
export const DIRECTIONS = ['东', '西', '南', '北', '新'];
export const VILLAGE = '李王张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗'.split('');
export const VILLAGE_END = ['庄', '营', '寨', '屯', '集', '店', '湾', '桥', '岗', '坡'];

/** A two-character place name not yet used in `taken`. */
export function placeName(r: Rng, taken: Set<string>, suffix: string): string {
  for (let i = 0; ; i++) {
    const base = r.pick(PLACE_A) + r.pick(PLACE_B);
    const name = i > 50 ? `${base}${chineseNumber(i)}${suffix}` : `${base}${suffix}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}
