/**
 * npm run new -- <kind> [--field value …] [--root DIR] [--dry-run]
 *
 * Adds one record: appends a row to data/<file>.csv, or writes content/policies/<id>.mdx.
 * Fields come from flags (`--id x --name y`, column names, `-` or `_`); any required field
 * not given is asked for on standard input (node:readline). The result is checked with the
 * project validator before and after writing; a record that would add a problem is refused,
 * the files are put back as they were, and the validator's messages are printed.
 *
 *   kinds: region, school, group, membership, statistic, metric, source, policy
 *   group also takes --lead SCHOOL, --members A|B and --joined DATE (default: founded)
 *   to add its memberships in the same step.
 *
 * Exit code: 0 added (or would be, with --dry-run), 1 refused, 2 usage error.
 */
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { didYouMean } from '../src/lib/validate/did-you-mean.ts';
import { readProjectFiles } from '../src/lib/validate/read-project.ts';
import { validateProject } from '../src/lib/validate/validate.ts';
import { parseFlags, type ParseArgsOptionsConfig } from './lib/cli.ts';
import {
  applyChanges,
  fieldsOf,
  GROUP_EXTRAS,
  kinds,
  planChanges,
  referenceSets,
  splitList,
  UsageError,
  type GroupExtras,
  type Kind,
} from './lib/new-record.ts';

export interface Args {
  kind?: string;
  root: string;
  dryRun: boolean;
  help: boolean;
  values: Record<string, string>;
}

/** Every field of every kind is a flag, spelled with `_` or `-` (--parent_school, --parent-school). */
const FIELD_NAMES = [...new Set([...kinds.flatMap((k) => fieldsOf(k).map((f) => f.name)), ...GROUP_EXTRAS])];
const FLAGS: ParseArgsOptionsConfig = {
  root: { type: 'string', default: '.' },
  'dry-run': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  ...Object.fromEntries(FIELD_NAMES.flatMap((n) => [n, n.replace(/_/g, '-')]).map((n) => [n, { type: 'string' as const }])),
};

/** `--id x`, `--id=x`, `--parent-school x` (same as --parent_school). */
export function parseArgs(argv: readonly string[]): Args {
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(argv, FLAGS, true, '--root --dry-run --help 和记录的字段名');
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values: flags, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(`多余的参数：${positionals[1]}`);
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(flags))
    if (typeof value === 'string' && key !== 'root') values[key.replace(/-/g, '_')] = value.trim();
  return {
    ...(positionals[0] !== undefined ? { kind: positionals[0] } : {}),
    root: String(flags.root),
    dryRun: flags['dry-run'] === true,
    help: flags.help === true,
    values,
  };
}

function usage(): string {
  return [
    '用法：npm run new -- <类型> [--字段 值 …] [--root 目录] [--dry-run]',
    '',
    `类型：${kinds.join('、')}`,
    '字段就是 CSV 的列名（policy 另有 id 作文件名），例如：',
    '  npm run new -- school --id fx-no4-primary --name 示例市第四小学 --region fx-dist --stage primary --unit school --source fx-news',
    '  npm run new -- group --id x-group --name … --region … --type … --source … --lead 学校标识 --members 学校1|学校2',
    '  npm run new -- metric --id group-count --name 教育集团数 --unit count --numerator 教育集团的个数 --definition …',
    '  npm run new -- statistic --region … --metric group-count --date 2024-09 --value 900 --qualifier approx --wording 约900个 --stage compulsory --kind actual --source …',
    '必填字段都用参数给出时直接写入；缺少的会逐项询问（回车留空）。',
    '写入前后都用校验器检查；会引入错误时不写入（已写的会撤回），并打印校验器的提示。',
    '--dry-run 只检查不写入；--root 指定另一个数据目录（含 data/ 和 content/）。',
  ].join('\n');
}

/** Reads answers line by line (a terminal or piped input alike); opens stdin only when first asked. */
function lineReader() {
  let rl: ReturnType<typeof createInterface> | undefined;
  let it: AsyncIterator<string> | undefined;
  return {
    async ask(prompt: string): Promise<string | undefined> {
      if (!rl) {
        rl = createInterface({ input: process.stdin, terminal: process.stdin.isTTY === true });
        it = rl[Symbol.asyncIterator]();
      }
      process.stdout.write(prompt);
      const next = await it!.next();
      return next.done ? undefined : next.value;
    },
    close: () => rl?.close(),
  };
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${usage()}`);
    return 2;
  }
  if (args.help) {
    console.log(usage());
    return 0;
  }
  const root = resolve(args.root);
  const reader = lineReader();
  try {
    let kind = args.kind;
    if (kind === undefined) kind = (await reader.ask(`要添加哪一类记录？（${kinds.join(' / ')}）：`))?.trim();
    if (!kind || !kinds.includes(kind as Kind)) {
      console.error(`不认识的类型：${kind ?? '（空）'}\n\n${usage()}`);
      return 2;
    }
    const k = kind as Kind;
    const fields = fieldsOf(k);
    const allowed = new Set([...fields.map((f) => f.name), ...(k === 'group' ? GROUP_EXTRAS : [])]);
    const unknown = Object.keys(args.values).filter((key) => !allowed.has(key));
    if (unknown.length > 0) {
      console.error(`${k} 没有这些字段：${unknown.join('、')}。可用的字段：${[...allowed].join('、')}`);
      return 2;
    }

    const values: Record<string, string> = { ...args.values };
    const missing = fields.filter((f) => f.required && !values[f.name]);
    if (missing.length > 0) {
      // Interactive: ask every field not given by a flag, one at a time, checking each answer.
      const refs = referenceSets(validateProject(readProjectFiles(root)));
      console.log(`添加一条 ${k}（回车留空；必填项标 *）。`);
      const extras = k === 'group' && !('lead' in values) ? ['lead', 'members'] : [];
      for (const f of [...fields, ...extras.map((name) => ({ name, required: false, help: '', check: () => undefined }))]) {
        if (f.name in values) continue;
        const label = f.name === 'lead' ? '牵头校的标识（可空）' : f.name === 'members' ? '成员校的标识，多个用 | 分隔（可空）' : f.help;
        for (;;) {
          const answer = await reader.ask(`\n${f.required ? '* ' : '  '}${f.name}${label ? `：${label}` : ''}\n  > `);
          if (answer === undefined) {
            console.error(`\n输入结束，缺少字段 ${f.name}。没有写入任何文件。`);
            return 2;
          }
          const v = answer.trim();
          if (v === '' && f.required) {
            console.log('  这一项必填。');
            continue;
          }
          const problem = v === '' ? undefined : f.check(v);
          if (problem) {
            console.log(`  不合格：${problem}`);
            continue;
          }
          const set = v === '' ? undefined : refs(f.name, k);
          const bad = set ? splitList(v).find((x) => !set.has(x)) : undefined;
          if (bad && set) {
            const guess = didYouMean(bad, set);
            console.log(
              `  “${bad}”不存在${guess ? `，你是不是想写 “${guess}”？` : '。'}${set.size <= 20 ? ` 可选：${[...set].join('、')}` : ''}`,
            );
            continue;
          }
          values[f.name] = v;
          break;
        }
      }
      console.log();
    }

    const extra: GroupExtras = {};
    for (const key of GROUP_EXTRAS) {
      const v = values[key];
      delete values[key];
      if (k === 'group' && v) extra[key as keyof GroupExtras] = v;
    }
    const changes = planChanges(root, k, values, extra);
    const outcome = applyChanges(root, changes, args.dryRun);
    if (outcome.preexisting > 0)
      console.warn(`注意：数据里原本就有 ${outcome.preexisting} 个问题（与这次添加无关），运行 npm run validate 查看。`);
    if (!outcome.ok) {
      console.error('没有写入：这条记录会让数据校验出错。校验器的提示：');
      for (const p of outcome.problems) console.error(`  ${p}`);
      return 1;
    }
    for (const c of changes)
      console.log(
        `${args.dryRun ? '（试运行，未写入）可以添加' : '已添加'}：${c.path}${c.path.endsWith('.csv') ? ` 第 ${c.line} 行` : '（请接着编辑正文）'}`,
      );
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  } finally {
    reader.close();
  }
}

if (import.meta.main) process.exitCode = await main();
