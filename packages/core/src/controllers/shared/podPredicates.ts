/**
 * Pod predicates the workload controllers share: activity, termination, readiness and
 * availability (kubernetes/kubernetes pkg/controller/controller_utils.go `IsPodActive`,
 * `FilterTerminatingPods`; pkg/api/v1/pod/util.go `IsPodAvailable`).
 * @packageDocumentation
 */
import { isPodReady } from '../endpoints/podEndpoint.js';
import { parseTimestamp } from '../../time.js';
import type { Pod } from '../../objects/pod.js';

/**
 * True when the pod counts toward a ReplicaSet's replicas: not Succeeded/Failed and not being
 * deleted (§7.1). A pod that starts terminating stops counting at once, so it is replaced at once.
 * @example isPodActive(terminatingPod) === false
 */
export function isPodActive(pod: Pod): boolean {
  return (
    pod.status.phase !== 'Succeeded' &&
    pod.status.phase !== 'Failed' &&
    pod.metadata.deletionTimestamp === undefined
  );
}

/**
 * True when the pod is being deleted but has not reached a terminal phase (the pods counted by
 * `status.terminatingReplicas`, controller_utils.go `FilterTerminatingPods`).
 */
export function isPodTerminating(pod: Pod): boolean {
  return (
    pod.metadata.deletionTimestamp !== undefined &&
    pod.status.phase !== 'Succeeded' &&
    pod.status.phase !== 'Failed'
  );
}

/**
 * Epoch milliseconds at which the pod last became Ready (the `lastTransitionTime` of its Ready
 * condition), or undefined when it is not Ready or the time is missing or unreadable.
 */
export function podReadySince(pod: Pod): number | undefined {
  if (!isPodReady(pod)) return undefined;
  const ready = pod.status.conditions?.find((c) => c.type === 'Ready');
  const at = ready?.lastTransitionTime;
  return at === undefined ? undefined : parseTimestamp(at);
}

/**
 * True when the pod has been Ready for MORE than `minReadySeconds` at `nowEpochMs`. With
 * `minReadySeconds` 0 every Ready pod is available. Upstream compares with a strict `Before`
 * (pod/util.go `IsPodAvailable`), so a pod Ready at t with minReadySeconds m becomes available at
 * t + m·1000 + 1 ms in virtual time.
 * @example isPodAvailable(readyAt0, 10, 10_001) === true
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number, nowEpochMs: number): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds === 0) return true;
  const since = podReadySince(pod);
  return since !== undefined && since + minReadySeconds * 1000 < nowEpochMs;
}

/**
 * Milliseconds from `nowEpochMs` until a Ready but not yet available pod becomes available, or
 * undefined when it is not Ready, already available, or its Ready time is unknown.
 */
export function msUntilAvailable(
  pod: Pod,
  minReadySeconds: number,
  nowEpochMs: number,
): number | undefined {
  if (minReadySeconds === 0 || isPodAvailable(pod, minReadySeconds, nowEpochMs)) return undefined;
  const since = podReadySince(pod);
  if (since === undefined) return undefined;
  return since + minReadySeconds * 1000 + 1 - nowEpochMs;
}
