/**
 * npm run serve: a malformed address or range is a client error, not the end of the
 * server; nothing outside the served folder is reachable, not even a sibling whose name
 * starts with the folder's (dist.tmp-* beside dist); writes are refused; a dist/ swapped
 * while serving ends a response at worst; a bad or busy PORT is one Chinese line and a
 * non-zero exit, never a stack trace.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_HEADER_BYTES, parsePort, parseRange, serveDir } from '../../scripts/serve.ts';

const root = mkdtempSync(join(tmpdir(), 'serve-'));
const dist = join(root, 'dist');
let served: { server: Server; url: string };

beforeAll(async () => {
  mkdirSync(join(dist, 'groups/g1'), { recursive: true });
  mkdirSync(join(root, 'dist-secret'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>首页</title>');
  writeFileSync(join(dist, '404.html'), '<!doctype html><title>未找到</title>');
  writeFileSync(join(dist, 'groups/g1/index.html'), '<!doctype html><title>集团</title>');
  writeFileSync(join(dist, 'data.csv'), 'id,name\n');
  mkdirSync(join(dist, 'changes/feeds'), { recursive: true });
  writeFileSync(join(dist, 'changes/feed.xml'), '<feed/>');
  writeFileSync(join(dist, 'changes/feeds/p1.xml'), '<feed/>');
  writeFileSync(join(dist, 'sitemap-0.xml'), '<urlset/>');
  writeFileSync(join(root, 'dist-secret/secret.txt'), 'secret');
  served = await serveDir(dist, 0);
});
afterAll(async () => {
  await new Promise<void>((done) => served.server.close(() => done()));
  rmSync(root, { recursive: true, force: true });
});

interface Answer {
  status: number;
  type: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request, bounded to 10 s: the path goes out exactly as written (fetch would normalise it). */
function send(base: string, path: string, { method = 'GET', headers = {} } = {}): Promise<Answer> {
  const { port } = new URL(base);
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers, timeout: 10_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), headers: res.headers, body }));
      res.on('error', fail);
    });
    req.on('timeout', () => req.destroy(new Error(`timeout: ${path}`)));
    req.on('error', fail);
    req.end();
  });
}
const get = (path: string, options?: Parameters<typeof send>[2]) => send(served.url, path, options);

/** `node scripts/serve.ts dir --port 0` as its own process, with the URL it printed. */
async function startServer(dir: string): Promise<{ child: ChildProcess; url: string; exited: () => boolean }> {
  const child = spawn(process.execPath, [join(process.cwd(), 'scripts/serve.ts'), dir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let exited = false;
  child.on('exit', () => (exited = true));
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`serve did not start: ${out}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (m) {
        clearTimeout(timer);
        done(m[0]);
      }
    });
    child.on('exit', () => fail(new Error(`serve exited: ${out}`)));
  });
  return { child, url, exited: () => exited };
}

describe('serveDir', () => {
  it('serves pages, folders as their index.html, and data with a charset', async () => {
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.body).toContain('首页');
    const group = await get('/groups/g1/');
    expect(group.status).toBe(200);
    expect(group.body).toContain('集团');
    expect(await get('/data.csv')).toMatchObject({ status: 200, type: 'text/csv; charset=utf-8' });
  });

  it('tells onResponse what each response sent (scripts/bench.ts counts downloads with it)', async () => {
    const seen: string[] = [];
    const counting = await serveDir(dist, 0, { onResponse: (path, bytes) => seen.push(`${path} ${bytes}`) });
    try {
      const { port } = new URL(counting.url);
      const body = await (await fetch(`http://127.0.0.1:${port}/data.csv`)).text();
      expect(body).toBe('id,name\n');
      await expect.poll(() => seen).toEqual(['/data.csv 8']);
    } finally {
      await new Promise<void>((done) => counting.server.close(() => done()));
    }
  });

  it('answers a missing page with the site 404 page', async () => {
    const missing = await get('/nope/');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('未找到');
  });

  it('answers a malformed percent-encoding with 400 and stays up', async () => {
    expect((await get('/%')).status).toBe(400);
    expect((await get('/%E4%')).status).toBe(400);
    expect((await get('/')).status).toBe(200);
  });

  it('sends nosniff on every response, Atom feeds as application/atom+xml, other XML as XML', async () => {
    for (const path of ['/', '/data.csv', '/nope/', '/%'])
      expect((await get(path)).headers['x-content-type-options'], path).toBe('nosniff');
    expect((await get('/changes/feed.xml')).type).toBe('application/atom+xml; charset=utf-8');
    expect((await get('/changes/feeds/p1.xml')).type).toBe('application/atom+xml; charset=utf-8');
    expect((await get('/sitemap-0.xml')).type).toBe('application/xml; charset=utf-8');
  });

  it('refuses writes with 405 and says what is allowed', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const answer = await get('/index.html', { method });
      expect(answer.status, method).toBe(405);
      expect(answer.headers.allow, method).toBe('GET, HEAD');
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    }
    expect((await get('/', { method: 'HEAD' })).status).toBe(200);
  });

  it('reads only the path for percent-encoding: ?q=100% is the search page, not a 400', async () => {
    expect((await get('/?q=100%')).status).toBe(200);
    expect((await get('/?q=%E4%')).status).toBe(200);
    expect((await get('/%E4%?q=1')).status).toBe(400);
  });

  it(`serves a long query (a 40 kB URL) and answers 431 only past ${MAX_HEADER_BYTES} bytes of headers`, async () => {
    expect((await get(`/?q=${'a'.repeat(40_000)}`)).status).toBe(200);
    // Past the limit Node answers 431 and closes; the client may see the close first.
    const over = await get(`/?q=${'a'.repeat(MAX_HEADER_BYTES + 10)}`).then(
      (a) => a.status,
      () => 'closed',
    );
    expect([431, 'closed']).toContain(over);
    expect((await get('/')).status).toBe(200);
  });

  it('serves well-formed ranges as 206 with the right bytes', async () => {
    // data.csv is 8 bytes: "id,name\n"
    const range = (value: string) => get('/data.csv', { headers: { range: value } });
    expect(await range('bytes=0-1')).toMatchObject({ status: 206, body: 'id' });
    expect((await range('bytes=0-1')).headers['content-range']).toBe('bytes 0-1/8');
    expect(await range('bytes=3-')).toMatchObject({ status: 206, body: 'name\n' });
    expect(await range('bytes=-5')).toMatchObject({ status: 206, body: 'name\n' });
    expect(await range('bytes=3-99')).toMatchObject({ status: 206, body: 'name\n' });
    expect(await range('bytes=0-0')).toMatchObject({ status: 200, body: 'id,name\n' });
  });
});

describe('parseRange', () => {
  it('reads one byte range and refuses the rest', () => {
    expect(parseRange(undefined, 10)).toBe('whole');
    expect(parseRange('bytes=2-4', 10)).toEqual({ start: 2, end: 4 });
    expect(parseRange('bytes=2-', 10)).toEqual({ start: 2, end: 9 });
    expect(parseRange('bytes=-3', 10)).toEqual({ start: 7, end: 9 });
    expect(parseRange('bytes=-30', 10)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=5-18446744073709551615', 10)).toEqual({ start: 5, end: 9 });
    for (const bad of [
      'bytes=5-1',
      'bytes=10-',
      'bytes=99999999999999999999-',
      'bytes=-0',
      'bytes=-',
      'bytes=0-1,4-5',
      'items=0-1',
      'bytes=a-b',
      '',
    ])
      expect(parseRange(bad, 10), bad).toBe('unsatisfiable');
    expect(parseRange('bytes=0-', 0)).toBe('unsatisfiable');
  });
});

describe('serve.ts under hostile ranges and a swapped dist/', { timeout: 120_000 }, () => {
  it('answers malformed and huge ranges with 416 and stays up', async () => {
    const server = await startServer(dist);
    try {
      for (const value of ['bytes=5-1', 'bytes=0-18446744073709551615x', 'bytes=99-', 'bytes=0-1,3-4', 'bytes=-0']) {
        const answer = await send(server.url, '/index.html', { headers: { range: value } });
        expect(answer.status, value).toBe(416);
        expect(answer.headers['content-range'], value).toMatch(/^bytes \*\/\d+$/);
      }
      const huge = await send(server.url, '/index.html', { headers: { range: 'bytes=0-18446744073709551615' } });
      expect(huge.status).toBe(206);
      expect(huge.body).toContain('首页');
      expect((await send(server.url, '/')).status).toBe(200);
      expect(server.exited()).toBe(false);
    } finally {
      server.child.kill();
    }
  });

  it('survives dist/ being swapped back and forth while it serves', async () => {
    const swapRoot = mkdtempSync(join(tmpdir(), 'serve-swap-'));
    const live = join(swapRoot, 'dist');
    const other = join(swapRoot, 'dist.next');
    for (const dir of [live, other]) {
      mkdirSync(dir);
      writeFileSync(join(dir, 'index.html'), '<!doctype html><title>首页</title>');
      writeFileSync(join(dir, '404.html'), '<!doctype html><title>未找到</title>');
      writeFileSync(join(dir, 'big.txt'), 'x'.repeat(200_000));
    }
    const server = await startServer(live);
    let swapping = true;
    const swapper = (async () => {
      // Swap as a build does (rename away, rename in), yielding so requests interleave.
      for (let i = 0; swapping; i++) {
        renameSync(live, join(swapRoot, 'old'));
        renameSync(other, live);
        renameSync(join(swapRoot, 'old'), other);
        if (i % 4 === 0) await new Promise((done) => setImmediate(done));
      }
    })();
    try {
      const statuses = new Set<number>();
      const deadline = Date.now() + 4000;
      while (Date.now() < deadline && !server.exited()) {
        const batch = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => send(server.url, ['/big.txt', '/', '/nope/'][i % 3]!)));
        for (const r of batch) if (r.status === 'fulfilled') statuses.add(r.value.status);
      }
      swapping = false;
      await swapper;
      expect(server.exited(), 'the server died').toBe(false);
      expect((await send(server.url, '/')).status).toBe(200);
      expect(
        [...statuses].every((s) => [200, 404].includes(s)),
        [...statuses].join(),
      ).toBe(true);
    } finally {
      swapping = false;
      await swapper;
      server.child.kill();
      rmSync(swapRoot, { recursive: true, force: true });
    }
  });
});

describe('serveDir paths', () => {
  it('serves nothing from outside the folder, not even a sibling named dist-*', async () => {
    for (const path of [
      '/..%2fdist-secret/secret.txt',
      '/../dist-secret/secret.txt',
      '/%2e%2e/dist-secret/secret.txt',
      '/..%5cdist-secret/secret.txt',
    ]) {
      const answer = await get(path);
      expect(answer.status, path).toBe(404);
      expect(answer.body, path).not.toContain('secret');
    }
  });
});

describe('npm run serve', { timeout: 120_000 }, () => {
  const serve = (env: NodeJS.ProcessEnv, args: string[] = []) =>
    spawnSync(process.execPath, [join(process.cwd(), 'scripts/serve.ts'), dist, ...args], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
      timeout: 50_000,
    });
  const expectOneLine = (result: ReturnType<typeof serve>, pattern: RegExp) => {
    expect(result.status).not.toBe(0);
    expect(result.status).not.toBeNull(); // it exits, rather than being killed by the timeout
    const lines = result.stderr.trim().split('\n');
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
    expect(result.stderr).not.toMatch(/\n\s+at |Error:/);
  };

  it.each(['abc', '70000'])('refuses PORT=%s in one Chinese line', (port) => {
    expectOneLine(serve({ PORT: port }), /^端口“.*”无效：.*PORT=\d+ npm run serve/);
  });

  it('refuses a busy port in one Chinese line', async () => {
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      expectOneLine(serve({ PORT: String(port) }), new RegExp(`^端口 ${port} 已被占用：`));
      expectOneLine(serve({}, ['--port', String(port)]), new RegExp(`^端口 ${port} 已被占用：`));
    } finally {
      blocker.close();
    }
  });

  it('parses ports', () => {
    expect(parsePort('0')).toBe(0);
    expect(parsePort('4321')).toBe(4321);
    expect(parsePort('65535')).toBe(65535);
    for (const bad of ['', ' ', '65536', '1e3', '0x10', '-1', '43.21']) expect(parsePort(bad), bad).toBeUndefined();
  });
});
