/**
 * One fixture per kind of mistake (tests/fixtures/bad/<case>/): files that replace
 * their namesakes in the mini project, and expected.txt with the exact messages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/problem.ts';
import { validateProject } from '../../src/lib/validate/validate.ts';
import { BAD, miniFiles, overlay } from './fixture-project.ts';

describe('the mini fixture project', () => {
  it('is valid', () => {
    expect(validateProject(miniFiles()).problems.map(formatProblem)).toEqual([]);
  });
});

const cases = readdirSync(BAD).sort();

describe('bad input is reported at file:line:column with a fix', () => {
  it('covers every kind of mistake the contract names', () => {
    for (const kind of [
      'gbk-encoding',
      'fullwidth-comma-header',
      'fullwidth-comma-row',
      'unclosed-quote',
      'dangling-reference',
      'two-lead-schools',
      'dates-out-of-order',
      'rate-out-of-range',
      'count-not-integer',
      'region-level-mismatch',
      'duplicate-id',
      'missing-source',
      'unsafe-url',
      'policy-frontmatter',
      'bom-and-crlf',
      'mdx-expression',
      'mdx-esm',
      'mdx-raw-html',
      'mdx-syntax',
      'mdx-frontmatter-layout',
      'invisible-noncharacters',
      'duplicate-school-name',
      'url-without-read-at',
      'via-not-dataset',
      'original-without-copy',
      'original-after-copy',
      'unnamed-group-without-lead',
      'inferred-without-note',
      'unreadable-quantity',
      'statistic-wording-mismatch',
    ])
      expect(cases).toContain(kind);
  });

  for (const c of cases) {
    it(c, () => {
      const expected = readFileSync(`${BAD}/${c}/expected.txt`, 'utf8').split('\n').filter(Boolean);
      const actual = validateProject(overlay(miniFiles(), `${BAD}/${c}`)).problems.map(formatProblem);
      expect(actual).toEqual(expected);
      // Only the BOM/CRLF case is valid input; every other case must fail.
      if (c === 'bom-and-crlf') expect(actual).toEqual([]);
      else expect(actual.length).toBeGreaterThan(0);
    });
  }
});
