/**
 * The validated dataset for pages: the validator's own output, loaded once per build
 * and typed by it. CSV rows go straight from the validator to the pages; only MDX passes
 * through Astro's content collections, because its body needs `render()`.
 */
import type { Dataset } from '../lib/data/dataset.ts';
import { loadValidatedDataset } from './validated-data.ts';

export function getDataset(): Promise<Dataset> {
  return Promise.resolve(loadValidatedDataset());
}
