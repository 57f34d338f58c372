/**
 * npm run serve: a malformed address is a client error, not the end of the server;
 * nothing outside the served folder is reachable, not even a sibling whose name starts
 * with the folder's (dist.tmp-* beside dist); a bad or busy PORT is one Chinese line
 * and a non-zero exit, never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePort, serveDir } from '../../scripts/serve.ts';

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
  writeFileSync(join(root, 'dist-secret/secret.txt'), 'secret');
  served = await serveDir(dist, 0);
});
afterAll(async () => {
  await new Promise<void>((done) => served.server.close(() => done()));
  rmSync(root, { recursive: true, force: true });
});

/** A raw GET: the path goes out exactly as written (fetch would normalise it). */
function get(path: string): Promise<{ status: number; type: string; body: string }> {
  const { port } = new URL(served.url);
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    });
    req.on('error', fail);
    req.end();
  });
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
