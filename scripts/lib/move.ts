/** Moving files and folders where a rename may cross file systems (EXDEV). */
import { cpSync, renameSync, rmSync } from 'node:fs';

/**
 * Renames `from` to `to`; across file systems, where a rename fails with EXDEV, copies it
 * (recursively, keeping modes and times) and removes the original.
 */
export function moveSync(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    cpSync(from, to, { recursive: true, preserveTimestamps: true, errorOnExist: true, force: false });
    rmSync(from, { recursive: true, force: true });
  }
}
