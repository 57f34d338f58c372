/** One timed step of the benchmark (scripts/bench.ts), and the median of several runs of it. */

export interface Step {
  secs: number;
  /** User + system CPU seconds of the step's whole process tree (Hugo, Pagefind and parallel Astro shards use both cores). */
  cpuSecs: number;
  /** Peak RSS of the largest single process (/usr/bin/time -v). */
  rssMB: number;
  /** Peak of the summed RSS of all the step's processes, sampled from /proc every 200 ms: what the budget counts. */
  sumRssMB: number;
  ok: boolean;
  /** Last lines of stderr when the step failed. */
  error?: string | undefined;
}

/**
 * Several runs of one step as one: the median wall and CPU time (with an even count, the mean
 * of the two middle runs, as a median is), and the highest memory of all of them, since the
 * memory budgets hold for every run. A failed run makes the step failed.
 */
export function medianStep(steps: Step[]): Step {
  const failed = steps.find((s) => !s.ok);
  if (failed) return failed;
  const byTime = [...steps].sort((a, b) => a.secs - b.secs);
  const middle = byTime.slice(Math.floor((byTime.length - 1) / 2), Math.floor(byTime.length / 2) + 1);
  const mean = (pick: (s: Step) => number) => middle.reduce((sum, s) => sum + pick(s), 0) / middle.length;
  return {
    secs: mean((s) => s.secs),
    cpuSecs: mean((s) => s.cpuSecs),
    rssMB: Math.max(...steps.map((s) => s.rssMB)),
    sumRssMB: Math.max(...steps.map((s) => s.sumRssMB)),
    ok: true,
  };
}
