/**
 * The node scores of the default profile, each 0–100 before its weight
 * (pkg/scheduler/apis/config/v1/default_plugins.go).
 * @packageDocumentation
 */
import type { Pod, Toleration } from '../../objects/pod.js';
import { preferredAffinityWeight } from './nodeAffinity.js';
import type { NodeInfo } from './nodeInfo.js';
import type { PodRequests } from './podRequests.js';
import { tolerationsTolerate } from './tolerations.js';

/** The highest score a plugin gives a node (`framework.MaxNodeScore`). */
export const MAX_NODE_SCORE = 100;

/** Score plugin weights of the default profile. */
export const SCORE_WEIGHTS = {
  TaintToleration: 3,
  NodeAffinity: 2,
  PodTopologySpread: 2,
  InterPodAffinity: 2,
  NodeResourcesFit: 1,
  NodeResourcesBalancedAllocation: 1,
} as const;

/**
 * Upstream `helper.DefaultNormalizeScore`: scales raw scores so the largest becomes 100 (integer
 * division); with `reverse`, 100 − that. All zero → all 0, or all 100 when reversed.
 * @example defaultNormalizeScore([1, 2], true) // [50, 0]
 */
export function defaultNormalizeScore(raw: readonly number[], reverse: boolean): number[] {
  const max = raw.reduce((m, s) => Math.max(m, s), 0);
  if (max === 0) return raw.map(() => (reverse ? MAX_NODE_SCORE : 0));
  return raw.map((s) => {
    const scaled = Math.trunc((MAX_NODE_SCORE * s) / max);
    return reverse ? MAX_NODE_SCORE - scaled : scaled;
  });
}

/**
 * TaintToleration raw score: the number of PreferNoSchedule taints not tolerated by the pod's
 * tolerations whose effect is empty or PreferNoSchedule. Normalise with `reverse` (fewer is better).
 */
export function intolerablePreferNoScheduleCount(pod: Pod, info: NodeInfo): number {
  const taints = info.taints;
  if (taints.length === 0) return 0;
  const tolerations: Toleration[] = pod.spec.tolerations.filter(
    (t) => t.effect === undefined || t.effect === '' || t.effect === 'PreferNoSchedule',
  );
  return taints.filter(
    (t) => t.effect === 'PreferNoSchedule' && !tolerationsTolerate(tolerations, t),
  ).length;
}

/** NodeAffinity raw score: the summed weights of the preferred terms the node matches. */
export function nodeAffinityRawScore(pod: Pod, info: NodeInfo): number {
  return info.node === undefined ? 0 : preferredAffinityWeight(pod, info.node);
}

function leastAllocatedResource(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/**
 * NodeResourcesFit, strategy LeastAllocated over cpu and memory (weight 1 each): per resource
 * `(allocatable − requested) × 100 / allocatable` with the pod included and containers without
 * requests counted as 100m / 200 MiB, averaged (plugins/noderesources/least_allocated.go).
 * @example
 * // 4 cpu with 1 requested after the pod, 16 Gi with 4 Gi → (75 + 75) / 2 = 75
 */
export function leastAllocatedScore(requests: PodRequests, info: NodeInfo): number {
  const cpu = leastAllocatedResource(
    info.nonZeroMilliCpu + requests.nonZeroMilliCpu,
    info.allocatable.milliCpu,
  );
  const mem = leastAllocatedResource(
    info.nonZeroMemory + requests.nonZeroMemory,
    info.allocatable.memory,
  );
  return Math.trunc((cpu + mem) / 2);
}

/**
 * NodeResourcesBalancedAllocation: `(1 − std) × 100` over the cpu and memory fractions
 * requested/allocatable (pod included, actual requests, each capped at 1); with two resources
 * std = |cpu − memory| / 2. A resource with allocatable 0 is left out; a pod that requests
 * nothing (best effort) is not scored (0 everywhere) (plugins/noderesources/balanced_allocation.go).
 * @example
 * // cpu fraction 0.5, memory 0.25 → std 0.125 → 87
 */
export function balancedAllocationScore(requests: PodRequests, info: NodeInfo): number {
  if (requests.milliCpu === 0 && requests.memory === 0) return 0;
  const a = info.allocatable;
  const hasCpu = a.milliCpu > 0;
  const hasMemory = a.memory > 0;
  if (!hasCpu || !hasMemory) return MAX_NODE_SCORE; // one fraction (or none): std 0
  const cpu = Math.min(1, (info.requestedMilliCpu + requests.milliCpu) / a.milliCpu);
  const memory = Math.min(1, (info.requestedMemory + requests.memory) / a.memory);
  const std = Math.abs((cpu - memory) / 2);
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}
