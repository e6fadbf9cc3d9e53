/**
 * Which pods a StatefulSet controls: adoption of orphans and release of strays (upstream
 * `getPodsForStatefulSet` with `PodControllerRefManager.ClaimPods` and the `isMemberOf` filter).
 * @packageDocumentation
 */
import { labelSelectorToSelector } from '../../selector/labelSelectorToSelector.js';
import { objectKey } from '../../objects/kinds.js';
import type { Action } from '../plan.js';
import type { ClusterView } from '../../store/view.js';
import type { OwnerReference } from '../../objects/meta.js';
import type { Pod } from '../../objects/pod.js';
import type { StatefulSet } from '../../objects/apps.js';
import { controllerRefOf } from './newStatefulSetPod.js';
import { isMemberOf } from './statefulSetLabels.js';

/** The pods a set controls after claiming, and the writes that adopt or release pods. */
export interface ClaimedPods {
  /** Owned pods that still match, plus orphans adopted by `actions`; sorted by key. */
  readonly pods: readonly Pod[];
  /** Pod updates (carrying the resourceVersion read) that add or remove the controller ref. */
  readonly actions: readonly Action[];
  /** Keys of the pods adopted by `actions`: no other write may touch them in the same plan. */
  readonly adopted: ReadonlySet<string>;
}

/** The controller ownerReference of an object, if any. */
export function controllerRef(pod: Pod): OwnerReference | undefined {
  return pod.metadata.ownerReferences?.find((ref) => ref.controller === true);
}

function withOwnerReferences(pod: Pod, refs: OwnerReference[]): Pod {
  const metadata = { ...pod.metadata };
  if (refs.length > 0) metadata.ownerReferences = refs;
  else delete metadata.ownerReferences;
  return { ...pod, metadata };
}

/**
 * Claims the pods of `set`: a pod it owns is kept while the selector matches and its name is
 * `<set>-<ordinal>`, else released; an orphan (no controller ref) in the namespace that matches
 * both is adopted, unless the orphan or the set is being deleted. Pods controlled by anything
 * else are left alone.
 * @example claimStatefulSetPods(view, set).pods.map((p) => p.metadata.name) // ['web-0', 'web-1']
 */
export function claimStatefulSetPods(view: ClusterView, set: StatefulSet): ClaimedPods {
  const selector = labelSelectorToSelector(set.spec.selector);
  const uid = set.metadata.uid;
  const candidates = new Map<string, Pod>();
  for (const owned of view.ownedBy(uid)) {
    if (owned.kind !== 'Pod') continue;
    const pod = view.get('Pod', objectKey(owned));
    if (pod !== undefined) candidates.set(objectKey(pod), pod);
  }
  for (const pod of view.list('Pod', { namespace: set.metadata.namespace, selector })) {
    if (controllerRef(pod) === undefined) candidates.set(objectKey(pod), pod);
  }
  const setDeleting = set.metadata.deletionTimestamp !== undefined;
  const pods: Pod[] = [];
  const actions: Action[] = [];
  const adopted = new Set<string>();
  for (const key of [...candidates.keys()].sort()) {
    const pod = candidates.get(key);
    if (pod === undefined) continue;
    const matches = selector.matches(pod.metadata.labels) && isMemberOf(set, pod);
    const ref = controllerRef(pod);
    if (ref?.uid === uid) {
      if (matches) pods.push(pod);
      else if (!setDeleting) {
        const refs = (pod.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
        actions.push({ verb: 'update', object: withOwnerReferences(pod, refs) });
      }
    } else if (ref === undefined && matches && !setDeleting) {
      if (pod.metadata.deletionTimestamp !== undefined) continue;
      const refs = [...(pod.metadata.ownerReferences ?? []), controllerRefOf(set)];
      actions.push({ verb: 'update', object: withOwnerReferences(pod, refs) });
      pods.push(pod);
      adopted.add(key);
    }
  }
  return { pods, actions, adopted };
}
