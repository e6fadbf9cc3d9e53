/**
 * Scaling a Deployment whose `replicas` changed, mid-rollout included (kubernetes/kubernetes
 * pkg/controller/deployment/sync.go `isScalingEvent`, `scale`; util/deployment_util.go
 * `FindActiveOrLatest`, `IsSaturated`, `GetProportion`, `getReplicaSetFraction`).
 * @packageDocumentation
 */
import type { ReplicaSet } from '../../objects/apps.js';
import { desiredReplicasOf, maxReplicasOf } from './annotations.js';
import { maxSurgeOf } from './fenceposts.js';
import { byCreation, type RolloutWork } from './rolloutWork.js';

/** Go's `math.Round`: halves away from zero. */
const roundHalfAway = (x: number): number => Math.sign(x) * Math.round(Math.abs(x));

/** True when an active ReplicaSet was sized for a different `replicas` than the Deployment's. */
export function isScalingEvent(work: RolloutWork): boolean {
  return work.all().some((rs) => {
    if (rs.spec.replicas === 0) return false;
    const desired = desiredReplicasOf(rs);
    return desired !== undefined && desired !== work.d.spec.replicas;
  });
}

/** The share of `toAdd − added` this ReplicaSet takes (`GetProportion`). */
function proportion(work: RolloutWork, rs: ReplicaSet, toAdd: number, added: number): number {
  if (rs.spec.replicas === 0 || toAdd === 0 || toAdd === added) return 0;
  const d = work.d;
  let fraction: number;
  if (d.spec.replicas === 0) {
    fraction = -rs.spec.replicas;
  } else {
    const maxNow = d.spec.replicas + maxSurgeOf(d);
    let before = maxReplicasOf(rs) ?? 0;
    // Without the annotation (a manual scale), fall back to the current Deployment size.
    if (before === 0) before = work.d.status.replicas ?? 0;
    fraction =
      before === 0 ? 0 : roundHalfAway((rs.spec.replicas * maxNow) / before) - rs.spec.replicas;
  }
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/**
 * `scale`: one active (or only a latest) ReplicaSet takes the whole `replicas`; a saturated new
 * ReplicaSet scales every old one to 0; otherwise, for RollingUpdate, `replicas + maxSurge − Σ
 * spec` is spread over the active ReplicaSets in proportion to their size (largest first, newer
 * first when scaling up, older first when scaling down), the rounding leftover going to the
 * first. Every scaled ReplicaSet gets the desired/max-replicas annotations of the new size.
 */
export function proportionalScale(work: RolloutWork): void {
  const d = work.d;
  const newRS = work.newRS();
  const active = work.all().filter((rs) => rs.spec.replicas > 0);
  if (active.length <= 1) {
    const target = active[0] ?? newRS ?? work.oldRSs().at(-1);
    if (target !== undefined && target.spec.replicas !== d.spec.replicas) {
      work.scaleIfNeeded(target, d.spec.replicas);
    }
    return;
  }
  const saturated =
    newRS !== undefined &&
    newRS.spec.replicas === d.spec.replicas &&
    desiredReplicasOf(newRS) === d.spec.replicas &&
    (newRS.status.availableReplicas ?? 0) === d.spec.replicas;
  if (saturated) {
    for (const rs of work.oldRSs()) if (rs.spec.replicas > 0) work.scaleIfNeeded(rs, 0);
    return;
  }
  if (d.spec.strategy.type !== 'RollingUpdate') return;
  const allowed = d.spec.replicas > 0 ? d.spec.replicas + maxSurgeOf(d) : 0;
  const toAdd = allowed - active.reduce((n, rs) => n + rs.spec.replicas, 0);
  const ordered = [...active].sort(
    (a, b) =>
      b.spec.replicas - a.spec.replicas || (toAdd > 0 ? byCreation(b, a) : byCreation(a, b)),
  );
  const sizes = new Map<string, number>();
  let added = 0;
  for (const rs of ordered) {
    const share = proportion(work, rs, toAdd, added);
    sizes.set(rs.metadata.name, rs.spec.replicas + share);
    added += share;
  }
  const op = toAdd > 0 ? 'up' : 'down';
  ordered.forEach((rs, i) => {
    let size = sizes.get(rs.metadata.name) ?? rs.spec.replicas;
    if (i === 0 && toAdd !== 0) size = Math.max(0, size + toAdd - added);
    work.scaleTo(rs, size, op);
  });
}
