/**
 * Serves a built site from disk on 127.0.0.1 with sirv (path handling, ranges and
 * ETags are sirv's; this file adds the site's 404 page, charsets and the CLI).
 *   node scripts/serve.ts [dir] [--port N]   (default dist and $PORT or 4321; port 0 picks a free one)
 */
import { createReadStream, existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sirv from 'sirv';

/** Types sirv (mrmime) leaves without a charset or does not know: Pagefind's files and the name index. */
const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
  '.idx': 'application/octet-stream', // the name index (gzip-compressed JSON)
};

/** Whether a request path can be percent-decoded (`/%` cannot: sirv would answer 404, a client error is 400). */
function decodable(url: string): boolean {
  try {
    decodeURI(url);
    return true;
  } catch {
    return false;
  }
}

export interface ServeOptions {
  /** Told of every response: its path (as requested) and the bytes of its body (scripts/bench.ts counts downloads). */
  onResponse?: (path: string, bytes: number) => void;
}

export function serveDir(dir: string, port = 0, options: ServeOptions = {}): Promise<{ server: Server; url: string }> {
  const root = resolve(dir);
  const notFound = (res: ServerResponse) => {
    const page = join(root, '404.html');
    if (!existsSync(page)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404 Not Found');
      return;
    }
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
    createReadStream(page).pipe(res);
  };
  // dev: read from disk on each request (tests rebuild dist/ while a server runs), with ETags.
  const files = sirv(root, {
    dev: true,
    etag: true,
    setHeaders: (res, pathname) => {
      const type = TYPES[extname(pathname)];
      if (type) res.setHeader('content-type', type);
    },
  });
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // The body's size as sirv declares it (a streamed 404 page declares none and counts 0).
    const { onResponse } = options;
    if (onResponse)
      res.on('finish', () => onResponse(new URL(req.url ?? '/', 'http://x').pathname, Number(res.getHeader('content-length') ?? 0)));
    if (!decodable(req.url ?? '/')) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('400 Bad Request');
      return;
    }
    files(req, res, () => notFound(res));
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      done({ server, url: `http://127.0.0.1:${actual}` });
    });
  });
}

/** A TCP port from the command line or PORT, or undefined when it is not one. */
export function parsePort(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text.trim())) return undefined;
  const port = Number(text);
  return port <= 65535 ? port : undefined;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

if (import.meta.main) {
  let parsed;
  try {
    parsed = parseArgs({ options: { port: { type: 'string' } }, allowPositionals: true });
  } catch {
    fail('用法：npm run serve [-- 目录] [-- --port 端口]（也可用环境变量 PORT 指定端口）。');
  }
  const dir = parsed.positionals[0] ?? 'dist';
  const portText = parsed.values.port ?? process.env.PORT ?? '4321';
  const port = parsePort(portText);
  if (port === undefined) fail(`端口“${portText}”无效：请用 0–65535 之间的整数，例如 PORT=4322 npm run serve。`);
  if (!existsSync(join(dir, 'index.html'))) fail(`${dir}/index.html 不存在：先运行 npm run build。`);
  try {
    const { url } = await serveDir(dir, port);
    console.log(`站点已启动：${url}/  （按 Ctrl+C 停止）`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') fail(`端口 ${port} 已被占用：先停止占用它的程序，或换一个端口，例如 PORT=${port + 1} npm run serve。`);
    if (code === 'EACCES') fail(`没有权限使用端口 ${port}：请用 1024 以上的端口，例如 PORT=4321 npm run serve。`);
    fail(`无法在 127.0.0.1:${port} 上启动服务（${code ?? String(error)}）：换一个端口，例如 PORT=4322 npm run serve。`);
  }
}
