/**
 * Reading content/ and data/ from disk: symbolic links are refused at their
 * path, never followed, and never crash the validator (a dangling link, a loop,
 * a link to a file outside the repository, a linked directory).
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/problem.ts';
import { readProjectFiles } from '../../src/lib/validate/read-project.ts';
import { validateProject } from '../../src/lib/validate/validate.ts';
import { MINI } from './fixture-project.ts';

const root = mkdtempSync(join(tmpdir(), 'read-project-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('readProjectFiles', () => {
  it('refuses every symbolic link at its path and reads the rest', () => {
    cpSync(MINI, root, { recursive: true });
    const outside = join(root, 'outside');
    mkdirSync(outside);
    // A system file outside the repository, in place of a data file.
    rmSync(join(root, 'data/sources.csv'));
    symlinkSync('/etc/passwd', join(root, 'data/sources.csv'));
    symlinkSync(join(root, 'missing.mdx'), join(root, 'content/policies/dangling.mdx'));
    symlinkSync('loop.mdx', join(root, 'content/groups/loop.mdx'));
    symlinkSync(outside, join(root, 'content/linked-dir'));

    const files = readProjectFiles(root);
    expect(files.has('data/sources.csv')).toBe(false);
    expect([...files.keys()]).toContain('data/schools.csv');
    const problems = validateProject(files).problems.map(formatProblem);
    const link =
      '错误：这是一个符号链接（symlink）；校验器和构建不跟随链接。修改建议：把链接换成真实的文件或目录（复制内容进来），或删除它';
    for (const path of ['data/sources.csv', 'content/policies/dangling.mdx', 'content/groups/loop.mdx', 'content/linked-dir'])
      expect(problems).toContain(`${path}:1:1: ${link}`);
    // The refused sources.csv is not also reported as missing.
    expect(problems.join('\n')).not.toContain('缺少这个文件');
  });

  it('reads a project with no links exactly as before', () => {
    expect(readProjectFiles(resolve(MINI)).readProblems).toBeUndefined();
  });
});
