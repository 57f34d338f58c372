/**
 * The layering the developers' guide states, checked on the source (as Starlight keeps a
 * structural test for its own): src/lib/ is pure logic, so it imports nothing from the
 * site glue (src/site/), pages, layouts or components, nor Astro itself (`astro`,
 * `astro:*`, `@astrojs/*`); and no module in src/lib/ imports itself through others,
 * types included (a cycle makes the layering of the parts unreadable).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const LIB = 'src/lib';

/** Every module specifier a TypeScript file imports or re-exports, `import type` included. */
function importsOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

const FORBIDDEN_DIRS = ['src/site', 'src/pages', 'src/layouts', 'src/components', 'src/client'];

/** Why `specifier`, imported by `file` (relative to the project), breaks the layering, or undefined. */
function layeringProblem(file: string, specifier: string): string | undefined {
  if (specifier === 'astro' || specifier.startsWith('astro:') || specifier.startsWith('astro/') || specifier.startsWith('@astrojs/'))
    return `${file} imports ${specifier}`;
  if (specifier.endsWith('.astro')) return `${file} imports the component ${specifier}`;
  if (!specifier.startsWith('.')) return undefined;
  const target = relative('.', resolve(dirname(file), specifier));
  const dir = FORBIDDEN_DIRS.find((d) => target === d || target.startsWith(`${d}/`));
  return dir ? `${file} imports ${target} (${dir}/)` : undefined;
}

/** One cycle in a graph of files, as the list of files around it, or undefined. */
function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of [...graph.keys()].sort()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

function libFiles(dir = LIB): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? libFiles(join(dir, e.name)) : /\.(ts|mts)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
  );
}

describe('layering of src/lib', () => {
  const files = libFiles();
  const imports = new Map(files.map((f) => [f, importsOf(readFileSync(f, 'utf8'))]));

  it('reads the imports of every module', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(importsOf(`import type { A } from './a.ts';\nexport { b } from "../b.ts";\nconst c = await import('astro:content');`)).toEqual([
      './a.ts',
      '../b.ts',
      'astro:content',
    ]);
  });

  it('imports nothing from src/site, pages, layouts, components or Astro', () => {
    expect(layeringProblem('src/lib/views/x.ts', '../../site/data.ts')).toBe('src/lib/views/x.ts imports src/site/data.ts (src/site/)');
    expect(layeringProblem('src/lib/x.ts', 'astro:content')).toBeDefined();
    expect(layeringProblem('src/lib/x.ts', '../components/Table.astro')).toBeDefined();
    expect(layeringProblem('src/lib/views/x.ts', '../data/queries.ts')).toBeUndefined();
    expect(layeringProblem('src/lib/views/x.ts', 'd3')).toBeUndefined();
    const problems = [...imports].flatMap(([file, specs]) => specs.flatMap((s) => layeringProblem(file, s) ?? []));
    expect(problems).toEqual([]);
  });

  it('has no import cycle, type imports included', () => {
    expect(
      findCycle(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
        ]),
      ),
    ).toEqual(['a', 'b', 'c', 'a']);
    const graph = new Map(
      [...imports].map(([file, specs]) => [
        file,
        specs.filter((s) => s.startsWith('.')).map((s) => relative('.', resolve(dirname(file), s))),
      ]),
    );
    expect(findCycle(graph)).toBeUndefined();
  });
});
