/** One statistic per row: the table and the CSV of the time and comparison charts. */
import { BOM } from '../../csv/bom.ts';
import { csvText } from '../../csv/write.ts';
import type { ChartTable } from './bundle.ts';
import { csvNumber, kindLabel, rowValueText, stageWords } from './format.ts';
import type { ChartRow } from './series.ts';

const ROW_HEADER = [
  'chart',
  'series',
  'region',
  'region_name',
  'metric',
  'metric_name',
  'unit',
  'kind',
  'value',
  'qualifier',
  'date',
  'date_label',
  'date_earliest',
  'date_latest',
  'source',
  'source_title',
  'note',
  'value_max',
  'wording',
  'stage',
];

export function rowCsv(id: string, rows: ChartRow[]): string {
  return (
    BOM +
    csvText([
      ROW_HEADER,
      ...rows.map((r) => [
        id,
        r.series,
        r.region,
        r.regionName,
        r.metric,
        r.metricName,
        r.unit,
        r.kind,
        csvNumber(r.value),
        r.qualifier,
        r.date,
        r.dateLabel,
        r.earliest,
        r.latest,
        r.source,
        r.sourceTitle,
        r.note,
        r.valueMax !== undefined ? csvNumber(r.valueMax) : '',
        r.wording,
        r.stage,
      ]),
    ])
  );
}

export function rowTable(rows: ChartRow[]): ChartTable {
  return {
    columns: [{ label: '地区' }, { label: '类型' }, { label: '时间' }, { label: '数值', num: true }, { label: '说明' }, { label: '来源' }],
    rows: rows.map((r) => [
      { text: `${r.series === 'parent' ? `${r.regionName}（对比）` : r.regionName}${stageWords(r)}` },
      { text: `${kindLabel(r)}${r.uncertain ? '（时间不确定）' : ''}` },
      { text: r.dateLabel },
      { text: rowValueText(r), num: true },
      { text: r.note },
      { text: r.sourceTitle, sourceId: r.sources[0]! },
    ]),
  };
}
