/** The coverage page and the region line as text: rows of the table, the CSV, one sentence per region. */
import { BOM } from '../csv/bom.ts';
import { csvText } from '../csv/write.ts';
import { formatStatValue } from '../data/format.ts';
import { PAGE_LIMITS } from '../views/limits.ts';
import type { Comparison, CoverageModel, RegionCoverage, ReportedFigure } from './coverage.ts';

const count = (n: number) => formatStatValue(n, 'count');
/** A reported figure as its source writes it (约900所), else its number with qualifier and range. */
export const reportedText = (f: ReportedFigure) => f.wording ?? formatStatValue(f.value, 'count', f.qualifier, f.valueMax);
/** The figure with its unit word, unless its wording has one: 200 个, 约900个. */
export const reportedWords = (f: ReportedFigure, unit: string) => f.wording ?? `${reportedText(f)} ${unit}`;
/** （普通高中） after a figure for one stage; （另有 2 所学段不详） when some listed items might belong. */
const stageNote = (c: Comparison) =>
  c.stageLabel ? `（只计${c.stageLabel}${c.uncertain ? `；另有 ${count(c.uncertain)} 个学段不详，未计入` : ''}）` : '';

interface CoverageCell {
  /** "9 / 3,424（0.3%）", or the listed count alone when nothing is reported. */
  text: string;
  share?: string;
  /** The reported figure's source and date, for the cell's note. */
  sourceId?: string;
  sourceText?: string;
  /** Why the figure is shown without a share: its stage is not stated, so it is not compared. */
  notComparable?: string;
}

export interface CoverageTableRow {
  id?: string;
  name: string;
  code?: string;
  depth: number;
  level: string;
  noData: boolean;
  noReported: boolean;
  groups: CoverageCell;
  schools: CoverageCell;
  memberships: CoverageCell;
  childRegions: CoverageCell;
  policies: string;
}

const levelWords = (r: RegionCoverage) => (r.municipality ? '直辖市' : { province: '省级', city: '地市级', district: '区县级' }[r.level]);

function cell(listed: number, cmp: Comparison | undefined, figure?: ReportedFigure, why?: string): CoverageCell {
  const source = figure ? { sourceId: figure.sourceId, sourceText: `${figure.sourceTitle}，${figure.dateLabel}` } : {};
  if (!cmp) {
    if (figure && why) return { text: `${count(listed)}；来源报告 ${reportedText(figure)}（不可比）`, notComparable: why, ...source };
    return { text: count(listed) };
  }
  return {
    text: `${count(cmp.listed)} / ${figure ? reportedText(figure) : count(cmp.reported)}${stageNote(cmp)}`,
    share: cmp.shareText,
    ...source,
  };
}

function rowOf(r: RegionCoverage): CoverageTableRow {
  return {
    id: r.id,
    name: r.name,
    ...(r.provinceCode && r.depth === 0 ? { code: r.provinceCode } : {}),
    depth: r.depth,
    level: levelWords(r),
    noData: false,
    noReported: r.noReportedFigure,
    groups: cell(r.listed.groups, r.groups, r.reported.groups, r.notComparable.groups),
    schools: cell(r.listed.participatingSchools, r.schools, r.reported.schools, r.notComparable.schools),
    memberships: r.members
      ? { text: `${count(r.members.listed)} / ${count(r.members.reported)}`, share: r.members.shareText }
      : { text: count(r.listed.memberships) },
    childRegions: cell(r.listed.childRegions, r.children),
    policies: count(r.listed.policies),
  };
}

/** Every province (those without data as one "暂无数据" row), each followed by its cities and districts; then the rest. */
export function coverageTable(model: CoverageModel): CoverageTableRow[] {
  const out: CoverageTableRow[] = [];
  const below = (top: RegionCoverage) => {
    const start = model.regions.indexOf(top);
    const rows = [top];
    for (let i = start + 1; i < model.regions.length && model.regions[i]!.depth > 0; i++) rows.push(model.regions[i]!);
    return rows;
  };
  for (const p of model.provinces) {
    if (p.region) out.push(...below(p.region).map(rowOf));
    else {
      const empty = { text: '—' };
      out.push({
        name: p.province.name,
        code: p.province.code,
        depth: 0,
        level: '省级',
        noData: true,
        noReported: true,
        groups: empty,
        schools: empty,
        memberships: empty,
        childRegions: empty,
        policies: '—',
      });
    }
  }
  for (const top of model.unmatched) out.push(...below(top).map(rowOf));
  return out;
}

/**
 * The rows the coverage page shows: all of them while they fit its limit; past it, only
 * provinces and cities (then provinces alone), so the page stays light at country size.
 * `hidden` counts the rows left to the region pages and coverage.csv.
 */
export function coverageTableForPage(
  rows: CoverageTableRow[],
  limit = PAGE_LIMITS.coverageRows,
): { rows: CoverageTableRow[]; hidden: number } {
  const upTo = (depth: number) => rows.filter((r) => r.depth <= depth);
  const shown = [Infinity, 1].map(upTo).find((s) => s.length <= limit) ?? upTo(0);
  return { rows: shown, hidden: rows.length - shown.length };
}

const CSV_HEADER = [
  'province_code',
  'region',
  'region_name',
  'level',
  'parent',
  'status',
  'listed_groups',
  'listed_schools',
  'listed_participating_schools',
  'listed_memberships',
  'listed_policies',
  'listed_child_regions',
  'reported_groups',
  'reported_groups_qualifier',
  'reported_groups_date',
  'reported_groups_source',
  'groups_share',
  'reported_participating_schools',
  'reported_participating_schools_qualifier',
  'reported_participating_schools_date',
  'reported_participating_schools_source',
  'participating_schools_share',
  'reported_child_regions',
  'child_regions_share',
  'reported_members',
  'named_members_of_those_groups',
  'members_share',
  'reported_groups_wording',
  'reported_groups_value_max',
  'reported_groups_stage',
  'listed_groups_of_that_stage',
  'groups_not_comparable',
  'reported_participating_schools_wording',
  'reported_participating_schools_value_max',
  'reported_participating_schools_stage',
  'listed_participating_schools_of_that_stage',
  'participating_schools_not_comparable',
];

const ratio = (c: Comparison | undefined) => (c ? String(Math.round(c.share * 10000) / 10000) : '');
const fig = (f: ReportedFigure | undefined) =>
  f ? [String(f.value), f.qualifier === 'eq' ? '' : f.qualifier, f.date, f.sourceId] : ['', '', '', ''];
/** A figure's form and stage, and what it was set against (appended columns, so older readers keep theirs). */
const figForm = (f: ReportedFigure | undefined, c: Comparison | undefined, why: string | undefined) =>
  f
    ? [f.wording ?? '', f.valueMax !== undefined ? String(f.valueMax) : '', f.stage ?? '', c?.stageLabel ? String(c.listed) : '', why ?? '']
    : ['', '', '', '', ''];

/** The whole table as CSV (UTF-8 with BOM): one row per region, and one per province without data. */
export function coverageCsv(model: CoverageModel): string {
  const row = (r: RegionCoverage): string[] => [
    r.provinceCode ?? '',
    r.id,
    r.name,
    r.municipality ? 'municipality' : r.level,
    r.parent ?? '',
    r.noReportedFigure ? 'no-reported-figure' : 'reported',
    String(r.listed.groups),
    String(r.listed.schools),
    String(r.listed.participatingSchools),
    String(r.listed.memberships),
    String(r.listed.policies),
    String(r.listed.childRegions),
    ...fig(r.reported.groups),
    ratio(r.groups),
    ...fig(r.reported.schools),
    ratio(r.schools),
    r.reported.children !== undefined ? String(r.reported.children) : '',
    ratio(r.children),
    r.reported.members ? String(r.reported.members.reported) : '',
    r.reported.members ? String(r.reported.members.named) : '',
    ratio(r.members),
    ...figForm(r.reported.groups, r.groups, r.notComparable.groups),
    ...figForm(r.reported.schools, r.schools, r.notComparable.schools),
  ];
  const rows: string[][] = [];
  for (const p of model.provinces) {
    if (!p.region) rows.push([p.province.code, '', p.province.name, 'province', '', 'no-data', ...CSV_HEADER.slice(6).map(() => '')]);
  }
  for (const r of model.regions) rows.push(row(r));
  return BOM + csvText([CSV_HEADER, ...rows]);
}

const uncertainWords = (c: Comparison) => (c.uncertain ? `，另有 ${count(c.uncertain)} 个学段不详，未计入` : '');

/** One sentence for a region page: what the site lists against what its sources report. */
export function regionCoverageLine(r: RegionCoverage): { text: string; sources: { id: string; title: string }[] } {
  const parts: string[] = [];
  const sources: { id: string; title: string }[] = [];
  const add = (f: ReportedFigure) => {
    if (!sources.some((s) => s.id === f.sourceId)) sources.push({ id: f.sourceId, title: f.sourceTitle });
  };
  const g = r.reported.groups;
  if (r.groups && g) {
    const of = r.groups.stageLabel ?? '';
    parts.push(
      `来源报告${of}集团 ${reportedWords(g, '个')}（${g.dateLabel}），本站收录${of} ${count(r.groups.listed)} 个（${r.groups.shareText}）${uncertainWords(r.groups)}`,
    );
    add(g);
  } else if (g && r.notComparable.groups) {
    parts.push(`来源报告集团 ${reportedWords(g, '个')}（${g.dateLabel}）；${r.notComparable.groups}`);
    add(g);
  }
  const s = r.reported.schools;
  if (r.schools && s) {
    const of = r.schools.stageLabel ?? '';
    parts.push(
      `来源报告参与集团化办学的${of}学校 ${reportedWords(s, '所')}（${s.dateLabel}），本站列出其中${of} ${count(r.schools.listed)} 所（${r.schools.shareText}）${uncertainWords(r.schools)}`,
    );
    add(s);
  } else if (s && r.notComparable.schools) {
    parts.push(`来源报告参与集团化办学的学校 ${reportedWords(s, '所')}（${s.dateLabel}）；${r.notComparable.schools}`);
    add(s);
  }
  if (r.children)
    parts.push(`来源称下辖 ${count(r.children.reported)} 个地区，本站收录 ${count(r.children.listed)} 个（${r.children.shareText}）`);
  if (r.members)
    parts.push(
      `有成员总数的集团共报告 ${count(r.members.reported)} 个成员，本站列出 ${count(r.members.listed)} 个（${r.members.shareText}）`,
    );
  if (parts.length === 0)
    return {
      text: `数据完整度：来源没有报告这个地区的集团或学校总数，无法判断本站收录了多少；本站收录 ${count(r.listed.groups)} 个集团、${count(r.listed.schools)} 所学校。`,
      sources,
    };
  return { text: `数据完整度：${parts.join('；')}。`, sources };
}
