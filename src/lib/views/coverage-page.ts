/** The data the coverage page (/coverage/, 数据完整度) shows: the country in figures and the table of regions. */
import { coverageSummary, type CoverageModel, type CoverageSummary } from '../coverage/coverage.ts';
import { coverageTable, coverageTableForPage, type CoverageTableRow } from '../coverage/view.ts';
import { PAGE_LIMITS } from './limits.ts';

export interface CoveragePageView {
  summary: CoverageSummary;
  /** The rows shown: every region while they fit, else down to cities, else provinces. */
  rows: CoverageTableRow[];
  /** Rows of the whole table left to the region pages and coverage.csv. */
  hidden: number;
  /** Rows of the whole table (coverage.csv). */
  total: number;
  /** The deepest level the shown rows reach, in words, when some are hidden. */
  listedTo: '地市' | '省';
}

export function coveragePageView(model: CoverageModel, limit = PAGE_LIMITS.coverageRows): CoveragePageView {
  const all = coverageTable(model);
  const { rows, hidden } = coverageTableForPage(all, limit);
  return {
    summary: coverageSummary(model),
    rows,
    hidden,
    total: all.length,
    listedTo: rows.some((r) => r.depth === 1) ? '地市' : '省',
  };
}
