/**
 * Deployment conditions (kubernetes/kubernetes pkg/controller/deployment/util/deployment_util.go
 * `NewDeploymentCondition`, `SetDeploymentCondition`, `GetDeploymentCondition`).
 * @packageDocumentation
 */
import type { Condition } from '../../objects/meta.js';
import type { DeploymentStatus } from '../../objects/apps.js';

/** Condition reasons the Deployment controller writes. */
export const DeploymentReason = {
  NewReplicaSetCreated: 'NewReplicaSetCreated',
  FoundNewReplicaSet: 'FoundNewReplicaSet',
  ReplicaSetUpdated: 'ReplicaSetUpdated',
  NewReplicaSetAvailable: 'NewReplicaSetAvailable',
  ProgressDeadlineExceeded: 'ProgressDeadlineExceeded',
  MinimumReplicasAvailable: 'MinimumReplicasAvailable',
  MinimumReplicasUnavailable: 'MinimumReplicasUnavailable',
  DeploymentPaused: 'DeploymentPaused',
  DeploymentResumed: 'DeploymentResumed',
} as const;

/** The condition of `type`, if present. */
export function getCondition(status: DeploymentStatus, type: string): Condition | undefined {
  const conditions = status.conditions;
  if (conditions === undefined) return undefined;
  for (let i = 0; i < conditions.length; i++) {
    const c = conditions[i] as Condition;
    if (c.type === type) return c;
  }
  return undefined;
}

/** The conditions of `status` but those of `type`. */
function without(status: DeploymentStatus, type: string): Condition[] {
  const out: Condition[] = [];
  for (const c of status.conditions ?? []) if (c.type !== type) out.push(c);
  return out;
}

/** A condition stamped `at` (both lastUpdateTime and lastTransitionTime). */
export function newCondition(
  type: string,
  status: Condition['status'],
  reason: string,
  message: string,
  at: string,
): Condition {
  return { type, status, lastUpdateTime: at, lastTransitionTime: at, reason, message };
}

/**
 * `status` with `cond` set: unchanged when a condition of that type already has the same status
 * and reason; otherwise it replaces it (keeping lastTransitionTime when the status is the same)
 * and moves to the end of the list.
 */
export function setCondition(status: DeploymentStatus, cond: Condition): DeploymentStatus {
  const current = getCondition(status, cond.type);
  if (current?.status === cond.status && current.reason === cond.reason) return status;
  const next =
    current?.status === cond.status && current.lastTransitionTime !== undefined
      ? { ...cond, lastTransitionTime: current.lastTransitionTime }
      : cond;
  const conditions = without(status, cond.type);
  conditions.push(next);
  return { ...status, conditions };
}

/** `status` without the condition of `type`. */
export function removeCondition(status: DeploymentStatus, type: string): DeploymentStatus {
  if (getCondition(status, type) === undefined) return status;
  return { ...status, conditions: without(status, type) };
}
