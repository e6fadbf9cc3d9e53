/**
 * The pod writes of a StatefulSet sync, each followed by the core/v1 Event upstream records
 * (`StatefulPodControl` in stateful_pod_control.go: reason `SuccessfulCreate` / `SuccessfulDelete`).
 * @packageDocumentation
 */
import { objectKey } from '../../objects/kinds.js';
import type { Action } from '../plan.js';
import type { Pod } from '../../objects/pod.js';
import type { StatefulSet } from '../../objects/apps.js';

function podEvent(set: StatefulSet, verb: 'create' | 'delete', pod: Pod): Action {
  const reason = verb === 'create' ? 'SuccessfulCreate' : 'SuccessfulDelete';
  return {
    verb: 'event',
    regarding: { kind: 'StatefulSet', key: objectKey(set), uid: set.metadata.uid },
    type: 'Normal',
    reason,
    message: `${verb} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`,
  };
}

/** Create `pod`, then record it. */
export function createPodActions(set: StatefulSet, pod: Pod): Action[] {
  return [{ verb: 'create', object: pod }, podEvent(set, 'create', pod)];
}

/**
 * Delete `pod` gracefully (its own grace period), guarded by its uid so that a pod recreated
 * under the same name is never hit; then record it.
 */
export function deletePodActions(set: StatefulSet, pod: Pod): Action[] {
  return [
    { verb: 'delete', kind: 'Pod', key: objectKey(pod), uid: pod.metadata.uid },
    podEvent(set, 'delete', pod),
  ];
}
