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
