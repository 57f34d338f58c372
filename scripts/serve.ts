/**
 * Serves a built site from disk on 127.0.0.1 with sirv (path handling and ETags are
 * sirv's; this file adds the site's 404 page, charsets, the CLI and the guards sirv
 * lacks). What a client can send, and what it gets:
 * - GET and HEAD only; any other method is 405 with `Allow: GET, HEAD`.
 * - The request line plus headers may take up to 64 KiB (Node's default is 16 KiB), so
 *   a long `?q=` for the search page is served; beyond that Node answers 431. The query
 *   never names a file, so only the path must be well-formed percent-encoding (else 400).
 * - `Range`: one `bytes=a-b`, `bytes=a-` or `bytes=-n` range is served as 206 (`bytes=0-0`
 *   gets the whole file as 200, which HTTP allows); anything else, or a range outside the
 *   file, is 416. sirv itself crashes on `bytes=5-1` and mis-serves suffix ranges.
 * - A file that vanishes while it is read (dist/ swapped by a build) ends that one
 *   response (the connection is closed), never the server.
 * - Every response carries `X-Content-Type-Options: nosniff`; Atom feeds are
 *   `application/atom+xml`.
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

/** The content type of a served path, when this server sets it (feeds: /changes/feed.xml, /changes/feeds/*.xml). */
export function contentTypeOf(pathname: string): string | undefined {
  if (/^\/changes\/(?:feed|feeds\/[^/]+)\.xml$/.test(pathname)) return 'application/atom+xml; charset=utf-8';
  return TYPES[extname(pathname)];
}

/** The path part of a request target (the query names no file). */
const pathOf = (url: string) => url.split(/[?#]/, 1)[0] ?? '/';

/** Whether a request path can be percent-decoded (`/%` cannot: sirv would answer 404, a client error is 400). */
function decodable(path: string): boolean {
  try {
    decodeURI(path);
    return true;
  } catch {
    return false;
  }
}

/** The request line and headers a client may send, in bytes (see the header comment). */
export const MAX_HEADER_BYTES = 64 * 1024;

/**
 * A `Range` header against a file of `size` bytes: the one byte range to send, `'whole'`
 * to send the whole file (no range, or `bytes=0-0`, which sirv cannot express), or
 * `'unsatisfiable'` (416): malformed, several ranges, another unit, or outside the file.
 */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'whole' | 'unsatisfiable' {
  if (header === undefined) return 'whole';
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'unsatisfiable';
  // Digits beyond 15 exceed any file; Number() of them is still a finite, comparable number.
  const first = m[1] === '' ? undefined : Number(m[1]);
  const last = m[2] === '' ? undefined : Number(m[2]);
  let start: number;
  let end: number;
  if (first === undefined) {
    // bytes=-n: the last n bytes
    if (last === 0) return 'unsatisfiable';
    start = Math.max(0, size - last!);
    end = size - 1;
  } else {
    if (last !== undefined && last < first) return 'unsatisfiable';
    start = first;
    end = Math.min(last ?? size - 1, size - 1);
  }
  if (start >= size) return 'unsatisfiable';
  return end === 0 ? 'whole' : { start, end };
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
    createReadStream(page)
      .on('error', () => res.destroy())
      .pipe(res);
  };
  // dev: read from disk on each request (tests rebuild dist/ while a server runs), with ETags.
  const files = sirv(root, {
    dev: true,
    etag: true,
    setHeaders: (res, pathname, stats) => {
      const type = contentTypeOf(pathname);
      if (type) res.setHeader('content-type', type);
      // sirv reads `Range` after this call: hand it only a range it serves correctly.
      const { req } = res;
      const range = parseRange(req.headers.range, stats.size);
      if (range === 'whole') delete req.headers.range;
      else if (range === 'unsatisfiable')
        req.headers.range = `bytes=${stats.size}-`; // sirv's own 416
      else req.headers.range = `bytes=${range.start}-${range.end}`;
    },
  });
  const plain = (res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(text);
  };
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req: IncomingMessage, res: ServerResponse) => {
    // The body's size as sirv declares it (a streamed 404 page declares none and counts 0).
    const { onResponse } = options;
    const path = pathOf(req.url ?? '/');
    if (onResponse) res.on('finish', () => onResponse(new URL(path, 'http://x').pathname, Number(res.getHeader('content-length') ?? 0)));
    res.setHeader('x-content-type-options', 'nosniff');
    // sirv pipes a file stream it does not watch: a file gone between stat and open (a swapped dist/) errors there.
    res.on('pipe', (source: NodeJS.ReadableStream) => source.on('error', () => res.destroy()));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      plain(res, 405, '405 Method Not Allowed', { allow: 'GET, HEAD' });
      return;
    }
    if (!decodable(path)) {
      plain(res, 400, '400 Bad Request');
      return;
    }
    try {
      files(req, res, () => notFound(res));
    } catch {
      // sirv stats a file it has just seen exist: gone in between, it throws.
      if (!res.headersSent) plain(res, 404, '404 Not Found');
      else res.destroy();
    }
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
