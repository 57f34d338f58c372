/**
 * npm run import -- FILE --source ID [--region ID] [--write] [--columns 集团=A,成员=C]
 *                   [--date DATE] [--same "名称=标识"]… [--new "名称"]… [--root DIR] [--format FMT]
 *
 * Imports a published list of groups (xlsx, csv, docx, html or text; FILE `-` reads
 * pasted text from standard input) into data/: prints a preview, and with --write appends
 * the rows, all or nothing, only if the validator passes. Close name matches are asked
 * about on a terminal; without one they are reported and left out. The logic is in
 * src/lib/import/ (see its README.md).
 *
 * Exit code: 0 previewed or written, 1 refused (validator, unreadable input), 2 usage error.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { canonical } from '../src/lib/search/normalize.ts';
import {
  formatOf,
  formatPreview,
  InputError,
  listGroups,
  makePlan,
  parseColumnsFlag,
  readInput,
  writePlan,
  type InputFormat,
  type Plan,
  type PlanOptions,
} from '../src/lib/import/index.ts';
import { inputFormats } from '../src/lib/import/read.ts';
import { formatPlace } from '../src/lib/import/model.ts';
import { didYouMean } from '../src/lib/validate/did-you-mean.ts';
import { readProjectFiles } from '../src/lib/validate/read-project.ts';
import { validateProject } from '../src/lib/validate/validate.ts';

const USAGE = `用法：npm run import -- 文件 --source 来源标识 [--region 地区标识] [--write]
  文件        .xlsx .csv .docx .html 或纯文本；写 - 从标准输入读粘贴的文字
  --source    data/sources.csv 里的来源标识（必填，每一行都带上它）
  --region    名单没写地区时用的地区标识（data/regions.csv）
  --write     写入 data/（不加只预览）
  --columns   指定列，如 集团=A,牵头校=B,成员=成员学校
  --date      来源写明的组建/加入日期（写法见 CONTRIBUTING 第 6 节）
  --same      确认可能的匹配是同一所：--same "济南市经五小学=jinan-jingwulu-primary"（可重复）
  --new       确认不是同一所、新建：--new "济南市经五小学"（可重复）
  --format    不按扩展名判断格式：${inputFormats.join('、')}
  --root      数据目录所在的项目根目录（默认当前目录）`;

export class UsageError extends Error {}

export interface ImportArgs {
  file: string;
  source: string;
  region?: string;
  write: boolean;
  columns?: string;
  date?: string;
  same: string[];
  new: string[];
  format?: InputFormat;
  root: string;
}

export function parseImportArgs(argv: string[]): ImportArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        source: { type: 'string' },
        region: { type: 'string' },
        write: { type: 'boolean', default: false },
        columns: { type: 'string' },
        date: { type: 'string' },
        same: { type: 'string', multiple: true, default: [] },
        new: { type: 'string', multiple: true, default: [] },
        format: { type: 'string' },
        root: { type: 'string', default: '.' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) throw new UsageError('');
  if (positionals.length !== 1)
    throw new UsageError(positionals.length === 0 ? '缺少要导入的文件' : `只能导入一个文件，收到 ${positionals.length} 个`);
  if (!values.source) throw new UsageError('缺少 --source：名单出自哪个来源（data/sources.csv 的标识）');
  if (values.format && !inputFormats.includes(values.format as InputFormat))
    throw new UsageError(`--format 只能是 ${inputFormats.join('、')}`);
  return {
    file: positionals[0]!,
    source: values.source,
    ...(values.region ? { region: values.region } : {}),
    write: values.write,
    ...(values.columns ? { columns: values.columns } : {}),
    ...(values.date ? { date: values.date } : {}),
    same: values.same,
    new: values.new,
    ...(values.format ? { format: values.format as InputFormat } : {}),
    root: resolve(values.root),
  };
}

/** --same / --new answers, keyed the way the plan asks. */
function answersFrom(plan: Plan, args: ImportArgs, given: Map<string, string>): Map<string, string> {
  const answers = new Map(given);
  for (const q of plan.questions) {
    for (const s of args.same) {
      const [name, id] = s.split('=').map((x) => x.trim());
      if (name && id && canonical(name) === canonical(q.text)) answers.set(q.key, id);
    }
    for (const n of args.new) if (canonical(n) === canonical(q.text)) answers.set(q.key, 'new');
  }
  return answers;
}

async function askOnTerminal(plan: Plan): Promise<Map<string, string>> {
  const answers = new Map<string, string>();
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    for (const q of plan.questions) {
      const list = q.candidates.map((c, i) => `  ${i + 1}) ${c.id}  ${c.name}`).join('\n');
      const reply = await rl.question(
        `${formatPlace(q.at)}: ${q.kind === 'school' ? '学校' : '集团'}“${q.text}”${q.why}：\n${list}\n是同一个吗？输入序号表示是它，n 表示新建，回车跳过：`,
      );
      const t = reply.trim().toLowerCase();
      const pick = /^\d+$/.test(t) ? q.candidates[Number(t) - 1] : undefined;
      answers.set(q.key, pick ? pick.id : t === 'n' ? 'new' : 'skip');
    }
  } finally {
    rl.close();
  }
  return answers;
}

export interface ImportIo {
  /** Pasted text for FILE `-`. */
  stdin?: () => Promise<Uint8Array>;
  /** Asks about close matches; given only on a terminal, so scripts and CI never wait. */
  ask?: (plan: Plan) => Promise<Map<string, string>>;
}

export interface ImportResult {
  code: number;
  output: string;
  plan?: Plan;
}

export async function runImport(args: ImportArgs, io: ImportIo = {}): Promise<ImportResult> {
  const lines: string[] = [];
  let bytes: Uint8Array;
  try {
    bytes = args.file === '-' ? await (io.stdin ?? readStdin)() : readFileSync(args.file);
  } catch (err) {
    throw new InputError(
      `读不了 ${args.file}：${(err as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在，检查路径' : (err as Error).message}`,
    );
  }
  const label = args.file === '-' ? '（粘贴的文字）' : args.file;
  const doc = await readInput(label, bytes, args.format ?? (args.file === '-' ? 'text' : formatOf(args.file)));
  const columns = parseColumnsFlag(args.columns);
  if (columns.error) throw new UsageError(columns.error);
  const listing = listGroups(doc, columns.map);
  if (listing.errors.length > 0 || listing.groups.length === 0) {
    lines.push(...listing.errors.map((e) => `错误：${e}`));
    if (listing.groups.length === 0)
      lines.push(
        `错误：${label} 里没有找到集团名单（表格要有集团名称和学校列；文字要写成“某某教育集团：甲校、乙校”等形式，见 CONTRIBUTING）`,
      );
    return { code: 1, output: lines.join('\n') };
  }

  const files = readProjectFiles(args.root);
  const { dataset } = validateProject(files);
  if (!dataset.sources.some((s) => s.id === args.source)) {
    const hint = didYouMean(
      args.source,
      dataset.sources.map((s) => s.id),
    );
    throw new UsageError(
      `来源 ${args.source} 不在 data/sources.csv 里${hint ? `；是不是 ${hint}？` : '：先登记来源（见 CONTRIBUTING 第 7 节）'}`,
    );
  }
  if (args.region && !dataset.regions.some((r) => r.id === args.region)) {
    // A region's name (中原区, 郑州市中原区) is as good as its id when it names exactly one.
    const byName = dataset.regions.filter((r) => {
      const parent = dataset.regions.find((p) => p.id === r.parent);
      const names = [r.name, ...r.aliases, ...(parent ? [parent.name + r.name] : [])];
      return names.some((n) => canonical(n) === canonical(args.region!));
    });
    if (byName.length === 1) args = { ...args, region: byName[0]!.id };
    else {
      const hint = didYouMean(
        args.region,
        dataset.regions.map((r) => r.id),
      );
      throw new UsageError(
        byName.length > 1
          ? `--region ${args.region} 对应多个地区（${byName.map((r) => r.id).join('、')}），请写地区标识`
          : `地区 ${args.region} 不在 data/regions.csv 里${hint ? `；是不是 ${hint}？` : ''}`,
      );
    }
  }
  const options: PlanOptions = {
    source: args.source,
    ...(args.region ? { region: args.region } : {}),
    ...(args.date ? { date: args.date } : {}),
  };
  let plan = makePlan(dataset, listing.groups, options);
  let answers = answersFrom(plan, args, new Map());
  const open = plan.questions.filter((q) => !answers.has(q.key));
  if (open.length > 0 && io.ask) answers = new Map([...answers, ...(await io.ask({ ...plan, questions: open }))]);
  if (answers.size > 0) plan = makePlan(dataset, listing.groups, { ...options, answers });
  plan.warnings.unshift(...listing.warnings);

  lines.push(...listing.columnReports);
  const names = {
    schools: new Map(dataset.schools.map((s) => [s.id, s.name])),
    groups: new Map(dataset.groups.map((g) => [g.id, g.label])),
  };
  lines.push(formatPreview(plan, names), '');
  if (!args.write) {
    lines.push('这是预览，没有写入。确认无误后加 --write 写入。');
    return { code: 0, output: lines.join('\n'), plan };
  }
  const outcome = writePlan(args.root, plan);
  if (outcome.problems.length > 0) {
    lines.push('校验没有通过，什么也没有写入：', ...outcome.problems);
    return { code: 1, output: lines.join('\n'), plan };
  }
  if (!outcome.written) {
    lines.push('没有要写入的新内容（名单里的集团、学校和成员关系都已经在数据里）。');
    return { code: 0, output: lines.join('\n'), plan };
  }
  lines.push(`已写入 ${outcome.changed.join('、')}，校验通过。用 npm run pr-summary 查看改动。`);
  if (plan.questions.length > 0) lines.push(`还有 ${plan.questions.length} 处待确认的学校或集团没有写入，确认后用 --same / --new 重跑。`);
  return { code: 0, output: lines.join('\n'), plan };
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

if (import.meta.main) {
  try {
    const args = parseImportArgs(process.argv.slice(2));
    const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY && args.file !== '-');
    const result = await runImport(args, interactive ? { ask: askOnTerminal } : {});
    console.log(result.output);
    process.exitCode = result.code;
  } catch (err) {
    if (err instanceof UsageError) {
      if (err.message) console.error(`错误：${err.message}`);
      console.error(USAGE);
      process.exitCode = 2;
    } else if (err instanceof InputError) {
      console.error(`错误：${err.message}`);
      process.exitCode = 1;
    } else throw err;
  }
}
