/** The coverage page and the region line as text: rows of the table, the CSV, one sentence per region. */
import { BOM } from '../csv/bom.ts';
import { csvText } from '../csv/write.ts';
import { formatStatValue } from '../data/format.ts';
import { PAGE_LIMITS } from '../views/limits.ts';
import type { Comparison, CoverageModel, RegionCoverage, ReportedFigure } from './coverage.ts';

const count = (n: number) => formatStatValue(n, 'count');
const reportedText = (f: ReportedFigure) => formatStatValue(f.value, 'count', f.qualifier);

interface CoverageCell {
  /** "9 / 3,424（0.3%）", or the listed count alone when nothing is reported. */
  text: string;
  share?: string;
  /** The reported figure's source and date, for the cell's note. */
  sourceId?: string;
  sourceText?: string;
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

function cell(listed: number, cmp: Comparison | undefined, figure?: ReportedFigure): CoverageCell {
  if (!cmp) return { text: count(listed) };
  return {
    text: `${count(listed)} / ${figure ? reportedText(figure) : count(cmp.reported)}`,
    share: cmp.shareText,
    ...(figure ? { sourceId: figure.sourceId, sourceText: `${figure.sourceTitle}，${figure.dateLabel}` } : {}),
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
    groups: cell(r.listed.groups, r.groups, r.reported.groups),
    schools: cell(r.listed.participatingSchools, r.schools, r.reported.schools),
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
];

const ratio = (c: Comparison | undefined) => (c ? String(Math.round(c.share * 10000) / 10000) : '');
const fig = (f: ReportedFigure | undefined) =>
  f ? [String(f.value), f.qualifier === 'eq' ? '' : f.qualifier, f.date, f.sourceId] : ['', '', '', ''];

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
  ];
  const rows: string[][] = [];
  for (const p of model.provinces) {
    if (!p.region) rows.push([p.province.code, '', p.province.name, 'province', '', 'no-data', ...CSV_HEADER.slice(6).map(() => '')]);
  }
  for (const r of model.regions) rows.push(row(r));
  return BOM + csvText([CSV_HEADER, ...rows]);
}

/** One sentence for a region page: what the site lists against what its sources report. */
export function regionCoverageLine(r: RegionCoverage): { text: string; sources: { id: string; title: string }[] } {
  const parts: string[] = [];
  const sources: { id: string; title: string }[] = [];
  const add = (f: ReportedFigure) => {
    if (!sources.some((s) => s.id === f.sourceId)) sources.push({ id: f.sourceId, title: f.sourceTitle });
  };
  if (r.groups && r.reported.groups) {
    parts.push(
      `来源报告 ${reportedText(r.reported.groups)} 个集团（${r.reported.groups.dateLabel}），本站收录 ${count(r.groups.listed)} 个（${r.groups.shareText}）`,
    );
    add(r.reported.groups);
  }
  if (r.schools && r.reported.schools) {
    parts.push(
      `来源报告 ${reportedText(r.reported.schools)} 所学校参与集团化办学（${r.reported.schools.dateLabel}），本站列出其中 ${count(r.schools.listed)} 所（${r.schools.shareText}）`,
    );
    add(r.reported.schools);
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
