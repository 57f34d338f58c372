/**
 * Routes built in parallel processes (scripts/build.ts). The build plan
 * (src/site/build-plan.ts) tells process i of n to render only slice i of the dynamic
 * routes; every process renders the few static pages, and the build merges the slices into
 * one site, the same bytes for any n. Without a plan every path is rendered.
 *
 * The slice of a path is a hash of its route and params, so it does not depend on the
 * order of the data or on the other paths: adding a school moves no other page.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { buildPlanOfThisProcess } from './build-plan.ts';

const planned = buildPlanOfThisProcess();
const shard = planned ? { index: planned.index, count: planned.plan.shards.length } : undefined;

/** The slice (0 … count-1) a route's path falls in. */
function shardOf(route: string, params: Record<string, string | number | undefined>, count: number): number {
  const key = `${route}\0${Object.keys(params)
    .sort()
    .map((k) => `${k}=${params[k] ?? ''}`)
    .join('\0')}`;
  return createHash('sha1').update(key).digest().readUInt32BE(0) % count;
}

/** A route's getStaticPaths result, cut to this process's slice of a planned build. */
export function shardPaths<T extends { params: Record<string, string | number | undefined> }>(route: string, paths: T[]): T[] {
  if (!shard || shard.count === 1) return paths;
  return paths.filter((p) => shardOf(route, p.params, shard.count) === shard.index);
}

/**
 * In a planned build each process sees only its own pages, so the sitemap is written once
 * after the merge (scripts/lib/shards.ts); this integration, used instead of the sitemap's,
 * writes the pathnames the process built to its plan's pagesFile.
 */
export function shardPagesIntegration(): AstroIntegration {
  return {
    name: 'shard-pages',
    hooks: {
      'astro:build:done': ({ pages }) => {
        if (planned) writeFileSync(planned.shard.pagesFile, JSON.stringify(pages.map((p) => p.pathname)));
      },
    },
  };
}

/** True when this process builds a slice (maybe the only one) of a planned build. */
export const isShard = shard !== undefined;
