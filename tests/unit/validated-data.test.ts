/**
 * The dataset a parallel build validates once and hands to its Astro processes
 * (src/site/validated-data.ts): read back from the file, it is the dataset the validator
 * gave, and no process validates again.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
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

/** The module afresh, so its per-process cache starts empty. */
const freshModule = () => import('../../src/site/validated-data.ts');

describe('the validated dataset file', () => {
  it('reads back as the dataset the validator gave, without validating again', async () => {
    dir = mkdtempSync(join(tmpdir(), 'dataset-'));
    const file = join(dir, 'dataset.json');
    vi.stubEnv('DATA_ROOT', fixture);
    vi.stubEnv('ASTRO_DATASET', '');
    const writer = await freshModule();
    writer.writeDatasetFile(file);
    const validated = writer.loadValidatedDataset();
    expect(existsSync(file)).toBe(true);
    expect(validated.schools.length).toBeGreaterThan(0);

    vi.resetModules();
    // A data root that does not exist: validating it would fail, so the file is what is read.
    vi.stubEnv('DATA_ROOT', join(dir, 'no-such-root'));
    vi.stubEnv('ASTRO_DATASET', file);
    const reader = await freshModule();
    // toEqual: JSON leaves out fields whose value is undefined, and every such field is optional.
    expect(reader.loadValidatedDataset()).toEqual(validated);
  });

  it('is not used when ASTRO_DATASET is unset: the data root is validated', async () => {
    dir = mkdtempSync(join(tmpdir(), 'dataset-'));
    vi.stubEnv('DATA_ROOT', join(dir, 'no-such-root'));
    vi.stubEnv('ASTRO_DATASET', '');
    const { loadValidatedDataset } = await freshModule();
    expect(() => loadValidatedDataset()).toThrow(/数据校验失败/);
  });
});
