/**
 * Which pods a ReplicaSet deletes first when it scales down (§7.3; kubernetes/kubernetes
 * pkg/controller/controller_utils.go `ActivePodsWithRanks.Less` with LogarithmicScaleDown on,
 * and pkg/controller/replicaset/replica_set.go `getPodsToDelete`,
 * `getPodsRankedByRelatedPodsOnSameNode`).
 * @packageDocumentation
 */
import { isPodReady } from '../endpoints/podEndpoint.js';
import { parseTimestamp } from '../../time.js';
import type { Pod } from '../../objects/pod.js';
import { isPodActive, podReadySince } from '../shared/index.js';

/** Annotation whose int32 value orders victims: lower cost is deleted first. */
export const POD_DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';

// controller_utils.go podPhaseToOrdinal: phases missing from the table (Succeeded, Failed) rank 0.
const PHASE_ORDINAL: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 };

function deletionCost(pod: Pod): number {
  const raw = pod.metadata.annotations?.[POD_DELETION_COST_ANNOTATION];
  if (raw === undefined || !/^[+-]?\d+$/.test(raw.trim())) return 0;
  const n = Number(raw.trim());
  // An out-of-range value fails upstream's int32 parse and counts as 0.
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}

/** floor(log2(age in nanoseconds)), or −1 for a zero or negative age (`logarithmicRankDiff`). */
function logBucket(atMs: number, nowMs: number): number {
  const ageNs = (nowMs - atMs) * 1e6;
  return ageNs > 0 ? Math.floor(Math.log2(ageNs)) : -1;
}

/** Largest restart count of regular containers, then of restartable (sidecar) init containers. */
function maxRestarts(pod: Pod): [number, number] {
  const regular = Math.max(0, ...(pod.status.containerStatuses ?? []).map((s) => s.restartCount));
  const sidecarNames = new Set(
    (pod.spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name),
  );
  const sidecar = Math.max(
    0,
    ...(pod.status.initContainerStatuses ?? [])
      .filter((s) => sidecarNames.has(s.name))
      .map((s) => s.restartCount),
  );
  return [regular, sidecar];
}

const uidOrder = (a: Pod, b: Pod): number =>
  a.metadata.uid < b.metadata.uid ? -1 : a.metadata.uid > b.metadata.uid ? 1 : 0;

/** A pod with its rank: the number of active related pods on its node. */
export interface RankedPod {
  readonly pod: Pod;
  readonly rank: number;
}

/**
 * Orders two ranked pods, negative when `a` is deleted before `b`: unscheduled first; Pending <
 * Unknown < Running; not Ready first; lower deletion cost first; higher rank (more related pods on
 * the same node) first; Ready for a shorter time first, then newer first, both compared by log2
 * bucket of their age at `nowMs` with equal buckets broken by UID; higher restart count first.
 * Equal pods compare 0.
 */
export function compareForDeletion(a: RankedPod, b: RankedPod, nowMs: number): number {
  const [pa, pb] = [a.pod, b.pod];
  const na = pa.spec.nodeName ?? '';
  const nb = pb.spec.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '' ? -1 : 1;
  const oa = PHASE_ORDINAL[pa.status.phase] ?? 0;
  const ob = PHASE_ORDINAL[pb.status.phase] ?? 0;
  if (oa !== ob) return oa - ob;
  const ra = isPodReady(pa);
  const rb = isPodReady(pb);
  if (ra !== rb) return ra ? 1 : -1;
  const ca = deletionCost(pa);
  const cb = deletionCost(pb);
  if (ca !== cb) return ca - cb;
  if (a.rank !== b.rank) return b.rank - a.rank;
  if (ra && rb) {
    const ta = podReadySince(pa);
    const tb = podReadySince(pb);
    if (ta !== tb) {
      // A missing time ranks first (upstream `afterOrZero`); otherwise compare log2 buckets.
      if (ta === undefined || tb === undefined) return ta === undefined ? -1 : 1;
      const diff = logBucket(ta, nowMs) - logBucket(tb, nowMs);
      return diff !== 0 ? diff : uidOrder(pa, pb);
    }
  }
  const [ga, sa] = maxRestarts(pa);
  const [gb, sb] = maxRestarts(pb);
  if (ga !== gb) return gb - ga;
  if (sa !== sb) return sb - sa;
  const ka = parseTimestamp(pa.metadata.creationTimestamp);
  const kb = parseTimestamp(pb.metadata.creationTimestamp);
  if (ka !== kb) {
    if (ka === undefined || kb === undefined) return ka === undefined ? -1 : 1;
    const diff = logBucket(ka, nowMs) - logBucket(kb, nowMs);
    return diff !== 0 ? diff : uidOrder(pa, pb);
  }
  return 0;
}

/**
 * The `count` pods of `pods` to delete first. `relatedPods` are the pods of every ReplicaSet with
 * the same controller (the Deployment's other ReplicaSets); their active ones are counted per node
 * to rank doubled-up pods first. Upstream's sort is not stable; kubesim sorts stably and breaks
 * full ties by pod key so the choice is deterministic.
 * @example podsToDelete(activePods, siblings, 2, now) // the two cheapest victims
 */
export function podsToDelete(
  pods: readonly Pod[],
  relatedPods: readonly Pod[],
  count: number,
  nowMs: number,
): Pod[] {
  if (count >= pods.length) return [...pods];
  const perNode = new Map<string, number>();
  for (const p of relatedPods) {
    if (!isPodActive(p)) continue;
    const node = p.spec.nodeName ?? '';
    perNode.set(node, (perNode.get(node) ?? 0) + 1);
  }
  const ranked: RankedPod[] = pods.map((pod) => ({
    pod,
    rank: perNode.get(pod.spec.nodeName ?? '') ?? 0,
  }));
  ranked.sort((a, b) => compareForDeletion(a, b, nowMs) || podKeyOrder(a.pod, b.pod));
  return ranked.slice(0, count).map((r) => r.pod);
}

function podKeyOrder(a: Pod, b: Pod): number {
  const ka = `${a.metadata.namespace}/${a.metadata.name}`;
  const kb = `${b.metadata.namespace}/${b.metadata.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
