import { describe, expect, it } from 'vitest';
import { applyTracePatches, ObjectReplay } from './objectReplay.js';

describe('applyTracePatches', () => {
  it('adds, replaces and removes by path without touching the input', () => {
    const input = Object.freeze({ a: Object.freeze({ b: 1, c: Object.freeze([1, 2]) }) });
    const out = applyTracePatches(input, [
      { op: 'replace', path: ['a', 'b'], value: 2 },
      { op: 'add', path: ['a', 'c', 1], value: 9 },
      { op: 'remove', path: ['a', 'c', 0] },
      { op: 'add', path: ['d'], value: 'x' },
    ]);
    expect(out).toEqual({ a: { b: 2, c: [9, 2] }, d: 'x' });
    expect(input).toEqual({ a: { b: 1, c: [1, 2] } });
  });
});

describe('ObjectReplay', () => {
  it('follows an object from ADDED through MODIFIED to DELETED', () => {
    const r = new ObjectReplay(['Pod']);
    const base = { seq: 0, t: 0, cause: 'user', kind: 'Pod', key: 'default/a' };
    expect(r.step({ ...base, type: 'ADDED', object: { v: 1 } })).toEqual({
      before: undefined,
      after: { v: 1 },
    });
    expect(
      r.step({ ...base, type: 'MODIFIED', patches: [{ op: 'replace', path: ['v'], value: 2 }] }),
    ).toEqual({ before: { v: 1 }, after: { v: 2 } });
    expect(r.step({ ...base, type: 'DELETED' })).toEqual({ before: { v: 2 }, after: undefined });
    expect(r.step({ ...base, kind: 'Node', key: 'n', type: 'ADDED', object: {} })).toBeUndefined();
  });
});
