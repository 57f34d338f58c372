/**
 * The parallel Astro build's two ends (scripts/build.ts): merging the shards' output
 * directories into one site, and writing the sitemap over the merged site.
 *
 * Each shard (src/site/shard.ts) renders a slice of the dynamic routes, written straight
 * into the merged site, plus every static page and the same client assets, written into a
 * directory of its own: a file two shards both wrote must be byte-identical; if not, the merge
 * stops rather than pick one.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sitemap from '@astrojs/sitemap';
import config from '../../astro.config.mjs';
import { moveSync } from './move.ts';

/** Moves everything under `from` into `into`; a file both hold must be byte-identical. */
function mergeInto(from: string, into: string, rel: string): void {
  for (const e of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, e.name);
    const target = join(into, e.name);
    const path = rel ? `${rel}/${e.name}` : e.name;
    if (!existsSync(target)) moveSync(source, target);
    else if (e.isDirectory()) mergeInto(source, target, path);
    else if (!readFileSync(source).equals(readFileSync(target)))
      throw new Error(
        `分片构建的结果不一致：两个分片都写了 ${path}，但内容不同。两个进程渲染同一页面应得到相同的字节；请找出该页面依赖进程状态的地方。`,
      );
  }
}

/**
 * Moves the shards' directories into `into`, which already holds the pages the shards wrote
 * there themselves (src/site/page-writer.ts) and the records' JSON; the directories are consumed.
 */
export function mergeShards(shardDirs: string[], into: string): void {
  mkdirSync(into, { recursive: true });
  for (const dir of shardDirs) {
    mergeInto(dir, into, '');
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One of the integration's hooks, called with just the fields the sitemap reads. */
type Hook = (arg: object) => void | Promise<void>;

/**
 * The sitemap of the merged site, written by the same integration and options a
 * one-process build uses (astro.config.mjs), from the pathnames every shard built. The
 * integration sorts its URLs, so the order the shards come in does not matter.
 */
export async function writeSitemap(dir: string, pathnames: string[]): Promise<void> {
  const hooks = sitemap().hooks;
  const fail = (message: string) => {
    throw new Error(`站点地图：${message}`);
  };
  const logger = { info: () => undefined, warn: fail, error: fail };
  // Static page routes are among the pages built, so the route list adds nothing.
  await (hooks['astro:routes:resolved'] as Hook)({ routes: [] });
  await (hooks['astro:config:done'] as Hook)({
    config: { site: config.site, base: config.base, trailingSlash: config.trailingSlash, build: { format: config.build?.format } },
  });
  await (hooks['astro:build:done'] as Hook)({
    dir: pathToFileURL(`${dir}/`),
    pages: pathnames.map((pathname) => ({ pathname })),
    logger,
  });
}
