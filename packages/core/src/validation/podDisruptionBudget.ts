/**
 * PodDisruptionBudget spec (kubernetes `pkg/apis/policy/validation/validation.go`
 * `ValidatePodDisruptionBudgetSpec`).
 * @packageDocumentation
 */
import type { FieldIssue } from '../errors.js';
import { invalid, notSupported } from './fieldIssues.js';
import { absent, get, obj, str } from './json.js';
import { validateIntOrPercent } from './intOrPercent.js';
import { validateOptionalSelector } from './labelSelector.js';

const EVICTION_POLICIES = ['AlwaysAllow', 'IfHealthyBudget'] as const;

/**
 * Validates a PodDisruptionBudget's `spec`: at most one of minAvailable and maxUnavailable (both
 * set is one issue on `spec`), each a non-negative integer or a percent up to 100%, a valid
 * selector and eviction policy. Neither set is valid (disruptionsAllowed is then 0).
 */
export function validatePodDisruptionBudgetSpec(v: unknown, issues: FieldIssue[]): void {
  const spec = obj(v, 'spec', issues) ?? {};
  const hasMin = !absent(get(spec, 'minAvailable'));
  const hasMax = !absent(get(spec, 'maxUnavailable'));
  if (hasMin && hasMax) {
    issues.push(invalid('spec', spec, 'minAvailable and maxUnavailable cannot be both set'));
  }
  validateIntOrPercent(get(spec, 'minAvailable'), 'spec.minAvailable', true, issues);
  validateIntOrPercent(get(spec, 'maxUnavailable'), 'spec.maxUnavailable', true, issues);
  validateOptionalSelector(get(spec, 'selector'), 'spec.selector', issues);
  const policy = str(
    get(spec, 'unhealthyPodEvictionPolicy'),
    'spec.unhealthyPodEvictionPolicy',
    issues,
  );
  if (policy !== undefined && !(EVICTION_POLICIES as readonly string[]).includes(policy)) {
    issues.push(notSupported('spec.unhealthyPodEvictionPolicy', policy, EVICTION_POLICIES));
  }
}
