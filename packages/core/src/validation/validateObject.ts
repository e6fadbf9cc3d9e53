/**
 * Stateless validation of a manifest as written, for every kind kubesim knows.
 * @packageDocumentation
 */
import type { FieldIssue } from '../errors.js';
import { typeInvalid } from './fieldIssues.js';
import { validateEventBody, validateLeaseSpec, validateNodeSpec } from './clusterObjects.js';
import { validateEndpointSliceBody, validateEndpointsBody } from './discovery.js';
import { get, isObject } from './json.js';
import { nullItemIssues } from './nullItems.js';
import type { JsonObject } from './json.js';
import { nameValidatorFor, validateObjectMeta, validateTypeMeta } from './objectMeta.js';
import { validatePodDisruptionBudgetSpec } from './podDisruptionBudget.js';
import { validatePodSpec } from './podSpec.js';
import { validateServiceSpec } from './service.js';
import {
  validateDeploymentSpec,
  validateReplicaSetSpec,
  validateStatefulSetSpec,
} from './workloads.js';

type BodyValidator = (o: JsonObject, issues: FieldIssue[]) => void;

const bodies: Readonly<Record<string, BodyValidator>> = {
  Pod: (o, issues) => {
    validatePodSpec(get(o, 'spec'), 'spec', issues);
  },
  Service: (o, issues) => {
    validateServiceSpec(get(o, 'spec'), issues);
  },
  Node: (o, issues) => {
    validateNodeSpec(get(o, 'spec'), issues);
  },
  Namespace: () => undefined,
  EndpointSlice: validateEndpointSliceBody,
  Endpoints: validateEndpointsBody,
  Deployment: (o, issues) => {
    validateDeploymentSpec(get(o, 'spec'), issues);
  },
  ReplicaSet: (o, issues) => {
    validateReplicaSetSpec(get(o, 'spec'), issues);
  },
  StatefulSet: (o, issues) => {
    validateStatefulSetSpec(get(o, 'spec'), issues);
  },
  PodDisruptionBudget: (o, issues) => {
    validatePodDisruptionBudgetSpec(get(o, 'spec'), issues);
  },
  Lease: (o, issues) => {
    validateLeaseSpec(get(o, 'spec'), issues);
  },
  Event: validateEventBody,
};

/**
 * Validates a manifest as written and returns its problems in kubectl's words (`[]` when valid).
 * Fields admission defaults (namespace, protocols, strategy, probe timings, …) may be absent and
 * are never reported missing. Covers `apiVersion`/`kind` (a kind Kubernetes lacks, or an API
 * version that no longer serves it), metadata (name format per kind, namespace, labels,
 * annotations) for every kind, and the spec rules of each simulated kind; kinds stored inert
 * (ConfigMap, Secret, …) get metadata validation only. `status` is ignored. Never throws: a
 * field of the wrong JSON type is an issue.
 *
 * @example
 * ```ts
 * validateObject({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' },
 *   spec: { ports: [{ port: 0 }] } }).map(formatFieldIssue);
 * // ['spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive']
 * ```
 */
export function validateObject(obj: unknown): FieldIssue[] {
  if (!isObject(obj)) {
    return [
      typeInvalid('', Array.isArray(obj) ? 'array' : obj === null ? null : typeof obj, 'an object'),
    ];
  }
  const issues: FieldIssue[] = [];
  const info = validateTypeMeta(obj, issues);
  if (info === undefined) return issues;
  const rules = { nameFn: nameValidatorFor(info.kind), namespaced: info.namespaced };
  validateObjectMeta(get(obj, 'metadata'), 'metadata', rules, issues);
  if (info.simulated) bodies[info.kind]?.(obj, issues);
  issues.push(...nullItemIssues(obj));
  return issues;
}
