/**
 * Reads one CSV file into rows that remember their line, and reports every
 * problem a spreadsheet can introduce at the place it happens: a non-UTF-8
 * encoding (GBK from Excel), full-width commas, unclosed quotes, ragged rows,
 * invisible characters.
 */
import { findInvisible } from '../invisible.ts';
import type { Problem } from '../problem.ts';
import { stripBom } from './bom.ts';
import { eachCsvRecord } from './records.ts';

interface CsvRow {
  /** 1-based line of the row's first character in the file. */
  line: number;
  values: Record<string, string>;
}

export interface CsvTable {
  file: string;
  header: string[];
  rows: CsvRow[];
}

/** Decodes bytes as UTF-8; a GBK file (Excel's default on Chinese Windows) is named as such. */
export function decodeUtf8(file: string, bytes: Uint8Array): { text: string } | { problem: Problem } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: stripBom(text) };
  } catch {
    const line = lineOfFirstInvalidByte(bytes);
    let looksGbk = false;
    try {
      const asGbk = new TextDecoder('gbk', { fatal: true }).decode(bytes);
      looksGbk = /[\u4e00-\u9fff]/.test(asGbk);
    } catch {
      looksGbk = false;
    }
    return {
      problem: {
        file,
        line,
        column: 1,
        message: looksGbk ? '文件不是 UTF-8 编码，看起来是 GBK（Excel 默认的中文编码）' : '文件不是 UTF-8 编码',
        fix: looksGbk
          ? // A CSV is usually saved from Excel; an MDX or other text file from a text editor.
            `${file.endsWith('.csv') ? '用 Excel“另存为 → CSV UTF-8（逗号分隔）”' : '在编辑器里把文件另存为 UTF-8 编码（记事本“另存为”的编码选 UTF-8）'}，或运行 iconv -f GBK -t UTF-8 ${file} -o ${file}.utf8 && mv ${file}.utf8 ${file}`
          : '请把文件另存为 UTF-8 编码',
      },
    };
  }
}

function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0) return line;
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return line;
    }
    if (b === 0x0a) line++;
    i += len;
  }
  return line;
}

const FULL_WIDTH_COMMA = '，';

/**
 * Parses decoded CSV text. Problems are returned, never thrown, so all are reported at once.
 * `mayLack` names columns a file may be without (read as blank): the columns added to the
 * contract later, absent from an older revision in git history.
 */
export function parseCsv(
  file: string,
  text: string,
  expectedHeader: readonly string[],
  mayLack: readonly string[] = [],
): { table: CsvTable; problems: Problem[] } {
  const problems: Problem[] = [];
  const records: { values: string[]; line: number }[] = [];
  eachCsvRecord(text, (values, line, errors) => {
    for (const err of errors) {
      if (err.code === 'MissingQuotes' || err.code === 'InvalidQuotes') {
        problems.push({
          file,
          line,
          column: 1,
          message:
            err.code === 'MissingQuotes'
              ? '引号没有闭合：这一行的某个单元格以 " 开头却没有结尾的 "'
              : '引号位置不对：单元格中的 " 要写成 ""',
          fix: '检查这一行的双引号，成对出现；单元格内部的双引号写成两个 ""',
        });
      }
    }
    records.push({ values, line });
  });

  // A trailing newline yields one empty record; blank lines are not rows.
  const nonEmpty = records.filter((r) => !(r.values.length === 1 && r.values[0]!.trim() === ''));
  const headerRecord = nonEmpty.shift();
  const header = (headerRecord?.values ?? []).map((h) => h.trim());
  const table: CsvTable = { file, header, rows: [] };

  if (!headerRecord) {
    problems.push({ file, line: 1, column: 1, message: '文件是空的，缺少表头', fix: `第一行写表头：${expectedHeader.join(',')}` });
    return { table, problems };
  }
  if (header.length === 1 && header[0]!.includes(FULL_WIDTH_COMMA)) {
    problems.push({
      file,
      line: headerRecord.line,
      column: header[0]!.indexOf(FULL_WIDTH_COMMA) + 1,
      message: '表头用了全角逗号“，”分隔',
      fix: '把全角逗号“，”换成英文半角逗号“,”',
    });
    return { table, problems };
  }
  const missing = expectedHeader.filter((h) => !header.includes(h) && !mayLack.includes(h));
  const lacking = expectedHeader.filter((h) => !header.includes(h) && mayLack.includes(h));
  const unknown = header.filter((h) => !expectedHeader.includes(h));
  if (missing.length > 0 || unknown.length > 0) {
    const col = unknown.length > 0 ? header.indexOf(unknown[0]!) + 1 : header.length + 1;
    problems.push({
      file,
      line: headerRecord.line,
      column: col,
      message: `表头不对：${[missing.length ? `缺少列 ${missing.join('、')}` : '', unknown.length ? `多出未知列 ${unknown.join('、')}` : ''].filter(Boolean).join('；')}`,
      fix: `表头应为：${expectedHeader.join(',')}`,
    });
    return { table, problems };
  }

  for (const record of nonEmpty) {
    if (record.values.length !== header.length) {
      const fw = record.values.findIndex((v) => v.includes(FULL_WIDTH_COMMA));
      problems.push({
        file,
        line: record.line,
        column:
          fw >= 0 && record.values.length < header.length
            ? fw + 1
            : Math.min(record.values.length, header.length) + (record.values.length < header.length ? 1 : 0),
        message:
          fw >= 0 && record.values.length < header.length
            ? `这一行只有 ${record.values.length} 列，应为 ${header.length} 列；第 ${fw + 1} 列里有全角逗号“，”`
            : `这一行有 ${record.values.length} 列，应为 ${header.length} 列`,
        fix:
          fw >= 0 && record.values.length < header.length
            ? '分隔单元格要用英文半角逗号“,”；如果逗号是文字的一部分，把整个单元格用双引号括起来'
            : '含逗号的单元格要用双引号括起来；检查是否多写或少写了逗号',
      });
      continue;
    }
    // One line ended \r\n in a file of \n lines: the \r is the line ending, not part of the cell.
    const last = record.values.length - 1;
    if (record.values[last]!.endsWith('\r')) record.values[last] = record.values[last]!.slice(0, -1);
    // An invisible character (a stray \r, a BOM where two files were joined, U+200B, U+202E…)
    // is named here for every column, before a schema reports the cell as merely wrong.
    if (record.values.some((v) => findInvisible(v, { lineBreaks: true }))) {
      record.values.forEach((v, i) => {
        const found = findInvisible(v, { lineBreaks: true });
        if (found)
          problems.push({
            file,
            line: record.line,
            column: i + 1,
            message: `列 ${header[i]} 的第 ${found.index + 1} 个字符是不可见字符 ${found.label}`,
            fix:
              found.codePoint === 0xfeff
                ? '删除这个字符：文件中间的 BOM 常是把两个文件拼在一起时带进来的'
                : '删除这个字符（从网页、Word 复制时常带进来）：它看不见，却能让名称与别的记录混淆或把文字显示成别的顺序',
          });
      });
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((h, i) => {
      values[h] = record.values[i]!;
    });
    for (const h of lacking) values[h] = '';
    table.rows.push({ line: record.line, values });
  }
  return { table, problems };
}
