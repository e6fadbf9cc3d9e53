/**
 * Which store events make the scheduler act: pods it must schedule, and cluster changes that
 * move unschedulable pods back to the active queue (pkg/scheduler/eventhandlers.go,
 * framework `ClusterEvent`s; queueing hints simplified).
 * @packageDocumentation
 */
import type { Node } from '../../objects/node.js';
import type { Pod } from '../../objects/pod.js';
import type { StoreEvent } from '../../store/view.js';

/** The scheduler name pods get by default, and the one this scheduler serves. */
export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';

/** True for a pod this scheduler must place: unbound, ours, not being deleted. */
export function needsScheduling(pod: Pod): boolean {
  return (
    (pod.spec.nodeName === undefined || pod.spec.nodeName === '') &&
    pod.spec.schedulerName === DEFAULT_SCHEDULER_NAME &&
    pod.metadata.deletionTimestamp === undefined
  );
}

/** True when the pod is bound to a node. */
export function isAssigned(pod: Pod | undefined): boolean {
  return pod?.spec.nodeName !== undefined && pod.spec.nodeName !== '';
}

function isTerminal(pod: Pod): boolean {
  return pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** How a store event affects unschedulable pods. */
export type MoveTrigger = 'all' | 'spread' | 'none';

/**
 * `all` for events that can make any pod fit (a node added, a node's spec, labels or allocatable
 * changed, an assigned pod deleted or finished); `spread` for an assigned pod appearing or
 * changing labels (it only changes topology-spread and inter-pod affinity counts); `none` otherwise.
 */
export function moveTrigger(ev: StoreEvent): MoveTrigger {
  if (ev.kind === 'Node') {
    if (ev.type === 'ADDED') return 'all';
    if (ev.type === 'DELETED') return 'none';
    const node = ev.object as Node;
    const old = ev.oldObject as Node | undefined;
    if (old === undefined) return 'all';
    const changed =
      !sameJson(node.spec, old.spec) ||
      !sameJson(node.metadata.labels, old.metadata.labels) ||
      !sameJson(node.status.allocatable, old.status.allocatable);
    return changed ? 'all' : 'none';
  }
  if (ev.kind !== 'Pod') return 'none';
  const pod = ev.object as Pod;
  const old = ev.oldObject as Pod | undefined;
  if (ev.type === 'DELETED') return isAssigned(pod) ? 'all' : 'none';
  if (!isAssigned(pod)) return 'none';
  if (old !== undefined && isAssigned(old)) {
    if (isTerminal(pod) && !isTerminal(old)) return 'all';
    return sameJson(pod.metadata.labels, old.metadata.labels) ? 'none' : 'spread';
  }
  return 'spread';
}

/** True when an unbound pod's own spec or labels changed (a status-only write is not a change). */
export function podSpecOrLabelsChanged(ev: StoreEvent): boolean {
  if (ev.type !== 'MODIFIED' || ev.oldObject === undefined) return false;
  const pod = ev.object as Pod;
  const old = ev.oldObject as Pod;
  return !sameJson(pod.spec, old.spec) || !sameJson(pod.metadata.labels, old.metadata.labels);
}
