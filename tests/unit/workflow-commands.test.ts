/**
 * validate --github: annotations escaped by GitHub's workflow-command rules, and no line
 * of output, stdout or stderr, that data can start (a quoted CSV cell may hold a line
 * break followed by "::warning …", which the runner would read as a command).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { errorCommand, escapeData, escapeProperty, oneLine } from '../../src/lib/ci/workflow-commands.ts';
import { MINI } from './fixture-project.ts';

describe('workflow-command escaping', () => {
  it('escapes %, CR and LF in data, and also : and , in properties', () => {
    expect(escapeData('100% a\r\nb\nc')).toBe('100%25 a%0D%0Ab%0Ac');
    expect(escapeData('%0A')).toBe('%250A'); // an escape already in the text stays text
    expect(escapeProperty('data/a,b:c%\n.csv')).toBe('data/a%2Cb%3Ac%25%0A.csv');
    expect(errorCommand({ file: 'data/x,y.csv', line: 3, column: 2, message: '值 "a\n::warning::b"' })).toBe(
      '::error file=data/x%2Cy.csv,line=3,col=2::值 "a%0A::warning::b"',
    );
  });

  it('puts a log message on one line with control characters spelled out', () => {
    expect(oneLine('a\nb\r\nc\x1b[31md\u2028e\tf')).toBe('a\\nb\\r\\nc\\x1b[31md\\u2028e\tf');
    expect(oneLine('示例市第一小学：错误')).toBe('示例市第一小学：错误');
  });
});

describe('validate --github', { timeout: 60_000 }, () => {
  const root = mkdtempSync(join(tmpdir(), 'validate-github-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('prints one escaped annotation and one log line per problem, whatever line breaks the data holds', () => {
    cpSync(MINI, root, { recursive: true });
    const file = join(root, 'data/schools.csv');
    const table = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
    table.data[0]!.region = 'nowhere\r\n::warning file=README.md::injected 100%';
    writeFileSync(file, Papa.unparse(table.data, { columns: table.meta.fields!, newline: '\n' }) + '\n');

    const run = spawnSync(process.execPath, [join(process.cwd(), 'scripts/validate.ts'), '--root', root, '--github'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    const out = run.stdout.trimEnd().split('\n');
    const err = run.stderr.trimEnd().split('\n');
    // stdout: the annotations and nothing else; stderr: problems, a blank line, the total.
    expect(out.length).toBeGreaterThan(0);
    for (const line of out) expect(line).toMatch(/^::error file=data\/schools\.csv,line=2,col=\d+::[^\r]*$/);
    expect(out.join('\n')).toContain('nowhere');
    expect(err).toHaveLength(out.length + 2);
    for (const line of err) expect(line).not.toMatch(/^\s*::|\r/);
    expect(err[0]).toMatch(/^data\/schools\.csv:2:\d+: 错误：.*nowhere/);
  });
});
