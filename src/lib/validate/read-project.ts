/**
 * Reads the validator's inputs from disk: every data/*.csv and content/**\/*.mdx.
 * Symbolic links are refused, not followed: a link could read a file outside the
 * repository into a page, dangle, or loop. What cannot be read is reported on
 * `readProblems`, at its path, and the rest is read.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Problem } from '../problem.ts';
import { importLeftover } from './import-leftovers.ts';
import type { ProjectFiles } from './types.ts';

/** `root` holds data/ and content/ (the project, or a fixture directory). */
export function readProjectFiles(root: string): ProjectFiles {
  const files: ProjectFiles = new Map();
  const readProblems: Problem[] = [];
  const rel = (path: string) => relative(root, path).split(sep).join('/');
  const refuse = (path: string, message: string, fix: string) => readProblems.push({ file: rel(path), line: 1, column: 1, message, fix });

  const visit = (path: string, top: boolean): void => {
    let stat;
    try {
      stat = lstatSync(path);
    } catch (error) {
      // A missing data/ or content/ is reported file by file by the validator.
      if (top && (error as NodeJS.ErrnoException).code === 'ENOENT') return;
      return void refuse(path, `读不到这个文件（${(error as NodeJS.ErrnoException).code ?? String(error)}）`, '检查文件权限');
    }
    if (stat.isSymbolicLink())
      return void refuse(
        path,
        '这是一个符号链接（symlink）；校验器和构建不跟随链接',
        '把链接换成真实的文件或目录（复制内容进来），或删除它',
      );
    if (stat.isDirectory()) {
      let names: string[];
      try {
        names = readdirSync(path);
      } catch (error) {
        return void refuse(path, `读不到这个目录（${(error as NodeJS.ErrnoException).code ?? String(error)}）`, '检查目录权限');
      }
      for (const name of names.sort()) visit(join(path, name), false);
      return;
    }
    const r = rel(path);
    const leftover = importLeftover(r);
    if (leftover) return void readProblems.push(leftover);
    if (!/^data\/[^/]+\.csv$/.test(r) && !/^content\/.+\.mdx$/.test(r)) return;
    if (!stat.isFile()) return void refuse(path, '这不是普通文件', '换成普通文件');
    files.set(r, readFileSync(path));
  };
  visit(join(root, 'data'), true);
  visit(join(root, 'content'), true);
  if (readProblems.length > 0) files.readProblems = readProblems;
  return files;
}
