/**
 * Which Deployments a store change concerns (the event handlers of kubernetes/kubernetes
 * pkg/controller/deployment/deployment_controller.go `addReplicaSet`, `updateReplicaSet`,
 * `deleteReplicaSet`, `deletePod`).
 * @packageDocumentation
 */
import { labelSelectorToSelector } from '../../selector/labelSelectorToSelector.js';
import type { ClusterView, StoreEvent } from '../../store/view.js';
import type { InertObject, KubeObject } from '../../objects/kinds.js';
import type { Pod } from '../../objects/pod.js';
import type { ReplicaSet } from '../../objects/apps.js';
import { controllerKeyOf, controllerRefOf } from '../shared/index.js';

type Stored = KubeObject | InertObject | undefined;
const asReplicaSet = (o: Stored): ReplicaSet | undefined =>
  o?.kind === 'ReplicaSet' ? (o as ReplicaSet) : undefined;
const asPod = (o: Stored): Pod | undefined => (o?.kind === 'Pod' ? (o as Pod) : undefined);

/**
 * Deployment keys for a ReplicaSet event (old and new state): its controlling Deployment, or for
 * an orphan every Deployment of the namespace whose selector matches its labels.
 */
export function deploymentKeysForReplicaSetEvent(event: StoreEvent, view: ClusterView): string[] {
  const keys = new Set<string>();
  for (const obj of [event.oldObject, event.object]) {
    const rs = asReplicaSet(obj);
    if (rs === undefined) continue;
    const ref = controllerRefOf(rs);
    if (ref !== undefined) {
      if (ref.kind === 'Deployment') keys.add(`${rs.metadata.namespace}/${ref.name}`);
      continue;
    }
    for (const d of view.list('Deployment', { namespace: rs.metadata.namespace })) {
      if (labelSelectorToSelector(d.spec.selector).matches(rs.metadata.labels)) {
        keys.add(`${d.metadata.namespace}/${d.metadata.name}`);
      }
    }
  }
  return [...keys];
}

const terminal = (p: Pod | undefined): boolean =>
  p?.status.phase === 'Succeeded' || p?.status.phase === 'Failed';

/**
 * The Recreate Deployment owning the pod's ReplicaSet, when the pod stopped running (removed, or
 * reached a terminal phase): that is what a Recreate rollout waits for.
 */
export function deploymentKeysForPodEvent(event: StoreEvent, view: ClusterView): string[] {
  const pod = asPod(event.object);
  if (pod === undefined) return [];
  const stopped = event.type === 'DELETED' || (terminal(pod) && !terminal(asPod(event.oldObject)));
  if (!stopped) return [];
  const rsKey = controllerKeyOf(pod, 'ReplicaSet');
  const rs = rsKey === undefined ? undefined : view.get('ReplicaSet', rsKey);
  const dKey = rs === undefined ? undefined : controllerKeyOf(rs, 'Deployment');
  const d = dKey === undefined ? undefined : view.get('Deployment', dKey);
  return d !== undefined && dKey !== undefined && d.spec.strategy.type === 'Recreate' ? [dKey] : [];
}
