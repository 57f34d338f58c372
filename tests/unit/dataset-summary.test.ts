import { describe, expect, it } from 'vitest';
import { datasetSummary, summaryWords } from '../../src/lib/data/summary.ts';
import { validateProject } from '../../src/lib/validate/validate.ts';
import { miniFiles } from './fixture-project.ts';

function dataset(extraStatistic?: string) {
  const files = miniFiles();
  if (extraStatistic) {
    const path = 'data/statistics.csv';
    const text = new TextDecoder().decode(files.get(path));
    files.set(path, new TextEncoder().encode(`${text.trimEnd()}\n${extraStatistic}\n`));
  }
  const result = validateProject(files);
  expect(result.problems).toEqual([]);
  return result.dataset;
}

describe('dataset summary', () => {
  it('counts provinces that have a group through their cities and districts', () => {
    const data = dataset();
    const s = datasetSummary(data);
    expect(s.groups).toBe(data.groups.length);
    expect(s.provincesWithGroups).toBe(1);
    expect(s.regions).toBe(data.regions.length);
  });

  it('counts a figure without a date apart from the dated ones', () => {
    const before = datasetSummary(dataset());
    const after = datasetSummary(dataset('fx-city,group-count,,7,,actual,fx-news,来源没有写日期,,,'));
    expect(after.statistics).toBe(before.statistics + 1);
    expect(after.datedStatistics).toBe(before.datedStatistics);
    expect(summaryWords(after)).toContain(`${after.statistics} 条统计（${after.datedStatistics} 条有日期）`);
  });
});
