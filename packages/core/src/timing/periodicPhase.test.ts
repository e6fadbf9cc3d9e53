import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { InvalidArgumentError } from '../errors.js';
import { nextPhase, nextPhaseAfter, probeDetectionTime } from './periodicPhase.js';

describe('nextPhase', () => {
  it('finds the node-monitor pass at or after an instant', () => {
    expect(nextPhase(0, 5000)).toBe(0);
    expect(nextPhase(12_000, 5000)).toBe(15_000);
    expect(nextPhase(15_000, 5000)).toBe(15_000);
    expect(nextPhase(3000, 10_000, 7000)).toBe(7000);
    expect(nextPhase(7001, 10_000, 7000)).toBe(17_000);
  });

  it('is the least tick of the form phase + k·period at or after now', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e6, max: 1e9 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.nat({ max: 1e6 }),
        (now, period, phase) => {
          const t = nextPhase(now, period, phase);
          expect(t).toBeGreaterThanOrEqual(now);
          expect(t).toBeGreaterThanOrEqual(phase);
          expect((t - phase) % period).toBe(0);
          expect(t - period < now || t - period < phase).toBe(true);
        },
      ),
    );
  });
});

describe('nextPhaseAfter', () => {
  it('finds the first tick strictly after an instant', () => {
    expect(nextPhaseAfter(15_000, 5000)).toBe(20_000);
    expect(nextPhaseAfter(14_999, 5000)).toBe(15_000);
    expect(nextPhaseAfter(-1, 5000)).toBe(0);
    expect(nextPhaseAfter(0, 5000)).toBe(5000);
  });

  it('is the least tick strictly after t', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e6, max: 1e9 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.nat({ max: 1e6 }),
        (t, period, phase) => {
          const next = nextPhaseAfter(t, period, phase);
          expect(next).toBeGreaterThan(t);
          expect((next - phase) % period).toBe(0);
          expect(next - period <= t || next - period < phase).toBe(true);
        },
      ),
    );
  });

  it('gives the §6.10 node-failure timeline: Unknown in [t0+45 s, t0+60 s)', () => {
    // Node started at 0, renews its lease at k × 10 s, loses power at t0 = 23 s.
    const t0 = 23_000;
    const lastRenewal = nextPhaseAfter(t0 - 10_000, 10_000); // 20 s
    const tau = nextPhase(lastRenewal, 5000); // the monitor pass at 20 s records it
    const unknownAt = nextPhaseAfter(tau + 50_000, 5000); // first pass strictly after τ + grace
    expect([lastRenewal, tau, unknownAt]).toEqual([20_000, 20_000, 75_000]);
    expect(unknownAt - t0).toBeGreaterThanOrEqual(45_000);
    expect(unknownAt - t0).toBeLessThan(60_000);
  });

  it('refuses a period that is not a positive whole number of ms', () => {
    expect(() => nextPhase(0, 0)).toThrow(InvalidArgumentError);
    expect(() => nextPhaseAfter(0, 2.5)).toThrow(InvalidArgumentError);
  });
});

describe('probeDetectionTime', () => {
  const base = { probeStart: 0, periodMs: 10_000, failureThreshold: 3 };

  it('counts the tick at or after the failure as the first failure', () => {
    // probes at 0, 10, 20, 30, 40 s
    expect(probeDetectionTime({ ...base, failingFrom: 15_000 })).toBe(40_000); // 20, 30, 40
    expect(probeDetectionTime({ ...base, failingFrom: 20_000 })).toBe(40_000); // 20 counts
    expect(probeDetectionTime({ ...base, failingFrom: 20_001 })).toBe(50_000);
    expect(probeDetectionTime({ ...base, failingFrom: 0 })).toBe(20_000);
  });

  it('follows the probe phase set by initialDelaySeconds', () => {
    // container started at 2 s, initialDelaySeconds 3 → probes at 5, 15, 25, 35 s
    expect(
      probeDetectionTime({
        probeStart: 5000,
        periodMs: 10_000,
        failureThreshold: 3,
        failingFrom: 12_000,
      }),
    ).toBe(35_000);
    // a failure that starts before the first probe is seen by the first probe
    expect(
      probeDetectionTime({
        probeStart: 5000,
        periodMs: 10_000,
        failureThreshold: 1,
        failingFrom: 0,
      }),
    ).toBe(5000);
  });

  it('detects at most failureThreshold × period after the failure starts', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 1e7 }),
        fc.integer({ min: 1, max: 60_000 }),
        fc.integer({ min: 1, max: 10 }),
        fc.nat({ max: 1e8 }),
        (probeStart, periodMs, failureThreshold, failingFrom) => {
          const t = probeDetectionTime({ probeStart, periodMs, failureThreshold, failingFrom });
          const from = Math.max(failingFrom, probeStart);
          expect(t).toBeGreaterThanOrEqual(from + (failureThreshold - 1) * periodMs);
          expect(t).toBeLessThan(from + failureThreshold * periodMs);
          expect((t - probeStart) % periodMs).toBe(0);
        },
      ),
    );
  });

  it('refuses a threshold below 1', () => {
    expect(() => probeDetectionTime({ ...base, failureThreshold: 0, failingFrom: 0 })).toThrow(
      InvalidArgumentError,
    );
  });
});
