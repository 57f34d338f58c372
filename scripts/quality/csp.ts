/**
 * Content-Security-Policy on every built page, read from the HTML: one CSP
 * <meta> in <head> ahead of any script or style; script-src without
 * 'unsafe-inline' or 'unsafe-eval' and without wildcard or scheme sources;
 * every inline script and <style> allowed by hash; no inline event handlers,
 * style attributes (blocked without 'unsafe-inline') or javascript: URLs.
 * The browser check then confirms no violation is reported at run time.
 *   node scripts/quality/csp.ts [dir]
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandLine } from '../lib/cli.ts';
import { tokenize } from './html.ts';
import { walkFiles } from './site.ts';

export interface CspProblem {
  page: string;
  problem: string;
}

export type Policy = Map<string, string[]>;

export function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), values);
  }
  return policy;
}

/** The sources that govern a directive, following CSP's fallback chain. */
export function effective(policy: Policy, directive: string): string[] | undefined {
  const chain: Record<string, string[]> = {
    'script-src-elem': ['script-src-elem', 'script-src', 'default-src'],
    'script-src-attr': ['script-src-attr', 'script-src', 'default-src'],
    'style-src-elem': ['style-src-elem', 'style-src', 'default-src'],
    'style-src-attr': ['style-src-attr', 'style-src', 'default-src'],
  };
  for (const d of chain[directive] ?? [directive, 'default-src']) if (policy.has(d)) return policy.get(d);
  return undefined;
}

/** Script types a browser executes (a data block such as JSON-LD is not). */
const EXECUTABLE = /^(|text\/javascript|application\/javascript|module|text\/ecmascript|application\/ecmascript)$/i;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export function checkCspPage(page: string, html: string): CspProblem[] {
  const problems: CspProblem[] = [];
  const add = (problem: string) => problems.push({ page, problem });
  const tags = tokenize(html);
  const metas = tags.filter((t) => t.name === 'meta' && t.attrs.get('http-equiv')?.toLowerCase() === 'content-security-policy');
  if (metas.length === 0) {
    add('没有 Content-Security-Policy <meta>');
    return problems;
  }
  if (metas.length > 1) add(`有 ${metas.length} 个 CSP <meta>（浏览器会同时执行，应只有一个）`);
  const meta = metas[0]!;
  const bodyAt = tags.find((t) => t.name === 'body')?.offset ?? Infinity;
  if (meta.offset > bodyAt) add('CSP <meta> 不在 <head> 里');
  const early = tags.find(
    (t) =>
      t.offset < meta.offset &&
      ((t.name === 'script' && EXECUTABLE.test(t.attrs.get('type') ?? '')) ||
        t.name === 'style' ||
        (t.name === 'link' && /stylesheet|preload|modulepreload/i.test(t.attrs.get('rel') ?? ''))),
  );
  if (early) add(`<${early.name}> 出现在 CSP <meta> 之前，不受 CSP 约束`);

  const policy = parsePolicy(meta.attrs.get('content') ?? '');
  const scripts = effective(policy, 'script-src-elem');
  if (!scripts) add('CSP 没有 script-src 或 default-src');
  for (const d of ['script-src', 'script-src-elem', 'script-src-attr', 'default-src']) {
    const v = policy.get(d);
    if (!v || (d === 'default-src' && policy.has('script-src'))) continue;
    for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*', 'http:', 'https:', 'data:', 'blob:'])
      if (v.includes(bad)) add(`${d} 含有 ${bad}`);
  }
  if (!effective(policy, 'object-src')?.includes("'none'")) add("object-src 不是 'none'");
  if (!policy.has('base-uri')) add('CSP 没有 base-uri');

  const scriptOk = new Set(effective(policy, 'script-src-elem') ?? []);
  const styleSources = effective(policy, 'style-src-elem') ?? [];
  const styleOk = new Set(styleSources);
  const styleAttrOk = (effective(policy, 'style-src-attr') ?? []).includes("'unsafe-inline'");
  for (const t of tags) {
    if (t.offset < meta.offset) continue;
    if (t.name === 'script' && !t.attrs.has('src') && EXECUTABLE.test(t.attrs.get('type') ?? '')) {
      if (!scriptOk.has(sha256(t.text ?? ''))) add(`内联脚本的哈希不在 script-src 中：${(t.text ?? '').trim().slice(0, 60)}`);
    }
    if (t.name === 'style' && !styleOk.has("'unsafe-inline'") && !styleOk.has(sha256(t.text ?? '')))
      add(`内联 <style> 的哈希不在 style-src 中：${(t.text ?? '').trim().slice(0, 60)}`);
    for (const [k, v] of t.attrs) {
      if (/^on[a-z]+$/.test(k)) add(`<${t.name} ${k}> 是内联事件处理器，CSP 会拦截`);
      if (k === 'style' && !styleAttrOk && v.trim() !== '') add(`<${t.name} style="${v.slice(0, 40)}"> 是内联样式，CSP 会拦截`);
      if (/^\s*javascript:/i.test(v) && /(href|src|action|formaction|data)$/.test(k)) add(`<${t.name} ${k}> 是 javascript: 网址`);
    }
  }
  return problems;
}

export function checkCsp(dir: string): { pages: number; problems: CspProblem[] } {
  const pages = walkFiles(dir).filter((f) => f.endsWith('.html'));
  const problems = pages.flatMap((f) => checkCspPage(f, readFileSync(join(dir, f), 'utf8')));
  return { pages: pages.length, problems };
}

if (import.meta.main) {
  const r = checkCsp(commandLine({}, 'node scripts/quality/csp.ts [DIR]', [0, 1]).positionals[0] ?? 'dist');
  console.log(`CSP：${r.pages} 个页面，${r.problems.length} 个问题`);
  for (const p of r.problems.slice(0, 200)) console.log(`${p.page}: ${p.problem}`);
  process.exit(r.problems.length ? 1 : 0);
}
