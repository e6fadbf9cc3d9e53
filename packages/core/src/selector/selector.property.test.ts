import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseSelector } from './parseSelector.js';
import { selectorEquals } from './selectorEquals.js';
import type { Requirement, SelectorOperator } from './types.js';

/** A generated requirement, before parsing: values may repeat and are unsorted. */
interface GenRequirement {
  key: string;
  operator: SelectorOperator;
  values: readonly string[];
}

const plainKey = fc.constantFrom('a', 'b', 'app', 'in', 'notin', 'Tier', 'x.y_z-1', 'constructor');
const prefixedKey = fc
  .tuple(fc.constantFrom('example.com', 'k8s.io', '0.1.2.domain', 'a-b'), plainKey)
  .map(([prefix, name]) => `${prefix}/${name}`);
const key = fc.oneof(plainKey, prefixedKey);
const value = fc.constantFrom('', 'a', 'b', 'in', 'notin', 'V.1', '0', '7', '42', 'x_y');
const intText = fc.oneof(
  fc.nat({ max: 100 }).map(String),
  fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }).map(String),
  fc.constantFrom('007', '9223372036854775807'),
);

const requirement: fc.Arbitrary<GenRequirement> = fc.oneof(
  fc.record({
    key,
    operator: fc.constantFrom<SelectorOperator>('Exists', 'DoesNotExist'),
    values: fc.constant([]),
  }),
  fc.record({
    key,
    operator: fc.constantFrom<SelectorOperator>('Equals', 'DoubleEquals', 'NotEquals'),
    values: value.map((v) => [v]),
  }),
  fc.record({
    key,
    operator: fc.constantFrom<SelectorOperator>('In', 'NotIn'),
    values: fc.array(value, { minLength: 1, maxLength: 4 }),
  }),
  fc.record({
    key,
    operator: fc.constantFrom<SelectorOperator>('GreaterThan', 'LessThan'),
    values: intText.map((v) => [v]),
  }),
);

const space = fc.constantFrom('', ' ', '\t', '\n', '\r\n ');
const gap = fc.constantFrom(' ', '\t', '\n', '  ');

/** Writes a requirement as selector text, with generated whitespace wherever it may go. */
const requirementText = (r: GenRequirement): fc.Arbitrary<string> =>
  fc.tuple(space, space, gap, gap).map(([s1, s2, g1, g2]) => {
    const v = r.values.join(`${s2},${s1}`);
    switch (r.operator) {
      case 'Exists':
        return `${s1}${r.key}${s2}`;
      case 'DoesNotExist':
        return `${s1}!${s2}${r.key}`;
      case 'Equals':
        return `${r.key}${s1}=${s2}${v}`;
      case 'DoubleEquals':
        return `${r.key}${s1}==${s2}${v}`;
      case 'NotEquals':
        return `${r.key}${s1}!=${s2}${v}`;
      case 'In':
        return `${r.key}${g1}in${g2}(${s1}${v}${s2})`;
      case 'NotIn':
        return `${r.key}${g1}notin${s2}(${v})${s1}`;
      case 'GreaterThan':
        return `${r.key}${s1}>${s2}${v}`;
      case 'LessThan':
        return `${r.key}${s1}<${v}${s2}`;
    }
  });

const selectorInput = fc
  .array(requirement, { maxLength: 5 })
  .chain((reqs) =>
    fc.tuple(...reqs.map(requirementText)).map((texts) => ({ reqs, texts, text: texts.join(',') })),
  );

// Reference matcher written straight from k8s-semantics.md §1.2 (and §1.1 rule 8 for Gt/Lt).
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
function referenceInt(text: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(text)) return undefined;
  const n = BigInt(text);
  return n < INT64_MIN || n > INT64_MAX ? undefined : n;
}
function referenceMatches(
  reqs: readonly GenRequirement[],
  labels: Record<string, string>,
): boolean {
  return reqs.every((r) => {
    const has = Object.hasOwn(labels, r.key);
    const v = has ? labels[r.key] : undefined;
    switch (r.operator) {
      case 'Equals':
      case 'DoubleEquals':
      case 'In':
        return has && r.values.includes(v ?? '');
      case 'NotEquals':
      case 'NotIn':
        return !has || !r.values.includes(v ?? '');
      case 'Exists':
        return has;
      case 'DoesNotExist':
        return !has;
      case 'GreaterThan':
      case 'LessThan': {
        const n = has ? referenceInt(v ?? '') : undefined;
        const bound = BigInt(r.values[0] ?? '0');
        if (n === undefined) return false;
        return r.operator === 'GreaterThan' ? n > bound : n < bound;
      }
    }
  });
}

const labelValue = fc.oneof(
  value,
  fc.constantFrom('-5', '+3', '1_0', '9223372036854775808', '-9223372036854775809'),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String),
);
const labels = fc
  .array(
    fc.tuple(fc.oneof(key, fc.constantFrom('__proto__', 'toString', 'hasOwnProperty')), labelValue),
    { maxLength: 6 },
  )
  .map((entries) => Object.fromEntries(entries) as Record<string, string>);

describe('selector properties', () => {
  it('parses back its own string form: parseSelector(s.toString()) equals s', () => {
    fc.assert(
      fc.property(selectorInput, ({ text }) => {
        const s = parseSelector(text);
        const again = parseSelector(s.toString());
        expect(selectorEquals(again, s)).toBe(true);
        expect(again.toString()).toBe(s.toString());
      }),
      { numRuns: 500 },
    );
  });

  it('keeps one requirement per generated requirement, values sorted and unique', () => {
    fc.assert(
      fc.property(selectorInput, ({ reqs, text }) => {
        const s = parseSelector(text);
        expect(s.requirements).toHaveLength(reqs.length);
        for (const r of s.requirements) {
          expect([...new Set(r.values)].sort()).toEqual(r.values);
        }
      }),
    );
  });

  it('orders keys whatever the order they are written in; one key keeps its written order', () => {
    fc.assert(
      fc.property(selectorInput, ({ texts, text }) => {
        const forward = parseSelector(text).requirements;
        const reversed = parseSelector([...texts].reverse().join(',')).requirements;
        const keys = (rs: readonly Requirement[]): string[] => rs.map((r) => r.key);
        expect(keys(reversed)).toEqual(keys(forward));
        for (const key of new Set(keys(forward))) {
          const onKey = (rs: readonly Requirement[]): Requirement[] =>
            rs.filter((r) => r.key === key);
          expect(onKey(reversed)).toEqual(onKey(forward).reverse());
        }
      }),
    );
  });

  it('matches exactly when the §1.2 reference does', () => {
    fc.assert(
      fc.property(selectorInput, labels, ({ reqs, text }, ls) => {
        expect(parseSelector(text).matches(ls)).toBe(referenceMatches(reqs, ls));
      }),
      { numRuns: 1000 },
    );
  });

  it('matches generated labels built to satisfy the selector', () => {
    // Random labels rarely satisfy In/= requirements; build a satisfying map where possible.
    fc.assert(
      fc.property(selectorInput, ({ reqs, text }) => {
        const ls: Record<string, string> = {};
        for (const r of reqs) {
          if (r.operator === 'Equals' || r.operator === 'DoubleEquals' || r.operator === 'In') {
            ls[r.key] = r.values[0] ?? '';
          } else if (r.operator === 'Exists' && !Object.hasOwn(ls, r.key)) {
            ls[r.key] = '';
          }
        }
        expect(parseSelector(text).matches(ls)).toBe(referenceMatches(reqs, ls));
      }),
    );
  });
});
