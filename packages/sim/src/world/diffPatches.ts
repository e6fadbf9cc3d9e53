/**
 * Immer-shaped patches between two versions of an object, for trace entries. Objects from the
 * store are frozen values, so unchanged subtrees are usually the same reference and skipped fast.
 * @packageDocumentation
 */
import type { Patch } from 'immer';
import { deepEqual } from '@kubesim/core';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The patches that turn `before` into `after` (`replace` for changed leaves and arrays, `add` and
 * `remove` for object keys). Arrays are replaced whole when they differ: Kubernetes lists are
 * small and replacing keeps the patch readable.
 */
export function diffPatches(
  before: unknown,
  after: unknown,
  path: (string | number)[] = [],
): Patch[] {
  const out: Patch[] = [];
  if (before !== after) diffInto(out, before, after, [...path]);
  return out;
}

// Appends the patches to `out`. `path` is the caller's and is copied only into emitted patches,
// so an unchanged subtree (usually the same frozen reference) allocates nothing.
function diffInto(out: Patch[], before: unknown, after: unknown, path: (string | number)[]): void {
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
  if (Array.isArray(before) && Array.isArray(after) && deepEqual(before, after)) return;
  out.push({ op: 'replace', path: [...path], value: after });
}
