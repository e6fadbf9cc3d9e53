/**
 * Test helper (not exported): freezes an object graph so that any mutation by the code under test
 * throws in strict mode, like upstream's check that the reconciler never mutated its inputs.
 * @packageDocumentation
 */

/** Freezes `value` and everything reachable from it; returns it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
