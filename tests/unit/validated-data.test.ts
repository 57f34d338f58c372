/**
 * The dataset a parallel build validates once and hands to its Astro processes
 * (src/site/validated-data.ts) through the build plan (src/site/build-plan.ts): read back from
 * the file, it is the dataset the validator gave, and no process validates again; a malformed
 * plan is refused.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const fixture = resolve('tests/fixtures/portal');
let dir = '';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
  rmSync(dir, { recursive: true, force: true });
});

/** The module afresh, so its per-process cache (and the build plan's) starts empty. */
const freshModule = () => import('../../src/site/validated-data.ts');

/** A build plan naming `dataset`, as scripts/build.ts writes one (src/site/build-plan.ts). */
async function planNaming(dataset: string, dataRoot: string): Promise<string> {
  const { writeBuildPlan } = await import('../../src/site/build-plan.ts');
  const file = join(dir, 'plan.json');
  writeBuildPlan(file, {
    dataRoot,
    dataset,
    pagesDir: join(dir, 'site'),
    shards: [{ outDir: dir, cacheDir: dir, pagesFile: join(dir, 'pages.json') }],
  });
  return file;
}

describe('the validated dataset file', () => {
  it('reads back as the dataset the validator gave, without validating again', async () => {
    dir = mkdtempSync(join(tmpdir(), 'dataset-'));
    const file = join(dir, 'dataset.json');
    vi.stubEnv('DATA_ROOT', fixture);
    vi.stubEnv('BUILD_PLAN', '');
    const writer = await freshModule();
    writer.writeDatasetFile(file);
    const validated = writer.loadValidatedDataset();
    expect(existsSync(file)).toBe(true);
    expect(validated.schools.length).toBeGreaterThan(0);

    vi.resetModules();
    // A data root that does not exist: validating it would fail, so the file is what is read.
    vi.stubEnv('DATA_ROOT', join(dir, 'no-such-root'));
    vi.stubEnv('BUILD_PLAN', await planNaming(file, join(dir, 'no-such-root')));
    const reader = await freshModule();
    // toEqual: JSON leaves out fields whose value is undefined, and every such field is optional.
    expect(reader.loadValidatedDataset()).toEqual(validated);
  });

  it('is not used without a build plan: the data root is validated', async () => {
    dir = mkdtempSync(join(tmpdir(), 'dataset-'));
    vi.stubEnv('DATA_ROOT', join(dir, 'no-such-root'));
    vi.stubEnv('BUILD_PLAN', '');
    const { loadValidatedDataset } = await freshModule();
    expect(() => loadValidatedDataset()).toThrow(/数据校验失败/);
  });
});

describe('the build plan', () => {
  it('gives each process its slice and folders, and refuses a plan it cannot use', async () => {
    dir = mkdtempSync(join(tmpdir(), 'plan-'));
    const { readBuildPlan, writeBuildPlan } = await import('../../src/site/build-plan.ts');
    const file = join(dir, 'plan.json');
    const shard = (i: number) => ({ outDir: join(dir, String(i)), cacheDir: join(dir, `c${i}`), pagesFile: join(dir, `p${i}.json`) });
    writeBuildPlan(file, { dataRoot: fixture, dataset: join(dir, 'd.json'), pagesDir: join(dir, 'site'), shards: [shard(0), shard(1)] });
    expect(readBuildPlan({ BUILD_PLAN: file, BUILD_SHARD: '1' })).toMatchObject({ index: 1, shard: shard(1), plan: { dataRoot: fixture } });
    expect(readBuildPlan({})).toBeUndefined();
    expect(() => readBuildPlan({ BUILD_PLAN: file, BUILD_SHARD: '2' })).toThrow('BUILD_SHARD 应是构建计划');
    writeFileSync(file, JSON.stringify({ dataRoot: fixture, shards: [] }));
    expect(() => readBuildPlan({ BUILD_PLAN: file })).toThrow();
  });
});
