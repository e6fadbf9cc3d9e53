/**
 * Structural equality of JSON-like values.
 * @packageDocumentation
 */

/**
 * True when `a` and `b` are the same JSON value: same primitives, arrays of equal elements in
 * order, objects with the same own keys (absent and `undefined` count as the same) and equal values.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  // Own keys only: a label key may be named like an Object.prototype member (`constructor`).
  for (const k of Object.keys(ao)) {
    if (!deepEqual(ao[k], Object.hasOwn(bo, k) ? bo[k] : undefined)) return false;
  }
  for (const k of Object.keys(bo)) if (!Object.hasOwn(ao, k) && bo[k] !== undefined) return false;
  return true;
}
