/**
 * Command-line flags for every script: node:util parseArgs in strict mode, with
 * its errors said in Chinese and naming the flags there are. A script runs its
 * command only when it is the main module: `if (import.meta.main)`.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

export type { ParseArgsOptionsConfig };

/**
 * Parses `argv` against `options`; an unknown flag or a missing value throws an Error
 * with a message for people, naming the flags there are (or `known`, when given).
 */
export function parseFlags<T extends ParseArgsOptionsConfig>(
  argv: readonly string[],
  options: T,
  allowPositionals = false,
  known?: string,
) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals });
  } catch (err) {
    const code = (err as { code?: string }).code;
    const arg = /'([^']+)'/.exec((err as Error).message)?.[1] ?? '';
    const flags =
      known ??
      Object.keys(options)
        .map((k) => `--${k}`)
        .join(' ');
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new Error(`不认识的参数：${arg}（可用：${flags}）`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new Error(`${arg.split(' ')[0]} 后面缺少值`);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new Error(`多余的参数：${arg}（可用：${flags}）`);
    throw err;
  }
}
