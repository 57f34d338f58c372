/**
 * Checks over every file of the built site, no browser: the Nu HTML Checker,
 * internal links and anchors, and the Content-Security-Policy of each page.
 */
import { describe, expect, it } from 'vitest';
import { checkCsp } from '../../scripts/quality/csp.ts';
import { checkLinks, formatLinkProblems } from '../../scripts/quality/links.ts';
import { recordRow } from '../../scripts/quality/summary.ts';
import { formatVnuProblems, runVnu } from '../../scripts/quality/vnu.ts';
import { BASE_PATH, SITE_URL } from '../../src/site/config.ts';
import { distDir } from './helpers.ts';

describe('every built page', () => {
  it('passes the Nu HTML Checker with no errors', () => {
    const r = runVnu(distDir());
    recordRow({
      key: '20-vnu',
      checker: 'Nu HTML Checker（vnu）',
      pages: r.pages,
      problems: r.problems.length,
      note: '全部 HTML 页面，只计错误',
    });
    expect(r.pages).toBeGreaterThan(0);
    expect(r.problems.length, formatVnuProblems(r.problems)).toBe(0);
  }, 300_000);

  it('has no broken internal link or #anchor', () => {
    const r = checkLinks(distDir(), { siteUrl: SITE_URL, basePath: BASE_PATH });
    recordRow({
      key: '21-links',
      checker: '站内链接与锚点',
      pages: r.pages,
      problems: r.problems.length,
      note: `${r.links} 个站内链接；${r.external} 个外部链接未访问`,
    });
    expect(r.pages).toBeGreaterThan(0);
    expect(r.problems.length, formatLinkProblems(r.problems)).toBe(0);
  });

  it('carries a CSP <meta> that allows no inline script except by hash, and nothing it would block', () => {
    const r = checkCsp(distDir());
    recordRow({ key: '30-csp', checker: "CSP（静态：<meta>、无 'unsafe-inline'）", pages: r.pages, problems: r.problems.length });
    expect(r.problems.map((p) => `${p.page}: ${p.problem}`).slice(0, 50)).toEqual([]);
  });
});
