/** The indexed dataset, built once per build and shared by every page. */
import { indexDataset, type DatasetIndex } from '../lib/data/queries.ts';
import { getDataset } from './data.ts';

let cached: Promise<DatasetIndex> | undefined;

export function getIndex(): Promise<DatasetIndex> {
  cached ??= getDataset().then(indexDataset);
  return cached;
}
