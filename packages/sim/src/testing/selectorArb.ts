/**
 * Label selectors in the string syntax.
 * @packageDocumentation
 */
import fc from 'fast-check';
import { LABEL_KEYS, LABEL_VALUES } from './_internals/pools.js';

/** Options of {@link selectorArb}. */
export interface SelectorConstraints {
  /** Keys to draw from. @defaultValue the labelsArb keys */
  readonly keys?: readonly string[];
  /** Values to draw from. @defaultValue the labelsArb values */
  readonly values?: readonly string[];
  /** Most requirements. @defaultValue `3` */
  readonly maxRequirements?: number;
}

/**
 * Selector strings that `parseSelector` accepts: `k=v`, `k==v`, `k!=v`, `k in (a,b)`,
 * `k notin (a)`, `k`, `!k`, joined by commas; shrinking toward fewer requirements and `k=v`.
 * The empty string (matches everything) is included.
 * @example fc.sample(selectorArb(), 1) // ['app=web,tier notin (db)']
 */
export function selectorArb(constraints: SelectorConstraints = {}): fc.Arbitrary<string> {
  const key = fc.constantFrom(...(constraints.keys ?? LABEL_KEYS));
  const value = fc.constantFrom(...(constraints.values ?? LABEL_VALUES));
  const set = fc.uniqueArray(value, { minLength: 1, maxLength: 3 }).map((v) => v.join(','));
  const requirement = fc.oneof(
    fc.tuple(key, value).map(([k, v]) => `${k}=${v}`),
    fc.tuple(key, value).map(([k, v]) => `${k}==${v}`),
    fc.tuple(key, value).map(([k, v]) => `${k}!=${v}`),
    fc.tuple(key, set).map(([k, s]) => `${k} in (${s})`),
    fc.tuple(key, set).map(([k, s]) => `${k} notin (${s})`),
    key,
    key.map((k) => `!${k}`),
  );
  return fc
    .array(requirement, { maxLength: constraints.maxRequirements ?? 3 })
    .map((rs) => rs.join(','));
}
