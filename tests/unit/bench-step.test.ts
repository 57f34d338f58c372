/** Several benchmark runs of one step reported as one (scripts/lib/bench-step.ts). */
import { describe, expect, it } from 'vitest';
import { medianStep, type Step } from '../../scripts/lib/bench-step.ts';

const run = (secs: number, cpuSecs: number, sumRssMB: number, ok = true): Step => ({ secs, cpuSecs, rssMB: sumRssMB / 2, sumRssMB, ok });

describe('medianStep', () => {
  it('takes the median time and the highest memory of all runs', () => {
    const step = medianStep([run(52.8, 97, 1300), run(47.2, 90, 1367), run(50.1, 95, 1290)]);
    expect(step).toEqual({ secs: 50.1, cpuSecs: 95, rssMB: 683.5, sumRssMB: 1367, ok: true });
  });

  it('averages the two middle runs of an even count', () => {
    expect(medianStep([run(40, 80, 1), run(10, 20, 1), run(30, 60, 1), run(20, 40, 1)])).toMatchObject({ secs: 25, cpuSecs: 50 });
  });

  it('is one run unchanged when there is one', () => {
    expect(medianStep([run(12.5, 20, 900)])).toEqual(run(12.5, 20, 900));
  });

  it('is failed when any run failed', () => {
    const failed = { ...run(3, 3, 100, false), error: 'exit 1' };
    expect(medianStep([run(10, 20, 900), failed])).toBe(failed);
  });
});
