/**
 * The Deployment controller (kubernetes/kubernetes pkg/controller/deployment/
 * deployment_controller.go `syncDeployment`, `getReplicaSetsForDeployment`).
 * @packageDocumentation
 */
import { deepEqual } from '../../store/deepEqual.js';
import { emptyPlan } from '../plan.js';
import { labelSelectorToSelector } from '../../selector/labelSelectorToSelector.js';
import type { Action, Controller, Plan } from '../plan.js';
import type { ClusterView, StoreEvent } from '../../store/view.js';
import type { Deployment, ReplicaSet } from '../../objects/apps.js';
import {
  claimObjects,
  controllerRefOf,
  newControllerRef,
  withControllerRef,
  withoutOwnerRef,
} from '../shared/index.js';
import { REVISION_ANNOTATION } from './annotations.js';
import { deploymentKeysForPodEvent, deploymentKeysForReplicaSetEvent } from './deploymentKeys.js';
import {
  checkPausedConditions,
  deploymentComplete,
  progressRequeue,
  syncDeploymentStatus,
  syncRolloutStatus,
} from './deploymentStatus.js';
import { historyCleanup } from './historyCleanup.js';
import { syncNewReplicaSet } from './newReplicaSet.js';
import { isScalingEvent, proportionalScale } from './proportionalScale.js';
import { recreateStep } from './recreate.js';
import { reconcileNewReplicaSet, reconcileOldReplicaSets } from './rolling.js';
import { RolloutWork, byCreation } from './rolloutWork.js';

/** `sync`: scaling only (a paused Deployment or a `replicas` change), then status. */
function scaleOnly(work: RolloutWork): Action[] {
  syncNewReplicaSet(work, false);
  if (work.halted) return [];
  proportionalScale(work);
  const cleanup = work.d.spec.paused === true ? historyCleanup(work, work.oldRSs()) : [];
  syncDeploymentStatus(work);
  return cleanup;
}

/** `rolloutRolling`: scale up, or else scale down, in separate syncs; then status. */
function rollingUpdate(work: RolloutWork): Action[] {
  syncNewReplicaSet(work, true);
  if (work.halted) return [];
  // A sync that scales up (or down) reports status and returns (rolling.go).
  if (reconcileNewReplicaSet(work) || reconcileOldReplicaSets(work)) {
    syncRolloutStatus(work);
    return [];
  }
  const cleanup = deploymentComplete(work.d, work.status)
    ? historyCleanup(work, work.oldRSs())
    : [];
  syncRolloutStatus(work);
  return cleanup;
}

/** `rolloutRecreate`: old to 0, wait for their pods, then the new straight to `replicas`. */
function recreate(work: RolloutWork, view: ClusterView): Action[] {
  syncNewReplicaSet(work, false);
  if (work.halted) return [];
  const d = work.d;
  const pods = view.podsMatching(d.metadata.namespace, d.spec.selector.matchLabels ?? {});
  if (recreateStep(work, pods) !== 'ready') {
    syncRolloutStatus(work);
    return [];
  }
  if (work.newRS() === undefined) syncNewReplicaSet(work, true);
  const newRS = work.newRS();
  // No new ReplicaSet here means a hash collision halted the sync.
  if (newRS === undefined) return [];
  work.scaleIfNeeded(newRS, d.spec.replicas);
  const cleanup = deploymentComplete(d, work.status) ? historyCleanup(work, work.oldRSs()) : [];
  syncRolloutStatus(work);
  return cleanup;
}

/**
 * The usual case of a claim: every selected ReplicaSet is controlled by `d` and every ReplicaSet
 * that references `d` is a selected one. Nothing is adopted or released, and the claimed sets are
 * the selected ones, oldest first (what {@link claimObjects} would answer). Undefined otherwise.
 */
function allControlled(
  listed: readonly ReplicaSet[],
  owned: readonly { kind: string; metadata: { namespace?: string } }[],
  d: Deployment,
): readonly ReplicaSet[] | undefined {
  const uid = d.metadata.uid;
  for (const rs of listed) if (controllerRefOf(rs)?.uid !== uid) return undefined;
  for (const o of owned) {
    if (o.kind !== 'ReplicaSet' || o.metadata.namespace !== d.metadata.namespace) continue;
    if (!listed.includes(o as ReplicaSet)) return undefined;
  }
  for (let i = 1; i < listed.length; i++) {
    if (byCreation(listed[i - 1] as ReplicaSet, listed[i] as ReplicaSet) > 0) {
      return [...listed].sort(byCreation);
    }
  }
  return listed;
}

/** The Deployment's ReplicaSets after adoption and release (`getReplicaSetsForDeployment`). */
function claimReplicaSets(
  view: ClusterView,
  d: Deployment,
): { sets: readonly ReplicaSet[]; adopted: readonly ReplicaSet[]; release: readonly Action[] } {
  const selector = labelSelectorToSelector(d.spec.selector);
  const ns = d.metadata.namespace;
  const listed = view.list('ReplicaSet', { namespace: ns, selector });
  const owned = view.ownedBy(d.metadata.uid);
  const settled = allControlled(listed, owned, d);
  if (settled !== undefined) return { sets: settled, adopted: [], release: [] };
  const byUid = new Map<string, ReplicaSet>();
  for (const rs of listed) byUid.set(rs.metadata.uid, rs);
  for (const o of owned) {
    if (o.kind === 'ReplicaSet' && o.metadata.namespace === ns)
      byUid.set(o.metadata.uid, o as ReplicaSet);
  }
  const deleting = d.metadata.deletionTimestamp !== undefined;
  const candidates = [...byUid.values()].sort(byCreation);
  const { claimed, adopt, release } = claimObjects(d.metadata.uid, deleting, selector, candidates);
  const ref = newControllerRef(d);
  const adopted = adopt.map((rs) => withControllerRef(rs, ref));
  const byAdopted = new Map(adopted.map((rs) => [rs.metadata.uid, rs]));
  return {
    sets: claimed.map((rs) => byAdopted.get(rs.metadata.uid) ?? rs),
    adopted,
    release: release.map((rs): Action => ({
      verb: 'update',
      object: withoutOwnerRef(rs, d.metadata.uid),
    })),
  };
}

/** The plan for one Deployment at virtual time `now`. */
function reconcileDeployment(view: ClusterView, key: string, now: number): Plan {
  const d = view.get('Deployment', key);
  if (d === undefined) return emptyPlan;
  const { sets, adopted, release } = claimReplicaSets(view, d);
  const work = new RolloutWork(view, d, now, sets);
  // Adoption writes the ownerReference; later changes of this sync merge into the same update.
  for (const rs of adopted) work.update(rs);
  let extra: Action[] = [];
  let rollout = false;
  if (d.metadata.deletionTimestamp !== undefined) {
    syncNewReplicaSet(work, false);
    syncDeploymentStatus(work);
  } else {
    checkPausedConditions(work);
    if (d.spec.paused === true) extra = scaleOnly(work);
    else {
      syncNewReplicaSet(work, false);
      if (!work.halted && isScalingEvent(work)) extra = scaleOnly(work);
      else if (!work.halted) {
        rollout = true;
        extra = d.spec.strategy.type === 'Recreate' ? recreate(work, view) : rollingUpdate(work);
      }
    }
  }
  const actions = work.actions();
  if (release.length > 0) actions.unshift(...release);
  for (const a of extra) actions.push(a);
  if (!deepEqual(work.status, d.status)) {
    actions.push({ verb: 'updateStatus', object: { ...d, status: work.status } });
  } else if (
    work.revision !== undefined &&
    d.metadata.annotations?.[REVISION_ANNOTATION] !== work.revision
  ) {
    // The revision annotation is metadata, so it needs a spec-side update; done in a sync that
    // writes no status so the two writes never race on one resourceVersion.
    const annotations = { ...d.metadata.annotations, [REVISION_ANNOTATION]: work.revision };
    actions.push({ verb: 'update', object: { ...d, metadata: { ...d.metadata, annotations } } });
  }
  const requeueAfter = rollout ? progressRequeue(work) : undefined;
  if (actions.length === 0 && requeueAfter === undefined) return emptyPlan;
  // The progress-deadline check is a timer that only flips a condition, not work: settle does not
  // wait for it (crash-looping pods mid-rollout would push it back forever, as upstream's
  // progress bookkeeping does with every restart that becomes ready again).
  return requeueAfter === undefined ? { actions } : { actions, requeueAfter, periodic: true };
}

/**
 * The Deployment controller; keys are Deployment keys (`namespace/name`).
 * - keysFor: a Deployment change → itself; a ReplicaSet change → its controlling Deployment (or,
 *   for an orphan, the Deployments whose selector matches it); a pod that stopped running → the
 *   Recreate Deployment of its ReplicaSet.
 * - reconcile: claims ReplicaSets (adopt / release); paused or `replicas` changed → proportional
 *   scaling only; else RollingUpdate (new RS `<name>-<pod-template-hash>` scaled up within
 *   maxSurge, old ones down within maxUnavailable, never both in one sync) or Recreate (old to 0,
 *   wait for their pods to be gone, new straight to `replicas`); old ReplicaSets past
 *   revisionHistoryLimit deleted once complete; status with Available and Progressing conditions,
 *   requeued for the progress deadline.
 * @example createSyncDriver(store, [replicaSetController, deploymentController]).run()
 */
export const deploymentController: Controller = {
  name: 'deployment-controller',
  kinds: ['Deployment', 'ReplicaSet', 'Pod'],

  keysFor(event: StoreEvent, view: ClusterView): readonly string[] {
    switch (event.kind) {
      case 'Deployment':
        return [event.key];
      case 'ReplicaSet':
        return deploymentKeysForReplicaSetEvent(event, view);
      case 'Pod':
        return deploymentKeysForPodEvent(event, view);
      default:
        return [];
    }
  },
  reconcile: reconcileDeployment,
};
