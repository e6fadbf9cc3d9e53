/**
 * A ReplicaSet's status from its pods (kubernetes/kubernetes
 * pkg/controller/replicaset/replica_set_utils.go `calculateStatus`).
 * @packageDocumentation
 */
import { isPodReady } from '../endpoints/podEndpoint.js';
import type { Pod } from '../../objects/pod.js';
import type { ReplicaSet, ReplicaSetStatus } from '../../objects/apps.js';
import { isPodAvailable, msUntilAvailable } from '../shared/index.js';

/** The computed status and when it will next change on its own. */
export interface ReplicaSetStatusResult {
  readonly status: ReplicaSetStatus;
  /** Milliseconds until the next Ready pod becomes available (minReadySeconds), if any. */
  readonly requeueAfter?: number;
}

// The template labels as pairs, once per stored (frozen) labels object.
const pairsOf = new WeakMap<
  Readonly<Record<string, string>>,
  readonly (readonly [string, string])[]
>();
const noPairs: readonly (readonly [string, string])[] = [];

function labelPairs(
  labels: Readonly<Record<string, string>> | undefined,
): readonly (readonly [string, string])[] {
  if (labels === undefined) return noPairs;
  let pairs = pairsOf.get(labels);
  if (pairs === undefined) {
    pairs = Object.entries(labels);
    if (Object.isFrozen(labels)) pairsOf.set(labels, pairs);
  }
  return pairs;
}

function labelsContain(
  labels: Readonly<Record<string, string>> | undefined,
  required: readonly (readonly [string, string])[],
): boolean {
  for (const [k, v] of required) if (labels?.[k] !== v) return false;
  return true;
}

/**
 * Status of `rs` over its claimed active pods and its terminating pods at `nowEpochMs`:
 * `replicas` = active pods; `fullyLabeledReplicas` = those carrying every template label;
 * `readyReplicas`; `availableReplicas` = Ready for more than `minReadySeconds`;
 * `terminatingReplicas` (KEP-3973); `observedGeneration` = the generation read. Other fields
 * (conditions) are kept. `requeueAfter` is the exact wait until the first Ready pod crosses
 * minReadySeconds (upstream re-checks after the full minReadySeconds; an exact time is what a
 * virtual clock can afford).
 */
export function computeReplicaSetStatus(
  rs: ReplicaSet,
  activePods: readonly Pod[],
  terminatingCount: number,
  nowEpochMs: number,
): ReplicaSetStatusResult {
  const templateLabels = labelPairs(rs.spec.template.metadata?.labels);
  const minReady = rs.spec.minReadySeconds;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  let wait: number | undefined;
  for (const pod of activePods) {
    if (labelsContain(pod.metadata.labels, templateLabels)) fullyLabeled++;
    if (!isPodReady(pod)) continue;
    ready++;
    // A Ready pod is available at once when minReadySeconds is 0 (isPodAvailable's first case).
    if (minReady === 0 || isPodAvailable(pod, minReady, nowEpochMs)) {
      available++;
      continue;
    }
    const ms = msUntilAvailable(pod, minReady, nowEpochMs);
    if (ms !== undefined && (wait === undefined || ms < wait)) wait = ms;
  }
  // The fields assigned in the order a spread of them after `...rs.status` would give.
  const status: ReplicaSetStatus = { ...rs.status };
  status.replicas = activePods.length;
  status.fullyLabeledReplicas = fullyLabeled;
  status.readyReplicas = ready;
  status.availableReplicas = available;
  status.terminatingReplicas = terminatingCount;
  if (rs.metadata.generation !== undefined) status.observedGeneration = rs.metadata.generation;
  return wait === undefined ? { status } : { status, requeueAfter: wait };
}
