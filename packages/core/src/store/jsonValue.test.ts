import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, jsonValueIssues } from './jsonValue.js';

describe('jsonValueIssues', () => {
  it('accepts JSON data and object fields set to undefined', () => {
    expect(jsonValueIssues({ a: [1, 'x', true, null, { b: undefined }], c: -0.5 })).toEqual([]);
  });

  it('names the path of a BigInt, a NaN and a hole', () => {
    const holey = [1, , 3]; // eslint-disable-line no-sparse-arrays
    const issues = jsonValueIssues({ spec: { replicas: 1n, ports: holey, ratio: Number.NaN } });
    expect(issues.map((i) => i.path)).toEqual(['spec.replicas', 'spec.ports[1]', 'spec.ratio']);
    expect(issues[0]?.message).toBe(
      'Invalid value: 1n (a BigInt): must be JSON data (a string, number, boolean, null, list or object)',
    );
  });

  it('refuses a cycle but accepts a shared (acyclic) subtree', () => {
    const shared = { x: 1 };
    expect(jsonValueIssues({ a: shared, b: shared })).toEqual([]);
    const cyclic: Record<string, unknown> = {};
    cyclic['me'] = { again: cyclic };
    expect(jsonValueIssues(cyclic).map((i) => i.path)).toEqual(['me.again']);
  });

  it('refuses nesting deeper than upstream decoders allow without overflowing the stack', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < MAX_JSON_DEPTH + 5; i++) deep = { d: deep };
    const issues = jsonValueIssues(deep);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toContain(`deeper than ${MAX_JSON_DEPTH} levels`);
    let ok: unknown = 'leaf';
    for (let i = 0; i < 100; i++) ok = [ok];
    expect(jsonValueIssues(ok)).toEqual([]);
  });

  it('finds nothing exactly when the full walk finds nothing (the quick check never hides an issue)', () => {
    // Beside a NaN the value always takes the full walk: its issues there are the ones under [0].
    const value = fc.anything({
      withBigInt: true,
      withMap: true,
      withSet: true,
      withDate: true,
      withSparseArray: true,
      withNullPrototype: true,
      withBoxedValues: true,
      withTypedArray: true,
      maxDepth: 4,
    });
    fc.assert(
      fc.property(value, (v) => {
        const full = jsonValueIssues([v, Number.NaN]).filter((i) => i.path !== '[1]');
        expect(jsonValueIssues(v).length === 0).toBe(full.length === 0);
      }),
      { numRuns: 2000 },
    );
  });

  it("takes the full walk for values past the quick check's depth and still accepts them", () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 1000; i++) deep = { d: deep };
    expect(jsonValueIssues(deep)).toEqual([]);
    const cyclic: unknown[] = [];
    cyclic.push(cyclic, cyclic);
    expect(jsonValueIssues(cyclic).map((i) => i.path)).toEqual(['[0]', '[1]']);
  });
});
