import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { matchesSet } from './matchesSet.js';
import { selectorFromSet } from './selectorFromSet.js';

const withProto = (value: string): Record<string, string> =>
  Object.fromEntries([['__proto__', value]]);

describe('selectorFromSet', () => {
  it('builds sorted equality requirements', () => {
    const s = selectorFromSet({ tier: 'web', app: 'shop' });
    expect(s.toString()).toBe('app=shop,tier=web');
    expect(s.requirements.map((r) => r.operator)).toEqual(['Equals', 'Equals']);
  });

  it('turns an empty map into the selector that matches everything', () => {
    const s = selectorFromSet({});
    expect(s.empty).toBe(true);
    expect(s.matches({ a: 'b' })).toBe(true);
  });
});

describe('matchesSet', () => {
  it('needs every selector pair present with the same value', () => {
    expect(matchesSet({ app: 'web' }, { app: 'web', tier: 'front' })).toBe(true);
    expect(matchesSet({ app: 'web', tier: 'db' }, { app: 'web', tier: 'front' })).toBe(false);
    expect(matchesSet({ app: 'web' }, {})).toBe(false);
    expect(matchesSet({ app: 'web' }, undefined)).toBe(false);
  });

  it('matches everything with an empty selector', () => {
    expect(matchesSet({}, undefined)).toBe(true);
    expect(matchesSet({}, { a: 'b' })).toBe(true);
  });

  it('reads only own properties, so __proto__ and constructor are ordinary labels', () => {
    expect(matchesSet(withProto('x'), {})).toBe(false);
    expect(matchesSet(withProto('x'), withProto('x'))).toBe(true);
    expect(matchesSet(withProto('x'), withProto('y'))).toBe(false);
    expect(matchesSet({ constructor: 'x' }, {})).toBe(false);
    expect(matchesSet({ constructor: 'x' }, { constructor: 'x' })).toBe(true);
  });

  it('agrees with selectorFromSet(...).matches on generated maps', () => {
    const key = fc.constantFrom('a', 'b', 'c', 'constructor', '__proto__', 'toString');
    const value = fc.constantFrom('', 'x', 'y');
    const map = fc
      .array(fc.tuple(key, value), { maxLength: 4 })
      .map((entries) => Object.fromEntries(entries) as Record<string, string>);
    fc.assert(
      fc.property(map, fc.option(map, { nil: undefined }), (selector, labels) => {
        expect(matchesSet(selector, labels)).toBe(selectorFromSet(selector).matches(labels));
      }),
    );
  });
});
