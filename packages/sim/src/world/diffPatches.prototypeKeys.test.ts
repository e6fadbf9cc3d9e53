// diffPatches (trace format 2) round trip over cases the existing properties miss:
// object keys that are Object.prototype names (toString, constructor, valueOf), primitive arrays
// with duplicates, nested arrays, undefined elements.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyPatches, enablePatches, type Patch } from 'immer';
import { deepEqual } from '@kubesim/core';
import { applyTracePatches } from './applyTracePatches.js';
import { diffPatches } from './diffPatches.js';

enablePatches();

const under =
  (k: string) =>
  (p: Patch): Patch => ({ ...p, path: [k, ...p.path] });

function roundTrip(before: unknown, after: unknown): void {
  const patches = diffPatches(before, after);
  expect(applyPatches({ v: before }, patches.map(under('v')))).toEqual({ v: after });
  expect(applyTracePatches(before, patches)).toEqual(after);
}

describe('diffPatches', () => {
  it('minimal: an array element gaining a key named like an Object.prototype member', () => {
    // deepEqual({}, { toString: 'x' }) is true ('toString' in {} via the prototype), so the
    // element is taken as unchanged and no patch is emitted.
    expect(deepEqual({}, { toString: 'x' })).toBe(false);
    roundTrip({ a: [{}] }, { a: [{ toString: 'x' }] });
  });

  it('minimal: a label-like map inside an array term (pod affinity matchLabels)', () => {
    const term = (matchLabels: Record<string, string>) => ({
      labelSelector: { matchLabels },
      topologyKey: 'zone',
    });
    roundTrip(
      { terms: [term({ app: 'web' })] },
      { terms: [term({ app: 'web', constructor: 'x' })] },
    );
  });

  it('property: random trees with prototype-named keys, duplicates, nested arrays', () => {
    const leaf = fc.oneof(
      fc.integer({ min: 0, max: 2 }),
      fc.constantFrom('a', 'b'),
      fc.constant(null),
    );
    const { tree } = fc.letrec<{ tree: unknown }>((rec) => ({
      tree: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.array(rec('tree'), { maxLength: 5 }),
        fc.dictionary(fc.constantFrom('x', 'toString', 'constructor', 'valueOf'), rec('tree'), {
          maxKeys: 3,
        }),
      ),
    }));
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 6 }), fc.array(tree, { maxLength: 6 }), (a, b) => {
        roundTrip({ items: a }, { items: b });
      }),
      { numRuns: 2000 },
    );
  });

  it('property: primitive arrays with duplicates and nested primitive arrays', () => {
    const prim = fc.integer({ min: 0, max: 2 });
    const el = fc.oneof(prim, fc.array(prim, { maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(el, { maxLength: 8 }), fc.array(el, { maxLength: 8 }), (a, b) => {
        roundTrip({ items: a }, { items: b });
      }),
      { numRuns: 3000 },
    );
  });

  it('property (control, no prototype-named keys): random pairs incl. undefined and shared elements', () => {
    const leaf = fc.oneof(
      fc.integer({ min: 0, max: 2 }),
      fc.constantFrom('a', 'b'),
      fc.constant(null),
      fc.constant(undefined),
    );
    const { tree } = fc.letrec<{ tree: unknown }>((rec) => ({
      tree: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.array(rec('tree'), { maxLength: 5 }),
        fc.dictionary(fc.constantFrom('x', 'y', 'z'), rec('tree'), { maxKeys: 3 }),
      ),
    }));
    const pool = fc.array(tree, { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(
        pool,
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (els, ia, ib) => {
          // Elements shared by reference between both sides (as frozen store values are).
          const a = ia.map((i) => els[i % els.length]);
          const b = ib.map((i) => els[i % els.length]);
          roundTrip({ items: a }, { items: b });
          roundTrip({ items: [a, b] }, { items: [b, a, a] });
        },
      ),
      { numRuns: 5000 },
    );
  });
});
