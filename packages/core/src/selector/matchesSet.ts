/**
 * Allocation-free equality matching for hot paths (Service selectors over every pod event).
 * @packageDocumentation
 */

const hasOwn = Object.hasOwn;

/**
 * True when `labels` carries every `key: value` of `selector` — the same answer as
 * `selectorFromSet(selector).matches(labels)` without building a selector. Only own properties
 * are read on both sides, so labels named `constructor` or `__proto__` behave like any other.
 * An empty `selector` matches everything (callers decide what an empty Service selector means).
 *
 * @example matchesSet({ app: 'web' }, { app: 'web', tier: 'front' }) // true
 */
export function matchesSet(
  selector: Readonly<Record<string, string>>,
  labels: Readonly<Record<string, string>> | undefined,
): boolean {
  // for…in walks keys without allocating an array; inherited keys are skipped explicitly.
  for (const key in selector) {
    if (!hasOwn(selector, key)) continue;
    if (labels === undefined || !hasOwn(labels, key) || labels[key] !== selector[key]) {
      return false;
    }
  }
  return true;
}
