/**
 * Builds the real site from the portal fixture (tests/fixture-data.ts; never today's
 * data/) once, into test-results/site/ (unless E2E_SKIP_BUILD=1 and it exists), serves
 * it on 127.0.0.1, and tells the tests where: E2E_BASE_URL and inject('baseUrl'), and what
 * it was built from: inject('dataRoot'), so downloads are compared with that dataset.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { serveDir } from '../../scripts/serve.ts';
import { PORTAL, TEST_SITE } from '../fixture-data.ts';

export default async function setup(project: TestProject) {
  const dist = process.env.E2E_DIST ?? TEST_SITE;
  const dataRoot = process.env.DATA_ROOT ?? PORTAL;
  if (!(process.env.E2E_SKIP_BUILD === '1' && existsSync(`${dist}/index.html`))) {
    const result = spawnSync(process.execPath, ['scripts/build.ts', '--out', dist], {
      stdio: 'inherit',
      env: { ...process.env, DATA_ROOT: dataRoot },
    });
    if (result.status !== 0) throw new Error('站点构建失败，端到端测试无法进行');
  }
  const { server, url } = await serveDir(dist, 0);
  process.env.E2E_BASE_URL = url;
  project.provide('baseUrl', url);
  project.provide('dataRoot', dataRoot);
  return () => new Promise<void>((done) => server.close(() => done()));
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The data root the served site was built from (the portal fixture unless DATA_ROOT says otherwise). */
    dataRoot: string;
  }
}
