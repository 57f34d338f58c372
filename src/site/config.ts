import { buildPlanOfThisProcess } from './build-plan.ts';

/** Site-wide settings in one place. SITE_URL and BASE_PATH can be set for a deploy. */
export const SITE_NAME = '集团化办学数据门户';
export const SITE_URL = process.env.SITE_URL ?? 'https://jituan.example.org';
export const BASE_PATH = process.env.BASE_PATH ?? '/';
/** The repository behind "edit this file" and "report an error" links. */
export const REPO_URL = process.env.REPO_URL ?? 'https://github.com/jituan-portal/jituan-portal';
export const REPO_BRANCH = 'main';
export const DATA_LICENCE = 'CC BY 4.0';

/** The data root: the build plan's (src/site/build-plan.ts), else DATA_ROOT (fixture cities, benchmark data), else the project itself. */
export function dataRoot(): string {
  return buildPlanOfThisProcess()?.plan.dataRoot ?? process.env.DATA_ROOT ?? process.cwd();
}
