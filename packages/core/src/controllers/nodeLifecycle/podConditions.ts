/**
 * Pod condition edits as upstream's `UpdatePodCondition` makes them, and the pod status changes of
 * MarkPodsNotReady, the taint manager and PodGC.
 * @packageDocumentation
 */
import type { Condition } from '../../objects/meta.js';
import type { Pod } from '../../objects/pod.js';

/**
 * `conditions` with `cond` set (upstream `UpdatePodCondition`): its `lastTransitionTime` is
 * `stamp` unless the status is unchanged, in which case the old one is kept. Returns undefined
 * when nothing would change.
 * @example withPodCondition([], { type: 'DisruptionTarget', status: 'True' }, 't')
 * // [{ type: 'DisruptionTarget', status: 'True', lastTransitionTime: 't' }]
 */
export function withPodCondition(
  conditions: readonly Condition[] | undefined,
  cond: Condition,
  stamp: string,
): Condition[] | undefined {
  const list = conditions ?? [];
  const i = list.findIndex((c) => c.type === cond.type);
  const old = i < 0 ? undefined : list[i];
  const ltt = old !== undefined && old.status === cond.status ? old.lastTransitionTime : stamp;
  const next: Condition = { ...cond };
  if (ltt === undefined) delete next.lastTransitionTime;
  else next.lastTransitionTime = ltt;
  if (old === undefined) return [...list, next];
  if (
    old.status === next.status &&
    old.reason === next.reason &&
    old.message === next.message &&
    old.lastProbeTime === next.lastProbeTime &&
    old.lastTransitionTime === next.lastTransitionTime
  ) {
    return undefined;
  }
  return list.map((c, j) => (j === i ? next : c));
}

/**
 * The pod with Ready=False (upstream `MarkPodsNotReady` in pkg/controller/util/node): only an
 * existing Ready condition is flipped; phase and ContainersReady stay. Undefined when unchanged
 * (no Ready condition, or already False).
 */
export function podMarkedNotReady(pod: Pod, stamp: string): Pod | undefined {
  const ready = pod.status.conditions?.find((c) => c.type === 'Ready');
  if (ready === undefined) return undefined;
  const conditions = withPodCondition(pod.status.conditions, { ...ready, status: 'False' }, stamp);
  return conditions === undefined ? undefined : { ...pod, status: { ...pod.status, conditions } };
}

/**
 * The pod as PodGC patches it before a force delete (`markFailedAndDeletePodWithCondition` in
 * pkg/controller/podgc/gc_controller.go): phase Failed plus `condition` when given. Undefined when
 * the pod is already Succeeded or Failed (upstream leaves its status alone).
 */
export function podMarkedFailed(pod: Pod, stamp: string, condition?: Condition): Pod | undefined {
  if (isPodTerminal(pod)) return undefined;
  const conditions =
    condition === undefined
      ? pod.status.conditions
      : (withPodCondition(pod.status.conditions, condition, stamp) ?? pod.status.conditions);
  const status = { ...pod.status, phase: 'Failed' as const };
  if (conditions !== undefined) status.conditions = conditions;
  return { ...pod, status };
}

/** Succeeded or Failed (upstream `isPodTerminated`). */
export function isPodTerminal(pod: Pod): boolean {
  return pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';
}

/** The pod's store key, `namespace/name`. */
export function podKey(pod: Pod): string {
  return `${pod.metadata.namespace}/${pod.metadata.name}`;
}
