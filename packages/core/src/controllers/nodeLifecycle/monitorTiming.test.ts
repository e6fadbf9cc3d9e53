import { describe, expect, it } from 'vitest';
import { defaultNodeLifecycleConfig } from './nodeLifecycleConfig.js';
import { firstPassAtOrAfter, unknownTransitionTime } from './monitorTiming.js';

/** The last lease renewal strictly before a crash at t0, renewals at start + k × 10 s (§6.10). */
function lastRenewalBefore(t0: number, start: number): number {
  return start + Math.floor((t0 - 1 - start) / 10_000) * 10_000;
}

describe('firstPassAtOrAfter', () => {
  it('rounds up to the next multiple of the period and keeps an exact pass', () => {
    expect(firstPassAtOrAfter(0, 5000)).toBe(0);
    expect(firstPassAtOrAfter(1, 5000)).toBe(5000);
    expect(firstPassAtOrAfter(12_000, 5000)).toBe(15_000);
    expect(firstPassAtOrAfter(15_000, 5000)).toBe(15_000);
  });
});

describe('unknownTransitionTime', () => {
  it('is the first pass strictly after the observing pass plus the grace period', () => {
    // τ = 15 s; 15 + 50 = 65 s is a pass but not strictly after → 70 s.
    expect(unknownTransitionTime(12_000, defaultNodeLifecycleConfig)).toBe(70_000);
    // A renewal exactly at a pass is observed by it: τ = 20 s → 75 s.
    expect(unknownTransitionTime(20_000, defaultNodeLifecycleConfig)).toBe(75_000);
  });

  it('uses the startup grace period for a node that never posted Ready', () => {
    expect(unknownTransitionTime(0, defaultNodeLifecycleConfig, true)).toBe(65_000);
    expect(unknownTransitionTime(0, defaultNodeLifecycleConfig, false)).toBe(55_000);
  });

  it('lands in [t0 + 45 s, t0 + 60 s) for every crash instant and kubelet phase (timeline B)', () => {
    for (const start of [0, 1000, 3000, 7777, 9999]) {
      for (let t0 = start + 10_001; t0 < start + 80_000; t0 += 137) {
        const at = unknownTransitionTime(lastRenewalBefore(t0, start), defaultNodeLifecycleConfig);
        expect(at % 5000).toBe(0);
        expect(at).toBeGreaterThanOrEqual(t0 + 45_000);
        expect(at).toBeLessThan(t0 + 60_000);
      }
    }
  });

  it('is exactly 10 s earlier with the pre-1.32 grace period of 40 s', () => {
    const old = { ...defaultNodeLifecycleConfig, nodeMonitorGracePeriod: 40_000 };
    for (const lastRenewal of [0, 2500, 12_000, 20_000, 33_333]) {
      expect(unknownTransitionTime(lastRenewal, old)).toBe(
        unknownTransitionTime(lastRenewal, defaultNodeLifecycleConfig) - 10_000,
      );
    }
  });
});
