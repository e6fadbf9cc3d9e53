/**
 * Graceful deletion arithmetic of pods (k8s-semantics §5.10), as pure functions.
 * @packageDocumentation
 */

/** The fields of a pod that decide its deletion grace period. */
export interface GraceInputs {
  readonly spec: { readonly nodeName?: string; readonly terminationGracePeriodSeconds?: number };
  readonly status?: { readonly phase?: string };
}

/**
 * The grace period of a first delete of `pod` (pkg/registry/core/pod/strategy.go
 * `CheckGracefulDelete`, after rest/delete.go turned a negative request into 1): the request, else
 * the pod's terminationGracePeriodSeconds (0 when unset); 0 when the pod is unscheduled or already
 * Succeeded/Failed; a negative result becomes 1.
 * @example podGracePeriod({ spec: { nodeName: 'n1', terminationGracePeriodSeconds: 30 } }, undefined) === 30
 */
export function podGracePeriod(pod: GraceInputs, requested: number | undefined): number {
  let period = requested ?? pod.spec.terminationGracePeriodSeconds ?? 0;
  if (period < 0) period = 1;
  if (pod.spec.nodeName === undefined || pod.spec.nodeName === '') period = 0;
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') period = 0;
  return period;
}

/** What a repeated delete of an object that already has a deletionTimestamp does. */
export type RepeatDelete =
  | { readonly action: 'none' }
  | { readonly action: 'removeIfFree' }
  | { readonly action: 'shorten'; readonly deletionMs: number; readonly grace: number };

/**
 * A delete of an object already being deleted (staging apiserver pkg/registry/rest/delete.go
 * `BeforeDelete`): it may only shorten the grace period. The new deadline keeps the original
 * start: old deadline − old grace + new grace. A recorded grace of 0 (or none) means the object
 * only waits for finalizers.
 */
export function repeatDelete(
  deletionMs: number,
  currentGrace: number | undefined,
  requested: number | undefined,
): RepeatDelete {
  if (currentGrace === undefined || currentGrace <= 0) return { action: 'removeIfFree' };
  if (requested === undefined) return { action: 'none' };
  const period = requested < 0 ? 1 : requested;
  if (period >= currentGrace) return { action: 'none' };
  return {
    action: 'shorten',
    deletionMs: deletionMs - currentGrace * 1000 + period * 1000,
    grace: period,
  };
}
