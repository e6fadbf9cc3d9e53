/**
 * Deployment, ReplicaSet and StatefulSet specs (kubernetes `pkg/apis/apps/validation/validation.go`
 * `ValidateDeploymentSpec`, `ValidateDeploymentStrategy`, `ValidateRollingUpdateDeployment`,
 * `ValidateReplicaSetSpec`, `ValidateStatefulSetSpec`).
 * @packageDocumentation
 */
import type { FieldIssue } from '../errors.js';
import { forbidden, invalid, notSupported } from './fieldIssues.js';
import type { JsonObject } from './json.js';
import { get, int, list, obj, str } from './json.js';
import { intOrPercentValue, validateIntOrPercent } from './intOrPercent.js';
import { validateWorkloadSelector } from './labelSelector.js';
import type { SelectorOwner } from './labelSelector.js';
import { validateWorkloadTemplate } from './podTemplate.js';

/** Deployment's default `progressDeadlineSeconds` (§7.6), used to compare with minReadySeconds. */
const DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;

function nonNegative(spec: JsonObject, f: string, issues: FieldIssue[]): number | undefined {
  const path = `spec.${f}`;
  const n = int(get(spec, f), path, issues);
  if (n !== undefined && n < 0) issues.push(invalid(path, n, 'must be greater than or equal to 0'));
  return n;
}

// Fields every replicated workload shares: replicas, minReadySeconds, selector and template.
function validateCommon(
  spec: JsonObject,
  kind: string,
  owner: SelectorOwner,
  issues: FieldIssue[],
): void {
  nonNegative(spec, 'replicas', issues);
  nonNegative(spec, 'minReadySeconds', issues);
  const selector = validateWorkloadSelector(get(spec, 'selector'), 'spec.selector', owner, issues);
  // A StatefulSet's pods also get one volume per volumeClaimTemplate (upstream validates the
  // template with those volumes added).
  const claims = (list(get(spec, 'volumeClaimTemplates'), 'spec.volumeClaimTemplates', []) ?? [])
    .map((t) => get(obj(get(obj(t, '', []), 'metadata'), '', []), 'name'))
    .filter((n): n is string => typeof n === 'string');
  validateWorkloadTemplate(get(spec, 'template'), 'spec.template', selector, kind, issues, claims);
}

function validateStrategy(spec: JsonObject, issues: FieldIssue[]): void {
  const path = 'spec.strategy';
  const strategy = obj(get(spec, 'strategy'), path, issues);
  if (strategy === undefined) return;
  const type = str(get(strategy, 'type'), `${path}.type`, issues) ?? 'RollingUpdate';
  const ruPath = `${path}.rollingUpdate`;
  const ru = obj(get(strategy, 'rollingUpdate'), ruPath, issues);
  if (type === 'Recreate') {
    if (ru !== undefined) {
      issues.push(forbidden(ruPath, "may not be specified when strategy `type` is 'Recreate'"));
    }
    return;
  }
  if (type !== 'RollingUpdate') {
    issues.push(notSupported(path, type, ['Recreate', 'RollingUpdate']));
    return;
  }
  if (ru === undefined) return;
  const unavailable = validateIntOrPercent(
    get(ru, 'maxUnavailable'),
    `${ruPath}.maxUnavailable`,
    true,
    issues,
  );
  const surge = validateIntOrPercent(get(ru, 'maxSurge'), `${ruPath}.maxSurge`, false, issues);
  // Absent fields default to 25%, so only two explicit zeros are refused.
  if (intOrPercentValue(unavailable) === 0 && intOrPercentValue(surge) === 0) {
    issues.push(
      invalid(`${ruPath}.maxUnavailable`, unavailable, 'may not be 0 when `maxSurge` is 0'),
    );
  }
}

/** Validates a Deployment's `spec`. */
export function validateDeploymentSpec(v: unknown, issues: FieldIssue[]): void {
  const spec = obj(v, 'spec', issues) ?? {};
  validateCommon(spec, 'Deployment', 'deployment', issues);
  validateStrategy(spec, issues);
  nonNegative(spec, 'revisionHistoryLimit', issues);
  const minReady = int(get(spec, 'minReadySeconds'), 'spec.minReadySeconds', []) ?? 0;
  const deadline = nonNegative(spec, 'progressDeadlineSeconds', issues);
  const effective = deadline ?? DEFAULT_PROGRESS_DEADLINE_SECONDS;
  if (effective <= minReady && (deadline === undefined || deadline >= 0)) {
    issues.push(
      invalid('spec.progressDeadlineSeconds', effective, 'must be greater than minReadySeconds'),
    );
  }
}

/** Validates a ReplicaSet's `spec` (upstream says "deployment" in its empty-selector message too). */
export function validateReplicaSetSpec(v: unknown, issues: FieldIssue[]): void {
  const spec = obj(v, 'spec', issues) ?? {};
  validateCommon(spec, 'ReplicaSet', 'deployment', issues);
}

function validateStatefulSetStrategy(spec: JsonObject, issues: FieldIssue[]): void {
  const path = 'spec.updateStrategy';
  const strategy = obj(get(spec, 'updateStrategy'), path, issues);
  if (strategy === undefined) return;
  const type = str(get(strategy, 'type'), `${path}.type`, issues) ?? 'RollingUpdate';
  const ruPath = `${path}.rollingUpdate`;
  const ru = obj(get(strategy, 'rollingUpdate'), ruPath, issues);
  if (type === 'OnDelete') {
    if (ru !== undefined) {
      issues.push(forbidden(ruPath, "only allowed for updateStrategy 'RollingUpdate'"));
    }
    return;
  }
  if (type !== 'RollingUpdate') {
    issues.push(notSupported(`${path}.type`, type, ['OnDelete', 'RollingUpdate']));
    return;
  }
  if (ru === undefined) return;
  const partition = int(get(ru, 'partition'), `${ruPath}.partition`, issues);
  if (partition !== undefined && partition < 0) {
    issues.push(invalid(`${ruPath}.partition`, partition, 'must be greater than or equal to 0'));
  }
  const mu = validateIntOrPercent(
    get(ru, 'maxUnavailable'),
    `${ruPath}.maxUnavailable`,
    true,
    issues,
  );
  if (intOrPercentValue(mu) === 0) {
    issues.push(invalid(`${ruPath}.maxUnavailable`, mu, 'must be greater than 0'));
  }
}

/** Validates a StatefulSet's `spec`. */
export function validateStatefulSetSpec(v: unknown, issues: FieldIssue[]): void {
  const spec = obj(v, 'spec', issues) ?? {};
  const policy = str(get(spec, 'podManagementPolicy'), 'spec.podManagementPolicy', issues);
  if (policy !== undefined && policy !== 'OrderedReady' && policy !== 'Parallel') {
    issues.push(notSupported('spec.podManagementPolicy', policy, ['OrderedReady', 'Parallel']));
  }
  validateStatefulSetStrategy(spec, issues);
  validateCommon(spec, 'StatefulSet', 'statefulset', issues);
  nonNegative(spec, 'revisionHistoryLimit', issues);
  str(get(spec, 'serviceName'), 'spec.serviceName', issues);
  const ordinals = obj(get(spec, 'ordinals'), 'spec.ordinals', issues);
  const start = int(get(ordinals, 'start'), 'spec.ordinals.start', issues);
  if (start !== undefined && start < 0) {
    issues.push(invalid('spec.ordinals.start', start, 'must be greater than or equal to 0'));
  }
}
