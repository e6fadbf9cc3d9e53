/**
 * Deleting old ReplicaSets beyond revisionHistoryLimit (§7.13; kubernetes/kubernetes
 * pkg/controller/deployment/sync.go `cleanupDeployment`, util `ReplicaSetsByRevision`).
 * @packageDocumentation
 */
import type { Action } from '../plan.js';
import type { ReplicaSet } from '../../objects/apps.js';
import { revisionOf } from './annotations.js';
import { byCreation, type RolloutWork } from './rolloutWork.js';

/**
 * Deletes for the oldest (lowest revision, then oldest creation) old ReplicaSets past
 * `revisionHistoryLimit`, skipping any that still has replicas (spec or status), has not
 * observed its generation, or is already being deleted.
 * @example historyCleanup(work, work.oldRSs()) // [{ verb: 'delete', kind: 'ReplicaSet', … }]
 */
export function historyCleanup(work: RolloutWork, oldRSs: readonly ReplicaSet[]): Action[] {
  const alive = oldRSs.filter((rs) => rs.metadata.deletionTimestamp === undefined);
  const excess = alive.length - work.d.spec.revisionHistoryLimit;
  if (excess <= 0) return [];
  const ordered = [...alive].sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
  const out: Action[] = [];
  for (const rs of ordered.slice(0, excess)) {
    if (
      rs.status.replicas !== 0 ||
      rs.spec.replicas !== 0 ||
      (rs.metadata.generation ?? 0) > (rs.status.observedGeneration ?? 0)
    ) {
      continue;
    }
    out.push({
      verb: 'delete',
      kind: 'ReplicaSet',
      key: `${rs.metadata.namespace}/${rs.metadata.name}`,
      uid: rs.metadata.uid,
    });
  }
  return out;
}
