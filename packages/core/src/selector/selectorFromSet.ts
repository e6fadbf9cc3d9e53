/**
 * Equality selectors from a plain label map (upstream `labels.SelectorFromSet`).
 * @packageDocumentation
 */
import { canonicalValues } from './newRequirement.js';
import { selectorOf } from './requirementSelector.js';
import type { Requirement, Selector } from './types.js';

/**
 * The selector requiring every `key=value` of `labels` (a Service's `.spec.selector`). An empty
 * map gives the selector that matches everything — whether an empty Service selector selects
 * anything is the caller's rule (§1.3 rule 20: it selects no pods for endpoints). Like upstream
 * it does not validate the map; validation of the owning object does.
 *
 * @example selectorFromSet({ tier: 'web', app: 'shop' }).toString() // 'app=shop,tier=web'
 */
export function selectorFromSet(labels: Readonly<Record<string, string>>): Selector {
  const requirements: Requirement[] = [];
  for (const key of Object.keys(labels)) {
    const value = labels[key] ?? '';
    requirements.push(Object.freeze({ key, operator: 'Equals', values: canonicalValues([value]) }));
  }
  return selectorOf(requirements);
}
