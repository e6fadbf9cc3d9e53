/**
 * StatefulSet status arithmetic (upstream stateful_set_control.go `computeReplicaStatus`,
 * `completeRollingUpdate`, and stateful_set_utils.go `inconsistentStatus`).
 * @packageDocumentation
 */
import type { Pod } from '../../objects/pod.js';
import type { StatefulSet, StatefulSetStatus } from '../../objects/apps.js';
import { isRunningAndAvailable, isRunningAndReady, isTerminating } from './podHealth.js';
import { podRevision } from './statefulSetLabels.js';

/** The pod counts a StatefulSet reports. */
export interface ReplicaCounts {
  /** Pods that exist (Terminating ones included). */
  replicas: number;
  /** Running and Ready. */
  readyReplicas: number;
  /** Running, Ready and available for minReadySeconds. */
  availableReplicas: number;
  /** Not Terminating, labelled with the current revision. */
  currentReplicas: number;
  /** Not Terminating, labelled with the update revision. */
  updatedReplicas: number;
}

/** The revisions a sync works with: what pods are now, and what they should become. */
export interface Revisions {
  readonly current: string;
  readonly update: string;
}

/** Counts `pods` the way upstream `computeReplicaStatus` does. */
export function countReplicas(
  pods: readonly Pod[],
  minReadySeconds: number,
  nowEpochMs: number,
  revisions: Revisions,
): ReplicaCounts {
  const counts: ReplicaCounts = {
    replicas: 0,
    readyReplicas: 0,
    availableReplicas: 0,
    currentReplicas: 0,
    updatedReplicas: 0,
  };
  for (const pod of pods) {
    counts.replicas += 1;
    if (isRunningAndReady(pod)) {
      counts.readyReplicas += 1;
      if (isRunningAndAvailable(pod, minReadySeconds, nowEpochMs)) counts.availableReplicas += 1;
    }
    if (isTerminating(pod)) continue;
    const revision = podRevision(pod);
    if (revision === revisions.current) counts.currentReplicas += 1;
    if (revision === revisions.update) counts.updatedReplicas += 1;
  }
  return counts;
}

/**
 * The status to report. A RollingUpdate whose pods are all updated and ready is complete: the
 * current revision becomes the update revision (upstream `completeRollingUpdate`). Conditions
 * already on the set are kept.
 */
export function nextStatus(
  set: StatefulSet,
  counts: ReplicaCounts,
  revisions: Revisions,
): StatefulSetStatus {
  const complete =
    set.spec.updateStrategy.type === 'RollingUpdate' &&
    counts.updatedReplicas === counts.replicas &&
    counts.readyReplicas === counts.replicas;
  const conditions = set.status.conditions;
  return {
    observedGeneration: set.metadata.generation ?? 0,
    replicas: counts.replicas,
    readyReplicas: counts.readyReplicas,
    currentReplicas: complete ? counts.updatedReplicas : counts.currentReplicas,
    updatedReplicas: counts.updatedReplicas,
    availableReplicas: counts.availableReplicas,
    currentRevision: complete ? revisions.update : revisions.current,
    updateRevision: revisions.update,
    ...(conditions !== undefined ? { conditions } : {}),
  };
}

const STATUS_FIELDS = [
  'observedGeneration',
  'replicas',
  'readyReplicas',
  'currentReplicas',
  'updatedReplicas',
  'availableReplicas',
  'currentRevision',
  'updateRevision',
] as const;

/** True when `next` differs from the stored status in a field this controller owns. */
export function statusChanged(stored: StatefulSetStatus, next: StatefulSetStatus): boolean {
  return STATUS_FIELDS.some((field) => stored[field] !== next[field]);
}
