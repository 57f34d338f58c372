import { describe, expect, it } from 'vitest';
import { decodeUtf8, parseCsv } from '../../src/lib/csv/read-csv.ts';

const header = ['id', 'name', 'note'];

describe('parseCsv', () => {
  it('gives each row the line it starts on, across quoted newlines and CRLF', () => {
    const text = 'id,name,note\r\na,甲,"第一行\r\n第二行"\r\nb,乙,\r\n\r\nc,丙,"含,逗号"\r\n';
    const { table, problems } = parseCsv('data/x.csv', text, header);
    expect(problems).toEqual([]);
    expect(table.rows.map((r) => [r.line, r.values.id])).toEqual([
      [2, 'a'],
      [4, 'b'],
      [6, 'c'],
    ]);
    expect(table.rows[0]!.values.note).toBe('第一行\r\n第二行');
    expect(table.rows[2]!.values.note).toBe('含,逗号');
  });

  it('reports a wrong header with the expected one', () => {
    const { problems } = parseCsv('data/x.csv', 'id,nmae,note\n', header);
    expect(problems[0]).toMatchObject({ line: 1, column: 2 });
    expect(problems[0]!.message).toContain('缺少列 name');
    expect(problems[0]!.fix).toBe('表头应为：id,name,note');
  });

  it('reports an empty file', () => {
    expect(parseCsv('data/x.csv', '', header).problems[0]!.message).toContain('文件是空的');
  });
});

describe('decodeUtf8', () => {
  it('strips a BOM', () => {
    const r = decodeUtf8('data/x.csv', new Uint8Array([0xef, 0xbb, 0xbf, 0x61]));
    expect(r).toEqual({ text: 'a' });
  });
  it('names GBK and the line of the first bad byte', () => {
    // "id\n" then 中学 in GBK (D6 D0 D1 A7).
    const r = decodeUtf8('data/x.csv', new Uint8Array([0x69, 0x64, 0x0a, 0xd6, 0xd0, 0xd1, 0xa7]));
    expect('problem' in r && r.problem).toMatchObject({ file: 'data/x.csv', line: 2, column: 1 });
    expect('problem' in r && r.problem.message).toContain('GBK');
  });
});
