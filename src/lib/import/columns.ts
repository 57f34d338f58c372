/**
 * Tables: find the header row (a title row may sit above it), decide which column
 * holds what by its usual headers, and read the rows into groups. Says what it took
 * for what; a --columns flag overrides.
 */
import { canonical } from '../search/normalize.ts';
import type { ListedGroup, ListedName, Place, Table, TableRow, Warning } from './model.ts';
import { splitNames } from './names.ts';

const columnRoles = ['group', 'lead', 'members', 'school', 'role', 'region', 'type', 'batch', 'note', 'seq'] as const;
export type ColumnRole = (typeof columnRoles)[number];

/** The names editors type in --columns (集团=B), and the preview prints. */
export const columnRoleLabels: Record<ColumnRole, string> = {
  group: '集团',
  lead: '牵头校',
  members: '成员',
  school: '学校',
  role: '角色',
  region: '地区',
  type: '类型',
  batch: '批次',
  note: '备注',
  seq: '序号',
};

/** Usual headers, matched on their canonical form; the first pattern that fits wins. */
const HEADER_PATTERNS: [ColumnRole, RegExp][] = [
  ['seq', /^(?:序号|编号|序|no)$/],
  ['note', /(?:备注|说明)/],
  ['batch', /批次|批$/],
  ['type', /(?:类型|类别|型)$/],
  ['region', /(?:区县|县区|地区|区域|所在地|辖区|属地|区|县|市)$/],
  ['lead', /(?:牵头|龙头|核心|引领|领衔|领办|总校|理事长)/],
  ['members', /成员/],
  ['group', /(?:集团|联盟|共同体)|^名称$/],
  ['role', /^(?:角色|身份)$/],
  ['school', /(?:学校|校名|单位)/],
];

function roleOfHeader(header: string): ColumnRole | undefined {
  const h = canonical(header);
  if (!h) return undefined;
  return HEADER_PATTERNS.find(([, re]) => re.test(h))?.[0];
}

interface ColumnChoice {
  role: ColumnRole;
  index: number;
  header: string;
  /** Taken from --columns rather than guessed. */
  forced: boolean;
}

export interface TableReading {
  groups: ListedGroup[];
  columns: ColumnChoice[];
  headerAt?: Place;
  warnings: Warning[];
  /** Why the table could not be read (no header, no group column …), with how to fix it. */
  error?: string;
}

/** Spreadsheet letter or 1-based number → 0-based index. */
function columnIndex(ref: string, header: string[]): number | undefined {
  if (/^\d+$/.test(ref)) return Number(ref) - 1;
  if (/^[A-Za-z]{1,2}$/.test(ref)) return [...ref.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
  const i = header.findIndex((h) => h.trim() === ref.trim() || canonical(h) === canonical(ref));
  return i >= 0 ? i : undefined;
}

/** `集团=B,成员=成员学校` → role → column reference. */
export function parseColumnsFlag(flag: string | undefined): { map: Map<ColumnRole, string>; error?: string } {
  const map = new Map<ColumnRole, string>();
  if (!flag) return { map };
  for (const part of flag.split(/[,，]/)) {
    if (!part.trim()) continue;
    const [label, ref] = part.split(/[=＝]/).map((s) => s.trim());
    const role = columnRoles.find((r) => r === label || columnRoleLabels[r] === label);
    if (!role || !ref) {
      return {
        map,
        error: `--columns 里的“${part}”看不懂：写成 角色=列，如 集团=B,成员=成员学校；角色可以是 ${columnRoles.map((r) => columnRoleLabels[r]).join('、')}`,
      };
    }
    map.set(role, ref);
  }
  return { map };
}

const nonEmpty = (row: TableRow) => row.cells.some((c) => c.trim() !== '');

/** A line that is only a region (广州市越秀区) starts the name on the next line. */
function joinRegionLines(text: string): string {
  return text.replace(/(^|\n)\s*([^\n、，,；;]{2,12}?[省市区县])\s*\n/g, '$1$2');
}

/** Roles a lead/member cell can say in a one-school-per-row table. */
function roleOfCell(text: string): 'lead' | 'member' | undefined {
  const c = canonical(text);
  if (/(?:牵头|龙头|核心|引领|领衔|总校|理事长)/.test(c)) return 'lead';
  if (/(?:成员|联盟|校区|分校)/.test(c)) return 'member';
  return undefined;
}

export function readTable(table: Table, forced: Map<ColumnRole, string> = new Map()): TableReading {
  const warnings: Warning[] = [];
  const rows = table.rows.filter(nonEmpty);
  // The header is the first of the top rows with two or more known headers.
  let headerIndex = -1;
  for (let i = 0; i < Math.min(rows.length, 10); i++) {
    const roles = rows[i]!.cells.map(roleOfHeader).filter(Boolean);
    if (new Set(roles).size >= 2) {
      headerIndex = i;
      break;
    }
  }
  if (headerIndex < 0 && forced.size === 0) {
    return {
      groups: [],
      columns: [],
      warnings,
      error: '表格的前 10 行里找不到表头（如 集团名称、牵头学校、成员学校）。请用 --columns 指定，如 --columns 集团=A,牵头校=B,成员=C',
    };
  }
  const header = headerIndex >= 0 ? rows[headerIndex]!.cells : [];
  const columns: ColumnChoice[] = [];
  const taken = new Set<number>();
  for (const [role, ref] of forced) {
    const index = columnIndex(ref, header);
    if (index === undefined)
      return { groups: [], columns, warnings, error: `--columns ${columnRoleLabels[role]}=${ref}：表头里没有这一列` };
    columns.push({ role, index, header: header[index] ?? ref, forced: true });
    taken.add(index);
  }
  header.forEach((h, index) => {
    const role = roleOfHeader(h);
    if (!role || taken.has(index) || forced.has(role)) return;
    const prior = columns.find((c) => c.role === role);
    if (prior) {
      warnings.push({
        at: rows[headerIndex]!.at,
        message: `“${prior.header}”和“${h}”两列都像“${columnRoleLabels[role]}”，用了前一列；不对请用 --columns ${columnRoleLabels[role]}=${h}`,
      });
      return;
    }
    columns.push({ role, index, header: h, forced: false });
  });
  const col = (role: ColumnRole) => columns.find((c) => c.role === role);
  // A table with a school column but no group column lists one school per row under a group written once.
  if (!col('group')) {
    return { groups: [], columns, warnings, error: '找不到集团名称所在的列。请用 --columns 集团=列名（或列号、列字母）指定' };
  }
  if (!col('lead') && !col('members') && !col('school')) {
    return { groups: [], columns, warnings, error: '找不到学校所在的列（牵头学校、成员学校或学校名称）。请用 --columns 成员=列名 指定' };
  }
  for (const [i, h] of header.entries()) {
    if (h.trim() && !columns.some((c) => c.index === i)) warnings.push({ at: rows[headerIndex]!.at, message: `没有用到“${h}”这一列` });
  }

  const groups: ListedGroup[] = [];
  let current: ListedGroup | undefined;
  const cell = (row: TableRow, role: ColumnRole) => {
    const c = col(role);
    return c ? (row.cells[c.index] ?? '').trim() : '';
  };
  const names = (row: TableRow, text: string): ListedName[] => splitNames(joinRegionLines(text)).map((t) => ({ text: t, at: row.at }));
  for (const row of rows.slice(headerIndex + 1)) {
    // A name the page broke over lines (广东实验中学越秀<br>教育集团) is one name.
    const groupName = cell(row, 'group').replace(/\s*\n\s*/g, '');
    // A repeated header (a table split over pages) is not a row.
    if (roleOfHeader(groupName) === 'group' && canonical(groupName) === canonical(col('group')!.header)) continue;
    if (groupName && (!current || canonical(groupName) !== canonical(current.name))) {
      current = {
        name: groupName,
        at: row.at,
        lead: [],
        members: [],
        ...(col('lead') ? { leadTerm: col('lead')!.header } : {}),
        ...(col('members') ? { memberTerm: col('members')!.header } : {}),
      };
      groups.push(current);
    }
    if (!current) {
      warnings.push({ at: row.at, message: '这一行没有集团名称，上面也没有，跳过' });
      continue;
    }
    for (const [role, key] of [
      ['region', 'region'],
      ['type', 'type'],
      ['batch', 'batch'],
      ['note', 'note'],
    ] as const) {
      const v = cell(row, role);
      if (v && !current[key]) current[key] = v;
    }
    // A lead cell names one school, however the page broke its lines (广州市越秀区<br>东风东路小学).
    const leadCell = cell(row, 'lead');
    current.lead.push(...names(row, /[、，,；;/|]/.test(leadCell) ? leadCell : leadCell.replace(/\s*\n\s*/g, '')));
    current.members.push(...names(row, cell(row, 'members')));
    const school = cell(row, 'school');
    if (school) {
      const role = roleOfCell(cell(row, 'role'));
      if (role === 'lead') current.lead.push(...names(row, school));
      else current.members.push(...names(row, school));
    }
  }
  return { groups, columns, ...(headerIndex >= 0 ? { headerAt: rows[headerIndex]!.at } : {}), warnings };
}
