import { describe, it, expect } from 'vitest';
import { SelectorParseError } from '../errors.js';
import { labelSelectorToSelector } from './labelSelectorToSelector.js';

describe('labelSelectorToSelector', () => {
  it('turns null and undefined into the selector that matches nothing', () => {
    for (const ls of [null, undefined]) {
      const s = labelSelectorToSelector(ls);
      expect(s.matchesNothing).toBe(true);
      expect(s.empty).toBe(false);
      expect(s.matches({})).toBe(false);
      expect(s.matches({ app: 'web' })).toBe(false);
      expect(s.toString()).toBe('<none>');
    }
  });

  it('turns {} and empty lists into the selector that matches everything', () => {
    for (const ls of [{}, { matchLabels: {}, matchExpressions: [] }]) {
      const s = labelSelectorToSelector(ls);
      expect(s.empty).toBe(true);
      expect(s.matchesNothing).toBe(false);
      expect(s.matches(undefined)).toBe(true);
      expect(s.matches({ app: 'web' })).toBe(true);
      expect(s.toString()).toBe('');
    }
  });

  it('turns matchLabels into = requirements and ANDs them with expressions', () => {
    const s = labelSelectorToSelector({
      matchLabels: { tier: 'front', app: 'web' },
      matchExpressions: [
        { key: 'env', operator: 'NotIn', values: ['prod', 'dev', 'prod'] },
        { key: 'canary', operator: 'DoesNotExist' },
        { key: 'zone', operator: 'Exists' },
        { key: 'app', operator: 'In', values: ['web', 'api'] },
      ],
    });
    expect(s.toString()).toBe(
      'app=web,app in (api,web),!canary,env notin (dev,prod),tier=front,zone',
    );
    expect(s.matches({ app: 'web', tier: 'front', zone: 'a' })).toBe(true);
    expect(s.matches({ app: 'web', tier: 'front', zone: 'a', env: 'prod' })).toBe(false);
    expect(s.matches({ app: 'web', tier: 'front', zone: 'a', canary: '' })).toBe(false);
    expect(s.matches({ app: 'web', tier: 'front' })).toBe(false);
  });

  it('refuses operators other than In, NotIn, Exists and DoesNotExist', () => {
    expect(() =>
      labelSelectorToSelector({ matchExpressions: [{ key: 'x', operator: 'Gt', values: ['1'] }] }),
    ).toThrow('unable to parse requirement: "Gt" is not a valid label selector operator');
    expect(() =>
      labelSelectorToSelector({ matchExpressions: [{ key: 'x', operator: 'exists' }] }),
    ).toThrow(SelectorParseError);
  });

  it('refuses In without values and Exists with values, in upstream words', () => {
    expect(() =>
      labelSelectorToSelector({ matchExpressions: [{ key: 'x', operator: 'In', values: [] }] }),
    ).toThrow("values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty");
    expect(() =>
      labelSelectorToSelector({
        matchExpressions: [{ key: 'x', operator: 'Exists', values: ['a'] }],
      }),
    ).toThrow(
      'values: Invalid value: ["a"]: values set must be empty for exists and does not exist',
    );
  });

  it('refuses invalid keys and values', () => {
    expect(() => labelSelectorToSelector({ matchLabels: { 'a b': 'x' } })).toThrow(
      /^unable to parse requirement: key: Invalid value: "a b": name part must consist/,
    );
    expect(() => labelSelectorToSelector({ matchLabels: { app: 'a b' } })).toThrow(
      /^unable to parse requirement: values\[0\]\[app\]: Invalid value: "a b": a valid label/,
    );
  });
});

describe('labelSelectorToSelector caching', () => {
  it('reuses the conversion of a frozen selector object', () => {
    const ls = Object.freeze({
      matchLabels: Object.freeze({ app: 'web' }),
      matchExpressions: Object.freeze([
        Object.freeze({ key: 'x', operator: 'In', values: Object.freeze(['a']) }),
      ]),
    });
    expect(labelSelectorToSelector(ls)).toBe(labelSelectorToSelector(ls));
  });

  it('converts an unfrozen selector afresh, so later edits are seen', () => {
    const labels: Record<string, string> = { app: 'web' };
    const ls = { matchLabels: labels };
    expect(labelSelectorToSelector(ls).toString()).toBe('app=web');
    labels['app'] = 'api';
    expect(labelSelectorToSelector(ls).toString()).toBe('app=api');
  });
});
