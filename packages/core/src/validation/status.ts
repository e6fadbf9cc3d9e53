/**
 * Validation of a written `status` (PUT …/status, and a Node's status on create): the shapes the
 * rest of kubesim reads, in kubectl's words. Upstream validates status writes per kind
 * (`pkg/apis/core/validation/validation.go` `ValidatePodStatusUpdate`, `ValidateNode` for
 * capacity and allocatable; `pkg/apis/apps/validation/validation.go` `ValidateDeploymentStatus`,
 * `ValidateReplicaSetStatus`, `ValidateStatefulSetStatus`; policy's
 * `ValidatePodDisruptionBudgetStatusUpdate`).
 * @packageDocumentation
 */
import type { FieldIssue } from '../errors.js';
import { QuantityError, bytes, cpuMillis } from '../quantity/index.js';
import { child, index, invalid, key, required, typeInvalid } from './fieldIssues.js';
import { get, int, isObject, list, obj, str } from './json.js';
import type { JsonObject } from './json.js';
import { isQualifiedName } from './names.js';
import { isIP } from './network.js';

function nonNegativeInts(
  o: JsonObject | undefined,
  fields: readonly string[],
  path: string,
  issues: FieldIssue[],
): void {
  for (const f of fields) {
    const v = int(get(o, f), child(path, f), issues);
    if (v !== undefined && v < 0) {
      issues.push(invalid(child(path, f), v, 'must be greater than or equal to 0'));
    }
  }
}

// Conditions as every kind writes them: objects with a type and a status, optional strings beside.
function validateConditions(v: unknown, path: string, issues: FieldIssue[]): void {
  const items = list(v, path, issues) ?? [];
  items.forEach((item, i) => {
    const p = index(path, i);
    const c = obj(item, p, issues);
    if (c === undefined) {
      if (item === null) issues.push(required(p, 'a condition, not null'));
      return;
    }
    const type = str(get(c, 'type'), child(p, 'type'), issues);
    if (type === undefined || type === '') issues.push(required(child(p, 'type')));
    const status = str(get(c, 'status'), child(p, 'status'), issues);
    if (status === undefined || status === '') issues.push(required(child(p, 'status')));
    for (const f of [
      'reason',
      'message',
      'lastTransitionTime',
      'lastProbeTime',
      'lastHeartbeatTime',
      'lastUpdateTime',
    ]) {
      str(get(c, f), child(p, f), issues);
    }
  });
}

// A resource list as a Node reports it: quantities that parse, are not negative and fit the
// integer arithmetic the scheduler does with them (ValidateResourceQuantityValue).
function validateResourceList(v: unknown, path: string, issues: FieldIssue[]): void {
  const o = obj(v, path, issues);
  for (const [name, raw] of Object.entries(o ?? {})) {
    const p = key(path, name);
    for (const msg of isQualifiedName(name)) issues.push(invalid(p, name, msg));
    if (typeof raw !== 'string' && typeof raw !== 'number') {
      issues.push(
        typeInvalid(
          p,
          Array.isArray(raw) ? 'array' : raw === null ? null : typeof raw,
          'a quantity',
        ),
      );
      continue;
    }
    try {
      const n = name === 'cpu' ? cpuMillis(raw) : bytes(raw);
      if (n < 0) issues.push(invalid(p, raw, 'must be greater than or equal to 0'));
    } catch (e) {
      if (!(e instanceof QuantityError)) throw e;
      issues.push(invalid(p, raw, e.detail));
    }
  }
}

function validateAddresses(v: unknown, path: string, issues: FieldIssue[]): void {
  (list(v, path, issues) ?? []).forEach((item, i) => {
    const p = index(path, i);
    const a = obj(item, p, issues);
    if (a === undefined) {
      if (item === null) issues.push(required(p, 'an address, not null'));
      return;
    }
    if (str(get(a, 'type'), child(p, 'type'), issues) === undefined)
      issues.push(required(child(p, 'type')));
    if (str(get(a, 'address'), child(p, 'address'), issues) === undefined) {
      issues.push(required(child(p, 'address')));
    }
  });
}

function validateIPList(v: unknown, path: string, issues: FieldIssue[]): void {
  (list(v, path, issues) ?? []).forEach((item, i) => {
    const p = index(path, i);
    const o = obj(item, p, issues);
    if (o === undefined) {
      if (item === null) issues.push(required(p, 'an IP, not null'));
      return;
    }
    const ip = str(get(o, 'ip'), child(p, 'ip'), issues);
    if (ip === undefined) issues.push(required(child(p, 'ip')));
    else if (!isIP(ip)) issues.push(invalid(child(p, 'ip'), ip, 'must be a valid IP address'));
  });
}

function validateContainerStatuses(v: unknown, path: string, issues: FieldIssue[]): void {
  (list(v, path, issues) ?? []).forEach((item, i) => {
    const p = index(path, i);
    const c = obj(item, p, issues);
    if (c === undefined) {
      if (item === null) issues.push(required(p, 'a container status, not null'));
      return;
    }
    if (str(get(c, 'name'), child(p, 'name'), issues) === undefined)
      issues.push(required(child(p, 'name')));
    nonNegativeInts(c, ['restartCount'], p, issues);
    for (const f of ['state', 'lastState']) obj(get(c, f), child(p, f), issues);
  });
}

function validatePodStatus(s: JsonObject, path: string, issues: FieldIssue[]): void {
  str(get(s, 'phase'), child(path, 'phase'), issues);
  validateConditions(get(s, 'conditions'), child(path, 'conditions'), issues);
  for (const f of ['podIP', 'hostIP']) {
    const ip = str(get(s, f), child(path, f), issues);
    if (ip !== undefined && ip !== '' && !isIP(ip)) {
      issues.push(invalid(child(path, f), ip, 'must be a valid IP address'));
    }
  }
  validateIPList(get(s, 'podIPs'), child(path, 'podIPs'), issues);
  validateIPList(get(s, 'hostIPs'), child(path, 'hostIPs'), issues);
  for (const f of ['containerStatuses', 'initContainerStatuses']) {
    validateContainerStatuses(get(s, f), child(path, f), issues);
  }
  for (const f of ['startTime', 'reason', 'message', 'nominatedNodeName', 'qosClass']) {
    str(get(s, f), child(path, f), issues);
  }
}

function validateNodeStatus(s: JsonObject, path: string, issues: FieldIssue[]): void {
  validateResourceList(get(s, 'capacity'), child(path, 'capacity'), issues);
  validateResourceList(get(s, 'allocatable'), child(path, 'allocatable'), issues);
  validateConditions(get(s, 'conditions'), child(path, 'conditions'), issues);
  validateAddresses(get(s, 'addresses'), child(path, 'addresses'), issues);
}

function validateServiceStatus(s: JsonObject, path: string, issues: FieldIssue[]): void {
  const lbPath = child(path, 'loadBalancer');
  const lb = obj(get(s, 'loadBalancer'), lbPath, issues);
  (list(get(lb, 'ingress'), child(lbPath, 'ingress'), issues) ?? []).forEach((item, i) => {
    const p = index(child(lbPath, 'ingress'), i);
    const ing = obj(item, p, issues);
    if (ing === undefined) {
      if (item === null) issues.push(required(p, 'an ingress point, not null'));
      return;
    }
    const ip = str(get(ing, 'ip'), child(p, 'ip'), issues);
    if (ip !== undefined && ip !== '' && !isIP(ip))
      issues.push(invalid(child(p, 'ip'), ip, 'must be a valid IP address'));
    str(get(ing, 'hostname'), child(p, 'hostname'), issues);
  });
  validateConditions(get(s, 'conditions'), child(path, 'conditions'), issues);
}

const workloadCounts = [
  'replicas',
  'updatedReplicas',
  'readyReplicas',
  'availableReplicas',
  'unavailableReplicas',
  'currentReplicas',
  'fullyLabeledReplicas',
  'terminatingReplicas',
  'observedGeneration',
  'collisionCount',
];

function validateWorkloadStatus(s: JsonObject, path: string, issues: FieldIssue[]): void {
  nonNegativeInts(
    s,
    workloadCounts.filter((f) => Object.hasOwn(s, f)),
    path,
    issues,
  );
  validateConditions(get(s, 'conditions'), child(path, 'conditions'), issues);
  for (const f of ['currentRevision', 'updateRevision']) str(get(s, f), child(path, f), issues);
}

function validatePdbStatus(s: JsonObject, path: string, issues: FieldIssue[]): void {
  nonNegativeInts(
    s,
    [
      'disruptionsAllowed',
      'currentHealthy',
      'desiredHealthy',
      'expectedPods',
      'observedGeneration',
    ],
    path,
    issues,
  );
  validateConditions(get(s, 'conditions'), child(path, 'conditions'), issues);
  obj(get(s, 'disruptedPods'), child(path, 'disruptedPods'), issues);
}

const byKind: Readonly<
  Record<string, (s: JsonObject, path: string, issues: FieldIssue[]) => void>
> = {
  Pod: validatePodStatus,
  Node: validateNodeStatus,
  Service: validateServiceStatus,
  Deployment: validateWorkloadStatus,
  ReplicaSet: validateWorkloadStatus,
  StatefulSet: validateWorkloadStatus,
  PodDisruptionBudget: validatePdbStatus,
  Namespace: (s, path, issues) => {
    str(get(s, 'phase'), child(path, 'phase'), issues);
    validateConditions(get(s, 'conditions'), child(path, 'conditions'), issues);
  },
};

/**
 * Validates the `status` of an object of `kind` as written, returning its problems in kubectl's
 * words (`[]` when valid). An absent or `null` status is valid (the store keeps or fills it);
 * kinds without a modelled status accept any object.
 *
 * @example
 * ```ts
 * validateStatus('Node', { capacity: { cpu: 'x' } }).map(formatFieldIssue);
 * // ['status.capacity[cpu]: Invalid value: "x": quantities must match …']
 * ```
 */
export function validateStatus(kind: string, status: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (status === undefined || status === null) return issues;
  if (!isObject(status)) {
    issues.push(typeInvalid('status', Array.isArray(status) ? 'array' : status, 'an object'));
    return issues;
  }
  const rules = Object.hasOwn(byKind, kind) ? byKind[kind] : undefined;
  rules?.(status, 'status', issues);
  return issues;
}
