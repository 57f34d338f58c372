/**
 * Command-line flags for every script: node:util parseArgs in strict mode, with
 * its errors said in Chinese and naming the flags there are. A script runs its
 * command only when it is the main module: `if (import.meta.main)` (scripts/check-node.mjs alone
 * compares import.meta.url with argv[1]: it must run on the old Node it refuses, which has no
 * import.meta.main).
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

export type { ParseArgsOptionsConfig };

/**
 * The command line of this process parsed against `options` with `positionals` (a [min, max]
 * count). `--help` (`-h`) prints `usage` and exits 0; a bad flag or count prints what is
 * wrong and `usage`, and exits 2 — no stack trace.
 */
export function commandLine<T extends ParseArgsOptionsConfig>(options: T, usage: string, positionals: [number, number] = [0, 0]) {
  const withHelp = { ...options, help: { type: 'boolean', short: 'h' } } as const;
  let parsed;
  try {
    parsed = parseFlags(process.argv.slice(2), withHelp, positionals[1] > 0);
  } catch (err) {
    refuse((err as Error).message, usage);
  }
  if ((parsed.values as { help?: boolean }).help === true) {
    console.log(`用法：${usage}`);
    process.exit(0);
  }
  const [min, max] = positionals;
  if (parsed.positionals.length < min) refuse('缺少参数', usage);
  if (parsed.positionals.length > max) refuse(`多余的参数：${parsed.positionals.slice(max).join(' ')}`, usage);
  return parsed;
}

/** Prints what is wrong with the command line and `usage`, and exits 2. */
export function refuse(message: string, usage: string): never {
  console.error(`${message}\n用法：${usage}`);
  process.exit(2);
}

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
      (Object.keys(options)
        .map((k) => `--${k}`)
        .join(' ') ||
        '无');
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new Error(`不认识的参数：${arg}（可用：${flags}）`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new Error(`${arg.split(' ')[0]} 后面缺少值`);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new Error(`多余的参数：${arg}（可用：${flags}）`);
    throw err;
  }
}
