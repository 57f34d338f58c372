/**
 * The longest functions in src/ and scripts/, by lines from signature to closing brace,
 * read with the TypeScript compiler's parser (nested functions count on their own, and
 * inside their parent). Reports figures; it sets no budget.
 *   node scripts/quality/longest-functions.ts [--top N] [--root DIR]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { parseFlags } from '../lib/cli.ts';

interface FunctionLength {
  name: string;
  lines: number;
  /** path:line of its first line, relative to the root. */
  where: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(?:ts|mts|mjs|js)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

function nameOf(node: ts.FunctionLikeDeclaration, file: ts.SourceFile): string {
  if (ts.isConstructorDeclaration(node)) return `${node.parent.name?.text ?? '(class)'}.constructor`;
  if (node.name) return node.name.getText(file);
  const parent = node.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && ts.isIdentifier(parent.name)) return parent.name.text;
  return '(anonymous)';
}

/** Every function with a body under `dirs`, longest first. */
function functionLengths(root: string, dirs = ['src', 'scripts']): FunctionLength[] {
  const found: FunctionLength[] = [];
  for (const path of dirs.flatMap((d) => sourceFiles(join(root, d)))) {
    const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const lineOf = (pos: number) => file.getLineAndCharacterOfPosition(pos).line + 1;
    const visit = (node: ts.Node) => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const start = lineOf(node.getStart(file));
        found.push({ name: nameOf(node, file), lines: lineOf(node.getEnd()) - start + 1, where: `${relative(root, path)}:${start}` });
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return found.sort((a, b) => b.lines - a.lines);
}

if (import.meta.main) {
  const { values } = parseFlags(process.argv.slice(2), { top: { type: 'string', default: '10' }, root: { type: 'string', default: '.' } });
  for (const f of functionLengths(values.root).slice(0, Number(values.top)))
    console.log(`${String(f.lines).padStart(5)}  ${f.name}  ${f.where}`);
}
