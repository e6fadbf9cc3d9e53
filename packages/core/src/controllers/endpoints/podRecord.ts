/**
 * What the endpoint controllers keep per frozen pod, in one record (one WeakMap entry per pod
 * rather than one per controller, and no object per controller): each controller's facts for one
 * Service, and the pod's
 * targetRef, which the Endpoints addresses and the EndpointSlice endpoints both reference.
 * @packageDocumentation
 */
import type {
  EndpointAddress,
  Endpoint,
  EndpointPort,
  EndpointsPort,
} from '../../objects/discovery.js';
import type { ObjectReference } from '../../objects/meta.js';
import type { Node } from '../../objects/node.js';
import type { Pod } from '../../objects/pod.js';
import type { Service } from '../../objects/service.js';
import type { IpAddressType } from './podEndpoint.js';

/** The ports a pod serves for a Service (undefined: the one fact of a headless Service without ports), with their keys. */
export interface PortList {
  readonly ports: readonly (EndpointsPort | undefined)[];
  readonly keys: readonly string[];
}

/** The ports a pod serves for a Service in EndpointSlice form (reconcileEndpointSlices), shared per Service. */
export interface CachedPorts {
  readonly ports: readonly EndpointPort[];
  /** `portsKey` of `ports`. */
  readonly key: string;
}

/**
 * The kept facts of one pod, in place (one object per pod). Each controller's fields hold for the
 * Service its `…Service` field names (undefined: nothing kept yet), and are all replaced together.
 */
export interface PodRecord {
  /** `{ kind: 'Pod', namespace, name, uid }` of the pod, frozen. */
  readonly targetRef: ObjectReference;
  /** The Service the Endpoints controller's facts below are for (reconcileEndpoints). */
  endpointsService: Service | undefined;
  /** The pod's address, frozen; undefined when the pod is left out. */
  address: EndpointAddress | undefined;
  ready: boolean;
  /** The ports the pod serves for the Service, one fact each. */
  endpointsPorts: PortList | undefined;
  /** The Service the EndpointSlice controller's facts below are for (reconcileEndpointSlices). */
  slicesService: Service | undefined;
  slicePorts: CachedPorts | undefined;
  /** The pod's endpoint for `node` and `addressType`, once built. */
  endpoint: Endpoint | undefined;
  node: Node | undefined;
  addressType: IpAddressType | undefined;
}

// Every slot is a pure function of the frozen pod and of the objects it names (checked by the
// reader), so the records are shared by forks safely. A pod that is not frozen gets a fresh
// record each time, never kept.
const records = new WeakMap<Pod, PodRecord>();

/** The record of `pod`, made (and kept when the pod is frozen) on first use. */
export function podRecord(pod: Pod): PodRecord {
  const hit = records.get(pod);
  if (hit !== undefined) return hit;
  const record: PodRecord = {
    targetRef: Object.freeze({
      kind: 'Pod',
      namespace: pod.metadata.namespace,
      name: pod.metadata.name,
      uid: pod.metadata.uid,
    }),
    endpointsService: undefined,
    address: undefined,
    ready: false,
    endpointsPorts: undefined,
    slicesService: undefined,
    slicePorts: undefined,
    endpoint: undefined,
    node: undefined,
    addressType: undefined,
  };
  if (Object.isFrozen(pod) && Object.isFrozen(pod.metadata)) {
    records.set(pod, record);
  }
  return record;
}
