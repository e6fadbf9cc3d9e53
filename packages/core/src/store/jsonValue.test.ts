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
});
