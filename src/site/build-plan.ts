/**
 * The build plan: what scripts/build.ts decided, written once to a JSON file that every Astro
 * process it starts reads (BUILD_PLAN names the file, BUILD_SHARD the process's place in it).
 * It replaces the environment variables the parts of the build used to pass each other.
 *
 * Without a plan (`astro dev`, `astro check`, a bare `astro build`) every process renders
 * every page, validates the data itself and writes to ASTRO_OUT_DIR or dist/.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

const shardPlan = z.object({
  /** Astro's outDir for this process: static pages and assets, merged afterwards. */
  outDir: z.string(),
  /** Astro's cacheDir: one per process and data root. */
  cacheDir: z.string(),
  /** Where the process writes the pathnames it built (for the one sitemap). */
  pagesFile: z.string(),
});

const buildPlan = z.object({
  /** The project whose data/ and content/ are built. */
  dataRoot: z.string(),
  /** The dataset validated once, as JSON: every process reads it instead of validating again. */
  dataset: z.string(),
  /** The site being built: the dynamic routes' pages are written straight into it. */
  pagesDir: z.string(),
  /** One entry per Astro process; each renders the slice of the dynamic routes at its index. */
  shards: z.array(shardPlan).min(1),
});

export type BuildPlan = z.infer<typeof buildPlan>;

/** This process's part of the plan. */
export interface PlannedProcess {
  plan: BuildPlan;
  index: number;
  shard: BuildPlan['shards'][number];
}

export function writeBuildPlan(file: string, plan: BuildPlan): void {
  writeFileSync(file, `${JSON.stringify(buildPlan.parse(plan), null, 2)}\n`);
}

/** The plan this process was started with, or undefined without one; a malformed plan throws. */
export function readBuildPlan(env: NodeJS.ProcessEnv = process.env): PlannedProcess | undefined {
  const file = env.BUILD_PLAN;
  if (!file) return undefined;
  const plan = buildPlan.parse(JSON.parse(readFileSync(file, 'utf8')));
  const index = Number(env.BUILD_SHARD ?? 0);
  const shard = plan.shards[index];
  if (!Number.isInteger(index) || !shard)
    throw new Error(`BUILD_SHARD 应是构建计划 ${file} 中的进程序号（0 到 ${plan.shards.length - 1}），而不是“${env.BUILD_SHARD}”`);
  return { plan, index, shard };
}

let current: PlannedProcess | undefined | null = null;

/** The plan of this process, read once. */
export function buildPlanOfThisProcess(): PlannedProcess | undefined {
  if (current === null) current = readBuildPlan();
  return current;
}
