// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { SITE_URL, BASE_PATH } from './src/site/config.ts';
import { mdxBodyGuard } from './src/site/mdx-guard.ts';
import { syncPageWriter } from './src/site/page-writer.ts';
import { isShard, shardPagesIntegration } from './src/site/shard.ts';
import { buildPlanOfThisProcess } from './src/site/build-plan.ts';

// scripts/build.ts plans each process's folders (src/site/build-plan.ts); without a plan, ASTRO_OUT_DIR or dist/.
const planned = buildPlanOfThisProcess();

export default defineConfig({
  site: SITE_URL,
  base: BASE_PATH,
  trailingSlash: 'always',
  output: 'static',
  outDir: planned?.shard.outDir ?? process.env.ASTRO_OUT_DIR ?? 'dist',
  // scripts/build.ts gives each data root its own cache, so a build never reads another root's content store.
  cacheDir: planned?.shard.cacheDir ?? './node_modules/.astro',
  // One page at a time: pages are written synchronously (src/site/page-writer.ts), so rendering
  // several at once overlaps nothing, and Astro would queue up to 100,000 of them at once (at 200 k
  // schools: 181 s and a 2,883 MB summed peak, against 208 s and 3,072 MB with 4).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: Number(process.env.ASTRO_CONCURRENCY ?? 1) },
  // Astro's default processor plus a guard: no MDX body compiles unless it passes the body policy.
  markdown: { processor: satteri({ mdastPlugins: [mdxBodyGuard] }) },
  // A process of a planned build (src/site/shard.ts) sees only its own pages: scripts/build.ts
  // writes the sitemap once, over the merged site, with the same integration.
  // Pages are written synchronously as they render (src/site/page-writer.ts): the same files, less CPU.
  integrations: [mdx(), syncPageWriter(), isShard ? shardPagesIntegration() : sitemap()],
  // Astro hashes its own scripts and styles into a CSP <meta>: no 'unsafe-inline'.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  devToolbar: { enabled: false },
  prefetch: false,
});
