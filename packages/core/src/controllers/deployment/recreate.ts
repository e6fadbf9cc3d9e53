/**
 * The Recreate strategy (§7.12; kubernetes/kubernetes pkg/controller/deployment/recreate.go
 * `rolloutRecreate`, `oldPodsRunning`).
 * @packageDocumentation
 */
import type { Pod } from '../../objects/pod.js';
import { controllerRefOf } from '../shared/index.js';
import type { RolloutWork } from './rolloutWork.js';

/**
 * True while an old ReplicaSet still reports replicas or any pod it controls is not in a
 * terminal phase — a terminating pod still counts as running.
 */
export function oldPodsRunning(work: RolloutWork, pods: readonly Pod[]): boolean {
  const old = work.oldRSs();
  if (old.some((rs) => rs.status.replicas > 0)) return true;
  const oldUids = new Set(old.map((rs) => rs.metadata.uid));
  return pods.some(
    (p) =>
      oldUids.has(controllerRefOf(p)?.uid ?? '') &&
      p.status.phase !== 'Succeeded' &&
      p.status.phase !== 'Failed',
  );
}

/**
 * Scales every old ReplicaSet to 0. Returns `'scaledDown'` when it did, `'waiting'` while old
 * pods still run, else `'ready'` (the caller then creates or scales the new ReplicaSet).
 */
export function recreateStep(
  work: RolloutWork,
  pods: readonly Pod[],
): 'scaledDown' | 'waiting' | 'ready' {
  let scaled = false;
  for (const rs of work.oldRSs()) {
    if (rs.spec.replicas !== 0 && work.scaleIfNeeded(rs, 0)) scaled = true;
  }
  if (scaled) return 'scaledDown';
  return oldPodsRunning(work, pods) ? 'waiting' : 'ready';
}
