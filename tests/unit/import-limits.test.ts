/**
 * The importer's limits (src/lib/import/limits.ts) and the hostile review's probes (issue
 * #30): each refused with a Chinese message naming the file (and row), before the work,
 * within a bounded memory. The archive probes run in a child process with a heap limit,
 * so a regression fails the test instead of taking the machine's memory.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { listGroups } from '../../src/lib/import/index.ts';
import { columnLetters, importLimits, InputError, longestUnpunctuated, type ImportLimits } from '../../src/lib/import/limits.ts';
import { readInput } from '../../src/lib/import/read.ts';
import { jinanTraditionalDocx, jinanXlsx } from '../fixtures/import/make-fixtures.ts';
import { readOffice } from '../../src/lib/import/office-worker.ts';
import type { ChildReport } from '../fixtures/import/hostile/read-one.ts';
import {
  colsBombXlsx,
  docxBomb,
  mediaBombXlsx,
  mergeBombXlsx,
  sheetBombXlsx,
  spinningDocx,
  xfdXlsx,
} from '../fixtures/import/hostile/make-hostile.ts';

const HOSTILE = 'tests/fixtures/import/hostile';
const dir = mkdtempSync(join(tmpdir(), 'import-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const utf8 = (s: string) => new TextEncoder().encode(s);
const limited = (overrides: Partial<ImportLimits>): ImportLimits => ({ ...importLimits, ...overrides });

/** What the reader says about `bytes`: the InputError's message (anything else fails the test). */
async function refusal(file: string, bytes: Uint8Array, limits?: ImportLimits): Promise<string> {
  try {
    await readInput(file, bytes, undefined, limits);
  } catch (err) {
    if (err instanceof InputError) return err.message;
    throw err;
  }
  throw new Error(`${file} was read`);
}

/** Reads a file in a child process with a 512 MB heap; its JSON report (error, peak RSS). */
function readInChild(name: string, bytes: Uint8Array, seconds?: number): ChildReport {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const run = spawnSync(
    process.execPath,
    ['--max-old-space-size=512', `${HOSTILE}/read-one.ts`, file, ...(seconds ? [String(seconds)] : [])],
    {
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as ChildReport;
}

describe('zip bombs and hostile sheets are refused before exceljs or mammoth inflates them', () => {
  const probes: [string, string, () => Promise<Uint8Array>, RegExp][] = [
    [
      'a 1.9 GB picture in a 2 MB xlsx',
      'media-bomb.xlsx',
      () => mediaBombXlsx(),
      /xl\/media\/image1\.png 解压后有 1900 MB，超过单个文件 16 MB 的上限/,
    ],
    [
      'the same, its size declared as 100 bytes',
      'media-bomb-lying.xlsx',
      () => mediaBombXlsx(true),
      /xl\/media\/image1\.png 解压后比它声明的 100 字节大/,
    ],
    ['a sheet inflating to 1.6 GB', 'sheet-bomb.xlsx', sheetBombXlsx, /xl\/worksheets\/sheet1\.xml 解压后有 1600 MB/],
    ['a Word document inflating to 2.6 GB, declared small', 'docx-bomb.docx', docxBomb, /word\/document\.xml 解压后比它声明的 \d+ 字节大/],
    ['a merged area over the whole sheet', 'merge-bomb.xlsx', mergeBombXlsx, /合并单元格 A2:XFD1048576 等一共覆盖超过 200000 格/],
    ['a column range two billion wide', 'cols-bomb.xlsx', colsBombXlsx, /列的设置超出 Excel 的范围/],
  ];
  it.each(probes)('%s', async (_, name, make, message) => {
    const report = readInChild(name, await make());
    expect(report.error).toMatch(new RegExp(`^${join(dir, name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(report.error).toMatch(message);
    expect(report.maxRssMB).toBeLessThan(400);
  });
});

describe('exceljs and mammoth run in a worker that is stopped at the deadline', () => {
  it('a docx that keeps mammoth busy for minutes is refused at the read time limit', async () => {
    const t = performance.now();
    const report = readInChild('spinning.docx', await spinningDocx(), 3);
    expect(report.error).toMatch(/spinning\.docx: 读了 3 秒还没读完，停止读取/);
    expect(report.maxRssMB).toBeLessThan(600);
    expect(performance.now() - t).toBeLessThan(15_000);
  });
});

describe('a cell in column XFD', () => {
  it('costs only the cells the sheet has: a formatted empty XFD cell leaves rows 4 wide', async () => {
    const doc = await readInput('xfd.xlsx', await xfdXlsx(50, null));
    expect(doc.tables[0]!.rows).toHaveLength(51);
    expect(Math.max(...doc.tables[0]!.rows.map((r) => r.cells.length))).toBe(4);
  });
  it('with text there, is refused with the row and column, within bounded memory', async () => {
    const report = readInChild('xfd.xlsx', await xfdXlsx(1000, 'x'));
    expect(report.error).toMatch(/xfd\.xlsx:1: 第 16384 列（XFD 列）有内容，超过 256 列的上限/);
    expect(report.maxRssMB).toBeLessThan(400);
  });
});

describe('text limits, checked before the prose and name readers run', () => {
  it('refuses a 100,000-character CSV cell with file:line and column', async () => {
    const csv = `集团名称,成员学校\n甲教育集团,${'济南市经五路小学、'.repeat(11_112)}\n`;
    expect(await refusal('long.csv', utf8(csv))).toMatch(/^long\.csv:2: 第 2 列的单元格有 100008 个字符，超过上限 10000/);
  });
  it('refuses a 300,000-character paragraph without punctuation, fast', async () => {
    const t = performance.now();
    expect(await refusal('run.txt', utf8(`标题\n${'校'.repeat(300_000)}\n`))).toMatch(
      /^run\.txt:2: 这一段有 300000 个字符，超过上限 20000/,
    );
    expect(await refusal('run.txt', utf8(`标题\n${'校'.repeat(5_000)}\n`))).toMatch(/^run\.txt:2: 这一段有超过 1000 个字符没有标点或空格/);
    expect(performance.now() - t).toBeLessThan(2_000);
  });
  it('refuses the review’s 57.6 kB of 以甲为龙头， before the prose reader sees it', async () => {
    expect(await refusal('lead.txt', utf8('以甲为龙头，'.repeat(9_600)))).toMatch(/^lead\.txt:1: 这一段有 57600 个字符/);
  });
  it('refuses an HTML table cell and a cell with no punctuation', async () => {
    const html = `<table><tr><td>集团</td><td>${'甲'.repeat(2_000)}</td></tr></table>`;
    expect(await refusal('a.html', utf8(html))).toMatch(/^a\.html:1: 第 2 列有一段超过 1000 个字符没有标点或空格/);
  });
  it('counts punctuation, symbols and spaces as breaks', () => {
    expect(longestUnpunctuated('甲乙、丙丁戊 己')).toBe(3);
    expect(longestUnpunctuated('')).toBe(0);
    expect(columnLetters(1)).toBe('A');
    expect(columnLetters(28)).toBe('AB');
    expect(columnLetters(16_384)).toBe('XFD');
  });
});

describe('every limit is enforced where it is stated', () => {
  const rows = (n: number) => ['集团名称,成员学校', ...Array.from({ length: n - 1 }, (_, i) => `甲教育集团,学校${i}`)].join('\n');
  it('rows: a table of exactly the limit is read, one more is refused', async () => {
    await expect(readInput('ok.csv', utf8(rows(10)), undefined, limited({ rows: 10 }))).resolves.toBeDefined();
    expect(await refusal('big.csv', utf8(rows(11)), limited({ rows: 10 }))).toMatch(/^big\.csv:11: 超过 10 行（上限）/);
    expect(await refusal('big.txt', utf8('一\n'.repeat(11)), limited({ rows: 10 }))).toMatch(/^big\.txt:11: 超过 10 行/);
  });
  it('a table at the row limit, each row its own group, is listed without overflowing the stack', async () => {
    const n = importLimits.rows - 1;
    const csv = ['集团名称,学校名称', ...Array.from({ length: n }, (_, i) => `集团${i},学校${i}`)].join('\n');
    const listing = listGroups(await readInput('many.csv', utf8(csv)));
    expect(listing.groups).toHaveLength(n);
  });
  it('columns: counted to the last cell with text', async () => {
    const wide = `${'a,'.repeat(20)}b\n`;
    expect(await refusal('wide.csv', utf8(wide), limited({ columns: 20 }))).toMatch(/^wide\.csv:1: 第 21 列（U 列）有内容/);
    await expect(readInput('ok.csv', utf8(`a${','.repeat(30)}\n`), undefined, limited({ columns: 20 }))).resolves.toBeDefined();
  });
  it('file size: refused before decoding', async () => {
    expect(await refusal('big.txt', new Uint8Array(3 * 2 ** 20), limited({ fileBytes: 2 ** 20 }))).toMatch(
      /^big\.txt: 文件有 3 MB，超过 1 MB 的上限/,
    );
  });
  it('archive entries: per entry and in total, from the declared sizes', async () => {
    const xlsx = await jinanXlsx();
    expect(await refusal('a.xlsx', xlsx, limited({ entryBytes: 1000 }))).toMatch(
      /^a\.xlsx: 里面的 .+ 解压后有 0 MB，超过单个文件 0 MB 的上限/,
    );
    expect(await refusal('a.xlsx', xlsx, limited({ archiveBytes: 5000 }))).toMatch(/^a\.xlsx: 解压后超过 0 MB 的上限/);
    expect(await refusal('a.xlsx', xlsx, limited({ archiveEntries: 3 }))).toMatch(/^a\.xlsx: 压缩包里有 \d+ 个文件，超过 3 的上限/);
  });
  it('worksheet cells: counted in the sheet XML, before exceljs', async () => {
    expect(await refusal('a.xlsx', await jinanXlsx(), limited({ sheetCells: 20 }))).toMatch(
      /^a\.xlsx（xl\/worksheets\/sheet1\.xml）: 工作簿超过 20 个单元格/,
    );
  });
  it('time: a read past its deadline stops with a message', async () => {
    expect(await refusal('slow.txt', utf8('一\n'.repeat(5_000)), limited({ readSeconds: 0 }))).toMatch(
      /^slow\.txt:1000: 读了 0 秒还没读完/,
    );
  });
  it('a broken archive is an InputError, not a crash', async () => {
    const bytes = await jinanXlsx();
    for (const cut of [10, bytes.length - 30, bytes.length - 5])
      expect(await refusal('cut.xlsx', bytes.slice(0, cut))).toMatch(/^cut\.xlsx: /);
  });
});

describe('text that is not what its name says', () => {
  it('reads a web page saved as .txt as HTML: no school named a> or p>', async () => {
    const doc = await readInput(`${HOSTILE}/news-page.txt`, readFileSync(`${HOSTILE}/news-page.txt`));
    expect(doc.notes.join()).toMatch(/news-page\.txt: 内容是网页（HTML），按网页读取/);
    const groups = listGroups(doc).groups.map((g) => [g.name, g.members.map((m) => m.text)]);
    expect(groups).toEqual([
      ['经五教育集团', ['济南市经五路小学', '济南市经纬小学', '济南市经八路小学']],
      ['育贤教育集团', ['济南市育贤小学', '济南市后龙小学']],
    ]);
  });
  it('reads Big5 as Big5 and GBK as GBK, and says which', async () => {
    const big5 = await readInput('big5.txt', readFileSync(`${HOSTILE}/jinan-big5.txt`));
    expect(big5.notes).toEqual([expect.stringMatching(/^big5\.txt: 文件不是 UTF-8，按 Big5 编码读取/)]);
    expect(big5.lines.map((l) => l.text).join('\n')).toContain('濟南市市中區中小學集團化辦學簽約儀式');
    const gbk = await readInput('gbk.txt', readFileSync(`${HOSTILE}/jinan-gbk.txt`));
    expect(gbk.notes).toEqual([expect.stringMatching(/^gbk\.txt: 文件不是 UTF-8，按 GBK 编码读取/)]);
    expect(gbk.lines.map((l) => l.text).join('\n')).toContain('济南市市中区中小学集团化办学签约仪式');
    const utf = await readInput('utf8.txt', readFileSync('tests/fixtures/import/jinan-shizhong.txt'));
    expect(utf.notes).toEqual([]);
  });
  it('points at damaged bytes in a UTF-8 file instead of guessing a legacy encoding', async () => {
    const bytes = utf8('育英教育集团：济南育英中学、济南育秀中学\n经五教育集团：济南市经五路小学');
    const damaged = new Uint8Array([...bytes.slice(0, 70), 0xff, ...bytes.slice(70)]);
    expect(await refusal('cut.txt', damaged)).toMatch(/^cut\.txt:2:4: 文件是 UTF-8 编码，但这里（共 1 处）有不是 UTF-8 的字节/);
  });
  it('refuses bytes that read as neither', async () => {
    const noise = new Uint8Array(4000).map((_, i) => 0x80 + ((i * 7919) % 0x7f));
    expect(await refusal('noise.txt', noise)).toMatch(/^noise\.txt: 文件不是 UTF-8 编码，按 GBK 和 Big5 读都不像中文.*另存为 UTF-8/);
  });
});

describe('the Office worker', () => {
  it('hands back a sheet’s non-empty cells, a document’s HTML, or the library’s error', async () => {
    const sheets = await readOffice({ format: 'xlsx', bytes: await jinanXlsx() });
    expect('sheets' in sheets && sheets.sheets[0]!.rows[1]).toEqual({
      line: 2,
      cells: [
        [1, '序号'],
        [2, '集团名称'],
        [3, '成员学校'],
        [4, '所在区县'],
      ],
    });
    const docx = await readOffice({ format: 'docx', bytes: await jinanTraditionalDocx() });
    expect('html' in docx && docx.html).toContain('<table>');
    const broken = await readOffice({ format: 'xlsx', bytes: utf8('not a zip') });
    expect('error' in broken && broken.error.length).toBeGreaterThan(0);
  });
});

describe('exceljs values', () => {
  it('reads merged cells over the rows they span', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('a');
    sheet.addRow(['集团名称', '学校名称']);
    sheet.addRow(['甲教育集团', '一小']);
    sheet.addRow([null, '二小']);
    sheet.mergeCells('A2:A3');
    const doc = await readInput('m.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(doc.tables[0]!.rows.map((r) => r.cells)).toEqual([
      ['集团名称', '学校名称'],
      ['甲教育集团', '一小'],
      ['甲教育集团', '二小'],
    ]);
  });
});
