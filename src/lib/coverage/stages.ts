/**
 * Like with like: which listed schools and groups a figure for one stage is set against.
 * A figure's `stage` (data/statistics.csv) names a stage term; the listed side counts only
 * what surely lies within it, and says how many more might (a school recorded only as
 * 中学 or 学段不详). A figure whose stage the source does not state is compared with nothing.
 */

/** The school stages (data/terms.csv, kind stage) each figure stage takes in. */
const WITHIN: Record<string, readonly string[]> = {
  preschool: ['preschool'],
  primary: ['primary', 'nine-year'],
  junior: ['junior', 'nine-year', 'complete'],
  senior: ['senior', 'complete'],
  'senior-general': ['senior', 'complete'],
  compulsory: ['primary', 'junior', 'nine-year', 'complete'],
  'nine-year': ['nine-year'],
  complete: ['complete'],
};
/** A figure stage that takes in every school. */
export const ALL_STAGES = 'all-stages';
/** School stages that might be any of several: what they could be. */
const COULD_BE: Record<string, readonly string[]> = {
  secondary: ['junior', 'senior', 'complete'],
  unknown: ['preschool', 'primary', 'junior', 'senior', 'nine-year', 'complete'],
};

export type StageFit = 'in' | 'out' | 'maybe';

/** True when a figure of this stage can be set against the site's lists at all. */
export const comparableStage = (figureStage: string | undefined): figureStage is string =>
  figureStage !== undefined && (figureStage === ALL_STAGES || figureStage in WITHIN);

/** Whether a school of `schoolStage` counts toward a figure of `figureStage`. */
export function schoolFits(schoolStage: string, figureStage: string): StageFit {
  if (figureStage === ALL_STAGES) return 'in';
  const within = WITHIN[figureStage] ?? [];
  if (within.includes(schoolStage)) return 'in';
  return (COULD_BE[schoolStage] ?? []).some((s) => within.includes(s)) ? 'maybe' : 'out';
}

/**
 * Whether a group counts toward a figure of `figureStage`: by the stage the source gives the
 * group, else by its listed member schools (all in: in; all out: out; otherwise maybe).
 */
export function groupFits(groupStage: string | undefined, memberStages: readonly string[], figureStage: string): StageFit {
  if (figureStage === ALL_STAGES) return 'in';
  if (groupStage !== undefined) {
    const inner = WITHIN[groupStage] ?? [groupStage];
    const fits = inner.map((s) => schoolFits(s, figureStage));
    return fits.every((f) => f === 'in') ? 'in' : fits.some((f) => f !== 'out') ? 'maybe' : 'out';
  }
  if (memberStages.length === 0) return 'maybe';
  const fits = memberStages.map((s) => schoolFits(s, figureStage));
  return fits.every((f) => f === 'in') ? 'in' : fits.every((f) => f === 'out') ? 'out' : 'maybe';
}
