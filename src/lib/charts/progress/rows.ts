/** The progress chart's rows: one per target, as CSV and as the table beside the chart. */
import { BOM } from '../../csv/bom.ts';
import { csvText } from '../../csv/write.ts';
import type { ChartTable } from '../core/bundle.ts';
import { csvComputed, csvNumber, differenceWords, percentOf, valueText } from '../core/format.ts';
import type { TargetProgress } from './progress.ts';

const PROGRESS_HEADER = [
  'chart',
  'region',
  'region_name',
  'metric',
  'metric_name',
  'unit',
  'target_value',
  'target_qualifier',
  'target_date',
  'target_date_label',
  'target_source',
  'latest_value',
  'latest_kind',
  'latest_date',
  'latest_date_label',
  'latest_source',
  'reached',
  'gap',
  'share_of_target',
];

export function progressCsv(id: string, items: TargetProgress[]): string {
  return (
    BOM +
    csvText([
      PROGRESS_HEADER,
      ...items.map(({ progress: p, metric }) => [
        id,
        p.target.region,
        p.target.regionName,
        metric.id,
        metric.name,
        metric.unit,
        csvNumber(p.target.value),
        p.target.qualifier,
        p.target.date,
        p.target.dateLabel,
        p.target.source,
        p.latest ? csvNumber(p.latest.value) : '',
        p.latest?.kind ?? '',
        p.latest?.date ?? '',
        p.latest?.dateLabel ?? '',
        p.latest?.source ?? '',
        p.latest ? (p.reached ? 'yes' : 'no') : '',
        p.gap !== undefined ? csvComputed(p.gap) : '',
        p.share !== undefined ? csvComputed(p.share) : '',
      ]),
    ])
  );
}

export function progressTable(items: TargetProgress[]): ChartTable {
  return {
    columns: [
      { label: '地区' },
      { label: '指标' },
      { label: '目标', num: true },
      { label: '期限' },
      { label: '最新值', num: true },
      { label: '数据时间' },
      { label: '进度' },
      { label: '来源' },
    ],
    rows: items.map(({ progress: p, metric, unitWord: word }) => [
      { text: p.target.regionName },
      { text: metric.name },
      { text: valueText(p.target.value, p.target.unit, p.target.qualifier), num: true },
      { text: p.target.dateLabel },
      {
        text: p.latest
          ? `${valueText(p.latest.value, p.latest.unit, p.latest.qualifier)}${p.latest.kind === 'derived' ? '（推算）' : ''}`
          : '—',
        num: true,
      },
      { text: p.latest?.dateLabel ?? '暂无实际数据' },
      {
        text: !p.latest
          ? '—'
          : p.reached
            ? '已达到目标'
            : `完成${p.share !== undefined ? percentOf(p.share) : '—'}，还差${differenceWords(p.gap ?? 0, metric.unit, word)}`,
      },
      { text: p.target.sourceTitle, sourceId: p.target.sources[0]! },
    ]),
  };
}
