/**
 * Label maps.
 * @packageDocumentation
 */
import fc from 'fast-check';
import { LABEL_KEYS, LABEL_VALUES } from './_internals/pools.js';

/** Options of {@link labelsArb}. */
export interface LabelsConstraints {
  /** Keys to draw from. @defaultValue `['app', 'tier', 'track', 'example.com/team']` */
  readonly keys?: readonly string[];
  /** Values to draw from (valid label values). @defaultValue `['web', 'api', 'db', 'cache', 'canary']` */
  readonly values?: readonly string[];
  /** Fewest keys. @defaultValue `0` */
  readonly minKeys?: number;
  /** Most keys. @defaultValue `3` */
  readonly maxKeys?: number;
}

/**
 * Valid label maps over a small vocabulary (so selectors often match), shrinking toward fewer keys.
 * @example fc.sample(labelsArb({ minKeys: 1 }), 1) // [{ app: 'web' }]
 */
export function labelsArb(
  constraints: LabelsConstraints = {},
): fc.Arbitrary<Record<string, string>> {
  const keys = constraints.keys ?? LABEL_KEYS;
  const values = constraints.values ?? LABEL_VALUES;
  const maxKeys = Math.min(constraints.maxKeys ?? 3, keys.length);
  const minKeys = Math.min(constraints.minKeys ?? 0, maxKeys);
  return fc
    .uniqueArray(fc.tuple(fc.constantFrom(...keys), fc.constantFrom(...values)), {
      minLength: minKeys,
      maxLength: maxKeys,
      selector: ([k]) => k,
    })
    .map((pairs) => Object.fromEntries(pairs));
}
