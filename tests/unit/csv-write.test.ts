import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { BOM, stripBom, withBomBytes } from '../../src/lib/csv/bom.ts';
import { csvLine, csvText } from '../../src/lib/csv/write.ts';

describe('csvLine', () => {
  it('quotes only cells that need it', () => {
    expect(csvLine(['示例市第一小学', '一小|第一小学'])).toBe('示例市第一小学,一小|第一小学');
    expect(csvLine(['甲,乙'])).toBe('"甲,乙"');
    expect(csvLine(['他说"好"'])).toBe('"他说""好"""');
    expect(csvLine(['两\n行', '三\r\n行'])).toBe('"两\n行","三\r\n行"');
  });

  it('quotes a cell with leading or trailing whitespace, a full-width space too', () => {
    expect(csvLine([' a', 'b ', '\u3000c', 'd'])).toBe('" a","b ","\u3000c",d');
  });

  it('writes empty cells as nothing', () => {
    expect(csvLine(['', 'x', ''])).toBe(',x,');
  });
});

describe('csvText', () => {
  it('ends every record, the last too, with the line end asked for', () => {
    expect(
      csvText([
        ['id', 'name'],
        ['a', '甲'],
      ]),
    ).toBe('id,name\na,甲\n');
    expect(
      csvText(
        [
          ['id', 'name'],
          ['a', '甲'],
        ],
        '\r\n',
      ),
    ).toBe('id,name\r\na,甲\r\n');
    expect(csvText([])).toBe('');
  });

  it('reads back through papaparse unchanged', () => {
    const rows = [
      ['id', 'note'],
      ['a', '含,逗号'],
      ['b', '含"引号"和\n换行'],
      ['c', ' 前后空格 '],
    ];
    expect(Papa.parse<string[]>(csvText(rows), { skipEmptyLines: true }).data).toEqual(rows);
  });
});

describe('BOM', () => {
  it('strips one leading BOM from text and leaves other text alone', () => {
    expect(stripBom(`${BOM}id`)).toBe('id');
    expect(stripBom('id')).toBe('id');
    expect(stripBom(`a${BOM}`)).toBe(`a${BOM}`);
  });

  it('puts exactly one BOM in front of bytes', () => {
    const body = new TextEncoder().encode('id\n');
    const once = withBomBytes(body);
    expect([...once.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(once.subarray(3))).toBe('id\n');
    expect([...withBomBytes(once)]).toEqual([...once]);
  });
});
