/**
 * The ReplicaSet controller (kubernetes/kubernetes pkg/controller/replicaset/replica_set.go
 * `syncReplicaSet`, `manageReplicas`, `claimPods`).
 * @packageDocumentation
 */
import { deepEqual } from '../../store/deepEqual.js';
import { emptyPlan } from '../plan.js';
import { labelSelectorToSelector } from '../../selector/labelSelectorToSelector.js';
import type { Action, Controller, Plan } from '../plan.js';
import type { ClusterView, StoreEvent } from '../../store/view.js';
import type { Pod } from '../../objects/pod.js';
import type { ReplicaSet } from '../../objects/apps.js';
import type { Selector } from '../../selector/types.js';
import {
  claimObjects,
  controllerRefOf,
  epochMsAt,
  isPodActive,
  isPodTerminating,
  newControllerRef,
  withControllerRef,
  withoutOwnerRef,
} from '../shared/index.js';
import { podFromTemplate } from './podFromTemplate.js';
import { podsToDelete } from './rankPodsForDeletion.js';
import { replicaSetKeysForPodEvent } from './replicaSetKeys.js';
import { computeReplicaSetStatus } from './replicaSetStatus.js';

/** Most pods one sync creates or deletes (replica_set.go `BurstReplicas`). */
export const BURST_REPLICAS = 500;

const podKey = (p: Pod): string => `${p.metadata.namespace}/${p.metadata.name}`;

/** Pods of the namespace matching `selector`, by the indexed matchLabels then the full selector. */
function podsSelectedBy(view: ClusterView, rs: ReplicaSet, selector: Selector): readonly Pod[] {
  const matching = view.podsMatching(rs.metadata.namespace, rs.spec.selector.matchLabels ?? {});
  // Without matchExpressions the selector is the matchLabels podsMatching already applied.
  if ((rs.spec.selector.matchExpressions?.length ?? 0) === 0) return matching;
  return matching.filter((p) => selector.matches(p.metadata.labels));
}

/** Matching pods plus the pods that still reference the ReplicaSet (release candidates). */
function candidatePods(view: ClusterView, rs: ReplicaSet, selector: Selector): readonly Pod[] {
  const selected = podsSelectedBy(view, rs, selector);
  const owned = view.ownedBy(rs.metadata.uid);
  // Usually every owned pod is a selected one: both lists are sorted by key, so one walk finds
  // them, and the selected pods (sorted by key already) are the candidates.
  let at = 0;
  let allSelected = true;
  for (const o of owned) {
    if (o.kind !== 'Pod' || o.metadata.namespace !== rs.metadata.namespace) continue;
    while (
      at < selected.length &&
      selected[at] !== o &&
      (selected[at] as Pod).metadata.name < o.metadata.name
    ) {
      at++;
    }
    if (selected[at] !== o) {
      allSelected = false;
      break;
    }
    at++;
  }
  if (allSelected) return selected;
  const byUid = new Map<string, Pod>();
  for (const p of selected) byUid.set(p.metadata.uid, p);
  for (const o of owned) {
    if (o.kind === 'Pod' && o.metadata.namespace === rs.metadata.namespace) {
      byUid.set(o.metadata.uid, o as Pod);
    }
  }
  // Every candidate is in the ReplicaSet's namespace: ordering by name is ordering by key, without
  // building two key strings per comparison.
  return [...byUid.values()].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
}

/** Pods of every ReplicaSet controlled by the same owner as `rs` (`getIndirectlyRelatedPods`). */
function relatedPods(view: ClusterView, rs: ReplicaSet): Pod[] {
  const owner = controllerRefOf(rs);
  if (owner === undefined) return [];
  const seen = new Set<string>();
  const out: Pod[] = [];
  for (const o of view.ownedBy(owner.uid)) {
    if (o.kind !== 'ReplicaSet' || controllerRefOf(o)?.uid !== owner.uid) continue;
    const sibling = o as ReplicaSet;
    const sel = labelSelectorToSelector(sibling.spec.selector);
    for (const p of podsSelectedBy(view, sibling, sel)) {
      if (seen.has(p.metadata.uid)) continue;
      seen.add(p.metadata.uid);
      out.push(p);
    }
  }
  return out;
}

/** Creates or deletes toward `spec.replicas`, at most {@link BURST_REPLICAS} per sync. */
function manageReplicas(
  view: ClusterView,
  rs: ReplicaSet,
  active: readonly Pod[],
  nowMs: number,
): Action[] {
  const diff = active.length - rs.spec.replicas;
  if (diff < 0) {
    // Upstream creates in slow-start batches 1, 2, 4, … and stops at the first failed batch. In
    // the simulator every create of a batch succeeds, so all batches of one sync run: one plan
    // creates min(missing, 500) pods.
    const count = Math.min(-diff, BURST_REPLICAS);
    return Array.from({ length: count }, (): Action => ({
      verb: 'create',
      object: podFromTemplate(rs),
    }));
  }
  if (diff > 0) {
    const count = Math.min(diff, BURST_REPLICAS);
    const related = count < active.length ? relatedPods(view, rs) : [];
    return podsToDelete(active, related, count, nowMs).map((p): Action => ({
      verb: 'delete',
      kind: 'Pod',
      key: podKey(p),
      uid: p.metadata.uid,
    }));
  }
  return [];
}

/**
 * True when every pod is controlled by the ReplicaSet `uid` and matches its selector: the usual
 * claim, where {@link claimObjects} would claim them all, in order, and adopt or release none.
 */
function allClaimed(uid: string, selector: Selector, pods: readonly Pod[]): boolean {
  for (const p of pods) {
    if (controllerRefOf(p)?.uid !== uid || !selector.matches(p.metadata.labels)) return false;
  }
  return true;
}

/** The plan for one ReplicaSet at virtual time `now`. */
function reconcileReplicaSet(view: ClusterView, key: string, now: number): Plan {
  const rs = view.get('ReplicaSet', key);
  if (rs === undefined) return emptyPlan;
  const nowMs = epochMsAt(view.config, now);
  const deleting = rs.metadata.deletionTimestamp !== undefined;
  const selector = labelSelectorToSelector(rs.spec.selector);
  const candidates = candidatePods(view, rs, selector);
  // Only active pods are claimed (replica_set.go filters them before claimPods).
  const active = candidates.filter(isPodActive);
  const actions: Action[] = [];
  let claimed: readonly Pod[];
  if (allClaimed(rs.metadata.uid, selector, active)) {
    claimed = active;
  } else {
    const claim = claimObjects(rs.metadata.uid, deleting, selector, active);
    claimed = claim.claimed;
    const ref = newControllerRef(rs);
    for (const p of claim.adopt)
      actions.push({ verb: 'update', object: withControllerRef(p, ref) });
    for (const p of claim.release) {
      actions.push({ verb: 'update', object: withoutOwnerRef(p, rs.metadata.uid) });
    }
  }
  if (!deleting) {
    const managed = manageReplicas(view, rs, claimed, nowMs);
    for (const a of managed) actions.push(a);
  }
  let terminating = 0;
  for (const p of candidates) {
    if (
      isPodTerminating(p) &&
      controllerRefOf(p)?.uid === rs.metadata.uid &&
      selector.matches(p.metadata.labels)
    ) {
      terminating++;
    }
  }
  const { status, requeueAfter } = computeReplicaSetStatus(rs, claimed, terminating, nowMs);
  if (!deepEqual(status, rs.status)) {
    actions.push({ verb: 'updateStatus', object: { ...rs, status } });
  }
  if (actions.length === 0 && requeueAfter === undefined) return emptyPlan;
  return requeueAfter === undefined ? { actions } : { actions, requeueAfter };
}

/**
 * The ReplicaSet controller; keys are ReplicaSet keys (`namespace/name`).
 * - keysFor: a ReplicaSet change → itself; a pod change → its controlling ReplicaSet, or for an
 *   orphan every ReplicaSet whose selector matches it (old and new labels).
 * - reconcile: claims pods (adopts matching active orphans, releases owned pods that stopped
 *   matching), then scales: active pods (not Succeeded/Failed, no deletionTimestamp) below
 *   `spec.replicas` → creates from the template (generateName `<rs>-`); above → deletes the
 *   best-ranked victims (§7.3); at most 500 either way. Failed pods are never deleted. Then
 *   writes `status` (replicas, fullyLabeled, ready, available, terminating, observedGeneration)
 *   when it changed, and asks to be requeued when a Ready pod will cross minReadySeconds.
 *   A ReplicaSet being deleted only reports status.
 * @example createSyncDriver(store, [replicaSetController]).run()
 */
export const replicaSetController: Controller = {
  name: 'replicaset-controller',
  kinds: ['ReplicaSet', 'Pod'],

  keysFor(event: StoreEvent, view: ClusterView): readonly string[] {
    if (event.kind === 'ReplicaSet') return [event.key];
    if (event.kind === 'Pod') return replicaSetKeysForPodEvent(event, view);
    return [];
  },
  reconcile: reconcileReplicaSet,
};
