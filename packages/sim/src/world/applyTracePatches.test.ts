import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyTracePatches, objectAfter } from './applyTracePatches.js';
import { diffPatches } from './diffPatches.js';

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

  it('reads back what diffPatches wrote', () => {
    const value = fc.jsonValue({ maxDepth: 3 });
    fc.assert(
      fc.property(value, value, (before, after) => {
        const out = applyTracePatches(before, diffPatches(before, after));
        expect(out).toEqual(after);
      }),
      { numRuns: 300 },
    );
  });
});

describe('objectAfter', () => {
  it('is the whole object after ADDED, the patched one after MODIFIED, nothing after DELETED', () => {
    expect(objectAfter(undefined, { type: 'ADDED', object: { v: 1 } })).toEqual({ v: 1 });
    expect(
      objectAfter(
        { v: 1 },
        { type: 'MODIFIED', patches: [{ op: 'replace', path: ['v'], value: 2 }] },
      ),
    ).toEqual({ v: 2 });
    expect(objectAfter({ v: 2 }, { type: 'DELETED' })).toBeUndefined();
    expect(objectAfter({ v: 2 }, { type: 'evict' })).toBeUndefined();
  });
});
