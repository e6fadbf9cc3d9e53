import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { seededRandomSource } from '../sources.js';
import type { RandomSource } from '../sources.js';
import { chooseEndpoint } from './chooseEndpoint.js';

/** A RandomSource that replays scripted draws and records the bounds asked for. */
function scripted(draws: number[]): RandomSource & { bounds: number[] } {
  const bounds: number[] = [];
  let i = 0;
  return {
    bounds,
    nextInt(bound: number) {
      bounds.push(bound);
      const v = draws[i++];
      if (v === undefined) throw new RangeError('script exhausted');
      return v;
    },
  };
}

describe('chooseEndpoint', () => {
  it('follows the probability chain: one draw per rule with bound n − i', () => {
    const eps = ['a', 'b', 'c', 'd'];
    const first = scripted([0]);
    expect(chooseEndpoint(eps, first)).toBe('a');
    expect(first.bounds).toEqual([4]);

    const third = scripted([1, 1, 0]);
    expect(chooseEndpoint(eps, third)).toBe('c');
    expect(third.bounds).toEqual([4, 3, 2]);
  });

  it('takes the last endpoint unconditionally after every rule missed', () => {
    const r = scripted([3, 2, 1]);
    expect(chooseEndpoint(['a', 'b', 'c', 'd'], r)).toBe('d');
    expect(r.bounds).toEqual([4, 3, 2]);
  });

  it('makes no draw for one endpoint and returns undefined for none', () => {
    const r = scripted([]);
    expect(chooseEndpoint(['only'], r)).toBe('only');
    expect(chooseEndpoint<string>([], r)).toBeUndefined();
    expect(r.bounds).toEqual([]);
  });

  it('gives every endpoint probability exactly 1/n (all draw outcomes enumerated)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), (n) => {
        const eps = Array.from({ length: n }, (_, i) => i);
        const mass = new Array<number>(n).fill(0);
        // Depth-first over every sequence of draws the chain can ask for, weighting each path.
        const explore = (prefix: number[], weight: number): void => {
          let depth = 0;
          let pendingBound = 0;
          const probe: RandomSource = {
            nextInt(bound) {
              const v = prefix[depth++];
              if (v !== undefined) return v;
              pendingBound = bound;
              throw new RangeError('branch');
            },
          };
          try {
            const chosen = chooseEndpoint(eps, probe);
            if (chosen !== undefined) mass[chosen] = (mass[chosen] ?? 0) + weight;
          } catch {
            for (let v = 0; v < pendingBound; v++) explore([...prefix, v], weight / pendingBound);
          }
        };
        explore([], 1);
        for (const m of mass) expect(m).toBeCloseTo(1 / n, 12);
      }),
    );
  });

  it('is uniform over many seeded draws', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), fc.nat(), (n, seed) => {
        const random = seededRandomSource(seed);
        const counts = new Array<number>(n).fill(0);
        const trials = 6000;
        const eps = Array.from({ length: n }, (_, i) => i);
        for (let t = 0; t < trials; t++) {
          const c = chooseEndpoint(eps, random) ?? -1;
          counts[c] = (counts[c] ?? 0) + 1;
        }
        const expected = trials / n;
        // 6 standard deviations: a wrong chain (e.g. first-rule bias) fails by far more.
        const sd = Math.sqrt(trials * (1 / n) * (1 - 1 / n));
        for (const c of counts) expect(Math.abs(c - expected)).toBeLessThan(6 * sd);
      }),
      { numRuns: 20 },
    );
  });
});
