import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { InvalidArgumentError } from './engineErrors.js';
import { RandomStreams } from './randomStreams.js';
import type { RandomStream } from './randomStream.js';

const draw = (s: RandomStream, n: number): number[] =>
  Array.from({ length: n }, () => s.nextInt(1_000_000));

describe('RandomStreams', () => {
  it('replays the same sequence for the same seed and name', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.string()), fc.string(), (seed, name) => {
        const a = draw(new RandomStreams(seed).stream(name), 20);
        const b = draw(new RandomStreams(seed).stream(name), 20);
        expect(a).toEqual(b);
      }),
    );
  });

  it('does not shift a stream when another stream is created or drawn from', () => {
    const alone = draw(new RandomStreams(7).stream('scheduler'), 50);
    const streams = new RandomStreams(7);
    const s = streams.stream('scheduler');
    const first = draw(s, 25);
    draw(streams.stream('node/node-0'), 100);
    draw(streams.stream('traffic/web'), 3);
    expect([...first, ...draw(s, 25)]).toEqual(alone);
  });

  it('gives different names different sequences', () => {
    const streams = new RandomStreams('seed');
    expect(draw(streams.stream('a'), 10)).not.toEqual(draw(streams.stream('b'), 10));
  });

  it('gives different seeds different sequences', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), (x, y) => {
        fc.pre(x !== y);
        expect(draw(new RandomStreams(x).stream('s'), 10)).not.toEqual(
          draw(new RandomStreams(y).stream('s'), 10),
        );
      }),
    );
  });

  it('reads a numeric seed as its decimal text', () => {
    expect(new RandomStreams(42).seed).toBe('42');
    expect(draw(new RandomStreams(42).stream('x'), 5)).toEqual(
      draw(new RandomStreams('42').stream('x'), 5),
    );
  });

  it('keeps seed and name apart when their concatenation is the same', () => {
    expect(draw(new RandomStreams('a/b').stream('c'), 10)).not.toEqual(
      draw(new RandomStreams('a').stream('b/c'), 10),
    );
  });

  it('returns one stream instance per name and lists names sorted', () => {
    const streams = new RandomStreams(1);
    expect(streams.stream('z')).toBe(streams.stream('z'));
    streams.stream('a');
    expect(streams.streamNames()).toEqual(['a', 'z']);
  });

  it('pins the first draws of a known seed so a generator change is noticed', () => {
    // Regression pin: seed 2025, stream 'pin'. If this changes, recorded replays change too.
    expect(draw(new RandomStreams(2025).stream('pin'), 3)).toEqual([474448, 257363, 14361]);
  });

  it('refuses a non-finite numeric seed', () => {
    expect(() => new RandomStreams(Number.NaN)).toThrow(InvalidArgumentError);
  });
});

describe('RandomStream', () => {
  it('draws integers in [0, bound) and floats in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 2 ** 40 }), (seed, bound) => {
        const s = new RandomStreams(seed).stream('r');
        for (let i = 0; i < 20; i++) {
          const v = s.nextInt(bound);
          expect(Number.isInteger(v) && v >= 0 && v < bound).toBe(true);
          const f = s.nextFloat();
          expect(f >= 0 && f < 1).toBe(true);
        }
      }),
    );
  });

  it('is roughly uniform over a small range (chi-square sanity check)', () => {
    const s = new RandomStreams(123).stream('uniform');
    const buckets = 10;
    const n = 100_000;
    const counts = new Array<number>(buckets).fill(0);
    for (let i = 0; i < n; i++) {
      const v = s.nextInt(buckets);
      counts[v] = (counts[v] ?? 0) + 1;
    }
    const expected = n / buckets;
    const chi2 = counts.reduce((acc, c) => acc + (c - expected) ** 2 / expected, 0);
    // 9 degrees of freedom: P(chi2 > 27.88) = 0.001
    expect(chi2).toBeLessThan(27.88);
  });

  it('keeps between() inside its inclusive bounds and reaches both ends', () => {
    const s = new RandomStreams(5).stream('between');
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const v = s.between(-2, 2);
      expect(v >= -2 && v <= 2).toBe(true);
      seen.add(v);
    }
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2]);
  });

  it('shuffles into a permutation without touching the input', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.integer()), (seed, items) => {
        const copy = items.slice();
        const out = new RandomStreams(seed).stream('shuffle').shuffle(items);
        expect(items).toEqual(copy);
        expect(out.slice().sort((a, b) => a - b)).toEqual(copy.sort((a, b) => a - b));
      }),
    );
  });

  it('reaches every permutation of three items uniformly enough', () => {
    const s = new RandomStreams(9).stream('perm');
    const counts = new Map<string, number>();
    for (let i = 0; i < 6000; i++) {
      const key = s.shuffle(['a', 'b', 'c']).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const c of counts.values()) expect(c).toBeGreaterThan(850);
  });

  it('picks members and refuses an empty array', () => {
    const s = new RandomStreams(3).stream('pick');
    const items = ['x', 'y', 'z'];
    for (let i = 0; i < 50; i++) expect(items).toContain(s.pick(items));
    expect(() => s.pick([])).toThrow(InvalidArgumentError);
  });

  it('refuses a bound that is not a positive integer', () => {
    const s = new RandomStreams(3).stream('bad');
    for (const bound of [0, -1, 1.5, Number.NaN]) {
      expect(() => s.nextInt(bound)).toThrow(InvalidArgumentError);
    }
    expect(() => s.between(3, 1)).toThrow(InvalidArgumentError);
  });

  it('fills bytes of any length deterministically', () => {
    const a = new RandomStreams(1).stream('bytes').fillBytes(new Uint8Array(7));
    const b = new RandomStreams(1).stream('bytes').fillBytes(new Uint8Array(7));
    expect([...a]).toEqual([...b]);
    expect([...a].every((x) => x >= 0 && x < 256)).toBe(true);
  });
});
