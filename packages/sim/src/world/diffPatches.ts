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

/**
 * The patches that turn `before` into `after`, in immer's patch semantics: immer's
 * `applyPatches(before, diffPatches(before, after))` equals `after`. Deterministic: the same
 * inputs give the same patches.
 *
 * Objects: `add` and `remove` for keys, a diff of each changed key's value. Arrays (trace format
 * 2), element by element. A changed element is patched in place: two arrays recursively, two
 * objects key by key unless more than half of their keys changed (added, removed or not deeply
 * equal), other pairs, and such objects, by a `replace` at the element's index.
 * - Arrays of the same length: each element not deeply equal to the one at its index is patched
 *   in place (a reorder shows as changed elements).
 * - Arrays of different lengths: the common prefix and suffix are skipped (same reference, then
 *   deep equality). The rest is walked in order: an element facing an equal one stays; an old
 *   element found nowhere further on in the new middle facing a new one found nowhere further on
 *   in the old (looked up by reference: frozen store values are shared) is patched in place; otherwise one `remove`
 *   per removed element and one `add` per inserted one, at its index in the array as patched so
 *   far (the JSON-patch insert and remove immer applies to arrays).
 * - The whole array is replaced instead when more than half of the longer array's elements
 *   would be patched, added or removed, or when the different-length middle reorders elements
 *   (each side's next element is kept further on the other side).
 *
 * So one endpoint inserted into or removed from a 30-endpoint slice is one patch, and one that
 * changes is patched in the fields that changed (or replaced at its index); a slice whose 30
 * endpoints all turn ready is one replace, as before.
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
    diffRecord(out, before, after, path);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    diffArray(out, before, after, path);
    return;
  }
  if (before !== after) out.push({ op: 'replace', path: [...path], value: after });
}

/** Patches for the keys of two objects; returns how many keys changed and how many there are. */
function diffRecord(
  out: Patch[],
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  path: Path,
): void {
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
}

/**
 * Whether more than half of the keys of two objects changed (added, removed, or not deeply
 * equal), without building patches: by reference first (a frozen store value's unchanged parts
 * are shared), comparing deeply only the values that differ by reference, and only when those
 * are more than half.
 */
function mostKeysChanged(before: Record<string, unknown>, after: Record<string, unknown>): boolean {
  const keysAfter = Object.keys(after);
  let removed = 0;
  for (const key in before) if (!Object.hasOwn(after, key)) removed += 1;
  const half = (keysAfter.length + removed) / 2;
  let differ = removed;
  for (const key of keysAfter)
    if (before[key] !== after[key] || !Object.hasOwn(before, key)) differ += 1;
  if (differ <= half) return false;
  let changed = removed;
  for (const key of keysAfter) {
    const prev = before[key];
    const next = after[key];
    if (!Object.hasOwn(before, key) || (prev !== next && !deepEqual(prev, next))) {
      changed += 1;
      if (changed > half) return true;
    }
  }
  return false;
}

const same = (a: unknown, b: unknown): boolean => a === b || deepEqual(a, b);

/**
 * Patches for one changed element pair at `index`: a recursive diff of two arrays or of two
 * objects, else a replace. An object more than half of whose keys changed is replaced whole
 * instead (a Kubernetes condition whose status flips changes four of its five fields).
 */
function diffElement(out: Patch[], a: unknown, b: unknown, path: Path, index: number): void {
  path.push(index);
  if (isRecord(a) && isRecord(b) && !mostKeysChanged(a, b)) diffRecord(out, a, b, path);
  else if (Array.isArray(a) && Array.isArray(b)) diffArray(out, a, b, path);
  else out.push({ op: 'replace', path: [...path], value: b });
  path.pop();
}

function diffArray(out: Patch[], a: readonly unknown[], b: readonly unknown[], path: Path): void {
  const la = a.length;
  const lb = b.length;
  // Elements changed, added or removed: past half of the longer array, one replace of the array
  // is about as large, reads as well and costs no element walk.
  const limit = Math.max(la, lb) / 2;
  if (la === lb) {
    // Same length: index to index (a reorder only shows as changed elements).
    const changed: number[] = [];
    for (let i = 0; i < la; i++) {
      if (a[i] !== b[i] && !deepEqual(a[i], b[i])) {
        if (changed.push(i) > limit) {
          out.push({ op: 'replace', path: [...path], value: b });
          return;
        }
      }
    }
    for (const i of changed) diffElement(out, a[i], b[i], path, i);
    return;
  }
  let start = 0;
  while (start < la && start < lb && same(a[start], b[start])) start += 1;
  let endA = la;
  let endB = lb;
  while (endA > start && endB > start && same(a[endA - 1], b[endB - 1])) {
    endA -= 1;
    endB -= 1;
  }
  const mark = out.length;
  // At least the difference in length is added or removed.
  if (Math.abs(la - lb) > limit || alignMiddle(out, a, b, start, endA, endB, path, limit)) {
    out.length = mark;
    out.push({ op: 'replace', path: [...path], value: b });
  }
}

/** Whether `xs[from, to)` holds `v` (by reference: the middles are short). */
function holds(xs: readonly unknown[], from: number, to: number, v: unknown): boolean {
  for (let k = from; k < to; k++) if (xs[k] === v) return true;
  return false;
}

/**
 * Patches the differing middle `a[start, endA)` → `b[start, endB)` of arrays of different lengths
 * by walking both in order; returns true when the whole array should be replaced instead. An
 * element is kept when it is the one facing it (same reference or deeply equal) and otherwise
 * looked up further on, on the other side, by reference (frozen store values are shared).
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
  let i = start;
  // The array as patched so far is b[0, j) then a[i, la): index `j` is where the next patch goes.
  let j = start;
  let touched = 0;
  while (i < endA || j < endB) {
    if (i < endA && j < endB && same(a[i], b[j])) {
      i += 1;
      j += 1;
      continue;
    }
    const gone = i < endA && !holds(b, j, endB, a[i]);
    const fresh = j < endB && !holds(a, i, endA, b[j]);
    if (gone && fresh) {
      diffElement(out, a[i], b[j], path, j);
      i += 1;
      j += 1;
    } else if (gone || (i < endA && j === endB)) {
      out.push({ op: 'remove', path: [...path, j] });
      i += 1;
    } else if (fresh || (j < endB && i === endA)) {
      out.push({ op: 'add', path: [...path, j], value: b[j] });
      j += 1;
    } else {
      return true; // both kept elsewhere: a reorder
    }
    touched += 1;
    if (touched > limit) return true;
  }
  return false;
}
