/** parseFrontmatter: deep nesting is refused before yaml's recursive composer can overflow the stack. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { MAX_YAML_DEPTH, parseFrontmatter } from '../../src/lib/validate/frontmatter.ts';

const mdx = (value: string) => `---\ngroup: 'g'\nsources: ${value}\n---\n正文\n`;
const lists = (n: number) => '['.repeat(n) + ']'.repeat(n);
// The top-level map is the first level, `sources:` opens the second: its [ number k sits at column 9 + k.
const deepestAllowed = MAX_YAML_DEPTH - 1;

describe('frontmatter nesting', () => {
  it('reads nesting up to the limit', () => {
    const fm = parseFrontmatter(mdx(lists(deepestAllowed)));
    expect(fm?.error).toBeUndefined();
    expect(JSON.stringify((fm?.data as { sources: unknown }).sources)).toBe(lists(deepestAllowed));
  });

  it('reports one level more at the [ that goes too deep, in Chinese with a fix', () => {
    expect(parseFrontmatter(mdx(lists(deepestAllowed + 1)))?.error).toEqual({
      line: 3,
      column: 10 + deepestAllowed,
      message: `嵌套太深（超过 ${MAX_YAML_DEPTH} 层列表或对象）`,
      fix: expect.stringContaining('[') as unknown,
    });
  });

  it('reports 20,000 unclosed [ at the same place', () => {
    expect(parseFrontmatter(mdx('['.repeat(20_000)))?.error).toMatchObject({ line: 3, column: 10 + deepestAllowed });
  });

  it('counts block indentation and { as levels too', () => {
    const indented = Array.from({ length: 200 }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n');
    expect(parseFrontmatter(mdx(`\n${indented}`))?.error?.message).toMatch(/^嵌套太深/);
    expect(parseFrontmatter(mdx('{'.repeat(20_000)))?.error).toMatchObject({ line: 3, column: 10 + deepestAllowed });
  });

  it('ignores brackets inside quotes and comments', () => {
    expect(parseFrontmatter(mdx(`'${'['.repeat(100)}' # ${'{'.repeat(100)}`))?.error).toBeUndefined();
  });

  it('gives the same answer on a small stack, where the composer would overflow much sooner', () => {
    const script = `import { parseFrontmatter } from './src/lib/validate/frontmatter.ts';
      process.stdout.write(JSON.stringify(parseFrontmatter(${JSON.stringify(mdx('['.repeat(20_000)))})?.error));`;
    const run = (flags: string[]) =>
      JSON.parse(execFileSync(process.execPath, [...flags, '--input-type=module', '-e', script], { encoding: 'utf8' })) as unknown;
    expect(run(['--stack-size=100'])).toEqual(parseFrontmatter(mdx('['.repeat(20_000)))?.error);
  });
});
