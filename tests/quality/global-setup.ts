/**
 * The quality checks run on the portal fixture's site in test-results/site/. Run alone
 * (`npm run test:quality`) this builds it first, so a site left by an older build is never
 * what gets checked; `npm test` sets QUALITY_REUSE_SITE=1 after its browser step built the
 * same site minutes before. QUALITY_DIST names another, already built site, checked as it
 * is (it must exist). It serves the site on 127.0.0.1, clears the summary rows, and at the
 * end prints the summary table and writes test-results/quality-summary.txt.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { serveDir } from '../../scripts/serve.ts';
import { resetRows, SUMMARY_FILE, writeSummary } from '../../scripts/quality/summary.ts';
import { PORTAL, TEST_SITE } from '../fixture-data.ts';

/** Whether to build the site before checking it, or why it cannot be checked. */
export function siteToCheck(env: NodeJS.ProcessEnv, exists: (dir: string) => boolean): { dist: string; build: boolean } {
  if (env.QUALITY_DIST !== undefined) {
    if (!exists(env.QUALITY_DIST))
      throw new Error(`QUALITY_DIST 指向的 ${env.QUALITY_DIST} 没有 index.html：请先构建它，或去掉 QUALITY_DIST`);
    return { dist: env.QUALITY_DIST, build: false };
  }
  return { dist: TEST_SITE, build: !(env.QUALITY_REUSE_SITE === '1' && exists(TEST_SITE)) };
}

export default async function setup(project: TestProject) {
  const { dist, build } = siteToCheck(process.env, (dir) => existsSync(`${dir}/index.html`));
  if (build) {
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
