/**
 * The denominators of a PodDisruptionBudget: how many pods are expected and how many must stay
 * healthy (kubernetes pkg/controller/disruption/disruption.go `getExpectedPodCount`,
 * `getExpectedScale` and the finders).
 * @packageDocumentation
 */
import type { ClusterView } from '../../store/view.js';
import type { IntOrString, OwnerReference } from '../../objects/meta.js';
import type { Pod } from '../../objects/pod.js';
import type { PodDisruptionBudget } from '../../objects/apps.js';
import { scaledIntOrPercent } from '../shared/intOrPercent.js';
import type { ScaledIntOrPercent } from '../shared/intOrPercent.js';
import { controllerOf } from './pdbSelection.js';

/** The budget's arithmetic, or the reason it cannot be computed (the controller then fails safe). */
export type ExpectedPodCount =
  | {
      readonly ok: true;
      readonly expectedCount: number;
      readonly desiredHealthy: number;
      /** Names of covered pods without a controller (only looked for by the scale-based forms). */
      readonly unmanagedPods: readonly string[];
    }
  | { readonly ok: false; readonly error: string };

/**
 * An int-or-percent scaled against `total`, rounding a percent UP
 * (`intstr.GetScaledValueFromIntOrPercent(v, total, true)`): `'50%'` of 3 → 2, `2` → 2.
 * Returns an error message for a string that is not `<int>%`.
 * @example scaledValueRoundUp('10%', 5) // { ok: true, value: 1 }
 */
export function scaledValueRoundUp(value: IntOrString, total: number): ScaledIntOrPercent {
  return scaledIntOrPercent(value, total, true);
}

const isAppsGroup = (ref: OwnerReference): boolean =>
  ref.apiVersion.startsWith('apps/') || ref.apiVersion.startsWith('extensions/');

/**
 * The controller of `ref` and its scale, trying upstream's finders in order: a ReplicaSet owned by
 * a Deployment gives the Deployment's replicas, a bare ReplicaSet its own, a StatefulSet its own.
 * A ReplicaSet whose Deployment is gone falls through to the scale subresource of the ReplicaSet
 * itself, as `getScaleController` would. Undefined when no controller is found.
 */
export function controllerScale(
  view: ClusterView,
  ref: OwnerReference,
  namespace: string,
): { uid: string; scale: number } | undefined {
  if (!isAppsGroup(ref)) return undefined;
  if (ref.kind === 'ReplicaSet') {
    const rs = view.get('ReplicaSet', `${namespace}/${ref.name}`);
    if (rs === undefined || rs.metadata.uid !== ref.uid) return undefined;
    const owner = controllerOf(rs);
    if (owner?.kind === 'Deployment' && isAppsGroup(owner)) {
      const dep = view.get('Deployment', `${namespace}/${owner.name}`);
      if (dep !== undefined && dep.metadata.uid === owner.uid) {
        return { uid: dep.metadata.uid, scale: dep.spec.replicas };
      }
    }
    return { uid: rs.metadata.uid, scale: rs.spec.replicas };
  }
  if (ref.kind === 'StatefulSet') {
    const ss = view.get('StatefulSet', `${namespace}/${ref.name}`);
    if (ss === undefined || ss.metadata.uid !== ref.uid) return undefined;
    return { uid: ss.metadata.uid, scale: ss.spec.replicas };
  }
  return undefined;
}

/**
 * SUM of the scale of the distinct controllers of `pods` (two ReplicaSets of one Deployment count
 * the Deployment once). Pods without a controller are collected, not counted (upstream stopped
 * failing on them in kubernetes#103414); a controller that cannot be found is an error.
 */
export function expectedScale(
  view: ClusterView,
  pods: readonly Pod[],
): { ok: true; expected: number; unmanaged: string[] } | { ok: false; error: string } {
  const scales = new Map<string, number>();
  const seenRefs = new Set<string>();
  const unmanaged: string[] = [];
  for (const pod of pods) {
    const ref = controllerOf(pod);
    if (ref === undefined) {
      unmanaged.push(pod.metadata.name);
      continue;
    }
    if (seenRefs.has(ref.uid)) continue;
    const found = controllerScale(view, ref, pod.metadata.namespace);
    if (found === undefined) {
      return { ok: false, error: `found no controllers for pod "${pod.metadata.name}"` };
    }
    seenRefs.add(ref.uid);
    scales.set(found.uid, found.scale);
  }
  let expected = 0;
  for (const scale of scales.values()) expected += scale;
  return { ok: true, expected, unmanaged };
}

/**
 * expectedCount and desiredHealthy of `pdb` over its `pods` (§8.2):
 * - integer minAvailable: desired = minAvailable, expected = number of covered pods;
 * - percent minAvailable: expected = controllers' scale, desired = ceil(pct × expected);
 * - maxUnavailable: expected = controllers' scale, desired = max(0, expected − ceil(max));
 * - neither set: 0 and 0 (so no disruption is allowed).
 */
export function expectedPodCount(
  view: ClusterView,
  pdb: PodDisruptionBudget,
  pods: readonly Pod[],
): ExpectedPodCount {
  const { minAvailable, maxUnavailable } = pdb.spec;
  if (maxUnavailable !== undefined) {
    const scale = expectedScale(view, pods);
    if (!scale.ok) return scale;
    const max = scaledValueRoundUp(maxUnavailable, scale.expected);
    if (!max.ok) return max;
    return {
      ok: true,
      expectedCount: scale.expected,
      desiredHealthy: Math.max(0, scale.expected - max.value),
      unmanagedPods: scale.unmanaged,
    };
  }
  if (minAvailable === undefined) {
    return { ok: true, expectedCount: 0, desiredHealthy: 0, unmanagedPods: [] };
  }
  if (typeof minAvailable === 'number') {
    return {
      ok: true,
      expectedCount: pods.length,
      desiredHealthy: minAvailable,
      unmanagedPods: [],
    };
  }
  const scale = expectedScale(view, pods);
  if (!scale.ok) return scale;
  const min = scaledValueRoundUp(minAvailable, scale.expected);
  if (!min.ok) return min;
  return {
    ok: true,
    expectedCount: scale.expected,
    desiredHealthy: min.value,
    unmanagedPods: scale.unmanaged,
  };
}
