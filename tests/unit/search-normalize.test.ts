/** Search normalisation shared by index and query: script, width, numerals, short forms, pinyin. */
import { describe, expect, it } from 'vitest';
import {
  arabicNumeralsToChinese,
  arabicToChinese,
  canonical,
  chineseNumeralToArabic,
  chineseNumeralsToArabic,
  displayForm,
  foldText,
  normalizePinyin,
  numberPinyin,
  toSimplified,
} from '../../src/lib/search/normalize.ts';
import '../../src/lib/search/simplify.ts';

describe('traditional → simplified', () => {
  it('converts Taiwan, Hong Kong and standard traditional characters', () => {
    expect(toSimplified('經八路小學')).toBe('经八路小学');
    expect(toSimplified('鄭州市第十九初級中學')).toBe('郑州市第十九初级中学');
    expect(toSimplified('實驗中學')).toBe('实验中学');
    expect(toSimplified('黃牌預警、紅牌淘汰')).toBe('黄牌预警、红牌淘汰');
    expect(toSimplified('靈寶')).toBe('灵宝');
    expect(toSimplified('裡')).toBe('里'); // Taiwan variant
  });

  it('leaves simplified text, Latin letters and digits alone', () => {
    expect(toSimplified('济南市经五路小学 1+X abc')).toBe('济南市经五路小学 1+X abc');
  });

  it('folds width and case too', () => {
    expect(foldText('１９中 ＡＢ')).toBe('19中 ab');
  });
});

describe('numerals', () => {
  it('reads Chinese numerals as school names write them', () => {
    const cases: [string, string][] = [
      ['十', '10'],
      ['十九', '19'],
      ['二十一', '21'],
      ['六十八', '68'],
      ['一百零二', '102'],
      ['一百一十九', '119'],
      ['三百', '300'],
      ['一千零五', '1005'],
      ['四', '4'],
      ['二七', '27'],
      ['〇一', '01'],
    ];
    for (const [zh, n] of cases) expect(chineseNumeralToArabic(zh), zh).toBe(n);
  });

  it('refuses runs that are not numbers', () => {
    expect(chineseNumeralToArabic('十十')).toBeNull();
    expect(chineseNumeralToArabic('九九十')).toBeNull();
  });

  it('writes Arabic numbers in Chinese', () => {
    const cases: [number, string][] = [
      [0, '零'],
      [4, '四'],
      [10, '十'],
      [19, '十九'],
      [21, '二十一'],
      [68, '六十八'],
      [100, '一百'],
      [102, '一百零二'],
      [110, '一百一十'],
      [119, '一百一十九'],
      [1005, '一千零五'],
      [2024, '二千零二十四'],
    ];
    for (const [n, zh] of cases) expect(arabicToChinese(n), String(n)).toBe(zh);
  });

  it('round-trips 1–1200', () => {
    for (let n = 1; n <= 1200; n++) expect(chineseNumeralToArabic(arabicToChinese(n))).toBe(String(n));
  });

  it('converts numerals inside text, both ways', () => {
    expect(chineseNumeralsToArabic('郑州市第十九初级中学')).toBe('郑州市第19初级中学');
    expect(chineseNumeralsToArabic('一百零二初中')).toBe('102初中');
    expect(arabicNumeralsToChinese('102初中')).toBe('一百零二初中');
    expect(arabicNumeralsToChinese('19中')).toBe('十九中');
  });
});

describe('canonical form', () => {
  it('makes the ways of writing one school meet', () => {
    const forms = ['郑州市第十九初级中学', '鄭州市第十九初級中學', '郑州市第19初级中学', '郑州市十九初中', '郑州市19初', '郑州市 19 初中'];
    for (const f of forms) expect(canonical(f), f).toBe('郑州市19初');
  });

  it('shortens school-type and group words', () => {
    expect(canonical('济南市经八路小学')).toBe('济南市经8路小');
    expect(canonical('济南第六十八中学')).toBe('济南68中');
    expect(canonical('六十八中')).toBe('68中');
    expect(canonical('68中')).toBe('68中');
    expect(canonical('实验初中')).toBe('实验初');
    expect(canonical('济南实验初级中学')).toBe('济南实验初');
    expect(canonical('郑州市第五十七中学教育集团')).toBe('郑州市57中集团');
    expect(canonical('三门峡市灵宝市第四小学教育联盟')).toBe('3门峡市灵宝市4小联盟');
    expect(canonical('郑州市第五十七中学教育发展共同体')).toBe('郑州市57中共同体');
  });

  it('drops punctuation, spaces and quotes', () => {
    expect(canonical('1+X')).toBe('1x');
    expect(canonical('“1+X”模式')).toBe('1x模式');
    expect(canonical('黄牌预警、红牌淘汰')).toBe('黄牌预警红牌淘汰');
    expect(canonical('  ')).toBe('');
  });

  it('keeps the display form readable', () => {
    expect(displayForm('濟南市 經八路小學！')).toBe('济南市经八路小学');
  });
});

describe('pinyin typed by a reader', () => {
  it('ignores spaces, case, tone marks and apostrophes', () => {
    expect(normalizePinyin('Jing Ba Lu Xiao Xue')).toBe('jingbaluxiaoxue');
    expect(normalizePinyin('jīng bā lù')).toBe('jingbalu');
    expect(normalizePinyin("xi'an")).toBe('xian');
  });

  it('writes ü as v', () => {
    expect(normalizePinyin('lüdi')).toBe('lvdi');
    expect(normalizePinyin('lu:di')).toBe('lvdi');
  });

  it('reads digits out', () => {
    expect(numberPinyin('19')).toBe('shijiu');
    expect(numberPinyin('102')).toBe('yibailinger');
    expect(normalizePinyin('19zhong')).toBe('shijiuzhong');
  });
});
