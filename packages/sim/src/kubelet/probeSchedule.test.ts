import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { checkSucceeds, nextFlip } from './probeSchedule.js';
import type { ProbeOutcome, ProbeTiming } from './probeSchedule.js';

/** The prober worker, tick by tick: adopt a result after `threshold` consecutive equal results. */
function referenceFlip(
  timing: ProbeTiming,
  outcome: ProbeOutcome,
  state: boolean,
  horizon: number,
): number | undefined {
  let run = 0;
  for (let t = timing.phase; t <= horizon; t += timing.periodMs) {
    if (t < timing.firstCounted) continue;
    const r = checkSucceeds(outcome, t);
    if (r === state) {
      run = 0;
      continue;
    }
    run++;
    if (run >= (r ? timing.successThreshold : timing.failureThreshold)) return t;
  }
  return undefined;
}

const timing = (over: Partial<ProbeTiming> = {}): ProbeTiming => ({
  phase: 0,
  firstCounted: 0,
  periodMs: 10_000,
  successThreshold: 1,
  failureThreshold: 3,
  ...over,
});

describe('nextFlip', () => {
  it('detects a failure starting between ticks at the threshold-th failing tick', () => {
    const outcome = { successFrom: 0, failing: [{ from: 15_000, until: Infinity }] };
    expect(nextFlip(timing(), outcome, true, -Infinity)).toBe(40_000);
  });

  it('counts a tick at the very start of a window as failing', () => {
    const outcome = { successFrom: 0, failing: [{ from: 20_000, until: Infinity }] };
    expect(nextFlip(timing(), outcome, true, -Infinity)).toBe(40_000);
  });

  it('never flips for fewer consecutive failures than the threshold', () => {
    const outcome = { successFrom: 0, failing: [{ from: 15_000, until: 35_000 }] };
    expect(nextFlip(timing(), outcome, true, -Infinity)).toBeUndefined();
  });

  it('joins adjacent windows into one run of failures', () => {
    const outcome = {
      successFrom: 0,
      failing: [
        { from: 15_000, until: 25_000 },
        { from: 25_000, until: 45_000 },
      ],
    };
    expect(nextFlip(timing(), outcome, true, -Infinity)).toBe(40_000);
  });

  it('becomes ready at the first passing tick, then only counts ticks after a flip', () => {
    const outcome = { successFrom: 15_000, failing: [] };
    expect(nextFlip(timing(), outcome, false, -Infinity)).toBe(20_000);
    expect(nextFlip(timing(), outcome, true, 20_000)).toBeUndefined();
    expect(nextFlip(timing({ successThreshold: 2 }), outcome, false, -Infinity)).toBe(30_000);
  });

  it('agrees with a tick-by-tick prober for any windows and thresholds', () => {
    const windowArb = fc
      .tuple(fc.nat({ max: 200 }), fc.option(fc.integer({ min: 1, max: 80 }), { nil: undefined }))
      .map(([from, len]) => ({
        from: from * 1000,
        until: len === undefined ? Infinity : (from + len) * 1000,
      }));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 15 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 5 }),
        fc.nat({ max: 60 }),
        fc.array(windowArb, { maxLength: 4 }),
        fc.boolean(),
        fc.nat({ max: 40 }),
        (period, phase, sT, fT, successFrom, failing, state, firstCounted) => {
          const t = timing({
            phase: phase * 1000,
            firstCounted: firstCounted * 1000,
            periodMs: period * 1000,
            successThreshold: sT,
            failureThreshold: fT,
          });
          const outcome = { successFrom: successFrom * 1000, failing };
          const horizon = 1_000_000;
          const expected = referenceFlip(t, outcome, state, horizon);
          const got = nextFlip(t, outcome, state, -Infinity);
          expect(got === undefined || got > horizon ? undefined : got).toBe(expected);
        },
      ),
    );
  });
});
