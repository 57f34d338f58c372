/** Shared by the quality tests: where the site is, its pages and templates, Chromium. */
import { inject } from 'vitest';
import { EXPECTED_TEMPLATES, representatives, sample, sitePages, type SitePage } from '../../scripts/quality/site.ts';

export { chromiumPath, CHROMIUM_ARGS, launchBrowser } from '../e2e/browser.ts';

export const baseUrl = (): string => process.env.QUALITY_BASE_URL ?? inject('qualityBaseUrl');
export const distDir = (): string => process.env.QUALITY_DIST ?? inject('qualityDist');

export const VIEWPORTS = [
  { width: 360, height: 780 },
  { width: 1280, height: 900 },
] as const;

export interface SitePlan {
  pages: SitePage[];
  /** One page per template (the largest). */
  templates: SitePage[];
  /** A further sample of real pages. */
  samples: SitePage[];
  /** Templates the issue names that the build does not have. */
  missing: string[];
}

export function sitePlan(dir = distDir()): SitePlan {
  const pages = sitePages(dir);
  const templates = representatives(pages);
  const have = new Set(templates.map((t) => t.template));
  return {
    pages,
    templates,
    samples: sample(pages, Number(process.env.QUALITY_SAMPLE ?? 2)),
    missing: Object.keys(EXPECTED_TEMPLATES).filter((t) => !have.has(t)),
  };
}

export const missingNote = (missing: string[]) =>
  missing.length ? `未构建的模板：${missing.map((t) => `${EXPECTED_TEMPLATES[t]}(${t})`).join('、')}` : '';
