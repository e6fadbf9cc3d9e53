/**
 * One StatefulSet sync over its claimed pods: create, recreate, scale down and roll, in the order
 * upstream `updateStatefulSet` (pkg/controller/statefulset/stateful_set_control.go) does.
 * @packageDocumentation
 */
import { objectKey } from '../../objects/kinds.js';
import type { Action } from '../plan.js';
import type { Pod } from '../../objects/pod.js';
import type { StatefulSet } from '../../objects/apps.js';
import { createPodActions, deletePodActions } from './podActions.js';
import {
  isFinished,
  isRunningAndAvailable,
  isRunningAndReady,
  isTerminating,
  isUnavailable,
} from './podHealth.js';
import { identityLabels } from './newStatefulSetPod.js';
import { parsePodOrdinal, podRevision, startOrdinal } from './statefulSetLabels.js';
import type { Revisions } from './statefulSetStatus.js';

/** What a sync works from. */
export interface StatefulSetSyncInput {
  readonly set: StatefulSet;
  /** The claimed pods (all named `<set>-<ordinal>`). */
  readonly pods: readonly Pod[];
  readonly revisions: Revisions;
  /** Builds the pod to create for an ordinal at the right revision. */
  readonly newPod: (ordinal: number) => Pod;
  /** Pods whose adoption is in flight in this plan: not to be written again. */
  readonly adopted: ReadonlySet<string>;
  /** Virtual time as epoch ms. */
  readonly nowEpochMs: number;
}

/** The pod writes of a sync, and the pods it deleted for the rolling update. */
export interface StatefulSetSyncResult {
  readonly actions: readonly Action[];
  /** 1 when a current-revision pod was deleted for the update (upstream `CurrentReplicas--`). */
  readonly deletedForUpdate: number;
}

interface Slot {
  readonly ordinal: number;
  readonly pod: Pod | undefined;
}

function ordinalOf(pod: Pod): number {
  return parsePodOrdinal(pod.metadata.name)?.ordinal ?? -1;
}

/**
 * Plans one sync. OrderedReady ("monotonic") stops at the first pod that blocks progress: a
 * create, a Terminating pod, a pod not yet Running+Ready+available, a scale-down delete. Parallel
 * does every create and delete at once. A missing pod is created only once its predecessor object
 * is gone from the store, so a StatefulSet never runs two pods with one identity. Failed and
 * Succeeded pods are deleted; their replacement comes on a later sync, after removal.
 * RollingUpdate then deletes the highest-ordinal pod at or above the partition whose revision is
 * stale, one at a time, waiting for each replacement to be available; OnDelete never deletes.
 */
export function planStatefulSetSync(input: StatefulSetSyncInput): StatefulSetSyncResult {
  const { set, revisions, nowEpochMs, adopted } = input;
  const minReady = set.spec.minReadySeconds;
  const monotonic = set.spec.podManagementPolicy !== 'Parallel';
  const start = startOrdinal(set);
  const byOrdinal = new Map(input.pods.map((pod) => [ordinalOf(pod), pod]));
  const slots: Slot[] = Array.from({ length: set.spec.replicas }, (_, i) => ({
    ordinal: start + i,
    pod: byOrdinal.get(start + i),
  }));
  const inRange = (ord: number): boolean => ord >= start && ord < start + set.spec.replicas;
  const condemned = input.pods
    .filter((pod) => !inRange(ordinalOf(pod)))
    .sort((a, b) => ordinalOf(b) - ordinalOf(a));
  const unavailable = (pod: Pod | undefined): boolean =>
    pod === undefined || isUnavailable(pod, minReady, nowEpochMs);
  // The pod a blocked OrderedReady scale-down may still delete: the lowest unavailable replica,
  // else the lowest unavailable condemned pod.
  const firstUnavailable =
    slots.find((slot) => unavailable(slot.pod))?.pod ??
    [...condemned].reverse().find((pod) => unavailable(pod));

  const actions: Action[] = [];
  const done = (deletedForUpdate = 0): StatefulSetSyncResult => ({ actions, deletedForUpdate });
  // A StatefulSet being deleted only reports status (upstream returns before any pod work).
  if (set.metadata.deletionTimestamp !== undefined) return done();

  /** One replica slot; true when an OrderedReady sync must stop here (`processReplica`). */
  const processReplica = (slot: Slot): boolean => {
    const pod = slot.pod;
    if (pod === undefined) {
      actions.push(...createPodActions(set, input.newPod(slot.ordinal)));
      return monotonic;
    }
    if (isFinished(pod)) {
      // Recreated on a later sync, once the deleted pod is gone from the store.
      if (!isTerminating(pod)) actions.push(...deletePodActions(set, pod));
      return true;
    }
    if (monotonic && isTerminating(pod)) return true;
    if (monotonic && !isRunningAndReady(pod)) return true;
    if (monotonic && !isRunningAndAvailable(pod, minReady, nowEpochMs)) return true;
    const identity = repairIdentity(set, pod, slot.ordinal);
    if (identity !== undefined && !adopted.has(objectKey(pod))) {
      actions.push({ verb: 'update', object: identity });
    }
    return false;
  };
  for (const slot of slots) {
    if (processReplica(slot) && monotonic) return done();
  }

  // Scale down, highest ordinal first (`processCondemned`).
  for (const pod of condemned) {
    if (isTerminating(pod)) {
      if (monotonic) return done();
      continue;
    }
    if (
      monotonic &&
      pod !== firstUnavailable &&
      !isRunningAndAvailable(pod, minReady, nowEpochMs)
    ) {
      return done();
    }
    actions.push(...deletePodActions(set, pod));
    if (monotonic) return done();
  }

  // OnDelete: pods are updated only when a user deletes them.
  if (set.spec.updateStrategy.type !== 'RollingUpdate') return done();
  const partition = set.spec.updateStrategy.rollingUpdate.partition;
  for (let target = slots.length - 1; target >= partition; target -= 1) {
    const pod = slots[target]?.pod;
    if (pod !== undefined && podRevision(pod) !== revisions.update && !isTerminating(pod)) {
      actions.push(...deletePodActions(set, pod));
      return done(podRevision(pod) === revisions.current ? 1 : 0);
    }
    if (unavailable(pod)) return done();
  }
  return done();
}

/**
 * The pod with its identity labels restored, or undefined when they are right (upstream
 * `identityMatches` / `updateIdentity`). hostname and subdomain are immutable pod fields and are
 * only ever set at creation.
 */
function repairIdentity(set: StatefulSet, pod: Pod, ordinal: number): Pod | undefined {
  const wanted = identityLabels(set, ordinal);
  const labels = pod.metadata.labels ?? {};
  if (Object.entries(wanted).every(([k, v]) => labels[k] === v)) return undefined;
  return { ...pod, metadata: { ...pod.metadata, labels: { ...labels, ...wanted } } };
}
