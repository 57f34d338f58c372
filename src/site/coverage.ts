/** The coverage model for this build, computed once and shared by /coverage/ and every region page. */
import { buildCoverage, type CoverageModel } from '../lib/coverage/coverage.ts';
import { getIndex } from './index.ts';

let cached: Promise<CoverageModel> | undefined;

export function getCoverage(): Promise<CoverageModel> {
  cached ??= getIndex().then(buildCoverage);
  return cached;
}
