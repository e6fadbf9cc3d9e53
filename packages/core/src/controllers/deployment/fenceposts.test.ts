import { describe, it, expect } from 'vitest';
import { resolveFenceposts, scaledValue } from './fenceposts.js';

describe('resolveFenceposts (§7.8)', () => {
  it('rounds maxSurge up and maxUnavailable down: replicas 3 → surge 1, unavailable 0', () => {
    expect(resolveFenceposts('25%', '25%', 3)).toEqual([1, 0]);
  });

  it('gives surge 3 and unavailable 2 for replicas 10 with the defaults', () => {
    expect(resolveFenceposts('25%', '25%', 10)).toEqual([3, 2]);
  });

  it('turns both-zero into maxUnavailable 1', () => {
    expect(resolveFenceposts(0, 0, 5)).toEqual([0, 1]);
    expect(resolveFenceposts('0%', '10%', 5)).toEqual([0, 1]);
  });

  it('keeps absolute numbers as they are', () => {
    expect(resolveFenceposts(2, 1, 100)).toEqual([2, 1]);
    expect(scaledValue(7, 3, false)).toBe(7);
  });

  it('refuses a malformed percentage with a typed error', () => {
    expect(() => scaledValue('25 percent', 4, true)).toThrow(/string is not a percentage/);
  });
});
