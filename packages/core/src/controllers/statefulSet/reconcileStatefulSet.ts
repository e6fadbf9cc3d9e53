/**
 * The StatefulSet reconcile: claim pods, plan the sync, report status.
 * @packageDocumentation
 */
import { emptyPlan } from '../plan.js';
import type { Action, Plan } from '../plan.js';
import type { ClusterView } from '../../store/view.js';
import type { Pod, PodTemplateSpec } from '../../objects/pod.js';
import type { StatefulSet } from '../../objects/apps.js';
import { claimStatefulSetPods } from './claimPods.js';
import { newStatefulSetPod, templateFromPod } from './newStatefulSetPod.js';
import { isRunningAndReady, isTerminating, msUntilAvailable } from './podHealth.js';
import { planStatefulSetSync } from './planStatefulSetPods.js';
import { revisionName } from './revisionName.js';
import { podRevision, startOrdinal } from './statefulSetLabels.js';
import { countReplicas, nextStatus, statusChanged, type Revisions } from './statefulSetStatus.js';

/**
 * The template of the current revision. kubesim keeps no ControllerRevisions (a controller plan
 * can only create simulated kinds), so while a rollout is in flight it is read back from a live
 * pod of that revision. Known gap: when no pod of the current revision is left (the only pod
 * below the partition was lost), the replacement gets the set's own template (the update
 * revision), where upstream would restore the old template from its ControllerRevision.
 */
function currentRevisionSource(
  set: StatefulSet,
  pods: readonly Pod[],
  revisions: Revisions,
): { template: PodTemplateSpec; revision: string } {
  if (revisions.current !== revisions.update) {
    const live =
      pods.find((p) => podRevision(p) === revisions.current && !isTerminating(p)) ??
      pods.find((p) => podRevision(p) === revisions.current);
    if (live !== undefined) return { template: templateFromPod(live), revision: revisions.current };
  }
  return { template: set.spec.template, revision: revisions.update };
}

/**
 * The revision a pod for `ordinal` is created at (upstream `newVersionedStatefulSetPod`): with
 * RollingUpdate, ordinals below `start + partition` stay at the current revision; everything else
 * (and every OnDelete recreation) gets the update revision.
 */
function staysAtCurrent(set: StatefulSet, ordinal: number): boolean {
  const strategy = set.spec.updateStrategy;
  return (
    strategy.type === 'RollingUpdate' &&
    ordinal < startOrdinal(set) + strategy.rollingUpdate.partition
  );
}

/** The earliest instant a ready pod becomes available, as a requeue delay (upstream requeues after minReadySeconds). */
function availabilityRequeue(set: StatefulSet, pods: readonly Pod[], nowEpochMs: number) {
  let soonest: number | undefined;
  for (const pod of pods) {
    if (!isRunningAndReady(pod)) continue;
    const wait = msUntilAvailable(pod, set.spec.minReadySeconds, nowEpochMs);
    if (wait !== undefined && (soonest === undefined || wait < soonest)) soonest = wait;
  }
  return soonest;
}

/**
 * Reconciles the StatefulSet at `key` at virtual time `now` (ms since the start). Pure: reads
 * `view`, returns the writes. A missing set yields the empty plan (its pods are garbage-collected
 * by the store through their ownerReferences).
 * @example reconcileStatefulSet(store, 'default/cassandra', 0).actions[0] // create cassandra-0
 */
export function reconcileStatefulSet(view: ClusterView, key: string, now: number): Plan {
  const set = view.get('StatefulSet', key);
  if (set === undefined) return emptyPlan;
  const nowEpochMs = view.config.startTime + now;
  const claimed = claimStatefulSetPods(view, set);
  const update = revisionName(set);
  const revisions: Revisions = { current: set.status.currentRevision ?? update, update };
  const current = currentRevisionSource(set, claimed.pods, revisions);
  const sync = planStatefulSetSync({
    set,
    pods: claimed.pods,
    revisions,
    adopted: claimed.adopted,
    nowEpochMs,
    newPod: (ordinal) =>
      staysAtCurrent(set, ordinal)
        ? newStatefulSetPod(set, current.template, ordinal, current.revision)
        : newStatefulSetPod(set, set.spec.template, ordinal, update),
  });
  const counts = countReplicas(claimed.pods, set.spec.minReadySeconds, nowEpochMs, revisions);
  counts.currentReplicas -= sync.deletedForUpdate;
  const status = nextStatus(set, counts, revisions);
  const actions: Action[] = [...claimed.actions, ...sync.actions];
  if (statusChanged(set.status, status)) {
    actions.push({ verb: 'updateStatus', object: { ...set, status } });
  }
  const requeueAfter = availabilityRequeue(set, claimed.pods, nowEpochMs);
  return requeueAfter === undefined ? { actions } : { actions, requeueAfter };
}
