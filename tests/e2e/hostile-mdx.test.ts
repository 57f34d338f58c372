/**
 * A hostile MDX body, built as a user builds: `npm run build`, and `astro build`
 * run on its own. Each must stop with the file, line and column, run nothing and
 * write no site. (The bodies are the ones issue #17 reported as built and run.)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = mkdtempSync(join(tmpdir(), 'hostile-mdx-'));
const marker = join(root, 'pwned.txt');
afterAll(() => rmSync(root, { recursive: true, force: true }));

cpSync('tests/fixtures/mini', root, { recursive: true });
writeFileSync(
  join(root, 'content/groups/fx-no1-group.mdx'),
  [
    '---',
    'group: "fx-no1-group"',
    'source: "fx-news"',
    'sources: []',
    '---',
    '',
    `文字 {globalThis.process.getBuiltinModule("node:fs").writeFileSync(${JSON.stringify(marker)}, "x")}`,
    '',
    '<meta http-equiv="refresh" content="3;url=https://example.com/" />',
    '',
  ].join('\n'),
);
const expected = [
  'content/groups/fx-no1-group.mdx:7:4: 错误：正文不能写花括号 {…}',
  'content/groups/fx-no1-group.mdx:9:1: 错误：正文不能写 HTML 或组件标签 <meta>',
];

describe('a hostile MDX body', () => {
  it('stops npm run build at file:line:col, runs nothing, writes nothing', () => {
    const out = join(root, 'dist');
    const build = spawnSync(process.execPath, ['scripts/build.ts', '--out', out], {
      env: { ...process.env, DATA_ROOT: root },
      encoding: 'utf8',
    });
    expect(build.status).toBe(1);
    for (const line of expected) expect(build.stderr).toContain(line);
    expect(existsSync(marker), 'the expression ran').toBe(false);
    expect(existsSync(out)).toBe(false);
  }, 120_000);

  it('stops astro build on its own too', () => {
    const out = join(root, 'astro-out');
    const build = spawnSync(resolve('node_modules/.bin/astro'), ['build', '--force'], {
      env: { ...process.env, DATA_ROOT: root, ASTRO_OUT_DIR: out, ASTRO_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
    });
    expect(build.status).not.toBe(0);
    for (const line of expected) expect(`${build.stdout}${build.stderr}`).toContain(line);
    expect(existsSync(marker), 'the expression ran').toBe(false);
    expect(existsSync(join(out, 'index.html'))).toBe(false);
  }, 300_000);
});
