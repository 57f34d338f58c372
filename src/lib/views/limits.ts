/**
 * How much one page lists before it links on instead, so that every page stays light
 * at country size (issue #16: ≤ 100 kB gzipped, record pages ≤ 50 kB). A list longer
 * than its limit moves to the pages one level down (child regions, per-letter pages,
 * per-source pages), whose URLs do not depend on how many records there are.
 */
export interface PageLimits {
  /** Nodes of the region tree on one page. */
  treeNodes: number;
  /** Rows of a group table. */
  groups: number;
  /** Schools of an A–Z list. */
  schools: number;
  /** Citations of one kind on a source page. */
  citations: number;
  /** Rows of the statistics page's table of every figure. */
  figures: number;
  /** Regions whose chart links the statistics page lists one by one. */
  chartRegions: number;
  /** Rows of the coverage page's table; past it the table stops at cities (the CSV keeps every row). */
  coverageRows: number;
}

export const PAGE_LIMITS: PageLimits = {
  treeNodes: 400,
  groups: 200,
  schools: 400,
  citations: 200,
  figures: 400,
  chartRegions: 100,
  coverageRows: 400,
};
