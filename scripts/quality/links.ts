/**
 * Internal link checker over a built site on disk: every href, src, srcset,
 * form action and canonical/og:url that points into the site must name a file
 * that exists, and every #fragment an id (or <a name>) on the target page.
 * Sitemap <loc>s and the robots.txt Sitemap line are checked the same way.
 * Other origins are not fetched (the checks run offline); javascript: URLs
 * are reported wherever they appear.
 *   node scripts/quality/links.ts [dir]
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { commandLine } from '../lib/cli.ts';
import { tokenize } from './html.ts';
import { pathOfFile, walkFiles } from './site.ts';

export interface LinkProblem {
  page: string;
  link: string;
  reason: string;
}

export interface LinkReport {
  pages: number;
  links: number;
  external: number;
  problems: LinkProblem[];
}

export interface LinkOptions {
  /** The deployed origin + base path: absolute links to it count as internal. */
  siteUrl?: string;
  basePath?: string;
}

const URL_ATTRS: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  script: ['src'],
  iframe: ['src'],
  embed: ['src'],
  object: ['data'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  form: ['action'],
  button: ['formaction'],
  input: ['formaction', 'src'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
  blockquote: ['cite'],
  q: ['cite'],
};

const SKIP_SCHEMES = /^(mailto|tel|sms|data|blob|about):/i;

export function checkLinks(dir: string, opts: LinkOptions = {}): LinkReport {
  const base = (opts.basePath ?? '/').replace(/\/?$/, '/');
  const site = opts.siteUrl ? new URL(base, opts.siteUrl) : undefined;
  const files = walkFiles(dir);
  const fileSet = new Set(files);
  const idCache = new Map<string, Set<string>>();
  const report: LinkReport = { pages: 0, links: 0, external: 0, problems: [] };

  const idsOf = (file: string): Set<string> => {
    let ids = idCache.get(file);
    if (!ids) {
      ids = new Set();
      for (const t of tokenize(readFileSync(join(dir, file), 'utf8'))) {
        const id = t.attrs.get('id');
        if (id) ids.add(id);
        if (t.name === 'a' && t.attrs.get('name')) ids.add(t.attrs.get('name')!);
      }
      idCache.set(file, ids);
    }
    return ids;
  };

  /** The file a site path resolves to, as a static host would serve it. */
  const resolveFile = (sitePath: string): string | undefined => {
    const rel = sitePath.replace(/^\//, '');
    if (rel === '' || rel.endsWith('/')) return fileSet.has(`${rel}index.html`) ? `${rel}index.html` : undefined;
    if (fileSet.has(rel)) return rel;
    return undefined;
  };

  const check = (page: string, pageUrl: URL, raw: string, context: string) => {
    const value = raw.trim();
    if (value === '') {
      report.problems.push({ page, link: raw, reason: `${context} 为空` });
      return;
    }
    if (/^\s*javascript:/i.test(value)) {
      report.problems.push({ page, link: raw, reason: `${context} 是 javascript: 网址` });
      return;
    }
    if (SKIP_SCHEMES.test(value)) return;
    let target: URL;
    try {
      target = new URL(value, pageUrl);
    } catch {
      report.problems.push({ page, link: raw, reason: `${context} 不是合法网址` });
      return;
    }
    const internal =
      target.origin === pageUrl.origin || (site && target.origin === site.origin && target.pathname.startsWith(site.pathname));
    if (!internal) {
      report.external++;
      return;
    }
    report.links++;
    let pathname: string;
    try {
      pathname = decodeURIComponent(target.pathname);
    } catch {
      report.problems.push({ page, link: raw, reason: `${context} 的路径编码有误` });
      return;
    }
    if (!pathname.startsWith(base)) {
      report.problems.push({ page, link: raw, reason: `${context} 不在站点路径 ${base} 之下` });
      return;
    }
    const sitePath = `/${pathname.slice(base.length)}`;
    let file = resolveFile(sitePath);
    if (!file && !sitePath.endsWith('/') && resolveFile(`${sitePath}/`)) file = resolveFile(`${sitePath}/`);
    if (!file) {
      report.problems.push({ page, link: raw, reason: `${context} 指向的 ${sitePath} 不存在` });
      return;
    }
    if (target.hash && file.endsWith('.html')) {
      const frag = decodeURIComponent(target.hash.slice(1));
      if (frag !== '' && frag.toLowerCase() !== 'top' && !idsOf(file).has(frag))
        report.problems.push({ page, link: raw, reason: `${context} 的锚点 #${frag} 在 ${sitePath} 上不存在` });
    }
  };

  const origin = 'http://site.invalid';
  for (const file of files) {
    if (file.endsWith('.html')) {
      report.pages++;
      const pageUrl = new URL(`${base.replace(/\/$/, '')}${pathOfFile(file)}`, origin);
      const html = readFileSync(join(dir, file), 'utf8');
      const tags = tokenize(html);
      // The 404 page is served at any address, so its links must not be relative.
      const anywhere = file === '404.html';
      let baseHref: URL = pageUrl;
      for (const t of tags) {
        if (t.name === 'base' && t.attrs.has('href')) baseHref = new URL(t.attrs.get('href')!, pageUrl);
        const attrs = [...(URL_ATTRS[t.name] ?? [])];
        if (t.name === 'meta' && (t.attrs.get('property') === 'og:url' || t.attrs.get('property') === 'og:image')) attrs.push('content');
        for (const a of attrs) {
          const v = t.attrs.get(a);
          if (v === undefined) continue;
          if (t.name === 'form' && a === 'action' && v === '') continue;
          const context = `<${t.name} ${a}>`;
          const values = a === 'srcset' ? v.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [v];
          for (const one of values) {
            if (anywhere && one !== '' && !/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(one.trim()))
              report.problems.push({
                page: file,
                link: one,
                reason: `${context} 是相对地址，404 页面在任何网址下都会显示，相对地址会指错`,
              });
            check(file, baseHref, one, context);
          }
        }
        // Any on*="javascript:…" or other attribute carrying a javascript: URL.
        for (const [k, v] of t.attrs)
          if (!attrs.includes(k) && /^\s*javascript:/i.test(v) && /(href|src|action|data)$/.test(k))
            check(file, baseHref, v, `<${t.name} ${k}>`);
      }
    } else if (/^sitemap.*\.xml$/.test(file)) {
      const xml = readFileSync(join(dir, file), 'utf8');
      const pageUrl = new URL(`${base.replace(/\/$/, '')}/${file}`, origin);
      for (const m of xml.matchAll(/<loc>([^<]*)<\/loc>/g)) check(file, pageUrl, m[1]!, '<loc>');
    } else if (file === 'robots.txt') {
      const txt = readFileSync(join(dir, file), 'utf8');
      const pageUrl = new URL(`${base.replace(/\/$/, '')}/robots.txt`, origin);
      for (const m of txt.matchAll(/^sitemap:\s*(\S+)/gim)) check(file, pageUrl, m[1]!, 'Sitemap:');
    }
  }
  return report;
}

export function formatLinkProblems(problems: LinkProblem[], limit = 50): string {
  const lines = problems.slice(0, limit).map((p) => `${p.page}: ${p.reason}（${p.link}）`);
  if (problems.length > limit) lines.push(`……另有 ${problems.length - limit} 处`);
  return lines.join('\n');
}

if (import.meta.main) {
  const dir = commandLine({}, 'node scripts/quality/links.ts [DIR]', [0, 1]).positionals[0] ?? 'dist';
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    console.error(`${dir} 不存在`);
    process.exit(2);
  }
  const { SITE_URL, BASE_PATH } = await import('../../src/site/config.ts');
  const r = checkLinks(dir, { siteUrl: SITE_URL, basePath: BASE_PATH });
  console.log(`${r.pages} 个页面，${r.links} 个站内链接，${r.external} 个外部链接（未访问），${r.problems.length} 个问题`);
  if (r.problems.length) {
    if (process.env.GITHUB_ACTIONS === 'true') console.log(`::error::${r.problems.length} 个站内链接有问题（见下）`);
    console.log(formatLinkProblems(r.problems, 200));
  }
  process.exit(r.problems.length ? 1 : 0);
}
