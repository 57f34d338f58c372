/**
 * The synchronous page writer (src/site/page-writer.ts) around a stand-in for Astro's
 * prerenderer: ordinary pages are written where Astro would write them and Astro gets an
 * empty body; anything else passes through untouched for Astro to write.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AstroPrerenderer } from 'astro';
import { afterEach, describe, expect, it } from 'vitest';
import { pageFile, syncWriting } from '../../src/site/page-writer.ts';

type RouteData = Parameters<AstroPrerenderer['render']>[1]['routeData'];
const route = (type: string, path: string, params: string[] = []) => ({ type, route: path, params }) as unknown as RouteData;

const astro: AstroPrerenderer = {
  name: 'astro:default',
  getStaticPaths: () => Promise.resolve([]),
  render: (request) => {
    const path = new URL(request.url).pathname;
    if (path.endsWith('/gone/')) return Promise.resolve(new Response(null, { status: 301, headers: { location: '/' } }));
    return Promise.resolve(new Response(`<p>${path}</p>`, { headers: { 'content-type': 'text/html' } }));
  },
};

let outDir = '';
afterEach(() => rmSync(outDir, { recursive: true, force: true }));

function writer(base = '/', pagesDir?: string) {
  outDir = mkdtempSync(join(tmpdir(), 'page-writer-'));
  return syncWriting(astro, outDir, base, pagesDir?.replace('<out>', outDir));
}

describe('pageFile', () => {
  it('puts a page in its folder as index.html, under the base path or not', () => {
    expect(pageFile('/out', '/', 'http://x/schools/s1/')).toBe('/out/schools/s1/index.html');
    expect(pageFile('/out', '/', 'http://x/')).toBe('/out/index.html');
    expect(pageFile('/out', '/portal/', 'http://x/portal/groups/g1/')).toBe('/out/groups/g1/index.html');
    expect(pageFile('/out', '/', 'http://x/%E5%B9%BF%E4%B8%9C/')).toBe('/out/广东/index.html');
  });
});

describe('syncWriting', () => {
  it('writes a page itself and hands Astro an empty body', async () => {
    const prerenderer = writer('/portal/');
    const routeData = route('page', '/schools/[id]', ['id']);
    const rendered = await prerenderer.render(new Request('http://x/portal/schools/s1/'), { routeData });
    const response = rendered instanceof Response ? rendered : rendered.response;
    expect(response.status).toBe(200);
    expect(response.body).toBeNull();
    expect(readFileSync(join(outDir, 'schools/s1/index.html'), 'utf8')).toBe('<p>/portal/schools/s1/</p>');
  });

  it('writes the pages of a dynamic route into the pages folder, static pages into the output folder', async () => {
    const prerenderer = writer('/', '<out>/merged');
    await prerenderer.render(new Request('http://x/schools/s1/'), { routeData: route('page', '/schools/[id]', ['id']) });
    await prerenderer.render(new Request('http://x/about/'), { routeData: route('page', '/about') });
    expect(existsSync(join(outDir, 'merged/schools/s1/index.html'))).toBe(true);
    expect(existsSync(join(outDir, 'about/index.html'))).toBe(true);
    expect(existsSync(join(outDir, 'merged/about'))).toBe(false);
  });

  it('leaves endpoints, the 404 page and redirects to Astro', async () => {
    const prerenderer = writer();
    for (const [url, routeData] of [
      ['http://x/schools.csv', route('endpoint', '/schools.csv')],
      ['http://x/404/', route('page', '/404')],
      ['http://x/gone/', route('page', '/gone')],
    ] as const) {
      const rendered = await prerenderer.render(new Request(url), { routeData });
      const response = rendered instanceof Response ? rendered : rendered.response;
      expect(response.status === 301 || response.body !== null).toBe(true);
    }
    expect(existsSync(join(outDir, 'schools.csv'))).toBe(false);
    expect(existsSync(join(outDir, '404'))).toBe(false);
    expect(existsSync(join(outDir, 'gone'))).toBe(false);
  });
});

/**
 * What the page writer relies on in Astro itself (node_modules/astro, the pinned version):
 * a page whose response has no body is counted as built but not written. Astro's own
 * renderPath decides it; should a new Astro write (or fail on) such a page, this fails
 * long before a slow suite would.
 */
describe("Astro's renderPath", () => {
  type RenderPath = typeof import('../../node_modules/astro/dist/core/build/generate.js').renderPath;
  type Payload = Parameters<RenderPath>[0];
  const load = async () => (await import('../../node_modules/astro/dist/core/build/generate.js')).renderPath;
  const payload = (body: string | null): Payload =>
    ({
      prerenderer: {
        ...astro,
        render: () => Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': 'text/html' } })),
      },
      pathname: '/schools/s1/',
      route: {
        type: 'page',
        route: '/schools/[id]',
        component: 'src/pages/schools/[id].astro',
        params: ['id'],
        segments: [[{ content: 'schools', dynamic: false, spread: false }], [{ content: 'id', dynamic: true, spread: false }]],
        fallbackRoutes: [],
        isIndex: false,
      },
      options: {
        origin: 'http://x',
        settings: {
          buildOutput: 'static',
          config: {
            base: '/',
            trailingSlash: 'ignore',
            outDir: new URL('file:///out/'),
            publicDir: new URL('file:///nowhere/'),
            build: { format: 'directory' },
          },
        },
      },
      logger: { error: () => undefined, info: () => undefined, warn: () => undefined },
    }) as unknown as Payload;

  it('writes no file for a page with an empty body, and one for a page with a body', async () => {
    const renderPath = await load();
    await expect(renderPath(payload(null))).resolves.toBeNull();
    const written = await renderPath(payload('<p>s1</p>'));
    expect(written?.outFile.href).toBe('file:///out/schools/s1/index.html');
    expect(Buffer.from(written!.body).toString()).toBe('<p>s1</p>');
  });
});
