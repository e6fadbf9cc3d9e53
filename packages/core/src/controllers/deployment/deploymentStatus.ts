/**
 * Deployment status and progress (kubernetes/kubernetes pkg/controller/deployment/sync.go
 * `calculateStatus`, `syncDeploymentStatus`, `checkPausedConditions`; progress.go
 * `syncRolloutStatus`, `requeueStuckDeployment`; util/deployment_util.go `DeploymentComplete`,
 * `DeploymentProgressing`, `DeploymentTimedOut`).
 * @packageDocumentation
 */
import { parseTimestamp } from '../../time.js';
import type { Deployment, DeploymentStatus, ReplicaSet } from '../../objects/apps.js';
import {
  DeploymentReason,
  getCondition,
  newCondition,
  removeCondition,
  setCondition,
} from './conditions.js';
import { maxUnavailableOf } from './fenceposts.js';
import { hasProgressDeadline } from './newReplicaSet.js';
import type { RolloutWork } from './rolloutWork.js';

/**
 * The Deployment's status over its ReplicaSets: replicas, ready, available and terminating pods
 * summed from their statuses; updatedReplicas from the new one; unavailableReplicas = Σ spec
 * replicas − available (never below 0); observedGeneration; the Available condition
 * (MinimumReplicasAvailable when available ≥ replicas − maxUnavailable). Other conditions and
 * collisionCount are kept from `base`.
 */
export function calculateStatus(
  d: Deployment,
  base: DeploymentStatus,
  all: readonly ReplicaSet[],
  newRS: ReplicaSet | undefined,
  stamp: string,
): DeploymentStatus {
  // One pass, and the object built field by field in its serialized order (this runs on every
  // Deployment sync).
  let replicas = 0;
  let ready = 0;
  let available = 0;
  let terminating = 0;
  let total = 0;
  for (const rs of all) {
    replicas += rs.status.replicas;
    ready += rs.status.readyReplicas ?? 0;
    available += rs.status.availableReplicas ?? 0;
    terminating += rs.status.terminatingReplicas ?? 0;
    total += rs.spec.replicas;
  }
  const status: DeploymentStatus = {};
  if (d.metadata.generation !== undefined) status.observedGeneration = d.metadata.generation;
  status.replicas = replicas;
  status.updatedReplicas = newRS?.status.replicas ?? 0;
  status.readyReplicas = ready;
  status.availableReplicas = available;
  status.unavailableReplicas = Math.max(0, total - available);
  status.terminatingReplicas = terminating;
  if (base.conditions !== undefined) status.conditions = base.conditions;
  if (base.collisionCount !== undefined) status.collisionCount = base.collisionCount;
  const minimum = available >= d.spec.replicas - maxUnavailableOf(d);
  // setCondition keeps the status as it is when the condition already says the same.
  const current = getCondition(status, 'Available');
  if (
    current !== undefined &&
    (minimum
      ? current.status === 'True' && current.reason === DeploymentReason.MinimumReplicasAvailable
      : current.status === 'False' &&
        current.reason === DeploymentReason.MinimumReplicasUnavailable)
  ) {
    return status;
  }
  const cond = minimum
    ? newCondition(
        'Available',
        'True',
        DeploymentReason.MinimumReplicasAvailable,
        'Deployment has minimum availability.',
        stamp,
      )
    : newCondition(
        'Available',
        'False',
        DeploymentReason.MinimumReplicasUnavailable,
        'Deployment does not have minimum availability.',
        stamp,
      );
  return setCondition(status, cond);
}

/** Every pod is updated and available and the status has seen the current generation. */
export function deploymentComplete(d: Deployment, s: DeploymentStatus): boolean {
  const n = d.spec.replicas;
  return (
    s.updatedReplicas === n &&
    s.replicas === n &&
    s.availableReplicas === n &&
    (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  );
}

function progressing(old: DeploymentStatus, next: DeploymentStatus): boolean {
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (next.replicas ?? 0) - (next.updatedReplicas ?? 0);
  return (
    (next.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (next.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (next.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

// Parsed condition times (a handful of distinct stamps, each read on many syncs); a pure function
// of the text, so shared by every simulation and fork.
const parsedTimes = new Map<string, number | undefined>();

function parsedTime(at: string): number | undefined {
  if (parsedTimes.has(at)) return parsedTimes.get(at);
  const ms = parseTimestamp(at);
  if (parsedTimes.size >= 1024) parsedTimes.clear();
  parsedTimes.set(at, ms);
  return ms;
}

function lastUpdateMs(s: DeploymentStatus): number | undefined {
  const at = getCondition(s, 'Progressing')?.lastUpdateTime;
  return at === undefined ? undefined : parsedTime(at);
}

function timedOut(d: Deployment, s: DeploymentStatus, nowMs: number): boolean {
  const cond = getCondition(s, 'Progressing');
  if (cond === undefined || cond.reason === DeploymentReason.NewReplicaSetAvailable) return false;
  if (cond.reason === DeploymentReason.ProgressDeadlineExceeded) return true;
  const from = lastUpdateMs(s);
  return from !== undefined && from + d.spec.progressDeadlineSeconds * 1000 < nowMs;
}

/** `syncDeploymentStatus`: the status recomputed, no progress estimate. */
export function syncDeploymentStatus(work: RolloutWork): void {
  work.status = calculateStatus(work.d, work.status, work.all(), work.newRS(), work.stamp);
}

/**
 * `syncRolloutStatus`: the status recomputed, then the Progressing condition: complete →
 * NewReplicaSetAvailable; progress since the last status → ReplicaSetUpdated (lastUpdateTime
 * now); no progress for progressDeadlineSeconds → False/ProgressDeadlineExceeded.
 */
export function syncRolloutStatus(work: RolloutWork): void {
  const { d, stamp } = work;
  const newRS = work.newRS();
  let next = calculateStatus(d, work.status, work.all(), newRS, stamp);
  if (!hasProgressDeadline(d)) next = removeCondition(next, 'Progressing');
  const current = getCondition(work.status, 'Progressing');
  const complete =
    next.replicas === next.updatedReplicas &&
    current?.reason === DeploymentReason.NewReplicaSetAvailable;
  if (hasProgressDeadline(d) && !complete) {
    const who =
      newRS === undefined
        ? `Deployment "${d.metadata.name}"`
        : `ReplicaSet "${newRS.metadata.name}"`;
    if (deploymentComplete(d, next)) {
      const c = newCondition(
        'Progressing',
        'True',
        DeploymentReason.NewReplicaSetAvailable,
        `${who} has successfully progressed.`,
        stamp,
      );
      next = setCondition(next, c);
    } else if (progressing(work.status, next)) {
      let c = newCondition(
        'Progressing',
        'True',
        DeploymentReason.ReplicaSetUpdated,
        `${who} is progressing.`,
        stamp,
      );
      // Progress moves lastUpdateTime even when the reason stays ReplicaSetUpdated.
      if (current?.status === 'True' && current.lastTransitionTime !== undefined) {
        c = { ...c, lastTransitionTime: current.lastTransitionTime };
      }
      next = setCondition(removeCondition(next, 'Progressing'), c);
    } else if (timedOut(d, next, work.nowMs)) {
      const c = newCondition(
        'Progressing',
        'False',
        DeploymentReason.ProgressDeadlineExceeded,
        `${who} has timed out progressing.`,
        stamp,
      );
      next = setCondition(next, c);
    }
  }
  work.status = removeCondition(next, 'ReplicaFailure');
}

/**
 * `requeueStuckDeployment`: ms until the progress deadline must be checked again — a second
 * past lastUpdateTime + progressDeadlineSeconds, as upstream adds — or undefined when the
 * rollout is complete, already timed out or has no Progressing condition.
 */
export function progressRequeue(work: RolloutWork): number | undefined {
  const { d } = work;
  const cond = getCondition(work.status, 'Progressing');
  if (!hasProgressDeadline(d) || cond === undefined) return undefined;
  if (deploymentComplete(d, work.status)) return undefined;
  if (cond.reason === DeploymentReason.ProgressDeadlineExceeded) return undefined;
  if (cond.reason === DeploymentReason.NewReplicaSetAvailable) return undefined;
  const from = lastUpdateMs(work.status);
  if (from === undefined) return undefined;
  return Math.max(0, from + d.spec.progressDeadlineSeconds * 1000 - work.nowMs) + 1000;
}

/**
 * `checkPausedConditions`: a paused Deployment gets Progressing Unknown/DeploymentPaused, a
 * resumed one Unknown/DeploymentResumed; a timed-out condition is left alone.
 */
export function checkPausedConditions(work: RolloutWork): void {
  const { d } = work;
  if (!hasProgressDeadline(d)) return;
  const cond = getCondition(work.status, 'Progressing');
  if (cond?.reason === DeploymentReason.ProgressDeadlineExceeded) return;
  const pausedCond = cond?.reason === DeploymentReason.DeploymentPaused;
  const paused = d.spec.paused === true;
  if (paused && !pausedCond) {
    const c = newCondition(
      'Progressing',
      'Unknown',
      DeploymentReason.DeploymentPaused,
      'Deployment is paused',
      work.stamp,
    );
    work.status = setCondition(work.status, c);
  } else if (!paused && pausedCond) {
    const c = newCondition(
      'Progressing',
      'Unknown',
      DeploymentReason.DeploymentResumed,
      'Deployment is resumed',
      work.stamp,
    );
    work.status = setCondition(work.status, c);
  }
}
