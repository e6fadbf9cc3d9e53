import { describe, it, expect } from 'vitest';
import { Clock } from './clock.js';
import { TimeTravelError } from './engineErrors.js';

describe('Clock', () => {
  it('starts at 0 at 2025-01-01T00:00:00Z and advances in whole ms', () => {
    const clock = new Clock();
    expect(clock.now).toBe(0);
    expect(clock.timestamp()).toBe('2025-01-01T00:00:00Z');
    clock.advanceTo(5000);
    clock.advanceTo(5000);
    expect(clock.now).toBe(5000);
    expect(clock.timestamp()).toBe('2025-01-01T00:00:05Z');
    expect(clock.epochMs(1)).toBe(clock.startTime + 1);
  });

  it('never moves backwards or to a fractional instant', () => {
    const clock = new Clock(0);
    clock.advanceTo(10);
    expect(() => {
      clock.advanceTo(9);
    }).toThrow(TimeTravelError);
    expect(() => {
      clock.advanceTo(10.5);
    }).toThrow(TimeTravelError);
    expect(clock.now).toBe(10);
    expect(clock.timestamp()).toBe('1970-01-01T00:00:00.010Z');
  });
});
