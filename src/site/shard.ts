/**
 * Routes built in parallel processes (scripts/build.ts). ASTRO_SHARD="i/n" tells one
 * `astro build` process to render only slice i of n of the dynamic routes; every process
 * renders the few static pages, and the build merges the slices into one site that is
 * byte-identical to a one-process build. Without ASTRO_SHARD every path is rendered.
 *
 * The slice of a path is a hash of its route and params, so it does not depend on the
 * order of the data or on the other paths: adding a school moves no other page.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';

interface Shard {
  index: number;
  count: number;
}

function parseShard(value: string | undefined): Shard | undefined {
  if (!value) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index >= count) throw new Error(`ASTRO_SHARD 应写成“序号/总数”（如 0/2），而不是“${value}”`);
  return { index, count };
}

const shard = parseShard(process.env.ASTRO_SHARD);

/** The slice (0 … count-1) a route's path falls in. */
function shardOf(route: string, params: Record<string, string | number | undefined>, count: number): number {
  const key = `${route}\0${Object.keys(params)
    .sort()
    .map((k) => `${k}=${params[k] ?? ''}`)
    .join('\0')}`;
  return createHash('sha1').update(key).digest().readUInt32BE(0) % count;
}

/** A route's getStaticPaths result, cut to this process's slice when ASTRO_SHARD is set. */
export function shardPaths<T extends { params: Record<string, string | number | undefined> }>(route: string, paths: T[]): T[] {
  if (!shard || shard.count === 1) return paths;
  return paths.filter((p) => shardOf(route, p.params, shard.count) === shard.index);
}

/**
 * In a sharded build each process sees only its own pages, so the sitemap is written once
 * after the merge (scripts/lib/shards.ts); this integration, used instead of the sitemap's
 * in a shard, writes the pathnames the process built to ASTRO_SHARD_PAGES.
 */
export function shardPagesIntegration(): AstroIntegration {
  return {
    name: 'shard-pages',
    hooks: {
      'astro:build:done': ({ pages }) => {
        const file = process.env.ASTRO_SHARD_PAGES;
        if (file) writeFileSync(file, JSON.stringify(pages.map((p) => p.pathname)));
      },
    },
  };
}

/** True when this process builds one slice of a sharded build. */
export const isShard = shard !== undefined;
