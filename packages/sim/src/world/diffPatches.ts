/**
 * Immer-shaped patches between two versions of an object, for trace entries. Objects from the
 * store are frozen values, so unchanged subtrees are usually the same reference and skipped fast.
 * @packageDocumentation
 */
import type { Patch } from 'immer';
import { deepEqual } from '@kubesim/core';

type Path = (string | number)[];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isContainer = (v: unknown): v is object => typeof v === 'object' && v !== null;

/**
 * The patches that turn `before` into `after`, in immer's patch semantics: immer's
 * `applyPatches(before, diffPatches(before, after))` equals `after`. Deterministic: the same
 * inputs give the same patches.
 *
 * Objects: `add` and `remove` for keys, a diff of each changed key's value. Arrays (trace format
 * 2), element by element:
 * - arrays of the same length are diffed index to index: two objects or two arrays recursively,
 *   other changed elements by a `replace` at their index;
 * - arrays of different lengths: the common prefix and suffix are skipped (same reference first,
 *   then deep equality); in the middle left, an element kept by reference stays, an old element
 *   found nowhere in the new middle facing a new one found nowhere in the old is diffed in place
 *   as above, and the rest is one `remove` per removed element and one `add` per inserted one,
 *   at its index in the array as patched so far (the JSON-patch insert and remove immer applies
 *   to arrays);
 * - the whole array is replaced instead when its middle reorders elements (each side's next
 *   element is kept elsewhere on the other side), or when more than half of the longer array's
 *   elements would be added, removed or replaced whole.
 *
 * So one endpoint inserted into, removed from or changed in a 30-endpoint slice is one patch.
 *
 * @example diffPatches({ a: [1, 2, 3] }, { a: [1, 3] }) // [{ op: 'remove', path: ['a', 1] }]
 */
export function diffPatches(before: unknown, after: unknown, path: Path = []): Patch[] {
  const out: Patch[] = [];
  if (before !== after) diffInto(out, before, after, [...path]);
  return out;
}

// Appends the patches to `out`. `path` is the caller's and is copied only into emitted patches,
// so an unchanged subtree (usually the same frozen reference) allocates nothing.
function diffInto(out: Patch[], before: unknown, after: unknown, path: Path): void {
  if (isRecord(before) && isRecord(after)) {
    for (const key of Object.keys(before)) {
      if (!Object.hasOwn(after, key)) out.push({ op: 'remove', path: [...path, key] });
    }
    for (const key of Object.keys(after)) {
      const next = after[key];
      if (!Object.hasOwn(before, key)) {
        out.push({ op: 'add', path: [...path, key], value: next });
      } else {
        const prev = before[key];
        if (prev === next) continue;
        path.push(key);
        diffInto(out, prev, next, path);
        path.pop();
      }
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    diffArray(out, before, after, path);
    return;
  }
  if (before !== after) out.push({ op: 'replace', path: [...path], value: after });
}

const same = (a: unknown, b: unknown): boolean => a === b || deepEqual(a, b);

/** Patches for one element pair at `index`: a recursive diff of two containers, else a replace. */
function diffElement(out: Patch[], a: unknown, b: unknown, path: Path, index: number): boolean {
  path.push(index);
  let replaced = false;
  if (isContainer(a) && isContainer(b) && Array.isArray(a) === Array.isArray(b)) {
    diffInto(out, a, b, path);
  } else {
    out.push({ op: 'replace', path: [...path], value: b });
    replaced = true;
  }
  path.pop();
  return replaced;
}

function diffArray(out: Patch[], a: readonly unknown[], b: readonly unknown[], path: Path): void {
  const la = a.length;
  const lb = b.length;
  const mark = out.length;
  // Elements added, removed or replaced whole: past half of the longer array, one replace of
  // the array is no larger and reads better.
  const limit = Math.max(la, lb) / 2;
  let whole = false;
  if (la === lb) {
    // Same length: index to index (a reorder only shows as changed elements). No trimming: equal
    // elements give no patch here anyway, and skipping them costs no deep comparison.
    let touched = 0;
    for (let i = 0; i < la && !whole; i++) {
      if (a[i] !== b[i] && diffElement(out, a[i], b[i], path, i)) {
        touched += 1;
        whole = touched > limit;
      }
    }
  } else {
    let start = 0;
    while (start < la && start < lb && same(a[start], b[start])) start += 1;
    let endA = la;
    let endB = lb;
    while (endA > start && endB > start && same(a[endA - 1], b[endB - 1])) {
      endA -= 1;
      endB -= 1;
    }
    whole = alignMiddle(out, a, b, start, endA, endB, path, limit);
  }
  if (whole) {
    out.length = mark;
    out.push({ op: 'replace', path: [...path], value: b });
  }
}

/**
 * Patches the differing middle `a[start, endA)` → `b[start, endB)` of arrays of different lengths
 * by walking both in order; returns true when the whole array should be replaced instead.
 */
function alignMiddle(
  out: Patch[],
  a: readonly unknown[],
  b: readonly unknown[],
  start: number,
  endA: number,
  endB: number,
  path: Path,
  limit: number,
): boolean {
  const inA = new Set(a.slice(start, endA));
  const inB = new Set(b.slice(start, endB));
  let i = start;
  // The array as patched so far is b[0, j) then a[i, la): index `j` is where the next patch goes.
  let j = start;
  let touched = 0;
  while (i < endA || j < endB) {
    if (i < endA && j < endB && a[i] === b[j]) {
      i += 1;
      j += 1;
      continue;
    }
    const gone = i < endA && !inB.has(a[i]);
    const fresh = j < endB && !inA.has(b[j]);
    if (gone && fresh) {
      if (diffElement(out, a[i], b[j], path, j)) touched += 1;
      i += 1;
      j += 1;
    } else if (gone || (i < endA && j === endB)) {
      out.push({ op: 'remove', path: [...path, j] });
      touched += 1;
      i += 1;
    } else if (fresh || (j < endB && i === endA)) {
      out.push({ op: 'add', path: [...path, j], value: b[j] });
      touched += 1;
      j += 1;
    } else {
      return true; // both kept elsewhere: a reorder
    }
    if (touched > limit) return true;
  }
  return false;
}
