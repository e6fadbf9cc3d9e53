import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyPatches, enablePatches, type Patch } from 'immer';
import { applyTracePatches } from './applyTracePatches.js';
import { diffPatches } from './diffPatches.js';

enablePatches();

function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

interface Endpoint {
  readonly addresses: readonly string[];
  readonly conditions: { readonly ready: boolean; readonly serving: boolean };
  readonly targetRef: { readonly kind: 'Pod'; readonly name: string };
}

const endpoint = (n: number, ready = true): Endpoint =>
  deepFreeze({
    addresses: [`10.0.${Math.floor(n / 250)}.${n % 250}`],
    conditions: { ready, serving: ready },
    targetRef: { kind: 'Pod', name: `web-${n}` },
  });

const slice = (endpoints: readonly Endpoint[]) =>
  deepFreeze({ metadata: { name: 'web-abc', resourceVersion: '7' }, endpoints });

/** Thirty endpoints, each a frozen value shared by every slice version built from it. */
const thirty = Array.from({ length: 30 }, (_, n) => endpoint(n));

/** Both readers of patches: immer's own `applyPatches` and the trace's `applyTracePatches`. */
function expectRoundTrip(before: unknown, after: unknown): Patch[] {
  const patches = diffPatches(before, after);
  expect(applyPatches({ v: before }, patches.map(under('v')))).toEqual({ v: after });
  expect(applyTracePatches(before, patches)).toEqual(after);
  return patches;
}

/** The patch moved under key `k` (immer's applyPatches wants an object root to patch). */
const under =
  (k: string) =>
  (p: Patch): Patch => ({ ...p, path: [k, ...p.path] });

describe('diffPatches on arrays (trace format 2)', () => {
  it('gives one add for one endpoint inserted into a 30-endpoint slice', () => {
    const after = [...thirty.slice(0, 12), endpoint(99), ...thirty.slice(12)];
    const patches = expectRoundTrip(slice(thirty), slice(after));
    expect(patches).toEqual([{ op: 'add', path: ['endpoints', 12], value: endpoint(99) }]);
  });

  it('gives one remove for one endpoint removed from a 30-endpoint slice', () => {
    const after = thirty.filter((_, i) => i !== 17);
    const patches = expectRoundTrip(slice(thirty), slice(after));
    expect(patches).toEqual([{ op: 'remove', path: ['endpoints', 17] }]);
  });

  it('gives one replace of the changed field for one endpoint going not ready', () => {
    const after = thirty.map((e, i) =>
      i === 3 ? { ...e, conditions: { ...e.conditions, ready: false } } : e,
    );
    const patches = expectRoundTrip(slice(thirty), slice(after));
    expect(patches).toEqual([
      { op: 'replace', path: ['endpoints', 3, 'conditions', 'ready'], value: false },
    ]);
  });

  it('finds the same single patch when unchanged endpoints were rebuilt (deep equality)', () => {
    const rebuilt = thirty.map((_, n) => endpoint(n));
    const after = rebuilt.filter((_, i) => i !== 0);
    expect(expectRoundTrip(slice(thirty), slice(after))).toEqual([
      { op: 'remove', path: ['endpoints', 0] },
    ]);
  });

  it('gives a remove and a field replace for a removal and a change far apart', () => {
    const after = thirty
      .map((e, i) => (i === 20 ? endpoint(20, false) : e))
      .filter((_, i) => i !== 4);
    const patches = expectRoundTrip(slice(thirty), slice(after));
    expect(patches).toEqual([
      { op: 'remove', path: ['endpoints', 4] },
      { op: 'replace', path: ['endpoints', 19, 'conditions', 'ready'], value: false },
      { op: 'replace', path: ['endpoints', 19, 'conditions', 'serving'], value: false },
    ]);
  });

  it('replaces the whole array for a reorder or when more than half of it changes', () => {
    const swapped = [...thirty];
    [swapped[5], swapped[25]] = [thirty[25] as Endpoint, thirty[5] as Endpoint];
    swapped.push(endpoint(30)); // a different length, so the middle is aligned, not paired
    expect(expectRoundTrip(slice(thirty), slice(swapped))).toEqual([
      { op: 'replace', path: ['endpoints'], value: swapped },
    ]);
    expect(expectRoundTrip({ a: [1, 2, 3, 4] }, { a: [1, 5, 6, 7, 8] })).toEqual([
      { op: 'replace', path: ['a'], value: [1, 5, 6, 7, 8] },
    ]);
    expect(expectRoundTrip({ a: [1, 2, 3, 4] }, { a: [1, 5, 3, 4] })).toEqual([
      { op: 'replace', path: ['a', 1], value: 5 },
    ]);
  });

  it('replaces the endpoints whole when more than half of them changed (a slice turning ready)', () => {
    const notReady = thirty.map((_, n) => endpoint(n, false));
    expect(expectRoundTrip(slice(notReady), slice(thirty))).toEqual([
      { op: 'replace', path: ['endpoints'], value: thirty },
    ]);
    const fifteen = thirty.map((e, n) => (n % 2 === 0 ? (notReady[n] as Endpoint) : e));
    expect(expectRoundTrip(slice(fifteen), slice(thirty))).toHaveLength(15 * 2);
  });

  it('replaces an object element at its index when more than half of its keys changed', () => {
    const cond = (type: string, status: string, t: string, reason?: string) =>
      deepFreeze({ type, status, lastTransitionTime: t, ...(reason ? { reason } : {}) });
    const before = [
      cond('Initialized', 'True', 't0'),
      cond('Ready', 'False', 't0', 'ContainersNotReady'),
      cond('PodScheduled', 'True', 't0'),
    ];
    const after = [before[0], cond('Ready', 'True', 't1'), before[2]];
    expect(expectRoundTrip({ conditions: before }, { conditions: after })).toEqual([
      { op: 'replace', path: ['conditions', 1], value: after[1] },
    ]);
    const touched = [before[0], { ...before[1], lastTransitionTime: 't1' }, before[2]];
    expect(expectRoundTrip({ conditions: before }, { conditions: touched })).toEqual([
      { op: 'replace', path: ['conditions', 1, 'lastTransitionTime'], value: 't1' },
    ]);
  });

  it('removes a run as one remove per element at its first index, inserts a run in order', () => {
    expect(expectRoundTrip([1, 2, 3, 4, 5, 6], [1, 2, 3, 4])).toEqual([
      { op: 'remove', path: [4] },
      { op: 'remove', path: [4] },
    ]);
    expect(expectRoundTrip(['a', 'd', 'e', 'f', 'g'], ['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toEqual(
      [
        { op: 'add', path: [1], value: 'b' },
        { op: 'add', path: [2], value: 'c' },
      ],
    );
  });

  it('is deterministic: the same inputs give the same patches', () => {
    const after = thirty.map((e, i) => (i % 7 === 0 ? endpoint(i, false) : e)).slice(2);
    expect(diffPatches(slice(thirty), slice(after))).toEqual(
      diffPatches(slice(thirty), slice(after)),
    );
  });
});

// A JSON-like tree whose arrays hold frozen elements, and edits that keep most of them shared:
// what store objects look like from one version to the next.
const leaf = fc.oneof(
  fc.integer({ min: 0, max: 5 }),
  fc.constantFrom('a', 'b', 'c'),
  fc.boolean(),
  fc.constant(null),
);
const { tree } = fc.letrec<{ tree: unknown }>((rec) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(rec('tree'), { maxLength: 6 }),
    fc.dictionary(fc.constantFrom('x', 'y', 'z', 'w'), rec('tree'), { maxKeys: 3 }),
  ),
}));

type Edit =
  | { readonly op: 'insert'; readonly at: number; readonly value: unknown }
  | { readonly op: 'delete'; readonly at: number }
  | { readonly op: 'change'; readonly at: number; readonly value: unknown }
  | { readonly op: 'swap'; readonly at: number; readonly with: number }
  | { readonly op: 'nested'; readonly at: number; readonly value: unknown };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(40), value: tree }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(40) }),
  fc.record({ op: fc.constant('change' as const), at: fc.nat(40), value: tree }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(40), with: fc.nat(40) }),
  fc.record({ op: fc.constant('nested' as const), at: fc.nat(40), value: tree }),
);

function applyEdits(base: readonly unknown[], edits: readonly Edit[]): unknown[] {
  const out = [...base];
  for (const e of edits) {
    const at = out.length === 0 ? 0 : e.at % out.length;
    if (e.op === 'insert') out.splice(e.at % (out.length + 1), 0, deepFreeze(e.value));
    else if (out.length === 0) continue;
    else if (e.op === 'delete') out.splice(at, 1);
    else if (e.op === 'change') out[at] = deepFreeze(e.value);
    else if (e.op === 'swap') {
      const other = e.with % out.length;
      [out[at], out[other]] = [out[other], out[at]];
    } else {
      // One key of an object element changed, the rest of it shared.
      const old = out[at];
      out[at] = deepFreeze(
        typeof old === 'object' && old !== null && !Array.isArray(old)
          ? { ...old, y: e.value }
          : { y: e.value },
      );
    }
  }
  return out;
}

const editedPair = fc
  .tuple(fc.array(tree, { maxLength: 12 }), fc.array(edit, { maxLength: 5 }), tree)
  .map(([items, edits, other]) => {
    const before = deepFreeze({ spec: { items }, other });
    return { before, after: deepFreeze({ spec: { items: applyEdits(items, edits) }, other }) };
  });

describe('diffPatches agrees with immer', () => {
  it("immer's applyPatches turns before into after for edited arrays of shared elements", () => {
    fc.assert(
      fc.property(editedPair, ({ before, after }) => {
        expectRoundTrip(before, after);
      }),
      { numRuns: 1000 },
    );
  });

  it("immer's applyPatches turns before into after for unrelated JSON values", () => {
    const value = fc.jsonValue({ maxDepth: 4 });
    fc.assert(
      fc.property(value, value, (before, after) => {
        expectRoundTrip(deepFreeze(before), deepFreeze(after));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same patches twice for the same pair', () => {
    fc.assert(
      fc.property(editedPair, ({ before, after }) => {
        expect(diffPatches(before, after)).toEqual(diffPatches(before, after));
      }),
      { numRuns: 200 },
    );
  });
});
