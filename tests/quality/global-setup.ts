/**
 * The quality checks run on the site the e2e step built from the portal fixture
 * (test-results/site/): this builds it only when its index.html is missing or
 * QUALITY_REBUILD=1 (QUALITY_DIST picks another directory). It serves the site on 127.0.0.1, clears the summary
 * rows, and at the end prints the summary table and writes
 * test-results/quality-summary.txt.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { serveDir } from '../../scripts/serve.ts';
import { resetRows, SUMMARY_FILE, writeSummary } from '../../scripts/quality/summary.ts';
import { PORTAL, TEST_SITE } from '../fixture-data.ts';

export default async function setup(project: TestProject) {
  const dist = process.env.QUALITY_DIST ?? TEST_SITE;
  if (process.env.QUALITY_REBUILD === '1' || !existsSync(`${dist}/index.html`)) {
    const result = spawnSync(process.execPath, ['scripts/build.ts', '--out', dist], {
      stdio: 'inherit',
      env: { ...process.env, DATA_ROOT: process.env.DATA_ROOT ?? PORTAL },
    });
    if (result.status !== 0) throw new Error('站点构建失败，质量检查无法进行');
  }
  resetRows();
  const { server, url } = await serveDir(dist, 0);
  process.env.QUALITY_BASE_URL = url;
  process.env.QUALITY_DIST = dist;
  project.provide('qualityBaseUrl', url);
  project.provide('qualityDist', dist);
  return async () => {
    await new Promise<void>((done) => server.close(() => done()));
    const text = writeSummary();
    console.log(`\n${text}\n（已写入 ${SUMMARY_FILE}）`);
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    qualityBaseUrl: string;
    qualityDist: string;
  }
}
