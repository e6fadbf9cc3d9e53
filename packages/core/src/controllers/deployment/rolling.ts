/**
 * The RollingUpdate strategy (§7.9–7.10; kubernetes/kubernetes pkg/controller/deployment/
 * rolling.go `rolloutRolling`, `reconcileNewReplicaSet`, `reconcileOldReplicaSets`,
 * `cleanupUnhealthyReplicas`, `scaleDownOldReplicaSetsForRollingUpdate`).
 * @packageDocumentation
 */
import type { ReplicaSet } from '../../objects/apps.js';
import { maxUnavailableOf } from './fenceposts.js';
import { newRSNewReplicas } from './newReplicaSet.js';
import type { RolloutWork } from './rolloutWork.js';

const specSum = (sets: readonly ReplicaSet[]): number =>
  sets.reduce((n, rs) => n + rs.spec.replicas, 0);

/** Scales the new ReplicaSet toward `replicas` within maxSurge. True when it changed size. */
export function reconcileNewReplicaSet(work: RolloutWork): boolean {
  const newRS = work.newRS();
  if (newRS === undefined) return false;
  const want = work.d.spec.replicas;
  if (newRS.spec.replicas === want) return false;
  if (newRS.spec.replicas > want) return work.scaleIfNeeded(newRS, want);
  return work.scaleIfNeeded(newRS, newRSNewReplicas(work.d, work.all(), newRS));
}

/**
 * Scales old ReplicaSets with unavailable pods down first, oldest first, within
 * maxScaledDown = Σ spec − minAvailable − (new RS spec − new RS available). Returns the count.
 */
function cleanupUnhealthyReplicas(work: RolloutWork, maxCleanup: number): number {
  let done = 0;
  for (const old of work.oldRSs()) {
    if (done >= maxCleanup) break;
    const rs = work.current(old);
    const unhealthy = rs.spec.replicas - (rs.status.availableReplicas ?? 0);
    if (rs.spec.replicas === 0 || unhealthy <= 0) continue;
    const cut = Math.min(maxCleanup - done, unhealthy);
    work.scaleIfNeeded(rs, rs.spec.replicas - cut);
    done += cut;
  }
  return done;
}

/** Scales healthy old ReplicaSets down, oldest first, by available − minAvailable. */
function scaleDownHealthy(work: RolloutWork): number {
  const minAvailable = work.d.spec.replicas - maxUnavailableOf(work.d);
  const available = work.all().reduce((n, rs) => n + (rs.status.availableReplicas ?? 0), 0);
  if (available <= minAvailable) return 0;
  const budget = available - minAvailable;
  let done = 0;
  for (const rs of work.oldRSs()) {
    if (done >= budget) break;
    if (rs.spec.replicas === 0) continue;
    const cut = Math.min(rs.spec.replicas, budget - done);
    work.scaleIfNeeded(rs, rs.spec.replicas - cut);
    done += cut;
  }
  return done;
}

/** Scales old ReplicaSets down as far as availability allows. True when any was scaled. */
export function reconcileOldReplicaSets(work: RolloutWork): boolean {
  const newRS = work.newRS();
  const old = work.oldRSs();
  if (newRS === undefined || specSum(old) === 0) return false;
  const minAvailable = work.d.spec.replicas - maxUnavailableOf(work.d);
  const newUnavailable = newRS.spec.replicas - (newRS.status.availableReplicas ?? 0);
  const maxScaledDown = specSum(work.all()) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  // Unhealthy replicas first, or they would block the rollout (kubernetes#16737).
  const cleaned = cleanupUnhealthyReplicas(work, maxScaledDown);
  const scaled = scaleDownHealthy(work);
  return cleaned + scaled > 0;
}
