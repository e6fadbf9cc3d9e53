import { describe, it, expect } from 'vitest';
import { parseSelector } from './parseSelector.js';
import { selectorEquals } from './selectorEquals.js';
import { everythingSelector, nothingSelector } from './requirementSelector.js';

describe('canonical toString', () => {
  it('sorts requirements by key and values within a set', () => {
    expect(parseSelector('b=1,a in (z,y)').toString()).toBe('a in (y,z),b=1');
  });

  it('renders the same string whatever the input order (TestDeterministicParse)', () => {
    expect(parseSelector('x=a,a=x').toString()).toBe('a=x,x=a');
    expect(parseSelector('a=x,x=a').toString()).toBe('a=x,x=a');
  });

  it('drops spaces', () => {
    expect(parseSelector(' x = a , y  in ( b , a ) , ! z ').toString()).toBe('x=a,y in (a,b),!z');
  });

  it('renders every operator in upstream form, keeping == as written', () => {
    expect(parseSelector('a,!b,c=1,d==1,e!=1,f in (1),g notin (1),h>1,i<1').toString()).toBe(
      'a,!b,c=1,d==1,e!=1,f in (1),g notin (1),h>1,i<1',
    );
  });

  it('keeps requirements on one key in the order they were written (a stable by-key sort)', () => {
    expect(parseSelector('x<5,x notin (b),x in (b),x in (a),x!=a,x==a,x=a,!x,x').toString()).toBe(
      'x<5,x notin (b),x in (b),x in (a),x!=a,x==a,x=a,!x,x',
    );
    expect(parseSelector('x in (a,b),b,x in (a)').toString()).toBe('b,x in (a,b),x in (a)');
  });

  it('sorts the parsed requirements too, not only the string', () => {
    expect(parseSelector('b,a').requirements.map((r) => r.key)).toEqual(['a', 'b']);
  });

  it('renders empty values and empty sets so that they parse back', () => {
    expect(parseSelector('x=,y in (),z notin (,a)').toString()).toBe('x=,y in (),z notin (,a)');
  });
});

describe('Selector flags', () => {
  it('marks only the empty selector as empty', () => {
    expect(parseSelector('').empty).toBe(true);
    expect(parseSelector('   ').empty).toBe(true);
    expect(parseSelector('x').empty).toBe(false);
    expect(parseSelector('').matchesNothing).toBe(false);
  });

  it('matches everything with the empty selector, including missing labels', () => {
    expect(everythingSelector.matches(undefined)).toBe(true);
    expect(nothingSelector.matches(undefined)).toBe(false);
  });
});

describe('matches', () => {
  it('reads only own labels, so constructor and toString are ordinary keys', () => {
    expect(parseSelector('constructor').matches({})).toBe(false);
    expect(parseSelector('!constructor').matches({})).toBe(true);
    expect(parseSelector('toString!=x').matches({})).toBe(true);
    expect(parseSelector('constructor=x').matches({ constructor: 'x' })).toBe(true);
    const protoLabels = Object.fromEntries([['__proto__', 'x']]) as Record<string, string>;
    expect(parseSelector('!x').matches(protoLabels)).toBe(true);
  });

  it('treats missing labels as no labels', () => {
    expect(parseSelector('x!=a,!y').matches(undefined)).toBe(true);
    expect(parseSelector('x').matches(undefined)).toBe(false);
  });

  it('compares Gt/Lt as int64 with Go ParseInt rules on the label value', () => {
    expect(parseSelector('x<1').matches({ x: '-5' })).toBe(true);
    expect(parseSelector('x<1').matches({ x: '+0' })).toBe(true);
    expect(parseSelector('x>1').matches({ x: '1_0' })).toBe(false);
    expect(parseSelector('x>1').matches({ x: '' })).toBe(false);
    expect(parseSelector('x>1').matches({ x: '1' })).toBe(false);
    expect(parseSelector('x>007').matches({ x: '8' })).toBe(true);
  });

  it('compares Gt/Lt exactly near the int64 limits', () => {
    const max = '9223372036854775807';
    expect(parseSelector('x>9223372036854775806').matches({ x: max })).toBe(true);
    expect(parseSelector(`x>${max}`).matches({ x: max })).toBe(false);
    expect(parseSelector(`x<${max}`).matches({ x: '9223372036854775806' })).toBe(true);
    expect(parseSelector(`x<${max}`).matches({ x: '5' })).toBe(true);
    expect(parseSelector('x>1').matches({ x: '9223372036854775808' })).toBe(false);
    expect(parseSelector('x<1').matches({ x: '-9223372036854775808' })).toBe(true);
    expect(parseSelector('x<1').matches({ x: '-9223372036854775809' })).toBe(false);
    expect(parseSelector('x>9007199254740992').matches({ x: '9007199254740993' })).toBe(true);
  });

  it('refuses a Gt/Lt bound outside int64', () => {
    expect(() => parseSelector('x>9223372036854775808')).toThrow(
      "for 'Gt', 'Lt' operators, the value must be an integer",
    );
  });
});

describe('selectorEquals', () => {
  it('ignores input order and spacing', () => {
    expect(selectorEquals(parseSelector('b,a=1'), parseSelector('a=1, b'))).toBe(true);
  });

  it('tells = from ==, and everything from nothing', () => {
    expect(selectorEquals(parseSelector('a=1'), parseSelector('a==1'))).toBe(false);
    expect(selectorEquals(everythingSelector, nothingSelector)).toBe(false);
    expect(selectorEquals(parseSelector('a in (x)'), parseSelector('a in (x,y)'))).toBe(false);
  });
});
