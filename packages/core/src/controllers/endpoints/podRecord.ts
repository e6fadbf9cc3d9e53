/**
 * What the endpoint controllers keep per frozen pod, in one record (one WeakMap entry per pod
 * rather than one per controller): each controller's facts for one Service, and the pod's
 * targetRef, which the Endpoints addresses and the EndpointSlice endpoints both reference.
 * @packageDocumentation
 */
import type { ObjectReference } from '../../objects/meta.js';
import type { Pod } from '../../objects/pod.js';

/** The kept facts of one pod. A slot's value says itself which Service it holds for. */
export interface PodRecord<E, S> {
  /** `{ kind: 'Pod', namespace, name, uid }` of the pod, frozen. */
  readonly targetRef: ObjectReference;
  /** The Endpoints controller's facts (reconcileEndpoints). */
  endpoints: E | undefined;
  /** The EndpointSlice controller's facts (reconcileEndpointSlices). */
  slices: S | undefined;
}

// Every slot is a pure function of the frozen pod and of the objects it names (checked by the
// reader), so the records are shared by forks safely. A pod that is not frozen gets a fresh
// record each time, never kept.
const records = new WeakMap<Pod, PodRecord<unknown, unknown>>();

/** The record of `pod`, made (and kept when the pod is frozen) on first use. */
export function podRecord<E, S>(pod: Pod): PodRecord<E, S> {
  const hit = records.get(pod);
  if (hit !== undefined) return hit as PodRecord<E, S>;
  const record: PodRecord<E, S> = {
    targetRef: Object.freeze({
      kind: 'Pod',
      namespace: pod.metadata.namespace,
      name: pod.metadata.name,
      uid: pod.metadata.uid,
    }),
    endpoints: undefined,
    slices: undefined,
  };
  if (Object.isFrozen(pod) && Object.isFrozen(pod.metadata)) {
    records.set(pod, record);
  }
  return record;
}
