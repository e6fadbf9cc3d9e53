import { describe, it, expect } from 'vitest';
import { formatFieldIssue } from '../errors.js';
import { validateLabelSelector } from './validateLabelSelector.js';

const P = 'spec.selector';
const lines = (ls: unknown): string[] => validateLabelSelector(ls, P).map(formatFieldIssue);

describe('validateLabelSelector', () => {
  it('accepts null, undefined and the empty selector', () => {
    expect(validateLabelSelector(null, P)).toEqual([]);
    expect(validateLabelSelector(undefined, P)).toEqual([]);
    expect(validateLabelSelector({}, P)).toEqual([]);
  });

  it('accepts a well-formed selector with every structured operator', () => {
    expect(
      lines({
        matchLabels: { 'example.com/app': 'web', tier: '' },
        matchExpressions: [
          { key: 'a', operator: 'In', values: ['x'] },
          { key: 'b', operator: 'NotIn', values: ['x', 'y'] },
          { key: 'c', operator: 'Exists' },
          { key: 'd', operator: 'DoesNotExist', values: [] },
        ],
      }),
    ).toEqual([]);
  });

  it('requires values for In and NotIn', () => {
    const issues = validateLabelSelector(
      {
        matchExpressions: [
          { key: 'a', operator: 'In' },
          { key: 'b', operator: 'NotIn', values: [] },
        ],
      },
      P,
    );
    expect(issues.map(formatFieldIssue)).toEqual([
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      "spec.selector.matchExpressions[1].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
    ]);
    expect(issues[0]?.type).toBe('FieldValueRequired');
  });

  it('forbids values for Exists and DoesNotExist', () => {
    const issues = validateLabelSelector(
      { matchExpressions: [{ key: 'a', operator: 'DoesNotExist', values: ['x'] }] },
      P,
    );
    expect(issues.map(formatFieldIssue)).toEqual([
      "spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
    ]);
    expect(issues[0]?.type).toBe('FieldValueForbidden');
  });

  it('rejects operators other than the four, case-sensitively', () => {
    expect(lines({ matchExpressions: [{ key: 'a', operator: 'in', values: ['x'] }] })).toEqual([
      'spec.selector.matchExpressions[0].operator: Invalid value: "in": not a valid selector operator',
    ]);
    expect(lines({ matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] })).toEqual([
      'spec.selector.matchExpressions[0].operator: Invalid value: "Gt": not a valid selector operator',
    ]);
  });

  it('validates expression keys as qualified names and values as label values', () => {
    expect(
      lines({
        matchExpressions: [{ key: 'Example.com/x', operator: 'In', values: ['ok', 'a b'] }],
      }),
    ).toEqual([
      expect.stringMatching(
        /^spec\.selector\.matchExpressions\[0\]\.key: Invalid value: "Example\.com\/x": prefix part a lowercase RFC 1123 subdomain/,
      ),
      expect.stringMatching(
        /^spec\.selector\.matchExpressions\[0\]\.values\[1\]: Invalid value: "a b": a valid label must be an empty string/,
      ),
    ]);
  });

  it('reports matchLabels problems at the matchLabels path, keys in sorted order', () => {
    expect(lines({ matchLabels: { 'z/': 'ok', a: '-bad' } })).toEqual([
      expect.stringMatching(/^spec\.selector\.matchLabels: Invalid value: "-bad": a valid label/),
      'spec.selector.matchLabels: Invalid value: "z/": name part must be non-empty',
    ]);
  });

  it('reports a value longer than 63 characters', () => {
    const long = 'a'.repeat(64);
    expect(lines({ matchLabels: { app: long } })).toEqual([
      `spec.selector.matchLabels: Invalid value: "${long}": must be no more than 63 characters`,
    ]);
  });

  it('treats a missing key and operator as empty strings, as Go zero values', () => {
    expect(lines({ matchExpressions: [{}] })).toEqual([
      'spec.selector.matchExpressions[0].operator: Invalid value: "": not a valid selector operator',
      'spec.selector.matchExpressions[0].key: Invalid value: "": name part must be non-empty',
    ]);
  });

  it('reports wrongly typed fields instead of throwing', () => {
    expect(lines('app=web')).toEqual([
      'spec.selector: Invalid value: "app=web": must be an object',
    ]);
    expect(lines({ matchExpressions: {} })).toEqual([
      'spec.selector.matchExpressions: Invalid value: {}: must be an array',
    ]);
    expect(lines({ matchLabels: { app: 1 } })).toEqual([
      'spec.selector.matchLabels: Invalid value: 1: must be a string',
    ]);
  });
});
