import { describe, expect, it } from 'vitest';
import { defaultNodeLifecycleConfig } from './nodeLifecycleConfig.js';
import { computeZoneState, evictionRateFor } from './zoneState.js';

describe('computeZoneState', () => {
  it('is FullDisruption when no node is ready and one is not', () => {
    expect(computeZoneState(0, 1, 0.55)).toBe('FullDisruption');
    expect(computeZoneState(0, 0, 0.55)).toBe('Normal');
  });

  it('is PartialDisruption only with more than 2 not ready and at least the threshold', () => {
    expect(computeZoneState(2, 3, 0.55)).toBe('PartialDisruption'); // 60 %
    expect(computeZoneState(1, 2, 0.55)).toBe('Normal'); // 67 % but only 2
    expect(computeZoneState(45, 55, 0.55)).toBe('PartialDisruption'); // exactly 55 %
    expect(computeZoneState(46, 54, 0.55)).toBe('Normal'); // 54 %
  });
});

describe('evictionRateFor', () => {
  it('keeps the normal rate for Normal and FullDisruption', () => {
    expect(evictionRateFor('Normal', 3, defaultNodeLifecycleConfig)).toBe(0.1);
    expect(evictionRateFor('FullDisruption', 3, defaultNodeLifecycleConfig)).toBe(0.1);
  });

  it('uses the secondary rate above 50 nodes and stops at or below', () => {
    expect(evictionRateFor('PartialDisruption', 51, defaultNodeLifecycleConfig)).toBe(0.01);
    expect(evictionRateFor('PartialDisruption', 50, defaultNodeLifecycleConfig)).toBe(0);
    expect(evictionRateFor('PartialDisruption', 3, defaultNodeLifecycleConfig)).toBe(0);
  });
});
