/**
 * Which ReplicaSets a store change concerns (the event handlers of kubernetes/kubernetes
 * pkg/controller/replicaset/replica_set.go `addPod`, `updatePod`, `deletePod`).
 * @packageDocumentation
 */
import { isPodReady } from '../endpoints/podEndpoint.js';
import { labelSelectorToSelector } from '../../selector/labelSelectorToSelector.js';
import type { ClusterView, StoreEvent } from '../../store/view.js';
import type { InertObject, KubeObject } from '../../objects/kinds.js';
import type { Pod } from '../../objects/pod.js';
import { deepEqual } from '../../store/deepEqual.js';
import { controllerRefOf } from '../shared/index.js';

function asPod(obj: KubeObject | InertObject | undefined): Pod | undefined {
  return obj?.kind === 'Pod' ? (obj as Pod) : undefined;
}

const readyTime = (p: Pod): string | undefined =>
  p.status.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime;

/**
 * True when a pod change can change what a ReplicaSet does or reports: labels, ownerReferences,
 * deletion, phase, Ready and its transition time, node (scale-down ranking). Other changes
 * (container statuses, IPs) need no sync.
 */
export function podChangeMattersToReplicaSet(oldPod: Pod, newPod: Pod): boolean {
  return (
    !deepEqual(oldPod.metadata.labels ?? {}, newPod.metadata.labels ?? {}) ||
    !deepEqual(oldPod.metadata.ownerReferences ?? [], newPod.metadata.ownerReferences ?? []) ||
    oldPod.metadata.deletionTimestamp !== newPod.metadata.deletionTimestamp ||
    oldPod.status.phase !== newPod.status.phase ||
    isPodReady(oldPod) !== isPodReady(newPod) ||
    readyTime(oldPod) !== readyTime(newPod) ||
    oldPod.spec.nodeName !== newPod.spec.nodeName
  );
}

/**
 * ReplicaSet keys for a Pod event, from its old and new state: the controlling ReplicaSet when
 * the pod has one; for an orphan, every ReplicaSet of its namespace whose selector matches its
 * labels (a candidate adopter). A pod controlled by another kind concerns no ReplicaSet.
 */
export function replicaSetKeysForPodEvent(event: StoreEvent, view: ClusterView): string[] {
  const pod = asPod(event.object);
  if (pod === undefined) return [];
  const old = asPod(event.oldObject);
  if (event.type === 'MODIFIED' && old !== undefined && !podChangeMattersToReplicaSet(old, pod)) {
    return [];
  }
  const keys = new Set<string>();
  for (const p of old === undefined ? [pod] : [old, pod]) {
    const ref = controllerRefOf(p);
    const ns = p.metadata.namespace;
    if (ref !== undefined) {
      if (ref.kind === 'ReplicaSet') keys.add(`${ns}/${ref.name}`);
      continue;
    }
    for (const rs of view.list('ReplicaSet', { namespace: ns })) {
      if (labelSelectorToSelector(rs.spec.selector).matches(p.metadata.labels)) {
        keys.add(`${ns}/${rs.metadata.name}`);
      }
    }
  }
  return [...keys];
}
