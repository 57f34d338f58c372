/**
 * The country at a glance: two tile grids of the 34 provincial-level divisions,
 * one coloured by the groups the site lists, one by how much of the reported
 * group count that is. Each comes as a chart bundle like the site's other charts:
 * SVG (wide and narrow), focusable tiles, a table and a CSV with the same rows,
 * a description and a citation naming the data version.
 */
import type { ChartBundle, ChartOptions, ChartTable } from '../charts/core/bundle.ts';
import { BOM } from '../csv/bom.ts';
import { csvText } from '../csv/write.ts';
import type { SourceRef } from '../charts/core/series.ts';
import { renderChartSvg, renderHitSvg, renderStandaloneSvg } from '../charts/core/svg.ts';
import {
  layoutTileGrid,
  TILE_BLUES,
  TILE_NARROW,
  TILE_WIDE,
  type Tile,
  type TileBin,
  type TileGridInput,
} from '../charts/tile/tile-grid.ts';
import { formatStatValue } from '../data/format.ts';
import type { CoverageModel, ProvinceCoverage } from './coverage.ts';
import { TILE_COLUMNS, TILE_ROWS } from './provinces.ts';
import { reportedText, reportedWords } from './view.ts';

export const countryChartIds = { groups: 'country--listed-groups', share: 'country--group-share' } as const;

/** Upper bounds (exclusive) of the listed-group bins: 0, 1–9, 10–99, 100–999, ≥1000. */
const GROUP_BINS = [1, 10, 100, 1000];
const GROUP_BIN_LABELS = ['0 个', '1–9 个', '10–99 个', '100–999 个', '1000 个及以上'];
/** Upper bounds (exclusive) of the share bins. */
const SHARE_BINS = [0.01, 0.1, 0.5, 1];
const SHARE_BIN_LABELS = ['不到 1%', '1%–10%', '10%–50%', '50%–100%', '100% 及以上'];

const binOf = (value: number, bounds: number[]) => {
  const i = bounds.findIndex((b) => value < b);
  return i === -1 ? bounds.length : i;
};
const bins = (labels: string[]): TileBin[] => labels.map((label, i) => ({ label, ...TILE_BLUES[i]! }));

const count = (n: number) => formatStatValue(n, 'count');

const HEADER = [
  'chart',
  'code',
  'province',
  'region',
  'listed_groups',
  'listed_schools',
  'reported_groups',
  'reported_groups_qualifier',
  'reported_groups_date',
  'reported_groups_source',
  'groups_share',
];

function csvRows(id: string, provinces: ProvinceCoverage[]): string[][] {
  return provinces.map(({ province, region }) => {
    const g = region?.reported.groups;
    return [
      id,
      province.code,
      province.name,
      region?.id ?? '',
      region ? String(region.listed.groups) : '',
      region ? String(region.listed.schools) : '',
      g ? String(g.value) : '',
      g && g.qualifier !== 'eq' ? g.qualifier : '',
      g?.date ?? '',
      g?.sourceId ?? '',
      region?.groups ? String(Math.round(region.groups.share * 10000) / 10000) : '',
    ];
  });
}

function table(provinces: ProvinceCoverage[]): ChartTable {
  return {
    columns: [
      { label: '代码' },
      { label: '省级行政区' },
      { label: '本站收录集团', num: true },
      { label: '来源报告集团数', num: true },
      { label: '收录比例', num: true },
      { label: '来源与时间' },
    ],
    rows: provinces.map(({ province, region }) => {
      const g = region?.reported.groups;
      return [
        { text: province.code },
        { text: province.name },
        { text: region ? count(region.listed.groups) : '暂无数据', num: true },
        { text: g ? reportedText(g) : '—', num: true },
        { text: region?.groups?.shareText ?? (region?.notComparable.groups ? '不可比' : '—'), num: true },
        g ? { text: `${g.sourceTitle}（${g.dateLabel}）`, sourceId: g.sourceId } : { text: region ? '无来源数字' : '' },
      ];
    }),
  };
}

function sourcesOf(provinces: ProvinceCoverage[]): SourceRef[] {
  const seen = new Map<string, SourceRef>();
  for (const { region } of provinces) {
    const g = region?.reported.groups;
    if (g && !seen.has(g.sourceId))
      seen.set(g.sourceId, { id: g.sourceId, title: g.sourceTitle, ...(g.publisher ? { publisher: g.publisher } : {}), date: g.dateLabel });
  }
  return [...seen.values()];
}

interface Spec {
  id: string;
  title: string;
  subtitle: string;
  unit: string;
  description: string;
  input: TileGridInput;
}

function bundle(opts: ChartOptions, spec: Spec, provinces: ProvinceCoverage[], sources: SourceRef[], asOf: string): ChartBundle {
  const wide = layoutTileGrid(spec.input, TILE_WIDE);
  const narrow = layoutTileGrid(spec.input, TILE_NARROW);
  const hitsLabel = `${spec.title}：${provinces.length}个省级行政区，按 Tab 键逐个查看`;
  // The grids count the site's own records: their "as of" is the data version, named once.
  const when = opts.version ? `数据版本 ${opts.version}` : `数据截至${asOf}`;
  const original =
    sources.length > 0 ? `，原始来源：${sources.map((s) => `${s.publisher ? `${s.publisher}《` : '《'}${s.title}》`).join('；')}` : '';
  const sourceLine = sources.length > 0 ? [`来源：${sources.map((s) => `《${s.title}》（${s.date}）`).join('；')}`] : [];
  return {
    id: spec.id,
    type: 'tile',
    title: spec.title,
    subtitle: spec.subtitle,
    unit: spec.unit,
    asOf,
    sources,
    description: spec.description,
    svg: {
      wide: renderChartSvg(wide, { id: `chart-${spec.id}-w`, title: spec.title, desc: spec.description, cls: 'chart-svg chart-svg--wide' }),
      narrow: renderChartSvg(narrow, {
        id: `chart-${spec.id}-n`,
        title: spec.title,
        desc: spec.description,
        cls: 'chart-svg chart-svg--narrow',
      }),
      hitsWide: renderHitSvg(wide, { label: hitsLabel, cls: 'chart-hits chart-hits--wide' }),
      hitsNarrow: renderHitSvg(narrow, { label: hitsLabel, cls: 'chart-hits chart-hits--narrow' }),
    },
    standalone: renderStandaloneSvg(wide, {
      id: `chart-${spec.id}`,
      title: spec.title,
      subtitle: [spec.subtitle],
      desc: spec.description,
      footer: [`${spec.unit}　${when}`, ...sourceLine, `${opts.siteName} · ${opts.chartUrl(spec.id)}`],
    }),
    csv: BOM + csvText([HEADER, ...csvRows(spec.id, provinces)]),
    table: table(provinces),
    citation: `${opts.siteName}：《${spec.title}》（图表，${when}）${original}。${opts.chartUrl(spec.id)}`,
    count: provinces.length,
  };
}

/** The two country tile grids, in the order the coverage page shows them. */
export function buildCountryCharts(model: CoverageModel, opts: ChartOptions): ChartBundle[] {
  const provinces = model.provinces;
  const withData = provinces.filter((p) => p.region);
  const reported = provinces.filter((p) => p.region?.groups);
  const asOf = opts.version ?? '本站当前数据';
  const tile = (p: ProvinceCoverage, i: number, bin: number | null, valueText: string, tip: string[], value: number): Tile => ({
    col: p.province.col,
    row: p.province.row,
    name: p.province.short,
    valueText,
    bin,
    tip,
    tableRow: i + 1,
    value,
    date: p.region?.reported.groups?.date ?? '',
    kind: p.region ? 'listed' : 'none',
  });

  const groupTiles = provinces.map((p, i) => {
    const r = p.region;
    if (!r) return tile(p, i, null, '暂无', [p.province.name, '暂无数据：本站还没有这个地区'], 0);
    const g = r.reported.groups;
    const tip = [
      p.province.name,
      `本站收录 ${count(r.listed.groups)} 个集团、${count(r.listed.schools)} 所学校`,
      g ? `来源报告集团 ${reportedWords(g, '个')}（${g.dateLabel}，${g.sourceTitle}）` : '来源没有报告集团总数',
    ];
    return tile(p, i, binOf(r.listed.groups, GROUP_BINS), count(r.listed.groups), tip, r.listed.groups);
  });
  const most = [...withData].sort((a, b) => b.region!.listed.groups - a.region!.listed.groups)[0];
  const groupsChart: Spec = {
    id: countryChartIds.groups,
    title: '各省级行政区本站收录的教育集团数',
    subtitle: '每个方块是一个省级行政区，按地图上的大致位置排列；颜色越深，本站收录的集团越多。白底虚线框表示本站暂无这个地区的数据。',
    unit: '单位：个',
    description:
      `全国 ${provinces.length} 个省级行政区中，本站有 ${withData.length} 个的数据` +
      (most ? `；收录集团最多的是${most.province.name}（${count(most.region!.listed.groups)} 个）` : '') +
      `；其余 ${provinces.length - withData.length} 个暂无数据。`,
    input: { columns: TILE_COLUMNS, rows: TILE_ROWS, tiles: groupTiles, bins: bins(GROUP_BIN_LABELS), noDataLabel: '暂无数据' },
  };

  const shareTiles = provinces.map((p, i) => {
    const r = p.region;
    const c = r?.groups;
    if (!r || !c) {
      const why = !r ? '暂无数据：本站还没有这个地区' : (r.notComparable.groups ?? '来源没有报告集团总数，无法计算');
      return tile(p, i, null, !r ? '暂无' : r.notComparable.groups ? '不可比' : '无数字', [p.province.name, why], 0);
    }
    const g = r.reported.groups!;
    const tip = [
      p.province.name,
      `本站收录${c.stageLabel ?? ''} ${count(c.listed)} 个，来源报告${c.stageLabel ?? ''} ${reportedWords(g, '个')}：${c.shareText}`,
      `${g.dateLabel}，${g.sourceTitle}`,
    ];
    return tile(p, i, binOf(c.share, SHARE_BINS), c.shareText, tip, c.share);
  });
  const shareChart: Spec = {
    id: countryChartIds.share,
    title: '各省级行政区收录完整度：本站集团数占来源报告数的比例',
    subtitle:
      '分子：本站收录的该地区教育集团数；分母：来源报告的该地区教育集团总数（最新实际值）。各来源口径不同，比例超过 100% 时说明本站按另一种口径收录。',
    unit: '单位：%',
    description:
      reported.length === 0
        ? '没有一个省级行政区的来源报告了集团总数，无法计算收录比例。'
        : `有来源报告集团总数的省级行政区共 ${reported.length} 个：` +
          reported.map((p) => `${p.province.name}本站收录 ${p.region!.groups!.shareText}`).join('，') +
          '。',
    input: { columns: TILE_COLUMNS, rows: TILE_ROWS, tiles: shareTiles, bins: bins(SHARE_BIN_LABELS), noDataLabel: '无来源数字或暂无数据' },
  };
  const sources = sourcesOf(provinces);
  return [bundle(opts, groupsChart, provinces, [], asOf), bundle(opts, shareChart, provinces, sources, asOf)];
}
