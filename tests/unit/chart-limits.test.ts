import { describe, expect, it } from 'vitest';
import { MAX_REGIONS_ACROSS, topRegionLevels } from '../../src/lib/charts/core/region-levels.ts';
import { chartContext } from '../../src/lib/charts/core/series.ts';
import { validateProject } from '../../src/lib/validate/validate.ts';
import { miniFiles } from './fixture-project.ts';

/** The mini fixture with `n` more districts under its city. */
function withDistricts(n: number) {
  const files = miniFiles();
  const text = new TextDecoder().decode(files.get('data/regions.csv'));
  const rows = Array.from({ length: n }, (_, i) => `fx-extra-${i},第${i}区,district,,fx-city,,,,`).join('\n');
  files.set('data/regions.csv', new TextEncoder().encode(`${text.endsWith('\n') ? text : `${text}\n`}${rows}\n`));
  const { dataset, problems } = validateProject(files);
  expect(problems).toEqual([]);
  return chartContext(dataset);
}

describe('charts across regions at country size', () => {
  it('keep every region while they fit', () => {
    const ctx = withDistricts(10);
    const ids = ctx.data.regions.map((r) => r.id);
    expect(topRegionLevels(ctx, ids, (id) => id)).toEqual(ids);
  });
  it('keep only the top levels that fit once the regions are too many', () => {
    const ctx = withDistricts(MAX_REGIONS_ACROSS);
    const ids = ctx.data.regions.map((r) => r.id);
    expect(topRegionLevels(ctx, ids, (id) => id)).toEqual(['fx-prov', 'fx-city']);
  });
});
