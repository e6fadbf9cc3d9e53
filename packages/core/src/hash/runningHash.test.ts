import { describe, expect, it } from 'vitest';
import { RunningHash } from './runningHash.js';

describe('RunningHash', () => {
  it('is FNV-1a 32 in its first lane (Go hash/fnv New32a test vectors)', () => {
    // Go's hash/fnv tests: "" -> 0x811c9dc5, "a" -> 0xe40c292c, "ab" -> 0x4d2505ca.
    expect(new RunningHash().hex().slice(0, 8)).toBe('811c9dc5');
    expect(new RunningHash().mix('a').hex().slice(0, 8)).toBe('e40c292c');
    expect(new RunningHash().mix('ab').hex().slice(0, 8)).toBe('4d2505ca');
  });

  it('does not depend on how the text is split, nor on a skipped prefix', () => {
    const whole = new RunningHash().mix('{"seq":3,"t":1}').hex();
    expect(new RunningHash().mix('{"seq":3,').mix('{"t":1}', 1).hex()).toBe(whole);
    expect(new RunningHash().mix('{"seq":3,"t":2}').hex()).not.toBe(whole);
  });

  it('copies are independent', () => {
    const a = new RunningHash().mix('x');
    const b = a.copy();
    b.mix('y');
    expect(a.hex()).toBe(new RunningHash().mix('x').hex());
    expect(b.hex()).toBe(new RunningHash().mix('xy').hex());
  });

  it('mixJson hashes exactly the text JSON.stringify gives', () => {
    class Point {
      constructor(
        readonly x: number,
        readonly y: number,
      ) {}
    }
    const values: unknown[] = [
      { a: 1, b: 'two', c: [1, 'x', null, true, false], d: { e: {} }, f: [] },
      Object.freeze({ z: 1, 10: 'ten', 2: 'two', a: undefined, g: () => 1, s: Symbol('s') }),
      [undefined, () => 1, Symbol('s'), Number.NaN, Infinity, -0, 1.5e300, 2 ** -30],
      {
        quote: 'a"b\\c',
        ctl: 'line\nbreak\t\u0001',
        lone: '\ud800x',
        pair: '\u{1F600}',
        del: '\u007f',
      },
      {
        stamp: { toJSON: () => ({ toJSON: () => 'applied once' }) },
        nested: { toJSON: (k: string) => `key:${k}` },
        list: [{ toJSON: (k: string) => k }],
      },
      {
        boxed: [Object(1), Object('s'), Object(true)],
        point: new Point(1, 2),
        map: new Map([[1, 2]]),
      },
      Object.assign(Object.create(null), { n: 1 }),
      'top',
      7,
      null,
      { 'k"ey': 1, 'k\\': 2, '\u0000': 3 },
    ];
    for (const v of values) {
      const text = JSON.stringify(v);
      expect(new RunningHash().mix('p').mixJson(v).hex()).toBe(
        new RunningHash().mix(`p${text}`).hex(),
      );
    }
    expect(new RunningHash().mixJson(undefined).hex()).toBe(new RunningHash().hex());
  });
});
