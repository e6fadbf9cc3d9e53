/**
 * Structured label selectors of workloads and budgets, through the selector module's
 * `validateLabelSelector` and `labelSelectorToSelector`.
 * @packageDocumentation
 */
import type { FieldIssue } from '../errors.js';
import type { LabelSelector } from '../objects/meta.js';
import type { Selector } from '../selector/types.js';
import { labelSelectorToSelector, validateLabelSelector } from '../selector/index.js';
import { invalid, required } from './fieldIssues.js';
import { absent, get, isObject } from './json.js';
import type { JsonObject } from './json.js';

/** Upstream formats an empty selector check per workload: `empty selector is invalid for <what>`. */
export type SelectorOwner = 'deployment' | 'statefulset';

/**
 * Validates a required, non-empty selector at `path` (upstream `ValidateDeploymentSpec`,
 * `ValidateReplicaSetSpec`, `ValidateStatefulSetSpec`). Returns the selector when it is valid, to
 * match against the template's labels.
 */
export function validateWorkloadSelector(
  v: unknown,
  path: string,
  owner: SelectorOwner,
  issues: FieldIssue[],
): Selector | undefined {
  if (absent(v)) {
    issues.push(required(path));
    return undefined;
  }
  const own = validateSelector(v, path);
  issues.push(...own);
  if (isObject(v) && isEmptySelector(v)) {
    issues.push(invalid(path, v, `empty selector is invalid for ${owner}`));
    return undefined;
  }
  return own.length === 0 ? toSelector(v) : undefined;
}

/** Validates an optional selector (a PodDisruptionBudget's); absent is fine. */
export function validateOptionalSelector(v: unknown, path: string, issues: FieldIssue[]): void {
  if (!absent(v)) issues.push(...validateSelector(v, path));
}

function validateSelector(v: unknown, path: string): FieldIssue[] {
  return validateLabelSelector(v, path);
}

function isEmptySelector(o: JsonObject): boolean {
  const labels = get(o, 'matchLabels');
  const exprs = get(o, 'matchExpressions');
  const nLabels = isObject(labels) ? Object.keys(labels).length : 0;
  const nExprs = Array.isArray(exprs) ? exprs.length : 0;
  return nLabels + nExprs === 0;
}

// Only called on a selector that validated, so conversion succeeds; a failure means no selector.
function toSelector(v: unknown): Selector | undefined {
  try {
    return labelSelectorToSelector(v as LabelSelector);
  } catch {
    return undefined;
  }
}
