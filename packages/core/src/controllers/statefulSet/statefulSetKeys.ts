/**
 * Which StatefulSets a store change concerns (upstream StatefulSetController `addPod`,
 * `updatePod`, `deletePod`, `resolveControllerRef`, `getPodStatefulSets`).
 * @packageDocumentation
 */
import { labelSelectorToSelector } from '../../selector/labelSelectorToSelector.js';
import type { ClusterView, StoreEvent } from '../../store/view.js';
import type { InertObject, KubeObject } from '../../objects/kinds.js';
import type { Pod } from '../../objects/pod.js';
import { controllerRef } from './claimPods.js';

function isPod(obj: KubeObject | InertObject | undefined): obj is Pod {
  return obj?.kind === 'Pod';
}

function addKeysForPod(view: ClusterView, pod: Pod, keys: Set<string>): void {
  const namespace = pod.metadata.namespace;
  const ref = controllerRef(pod);
  if (ref !== undefined) {
    if (ref.kind !== 'StatefulSet') return;
    const key = `${namespace}/${ref.name}`;
    // A ref to a set that has since been replaced by one of the same name is stale.
    if (view.get('StatefulSet', key)?.metadata.uid === ref.uid) keys.add(key);
    return;
  }
  // An orphan: every set whose selector matches may want to adopt it.
  for (const set of view.list('StatefulSet', { namespace })) {
    if (labelSelectorToSelector(set.spec.selector).matches(pod.metadata.labels)) {
      keys.add(`${namespace}/${set.metadata.name}`);
    }
  }
}

/** Whether `obj` is absent, or a pod whose controller is not a StatefulSet (it adds no key). */
function ownedElsewhere(obj: KubeObject | InertObject | undefined): boolean {
  if (!isPod(obj)) return true;
  const ref = controllerRef(obj);
  return ref !== undefined && ref.kind !== 'StatefulSet';
}

/**
 * The StatefulSet keys to reconcile for `event`: the set itself for StatefulSet events; for pod
 * events the owning set (before and after the change), or for an orphan pod every set in its
 * namespace whose selector matches it. Sorted.
 * @example statefulSetKeysFor({ type: 'MODIFIED', kind: 'Pod', key: 'default/web-0', object }, view) // ['default/web']
 */
export function statefulSetKeysFor(event: StoreEvent, view: ClusterView): readonly string[] {
  if (event.kind === 'StatefulSet') return [event.key];
  if (event.kind !== 'Pod') return [];
  // Most pods belong to another kind of controller: no set to reconcile, nothing to build.
  if (ownedElsewhere(event.object) && ownedElsewhere(event.oldObject)) return [];
  const keys = new Set<string>();
  for (const obj of [event.object, event.oldObject]) {
    if (isPod(obj)) addKeysForPod(view, obj, keys);
  }
  return [...keys].sort();
}
