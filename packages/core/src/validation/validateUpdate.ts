/**
 * Update rules: the fields the API server refuses to change on an existing object.
 * @packageDocumentation
 */
import type { FieldIssue } from '../errors.js';
import type { InertObject, KubeObject } from '../objects/kinds.js';
import { deepEqual } from '../store/deepEqual.js';
import { forbidden, invalid } from './fieldIssues.js';
import { absent, get, isObject } from './json.js';
import type { JsonObject } from './json.js';
import { validateObject } from './validateObject.js';

const IMMUTABLE = 'field is immutable';

/** Upstream's wording (kubernetes `pkg/apis/core/validation/validation.go` `ValidatePodUpdate`). */
export const POD_UPDATE_MESSAGE =
  'pod updates may not change fields other than `spec.containers[*].image`,' +
  '`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,' +
  '`spec.tolerations` (only additions to existing tolerations),' +
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

function asObject(v: unknown): JsonObject | undefined {
  return isObject(v) ? v : undefined;
}

function immutable(path: string, oldV: unknown, newV: unknown, issues: FieldIssue[]): void {
  if (!absent(newV) && !deepEqual(oldV, newV)) issues.push(invalid(path, newV, IMMUTABLE));
}

function serviceUpdate(
  oldSpec: JsonObject | undefined,
  newSpec: JsonObject | undefined,
  issues: FieldIssue[],
): void {
  // Changing to or from ExternalName releases or allocates the IP, so only then may it change.
  const oldType = get(oldSpec, 'type') ?? 'ClusterIP';
  const newType = get(newSpec, 'type') ?? 'ClusterIP';
  if (oldType === 'ExternalName' || newType === 'ExternalName') return;
  const oldIP = get(oldSpec, 'clusterIP');
  if (typeof oldIP === 'string' && oldIP !== '') {
    const newIP = get(newSpec, 'clusterIP');
    if (newIP !== '') immutable('spec.clusterIP', oldIP, newIP, issues);
    const oldIPs = get(oldSpec, 'clusterIPs');
    const newIPs = get(newSpec, 'clusterIPs');
    if (Array.isArray(oldIPs) && oldIPs.length > 0 && Array.isArray(newIPs) && newIPs.length > 0) {
      immutable('spec.clusterIPs[0]', oldIPs[0], newIPs[0], issues);
    }
  }
}

// A container compared without its image; fields absent from the new manifest are kept by the
// store (defaulted or merged), so only fields the new manifest states are compared.
function containersChanged(oldList: unknown, newList: unknown): boolean {
  if (absent(newList)) return false;
  if (!Array.isArray(oldList) || !Array.isArray(newList)) return !deepEqual(oldList, newList);
  if (oldList.length !== newList.length) return true;
  return newList.some((nc, i) => {
    const oc = asObject(oldList[i]);
    const n = asObject(nc);
    if (n === undefined) return true;
    return Object.keys(n).some(
      (k) => k !== 'image' && !absent(n[k]) && !deepEqual(get(oc, k), n[k]),
    );
  });
}

const podMutable = new Set([
  'containers',
  'initContainers',
  'activeDeadlineSeconds',
  'tolerations',
  'terminationGracePeriodSeconds',
]);

function podUpdate(
  oldSpec: JsonObject | undefined,
  newSpec: JsonObject | undefined,
  issues: FieldIssue[],
): void {
  if (newSpec === undefined) return;
  let changed =
    containersChanged(get(oldSpec, 'containers'), get(newSpec, 'containers')) ||
    containersChanged(get(oldSpec, 'initContainers'), get(newSpec, 'initContainers'));
  for (const k of Object.keys(newSpec)) {
    if (podMutable.has(k) || absent(newSpec[k])) continue;
    // Binding a pending pod to a node is the scheduler's write, not a user's edit.
    if (k === 'nodeName' && absent(get(oldSpec, 'nodeName'))) continue;
    if (!deepEqual(get(oldSpec, k), newSpec[k])) changed = true;
  }
  const oldTol = get(oldSpec, 'tolerations');
  const newTol = get(newSpec, 'tolerations');
  if (Array.isArray(oldTol) && !absent(newTol)) {
    const kept = Array.isArray(newTol) ? newTol : [];
    if (!oldTol.every((t) => kept.some((n) => deepEqual(t, n)))) changed = true;
  }
  if (changed) issues.push(forbidden('spec', POD_UPDATE_MESSAGE));
}

/**
 * The spec fields of a StatefulSet an update may change (kubernetes
 * `pkg/apis/apps/validation/validation.go` `ValidateStatefulSetUpdate`, 1.27+ wording).
 */
const STATEFULSET_MUTABLE = [
  'replicas',
  'ordinals',
  'template',
  'updateStrategy',
  'revisionHistoryLimit',
  'persistentVolumeClaimRetentionPolicy',
  'minReadySeconds',
] as const;

/** Upstream's words for any other change of a StatefulSet's spec. */
export const STATEFULSET_UPDATE_MESSAGE =
  "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', " +
  "'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and " +
  "'minReadySeconds' are forbidden";

function statefulSetUpdate(
  oldSpec: JsonObject | undefined,
  newSpec: JsonObject | undefined,
  issues: FieldIssue[],
): void {
  if (oldSpec === undefined || newSpec === undefined) return;
  // As upstream: the new spec with the mutable fields put back to the old values must equal the
  // old spec. Fields absent from the new spec count as unchanged (the store keeps them).
  for (const key of Object.keys({ ...oldSpec, ...newSpec })) {
    if ((STATEFULSET_MUTABLE as readonly string[]).includes(key)) continue;
    const next = get(newSpec, key);
    if (absent(next)) continue;
    if (!deepEqual(get(oldSpec, key), next)) {
      issues.push(forbidden('spec', STATEFULSET_UPDATE_MESSAGE));
      return;
    }
  }
}

/**
 * Validates `newObj` as an update of the stored `oldObj`: everything {@link validateObject}
 * reports for `newObj`, then the immutable fields the API server enforces:
 * - Deployment, ReplicaSet: `spec.selector` (`field is immutable`);
 * - StatefulSet: only replicas, ordinals, template, updateStrategy, revisionHistoryLimit,
 *   persistentVolumeClaimRetentionPolicy and minReadySeconds may change (`spec: Forbidden: …`);
 * - Service: `spec.clusterIP` and `spec.clusterIPs[0]` once set, except when the type changes to
 *   or from ExternalName; absent or `""` in the new manifest means "keep";
 * - Pod: only container images, `activeDeadlineSeconds`, added tolerations and
 *   `terminationGracePeriodSeconds` may change (`spec: Forbidden: pod updates may not change
 *   fields other than …`); setting `nodeName` on an unbound pod is allowed (binding);
 * - EndpointSlice: `addressType`.
 * Fields absent from `newObj` count as unchanged (the store keeps them).
 */
export function validateUpdate(oldObj: KubeObject | InertObject, newObj: unknown): FieldIssue[] {
  const issues = validateObject(newObj);
  updateRuleIssues(oldObj, newObj, issues);
  return issues;
}

/**
 * The rules of an update alone (immutable fields and the like), pushed onto `issues`: what
 * {@link validateUpdate} adds to the validation of the new object itself.
 * @internal
 */
export function updateRuleIssues(
  oldObj: KubeObject | InertObject,
  newObj: unknown,
  issues: FieldIssue[],
): void {
  const n = asObject(newObj);
  const o = oldObj as unknown as JsonObject;
  if (n === undefined || get(n, 'kind') !== oldObj.kind) return;
  const oldSpec = asObject(get(o, 'spec'));
  const newSpec = asObject(get(n, 'spec'));
  switch (oldObj.kind) {
    case 'Deployment':
    case 'ReplicaSet':
      immutable('spec.selector', get(oldSpec, 'selector'), get(newSpec, 'selector'), issues);
      break;
    case 'StatefulSet':
      statefulSetUpdate(oldSpec, newSpec, issues);
      break;
    case 'Service':
      serviceUpdate(oldSpec, newSpec, issues);
      break;
    case 'Pod':
      podUpdate(oldSpec, newSpec, issues);
      break;
    case 'EndpointSlice':
      immutable('addressType', get(o, 'addressType'), get(n, 'addressType'), issues);
      break;
    default:
      break;
  }
}
