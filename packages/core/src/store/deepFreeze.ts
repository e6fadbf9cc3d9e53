/**
 * Freezing stored values, and the small copy-with-changes the store's own writes need, without
 * immer's draft machinery (DESIGN.md "Where immer fits": not on the hot write path).
 * @packageDocumentation
 */

/**
 * Freezes `value` and everything reachable from it, stopping at subtrees that are already frozen
 * (a stored object's unchanged parts are shared and frozen, so a write freezes only what is new).
 * Returns `value`.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) deepFreeze(value[i] as unknown);
  } else {
    const rec = value as Record<string, unknown>;
    for (const k in rec) deepFreeze(rec[k]);
  }
  return value;
}

/**
 * A frozen copy of `obj` whose metadata has `changes` applied: fields already present keep their
 * places and new ones go last, as an immer recipe assigning them would leave them. Every other
 * subtree is shared.
 */
export function withMetadata<T extends { metadata: object }>(
  obj: T,
  changes: Readonly<Record<string, unknown>>,
): T {
  return Object.freeze({
    ...obj,
    metadata: Object.freeze({ ...obj.metadata, ...changes }),
  });
}

const isNonNullObject = (v: unknown): v is object => v !== null && typeof v === 'object';

/** Whether `a` and `b` have the same own keys in the same order. */
function sameKeyOrder(a: readonly string[], b: object): boolean {
  const kb = Object.keys(b);
  if (a.length !== kb.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== kb[i]) return false;
  return true;
}

/**
 * `value` with every subtree that is exactly the one at the same place in the stored `live` (the
 * same keys in the same order, identical values, recursively) replaced by the stored subtree, so a
 * write freezes, copies and compares only what changed. Frozen subtrees of `value` are kept as
 * they are. An object that is not frozen is copied when `copy` is set (the caller's object is left
 * as it was, as {@link cloneUnfrozen} does) and otherwise updated in place (the caller hands it to
 * the store, which freezes it). The result is `live` itself when `value` is exactly `live`.
 */
export function shareUnchanged(value: unknown, live: unknown, copy: boolean): unknown {
  if (value === live || !isNonNullObject(value) || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) {
    const liveArr = Array.isArray(live) ? (live as readonly unknown[]) : undefined;
    const n = value.length;
    const out: unknown[] = copy ? new Array<unknown>(n) : value;
    let same = liveArr !== undefined && liveArr.length === n;
    for (let i = 0; i < n; i++) {
      const child = shareUnchanged(value[i], liveArr?.[i], copy);
      if (copy || child !== value[i]) out[i] = child;
      if (same && child !== (liveArr as readonly unknown[])[i]) same = false;
    }
    return same ? live : out;
  }
  const src = value as Record<string, unknown>;
  const liveRec =
    isNonNullObject(live) && !Array.isArray(live) ? (live as Record<string, unknown>) : undefined;
  const keys = Object.keys(src);
  const out: Record<string, unknown> = copy ? {} : src;
  let same = liveRec !== undefined;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const v = src[k];
    // A key live lacks reads as undefined here; the key order check below tells them apart.
    const liveChild = liveRec === undefined ? undefined : liveRec[k];
    const child = shareUnchanged(v, liveChild, copy);
    if (copy || child !== v) out[k] = child;
    if (same && child !== liveChild) same = false;
  }
  return same && sameKeyOrder(keys, liveRec as object) ? live : out;
}
