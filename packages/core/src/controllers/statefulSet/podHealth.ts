/**
 * The pod predicates the StatefulSet controller orders its work by (upstream
 * pkg/controller/statefulset/stateful_set_utils.go: `isRunningAndReady`, `isRunningAndAvailable`,
 * `isHealthy`, `isUnavailable`).
 * @packageDocumentation
 */
import { isPodReady } from '../endpoints/podEndpoint.js';
import { parseTimestamp } from '../../time.js';
import type { Pod } from '../../objects/pod.js';

/** True once the pod has a deletionTimestamp (it is Terminating). */
export function isTerminating(pod: Pod): boolean {
  return pod.metadata.deletionTimestamp !== undefined;
}

/** True for a pod in a terminal phase: the controller deletes and recreates it. */
export function isFinished(pod: Pod): boolean {
  return pod.status.phase === 'Failed' || pod.status.phase === 'Succeeded';
}

/** Phase Running and condition Ready True. */
export function isRunningAndReady(pod: Pod): boolean {
  return pod.status.phase === 'Running' && isPodReady(pod);
}

/** Epoch ms at which the pod's Ready condition last became True, or undefined. */
export function readySince(pod: Pod): number | undefined {
  const ready = pod.status.conditions?.find((c) => c.type === 'Ready' && c.status === 'True');
  if (ready?.lastTransitionTime === undefined) return undefined;
  return parseTimestamp(ready.lastTransitionTime);
}

/**
 * Running, Ready, and Ready for at least `minReadySeconds` at `nowEpochMs` (§7.10: "Ready
 * continuously for ≥ minReadySeconds"). With `minReadySeconds` 0 every running, ready pod is
 * available, as in upstream `podutil.IsPodAvailable`.
 * @example isRunningAndAvailable(podReadyAt(t0), 10, t0 + 10_000) === true
 */
export function isRunningAndAvailable(
  pod: Pod,
  minReadySeconds: number,
  nowEpochMs: number,
): boolean {
  if (!isRunningAndReady(pod)) return false;
  if (minReadySeconds <= 0) return true;
  const since = readySince(pod);
  return since !== undefined && since + minReadySeconds * 1000 <= nowEpochMs;
}

/** Running and Ready and not Terminating (upstream `isHealthy`). */
export function isHealthy(pod: Pod): boolean {
  return isRunningAndReady(pod) && !isTerminating(pod);
}

/** Not available, or Terminating (upstream `isUnavailable`). */
export function isUnavailable(pod: Pod, minReadySeconds: number, nowEpochMs: number): boolean {
  return !isRunningAndAvailable(pod, minReadySeconds, nowEpochMs) || isTerminating(pod);
}

/**
 * Milliseconds from `nowEpochMs` until a running, ready pod becomes available, or undefined when
 * it already is or cannot become so by waiting alone.
 */
export function msUntilAvailable(
  pod: Pod,
  minReadySeconds: number,
  nowEpochMs: number,
): number | undefined {
  if (!isRunningAndReady(pod) || minReadySeconds <= 0) return undefined;
  const since = readySince(pod);
  if (since === undefined) return undefined;
  const wait = since + minReadySeconds * 1000 - nowEpochMs;
  return wait > 0 ? wait : undefined;
}
