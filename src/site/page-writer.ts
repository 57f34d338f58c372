/**
 * Pages written to disk synchronously as they are rendered, instead of by Astro.
 *
 * Astro writes each page with an awaited `fs.promises.mkdir` and `writeFile`: four trips
 * through libuv's thread pool per page (mkdir, open, write, close), about 31 s of the 222 s
 * in a profile of one 200 k shard. Written synchronously, the same system calls run without
 * the hand-offs and the promise machinery around them. This integration wraps Astro's own
 * prerenderer (Astro 7's `setPrerenderer`): each page is rendered exactly as before, written
 * with one `mkdirSync` and one `writeFileSync`, and Astro gets back a response without a
 * body, which it counts as built (the sitemap lists it) but does not write. A build that is
 * not `--silent` notes each such page as "file not created"; scripts/build.ts builds silently.
 *
 * Only ordinary pages take this path. Endpoints, redirects, the 404 page and anything that
 * is not a 200 keep Astro's, which knows their file names.
 *
 * In a planned build (scripts/build.ts, src/site/build-plan.ts) the plan's pagesDir is the site being built: each shard
 * writes its slice of the dynamic routes' pages (src/site/shard.ts) straight there, so the
 * merge has only the few static pages and assets every shard writes to compare and move.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { buildPlanOfThisProcess } from './build-plan.ts';

/** The file a page's URL is written to in the `directory` build format: `<outDir><path>index.html`. */
export function pageFile(outDir: string, base: string, url: string): string {
  const pathname = decodeURIComponent(new URL(url).pathname);
  const withinBase = pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
  return join(outDir, withinBase, 'index.html');
}

/**
 * Astro's prerenderer, writing pages itself: a dynamic route's page (one with params) into
 * `pagesDir`, any other into `outDir`.
 */
export function syncWriting(astro: AstroPrerenderer, outDir: string, base: string, pagesDir = outDir): AstroPrerenderer {
  return {
    ...astro,
    name: 'sync-page-writer',
    async render(request, options) {
      const rendered = await astro.render(request, options);
      const response = rendered instanceof Response ? rendered : rendered.response;
      const route = options.routeData;
      if (route.type !== 'page' || route.route === '/404' || route.route === '/500' || response.status !== 200) return rendered;
      const file = pageFile(route.params.length > 0 ? pagesDir : outDir, base, request.url);
      // Every page has a folder of its own (`<path>/index.html`): nothing to remember between pages.
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, new Uint8Array(await response.arrayBuffer()));
      // Let the event loop turn. Nothing Astro awaits per page waits on I/O once its CSP
      // digests are cached (scripts/patches), so page after page would render in one run of
      // microtasks, V8's garbage-collection tasks would never run and memory would grow: 1,720 MB
      // summed peak at 50 k schools, 1,590 MB with this.
      await new Promise(setImmediate);
      const empty = new Response(null, { status: 200, headers: response.headers });
      return rendered instanceof Response ? empty : { ...rendered, response: empty };
    },
  };
}

export function syncPageWriter(): AstroIntegration {
  let outDir = '';
  let base = '/';
  return {
    name: 'sync-page-writer',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (config.build.format !== 'directory') throw new Error('sync-page-writer 只支持 build.format: directory');
        outDir = fileURLToPath(config.outDir);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:start': ({ setPrerenderer }) => {
        setPrerenderer((astro) => syncWriting(astro, outDir, base, buildPlanOfThisProcess()?.plan.pagesDir ?? outDir));
      },
    },
  };
}
