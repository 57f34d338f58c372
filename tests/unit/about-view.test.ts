import { describe, expect, it } from 'vitest';
import { indexDataset } from '../../src/lib/data/queries.ts';
import { validateProject } from '../../src/lib/validate/validate.ts';
import { aboutView } from '../../src/lib/views/about.ts';
import { miniFiles } from './fixture-project.ts';

/** The mini fixture plus a compilation and a page read through it. */
function fixture(withCompilation: boolean) {
  const files = miniFiles();
  if (withCompilation) {
    const path = 'data/sources.csv';
    const text = new TextDecoder().decode(files.get(path));
    files.set(
      path,
      new TextEncoder().encode(
        `${text.trimEnd()}\n` +
          'fx-compilation,示例汇编,示例编者,2024,https://example.org/compilation,dataset,,测试用虚构汇编,2024-06-01,,,,,abc1234\n' +
          'fx-cited,示例汇编引用的网页,示例区政府,,https://example.org/cited,list,,测试用,,,,,fx-compilation,\n',
      ),
    );
  }
  const { dataset, problems } = validateProject(files);
  expect(problems).toEqual([]);
  return indexDataset(dataset);
}

describe('about view', () => {
  it('counts what the data holds, and the provinces that have a group', () => {
    const view = aboutView(fixture(false));
    expect(view.sources).toBe(1);
    expect(view.groups).toBeGreaterThan(0);
    expect(view.schools).toBeGreaterThan(0);
    expect(view.provincesWithGroups).toBe(1);
    expect(view.compilations).toEqual([]);
  });

  it('credits each compilation with the version read and the sources read through it', () => {
    const view = aboutView(fixture(true));
    expect(view.sources).toBe(3);
    expect(view.compilations).toHaveLength(1);
    expect(view.compilations[0]!.source.id).toBe('fx-compilation');
    expect(view.compilations[0]!.source.version).toBe('abc1234');
    expect(view.compilations[0]!.sourcesVia).toBe(1);
  });
});
