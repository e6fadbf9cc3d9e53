/**
 * Which budgets a store change makes dirty (after the event handlers of kubernetes
 * pkg/controller/disruption/disruption.go, plus the owners' scale, which upstream only reads
 * through listers at the next sync).
 * @packageDocumentation
 */
import { isPodReady } from '../endpoints/podEndpoint.js';
import type { ClusterView, StoreEvent } from '../../store/view.js';
import type { Deployment, ReplicaSet, StatefulSet } from '../../objects/apps.js';
import type { InertObject, KubeObject } from '../../objects/kinds.js';
import type { Pod } from '../../objects/pod.js';
import { controllerOf, keyOf, pdbsForLabels } from './pdbSelection.js';

type AnyObject = KubeObject | InertObject;

const sameLabels = (
  a: Readonly<Record<string, string>> | undefined,
  b: Readonly<Record<string, string>> | undefined,
): boolean =>
  // A status write keeps the stored (frozen) labels object: no text needed to see it is the same.
  a === b || JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});

/**
 * A pod change that can move a budget's numbers: labels, deletion, Ready, phase or controller.
 * Container-status churn needs no sync.
 */
export function podChangeMatters(oldPod: Pod, newPod: Pod): boolean {
  return (
    !sameLabels(oldPod.metadata.labels, newPod.metadata.labels) ||
    oldPod.metadata.deletionTimestamp !== newPod.metadata.deletionTimestamp ||
    isPodReady(oldPod) !== isPodReady(newPod) ||
    oldPod.status.phase !== newPod.status.phase ||
    controllerOf(oldPod)?.uid !== controllerOf(newPod)?.uid
  );
}

function addPdbKeysOfPods(view: ClusterView, pods: readonly Pod[], into: Set<string>): void {
  for (const pod of pods) {
    for (const pdb of pdbsForLabels(view, pod.metadata.namespace, pod.metadata.labels)) {
      into.add(keyOf(pdb));
    }
  }
}

const podsOwnedBy = (view: ClusterView, uid: string): Pod[] =>
  view.ownedBy(uid).filter((o): o is Pod => o.kind === 'Pod');

function workloadPods(view: ClusterView, obj: AnyObject): Pod[] {
  if (obj.kind !== 'Deployment') return podsOwnedBy(view, obj.metadata.uid);
  return view
    .ownedBy(obj.metadata.uid)
    .filter((o) => o.kind === 'ReplicaSet')
    .flatMap((rs) => podsOwnedBy(view, rs.metadata.uid));
}

type Workload = Deployment | ReplicaSet | StatefulSet;

function scaleChanged(ev: StoreEvent): boolean {
  if (ev.type !== 'MODIFIED' || ev.oldObject === undefined) return true;
  const before = ev.oldObject as Workload;
  const after = ev.object as Workload;
  // A ReplicaSet adopted by (or released from) a Deployment changes whose scale counts.
  return (
    before.spec.replicas !== after.spec.replicas ||
    controllerOf(before)?.uid !== controllerOf(after)?.uid ||
    before.metadata.uid !== after.metadata.uid
  );
}

/**
 * The budget keys for a store event: a budget's own events; for a pod, the budgets matching its
 * old or new labels; for a Deployment, ReplicaSet or StatefulSet whose scale (or owner) changed,
 * the budgets of its pods. Sorted by first appearance, without repeats.
 */
export function disruptionKeysFor(event: StoreEvent, view: ClusterView): string[] {
  switch (event.kind) {
    case 'PodDisruptionBudget':
      return [event.key];
    case 'Pod': {
      const pod = event.object as Pod;
      // No budget in the pod's namespace: nothing to dirty, whatever changed.
      if (view.list('PodDisruptionBudget', { namespace: pod.metadata.namespace }).length === 0) {
        return [];
      }
      const old = event.oldObject as Pod | undefined;
      if (event.type === 'MODIFIED' && old !== undefined && !podChangeMatters(old, pod)) return [];
      const keys = new Set<string>();
      addPdbKeysOfPods(view, old === undefined ? [pod] : [old, pod], keys);
      return [...keys];
    }
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet': {
      if (!scaleChanged(event)) return [];
      const namespace = event.object.metadata.namespace;
      if (namespace !== undefined && view.list('PodDisruptionBudget', { namespace }).length === 0) {
        return [];
      }
      const keys = new Set<string>();
      addPdbKeysOfPods(view, workloadPods(view, event.object), keys);
      return [...keys];
    }
    default:
      return [];
  }
}
