/**
 * The built site on disk: every file, every HTML page with its URL path, the
 * page templates they come from, and a deterministic sample of real pages.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export function walkFiles(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) visit(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  visit(dir);
  return out;
}

export interface SitePage {
  /** File relative to the site root: "groups/x/index.html". */
  file: string;
  /** URL path without the base path: "/groups/x/". */
  path: string;
  template: string;
  bytes: number;
}

/** "groups/x/index.html" → "/groups/x/"; "404.html" → "/404.html". */
export function pathOfFile(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file}`;
}

/**
 * The template a page comes from, from its URL shape: "/" → home,
 * "/groups/" → groups index, "/groups/x/" → "groups/[id]". A new route is a
 * new template without any change here.
 */
export function templateOf(path: string): string {
  if (path === '/') return 'home';
  if (path === '/404.html') return '404';
  const segs = path.split('/').filter(Boolean);
  if (segs.length === 1) return `${segs[0]}/`;
  return `${segs[0]}/[${segs.length === 2 ? 'id' : '…'}]`;
}

export function sitePages(dir: string): SitePage[] {
  return walkFiles(dir)
    .filter((f) => f.endsWith('.html'))
    .map((file) => {
      const path = pathOfFile(file);
      return { file, path, template: templateOf(path), bytes: statSync(join(dir, file)).size };
    });
}

/** Templates the issue names; the check reports any that is not built. */
export const EXPECTED_TEMPLATES: Record<string, string> = {
  home: '首页',
  'regions/[id]': '地区',
  'groups/[id]': '集团',
  'schools/[id]': '学校',
  'policies/[id]': '政策',
  'policies/': '政策索引',
  'groups/': '集团索引',
  'regions/': '地区索引',
  'glossary/': '术语',
  'sources/': '来源',
  'about/': '关于',
  '404': '404',
  'search/': '搜索',
  'statistics/': '统计',
};

/**
 * One representative page per template: the largest (most content, most
 * likely to break a layout or a rule).
 */
export function representatives(pages: SitePage[]): SitePage[] {
  const byTemplate = new Map<string, SitePage>();
  for (const p of pages) {
    const cur = byTemplate.get(p.template);
    if (!cur || p.bytes > cur.bytes || (p.bytes === cur.bytes && p.path < cur.path)) byTemplate.set(p.template, p);
  }
  return [...byTemplate.values()].sort((a, b) => a.template.localeCompare(b.template));
}

/**
 * A further sample of real pages, the same on every run: for each template
 * with several pages, the smallest one and up to `perTemplate - 1` more spread
 * evenly over the sorted list, not repeating the representative.
 */
export function sample(pages: SitePage[], perTemplate = 2): SitePage[] {
  const reps = new Set(representatives(pages).map((p) => p.file));
  const groups = new Map<string, SitePage[]>();
  for (const p of pages) if (!reps.has(p.file)) groups.set(p.template, [...(groups.get(p.template) ?? []), p]);
  const out: SitePage[] = [];
  for (const [, list] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    list.sort((a, b) => a.path.localeCompare(b.path));
    const smallest = list.reduce((m, p) => (p.bytes < m.bytes ? p : m), list[0]!);
    const picked = new Set([smallest]);
    const spread = Array.from({ length: perTemplate }, (_, k) => list[Math.floor(((k + 0.5) * list.length) / perTemplate)]!);
    for (const p of [...spread, ...list]) if (picked.size < perTemplate) picked.add(p);
    out.push(...[...picked].sort((a, b) => a.path.localeCompare(b.path)));
  }
  return out;
}
