/**
 * What an interrupted `npm run import -- --write` leaves in data/ (src/lib/import/write.ts):
 * staged files (`groups.csv.import-PID.tmp`) and the journal (`.import-journal.json`).
 * With them there, data/ may be half-way through an import, so they are errors.
 */
import type { Problem } from '../problem.ts';

/** The problem for one path under data/ (relative to the root), if it is an import's leftover. */
export function importLeftover(path: string): Problem | undefined {
  const fix = '重新运行同一条 npm run import 命令（不加 --write 也可以）：它会把上次中断的写入做完或撤销，并删掉这些文件';
  if (path === 'data/.import-journal.json')
    return { file: path, line: 1, column: 1, message: '上次导入在写入 data/ 的中途被打断，留下了日志，data/ 可能只改了一部分', fix };
  if (/^data\/[^/]+\.import-\d+\.tmp$/.test(path))
    return { file: path, line: 1, column: 1, message: '上次导入被打断，留下了这个临时文件', fix };
  return undefined;
}
