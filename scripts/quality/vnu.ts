/**
 * The Nu HTML Checker (vnu.jar, offline) over every HTML file under a
 * directory: errors only, as { file, line, message } for each.
 *   node scripts/quality/vnu.ts [dir]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative, resolve } from 'node:path';
import { commandLine } from '../lib/cli.ts';
import { walkFiles } from './site.ts';

export interface VnuProblem {
  file: string;
  line?: number | undefined;
  column?: number | undefined;
  message: string;
  extract?: string | undefined;
}

export interface VnuReport {
  pages: number;
  problems: VnuProblem[];
}

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

export function vnuJar(): string {
  const require = createRequire(import.meta.url);
  const jar = resolve(require.resolve('vnu-jar/package.json'), '..', 'build/dist/vnu.jar');
  if (!existsSync(jar)) throw new Error(`找不到 ${jar}：请运行 npm install（vnu-jar）`);
  return jar;
}

export function runVnu(dir: string): VnuReport {
  const root = resolve(dir);
  const pages = walkFiles(root).filter((f) => /\.html?$/.test(f)).length;
  const res = spawnSync('java', ['-Xss1024k', '-jar', vnuJar(), '--errors-only', '--format', 'json', '--skip-non-html', `${root}/`], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (res.error) throw new Error(`无法运行 java（Nu HTML Checker 需要 Java 11 以上）：${res.error.message}`);
  // vnu writes its JSON report to stderr; exit status 1 just means "found errors".
  const out = [res.stderr, res.stdout].find((s) => s.trim().startsWith('{'));
  if (!out) throw new Error(`Nu HTML Checker 没有给出报告（退出码 ${res.status}）：\n${res.stderr}\n${res.stdout}`);
  const messages = (JSON.parse(out) as { messages: VnuMessage[] }).messages;
  const problems = messages
    .filter((m) => m.type === 'error' || m.type === 'non-document-error')
    .map((m) => ({
      file: m.url ? relative(root, new URL(m.url).pathname) : '(unknown)',
      line: m.lastLine,
      column: m.firstColumn,
      message: m.message,
      extract: m.extract,
    }));
  return { pages, problems };
}

export function formatVnuProblems(problems: VnuProblem[], limit = 50): string {
  const lines = problems
    .slice(0, limit)
    .map(
      (p) =>
        `${p.file}:${p.line ?? '?'}:${p.column ?? '?'}: ${p.message}${p.extract ? `\n    ${p.extract.replace(/\s+/g, ' ').slice(0, 160)}` : ''}`,
    );
  if (problems.length > limit) lines.push(`……另有 ${problems.length - limit} 处`);
  return lines.join('\n');
}

if (import.meta.main) {
  const r = runVnu(commandLine({}, 'node scripts/quality/vnu.ts [DIR]', [0, 1]).positionals[0] ?? 'dist');
  console.log(`Nu HTML Checker：${r.pages} 个页面，${r.problems.length} 个错误`);
  if (r.problems.length) console.log(formatVnuProblems(r.problems, 500));
  process.exit(r.problems.length ? 1 : 0);
}
