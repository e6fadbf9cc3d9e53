// Every test vector of k8s-semantics.md §1.5, one test per row (rows from apimachinery
// pkg/labels/selector_test.go plus derivations from selector.go).
import { describe, it, expect } from 'vitest';
import { SelectorParseError } from '../errors.js';
import { newRequirement } from './newRequirement.js';
import { parseSelector } from './parseSelector.js';

const valuesOf = (text: string): readonly string[] => {
  const [r] = parseSelector(text).requirements;
  return r?.values ?? [];
};

describe('§1.5 selector test vectors', () => {
  it('row 1: the empty string matches everything', () => {
    const s = parseSelector('');
    expect(s.empty).toBe(true);
    expect(s.matches({ x: 'y' })).toBe(true);
  });

  it('row 2: x=y matches {x:y}', () => {
    expect(parseSelector('x=y').matches({ x: 'y' })).toBe(true);
  });

  it('row 3: x=y,z=w does not match {x:w,z:w}', () => {
    expect(parseSelector('x=y,z=w').matches({ x: 'w', z: 'w' })).toBe(false);
  });

  it('row 4: x!=y,z!=w matches {x:z,z:a}', () => {
    expect(parseSelector('x!=y,z!=w').matches({ x: 'z', z: 'a' })).toBe(true);
  });

  it('row 5: x!=y,z!=w does not match {x:z,z:w}', () => {
    expect(parseSelector('x!=y,z!=w').matches({ x: 'z', z: 'w' })).toBe(false);
  });

  it('row 6: x=z does not match {}', () => {
    expect(parseSelector('x=z').matches({})).toBe(false);
  });

  it('row 7: x!=a matches {} because the key is absent', () => {
    expect(parseSelector('x!=a').matches({})).toBe(true);
  });

  it('row 8: x notin (a,b) matches {} because the key is absent', () => {
    expect(parseSelector('x notin (a,b)').matches({})).toBe(true);
  });

  it('row 9: x notin (a,b) does not match {x:a}', () => {
    expect(parseSelector('x notin (a,b)').matches({ x: 'a' })).toBe(false);
  });

  it('row 10: x in (a,b) does not match {}', () => {
    expect(parseSelector('x in (a,b)').matches({})).toBe(false);
  });

  it('row 11: x matches {x:z} and not {y:z}', () => {
    const s = parseSelector('x');
    expect(s.matches({ x: 'z' })).toBe(true);
    expect(s.matches({ y: 'z' })).toBe(false);
  });

  it('row 12: !x matches {y:z} and not {x:z}', () => {
    const s = parseSelector('!x');
    expect(s.matches({ y: 'z' })).toBe(true);
    expect(s.matches({ x: 'z' })).toBe(false);
  });

  it('row 13: notin=in is an exact match on key notin with value in', () => {
    const s = parseSelector('notin=in');
    expect(s.requirements).toEqual([{ key: 'notin', operator: 'Equals', values: ['in'] }]);
    expect(s.matches({ notin: 'in' })).toBe(true);
  });

  it('row 14: x>1 matches {x:2} and not {x:0}', () => {
    const s = parseSelector('x>1');
    expect(s.matches({ x: '2' })).toBe(true);
    expect(s.matches({ x: '0' })).toBe(false);
  });

  it('row 15: x<1 matches {x:0} and not {x:2}', () => {
    const s = parseSelector('x<1');
    expect(s.matches({ x: '0' })).toBe(true);
    expect(s.matches({ x: '2' })).toBe(false);
  });

  it('row 16: z>1 does not match a non-integer value {z:v2}', () => {
    expect(parseSelector('z>1').matches({ z: 'v2' })).toBe(false);
  });

  it('row 17: x= matches {x:""} and not {}', () => {
    const s = parseSelector('x=');
    expect(s.matches({ x: '' })).toBe(true);
    expect(s.matches({})).toBe(false);
  });

  it('row 18: x in () parses as In{""}: matches {x:""}, not {x:a}', () => {
    const s = parseSelector('x in ()');
    expect(s.requirements).toEqual([{ key: 'x', operator: 'In', values: [''] }]);
    expect(s.matches({ x: '' })).toBe(true);
    expect(s.matches({ x: 'a' })).toBe(false);
  });

  it('row 19: x in (abc,) parses as In{"",abc}', () => {
    expect(valuesOf('x in (abc,)')).toEqual(['', 'abc']);
  });

  it('row 20: x in (a,,a,,a,,a,,) collapses to In{"",a}', () => {
    expect(valuesOf('x in (a,,a,,a,,a,,)')).toEqual(['', 'a']);
  });

  it('row 21: a in (x,y,notin, z,in) treats in/notin as values', () => {
    expect(valuesOf('a in (x,y,notin, z,in)')).toEqual(['in', 'notin', 'x', 'y', 'z']);
  });

  it('row 22: x,y in (a) is x Exists AND y In{a}, and matches {x:1,y:a}', () => {
    const s = parseSelector('x,y in (a)');
    expect(s.requirements).toEqual([
      { key: 'x', operator: 'Exists', values: [] },
      { key: 'y', operator: 'In', values: ['a'] },
    ]);
    expect(s.matches({ x: '1', y: 'a' })).toBe(true);
  });

  it('row 23: LF and tab are whitespace around notin', () => {
    expect(parseSelector('x notin\n (abc)').toString()).toBe('x notin (abc)');
    expect(parseSelector('x  notin\t\t(abc,def)').toString()).toBe('x notin (abc,def)');
  });

  it('row 24: a prefixed key with dashes and a value set is valid', () => {
    expect(parseSelector('this-is-a-dns.domain.com/key-with-dash in (so,what)').toString()).toBe(
      'this-is-a-dns.domain.com/key-with-dash in (so,what)',
    );
  });

  it('row 25: a numeric prefix and dotted values are valid', () => {
    expect(parseSelector('0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)').toString()).toBe(
      '0.1.2.domain/99 notin (10.10.100.1,tick.tack.clock)',
    );
  });

  it('row 26: x=a||y=b is a parse error (| is an identifier character)', () => {
    expect(() => parseSelector('x=a||y=b')).toThrow(SelectorParseError);
    expect(() => parseSelector('x=a||y=b')).toThrow(
      'values[0][x]: Invalid value: "a||y": a valid label must be an empty string',
    );
  });

  it('row 27: x==a==b is a parse error', () => {
    expect(() => parseSelector('x==a==b')).toThrow("found '==', expected: ',' or 'end of string'");
  });

  it('row 28: !x=a is a parse error', () => {
    expect(() => parseSelector('!x=a')).toThrow("found '=', expected: ',' or 'end of string'");
  });

  it('row 29: x<a is a parse error (the bound must be an integer)', () => {
    expect(() => parseSelector('x<a')).toThrow(
      `values[0]: Invalid value: "a": for 'Gt', 'Lt' operators, the value must be an integer`,
    );
  });

  it('row 30: empty requirements between, before or after commas are parse errors', () => {
    expect(() => parseSelector('x,,y')).toThrow("found ',', expected: identifier after ','");
    expect(() => parseSelector(',x,y')).toThrow(
      "found ',', expected: !, identifier, or 'end of string'",
    );
    expect(() => parseSelector('a in (xyz),')).toThrow("found '', expected: identifier after ','");
  });

  it('row 31: misplaced words and parentheses are parse errors', () => {
    expect(() => parseSelector('x nott in (y)')).toThrow(
      "found 'nott', expected: in, notin, =, ==, !=, gt, lt",
    );
    expect(() => parseSelector('a in (xyz abc)')).toThrow("found 'abc', expected: ',' or ')'");
    expect(() => parseSelector('a notin(')).toThrow("found '', expected: ',', ')' or identifier");
    expect(() => parseSelector('a (')).toThrow("found '(', expected: in, notin, =, ==, !=, gt, lt");
    expect(() => parseSelector('(')).toThrow(
      "found '(', expected: !, identifier, or 'end of string'",
    );
  });

  it('row 32: a 254-character unprefixed key is refused (name part over 63)', () => {
    const key = 'a'.repeat(254);
    expect(() => parseSelector(key)).toThrow(
      `<nil>: Invalid value: "${key}": name part must be no more than 63 characters`,
    );
    expect(() => newRequirement(key, 'Exists', [], key)).toThrow(SelectorParseError);
  });

  it('row 33: a 254-character value is refused (value over 63)', () => {
    const value = 'a'.repeat(254);
    expect(() => parseSelector(`x16=${value}`)).toThrow(
      `values[0][x16]: Invalid value: "${value}": must be no more than 63 characters`,
    );
  });

  it('row 34: a value with a space is refused by the requirement constructor', () => {
    expect(() => newRequirement('x', 'Equals', ['a b'], 'x=a b')).toThrow(
      'values[0][x]: Invalid value: "a b": a valid label must be an empty string',
    );
  });

  it('row 35: x=a b is a parse error (second identifier where , is expected)', () => {
    expect(() => parseSelector('x=a b')).toThrow("found 'b', expected: ',' or 'end of string'");
  });

  it('row 36: x>-1 is refused: -1 is an integer but not a label value', () => {
    expect(() => parseSelector('x>-1')).toThrow(
      'values[0][x]: Invalid value: "-1": a valid label must be an empty string',
    );
  });

  it('row 37: x=a,x=b parses and matches nothing with one value for x', () => {
    const s = parseSelector('x=a,x=b');
    expect(s.requirements).toHaveLength(2);
    expect(s.matches({ x: 'a' })).toBe(false);
    expect(s.matches({ x: 'b' })).toBe(false);
  });

  it('row 38: Example.com/x is refused (prefix must be lowercase)', () => {
    expect(() => parseSelector('Example.com/x')).toThrow(
      /^unable to parse requirement: <nil>: Invalid value: "Example\.com\/x": prefix part a lowercase RFC 1123 subdomain/,
    );
  });
});
