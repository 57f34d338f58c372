import { describe, expect, it } from 'vitest';
import { headlineFigures } from '../../src/lib/data/headlines.ts';
import { indexDataset } from '../../src/lib/data/queries.ts';
import { validateProject } from '../../src/lib/validate/validate.ts';
import { miniFiles, text } from './fixture-project.ts';

const STATISTICS = `region,metric,date,value,qualifier,kind,source,note,wording,value_max,stage
fx-dist,group-count,2024,3,,actual,fx-news,,,,
fx-city,coverage-rate,2023-12,40,,actual,fx-news,,,,
fx-city,coverage-rate,2024-09/2024-10,55,,actual,fx-news,,,,
fx-city,coverage-rate,2025-12,60,,derived,fx-news,55 + 5 = 60,,,
fx-city,coverage-rate,2026-12,80,gte,target,fx-news,,,,
fx-city,group-count,2024-09,12,,actual,fx-news,,,,
fx-prov,group-count,2023,90,,actual,fx-news,,,,
fx-prov,group-count,2024,100,,actual,fx-news,,,,
`;

function index() {
  const files = new Map(miniFiles());
  files.set('data/statistics.csv', text(STATISTICS));
  const { dataset, problems } = validateProject(files);
  expect(problems).toEqual([]);
  return indexDataset(dataset);
}

describe('headlineFigures', () => {
  it('takes the latest actual figure per region and metric, broader regions first', () => {
    const figures = headlineFigures(index());
    expect(figures.map((f) => [f.region.id, f.metric.id, f.stat.value])).toEqual([
      ['fx-prov', 'group-count', 100],
      ['fx-city', 'coverage-rate', 55],
      ['fx-city', 'group-count', 12],
      ['fx-dist', 'group-count', 3],
    ]);
  });

  it('never shows a derived figure or a target as a headline', () => {
    const kinds = headlineFigures(index()).map((f) => f.stat.kind);
    expect(new Set(kinds)).toEqual(new Set(['actual']));
  });

  it('stops at the limit and carries the metric, region and source of each figure', () => {
    const [first, ...rest] = headlineFigures(index(), 2);
    expect(rest).toHaveLength(1);
    expect(first!.metric.name).toBe('教育集团数');
    expect(first!.region.name).toBe('示例省');
    expect(first!.sources.map((s) => s.id)).toEqual(['fx-news']);
  });

  it('is empty when there are no statistics', () => {
    const files = new Map(miniFiles());
    files.set('data/statistics.csv', text('region,metric,date,value,qualifier,kind,source,note,wording,value_max,stage\n'));
    expect(headlineFigures(indexDataset(validateProject(files).dataset))).toEqual([]);
  });
});
