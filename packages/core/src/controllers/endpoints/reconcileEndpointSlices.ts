/**
 * The EndpointSlice reconciler: desired slices of one Service from its pods, as create, update and
 * delete lists (§3.A–3.D), after k8s.io/endpointslice reconciler.go `Reconcile`,
 * `reconcileByAddressType` and `finalize`. Pure: it never mutates its inputs.
 * @packageDocumentation
 */
import type { ClusterConfig } from '../../config.js';
import type { Endpoint, EndpointPort, EndpointSlice } from '../../objects/discovery.js';
import type { Node } from '../../objects/node.js';
import type { Pod } from '../../objects/pod.js';
import type { Service } from '../../objects/service.js';
import { deepFreeze } from '../../store/deepFreeze.js';
import { formatTimestamp } from '../../time.js';
import type { EndpointSliceChanges } from './endpointSliceChanges.js';
import { endpointKey, portsKey, sameObjects, sortEndpoints } from './endpointIdentity.js';
import { packSlices } from './packSlices.js';
import { podRecord, type CachedPorts, type PodRecord } from './podRecord.js';
import { isPlaceholderOf, recycleDeletes } from './finalizeSlices.js';
import {
  findPort,
  podToEndpointWithRef,
  shouldPodBeInEndpoints,
  type IpAddressType,
} from './podEndpoint.js';
import {
  addressTypesForService,
  endpointPortsFor,
  newServiceSlice,
  sliceOwnedBy,
} from './sliceShape.js';
import { hintsModeOf, hintsNeedUpdate, withHints } from './topologyHints.js';
import {
  ANNOTATION_LAST_CHANGE_TRIGGER_TIME,
  ENDPOINTSLICE_CONTROLLER_NAME,
  LABEL_MANAGED_BY,
} from './wellKnown.js';

/** Inputs of {@link reconcileEndpointSlices}. */
export interface ReconcileEndpointSlicesInput {
  readonly service: Service;
  /** The pods the Service selects (same namespace); filtering by phase and IP happens here. */
  readonly pods: readonly Pod[];
  /** The slices labelled with the Service's name. Slices managed by another controller, or being deleted, are ignored. */
  readonly existingSlices: readonly EndpointSlice[];
  /** At least the nodes the pods run on; a pod whose node is missing is skipped unless publishNotReadyAddresses. */
  readonly nodes: readonly Node[];
  readonly config: Pick<ClusterConfig, 'maxEndpointsPerSlice' | 'startTime'>;
  /** Virtual time in ms since the start; written as the last-change-trigger-time annotation. */
  readonly now: number;
}

/**
 * True when the EndpointSlice (and Endpoints) controllers manage endpoints for this Service: it is
 * not ExternalName and has a non-empty selector.
 */
export function hasManagedEndpoints(service: Service): boolean {
  return (
    service.spec.type !== 'ExternalName' && Object.keys(service.spec.selector ?? {}).length > 0
  );
}

interface Group {
  readonly ports: readonly EndpointPort[];
  readonly endpoints: Map<string, Endpoint>;
}

function byName(a: EndpointSlice, b: EndpointSlice): number {
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/**
 * Computes the slices a selector Service should have (§3.15–3.21): endpoints grouped by address
 * type and resolved port list; desired endpoints kept where they are; empty slices deleted; new
 * endpoints into slices already being updated (fullest first), then into the unchanged slice that
 * fits them all most tightly, else into new slices of at most `maxEndpointsPerSlice`; delete+create
 * pairs collapsed into updates that reuse the old name; a placeholder slice (no ports, no endpoints)
 * when there is nothing to publish; slices of stale port groups, other owners or dropped address
 * types deleted; hints per `trafficDistribution`. Endpoints of every written slice are sorted by
 * targetRef namespace/name, then addresses. A Service without selector, or ExternalName, yields no
 * changes at all (existing slices are left alone, as upstream returns early).
 * @example reconcileEndpointSlices({ service, pods, existingSlices: [], nodes, config, now: 0 }).toCreate
 */
export function reconcileEndpointSlices(input: ReconcileEndpointSlicesInput): EndpointSliceChanges {
  const { service } = input;
  if (!hasManagedEndpoints(service)) return { toCreate: [], toUpdate: [], toDelete: [] };

  const slices = input.existingSlices
    .filter(
      (s) =>
        s.metadata.labels?.[LABEL_MANAGED_BY] === ENDPOINTSLICE_CONTROLLER_NAME &&
        s.metadata.deletionTimestamp === undefined,
    )
    .sort(byName);
  const types = addressTypesForService(service);
  const desired = desiredGroups(input, types);

  const toCreate: EndpointSlice[] = [];
  const toUpdate: EndpointSlice[] = [];
  // Slices of an address type the Service no longer has are deleted and never recycled.
  const toDelete: EndpointSlice[] = slices.filter(
    (s) => !types.includes(s.addressType as IpAddressType),
  );

  for (const addressType of types) {
    const groups = desired.get(addressType) ?? new Map<string, Group>();
    const r = reconcileAddressType(input, groups, slices, addressType);
    toCreate.push(...r.toCreate);
    toUpdate.push(...r.toUpdate);
    toDelete.push(...r.toDelete);
  }

  const trigger = formatTimestamp(input.config.startTime + input.now);
  const stamp = (s: EndpointSlice): EndpointSlice => ({
    ...s,
    metadata: {
      ...s.metadata,
      annotations: { ...s.metadata.annotations, [ANNOTATION_LAST_CHANGE_TRIGGER_TIME]: trigger },
    },
    endpoints: sortEndpoints(s.endpoints),
  });
  return {
    // Upstream creates nothing for a Service that is being deleted (the GC is removing slices).
    toCreate: service.metadata.deletionTimestamp === undefined ? toCreate.map(stamp) : [],
    toUpdate: toUpdate.map(stamp).sort(byName),
    toDelete: toDelete.sort(byName),
  };
}

// endpointPortsFor and podToEndpoint are pure functions of frozen stored objects: a sync reuses
// the ports and the endpoint it built for the same pod, node and Service versions (most pods of a
// Service did not change since its last sync), frozen so that they are shared safely and cost
// nothing to store again. Kept in the pod's record (shared with the Endpoints reconciler).
function sliceFacts(pod: Pod, service: Service): PodRecord {
  const record = podRecord(pod);
  if (record.slicesService !== service) {
    record.slicePorts = sharedPortsOf(service, pod);
    record.endpoint = undefined;
    record.node = undefined;
    record.addressType = undefined;
    record.slicesService = service;
  }
  return record;
}

/** The record's endpoint for `node` and `addressType` (built and kept when it holds another). */
function endpointOf(
  record: PodRecord,
  pod: Pod,
  node: Node | undefined,
  service: Service,
  addressType: IpAddressType,
): Endpoint {
  if (record.endpoint !== undefined && record.node === node && record.addressType === addressType) {
    return record.endpoint;
  }
  // The same targetRef object as the pod's Endpoints address (kept once, in the record).
  const endpoint = deepFreeze(
    podToEndpointWithRef(pod, node, service, addressType, record.targetRef),
  );
  record.endpoint = endpoint;
  record.node = node;
  record.addressType = addressType;
  return endpoint;
}

// The port lists of a frozen Service, by the container port each Service port resolves to: the
// pods of a Deployment resolve alike, so they share one frozen list and its key.
const portLists = new WeakMap<Service, Map<string, CachedPorts>>();

function sharedPortsOf(service: Service, pod: Pod): CachedPorts {
  const signature = service.spec.ports.map((sp) => findPort(pod, sp)).join(',');
  const lists = portLists.get(service);
  const hit = lists?.get(signature);
  if (hit !== undefined) return hit;
  const ports = deepFreeze(endpointPortsFor(service, pod));
  const entry: CachedPorts = Object.freeze({ ports, key: portsKey(ports) });
  if (Object.isFrozen(service) && Object.isFrozen(service.spec)) {
    if (lists === undefined) portLists.set(service, new Map([[signature, entry]]));
    else lists.set(signature, entry);
  }
  return entry;
}

// The port-list key of an existing slice: stored slices share their frozen `ports` array across
// writes that leave the ports alone, so the key is kept per array.
const slicePortsKeys = new WeakMap<readonly EndpointPort[], string>();

function slicePortsKey(ports: readonly EndpointPort[]): string {
  const hit = slicePortsKeys.get(ports);
  if (hit !== undefined) return hit;
  const key = portsKey(ports);
  if (isDeepFrozenPorts(ports)) slicePortsKeys.set(ports, key);
  return key;
}

function isDeepFrozenPorts(ports: readonly EndpointPort[]): boolean {
  return Object.isFrozen(ports) && ports.every((p) => Object.isFrozen(p));
}

/** The desired endpoints of a Service, by address type, then port-list key (in key order of first pod). */
type DesiredGroups = ReadonlyMap<IpAddressType, ReadonlyMap<string, Group>>;

interface CachedDesired {
  /** The inputs the groups were built from (frozen objects, compared by identity). */
  readonly pods: readonly Pod[];
  readonly nodes: readonly Node[];
  readonly groups: DesiredGroups;
}

/** What the desired groups take from one frozen pod for one (frozen) Service. */
interface PodPart {
  readonly pod: Pod;
  readonly name: string;
  /** `spec.nodeName`, or '' when unset. */
  readonly nodeName: string;
  /** {@link shouldPodBeInEndpoints} with terminating pods included. */
  readonly included: boolean;
  /** The pod's ports for the Service, when included. */
  readonly ports: CachedPorts | undefined;
  /** The pod's record, when included (its ports above, its endpoint once built). */
  readonly record: PodRecord | undefined;
}

// The desired groups are a pure function of the frozen Service, pods and nodes: a sync whose pods
// and nodes are the very objects of the Service's last sync (an echo of the controller's own slice
// writes, a Node event that changed nothing here) reuses them instead of walking every pod again
// (a changed list is walked again; each pod's endpoint is kept per frozen pod by endpointOf). The
// groups are never mutated once built.
const desiredCache = new WeakMap<Service, CachedDesired>();

function partOf(pod: Pod, service: Service): PodPart {
  const included = shouldPodBeInEndpoints(pod, true);
  const record = included ? sliceFacts(pod, service) : undefined;
  return {
    pod,
    name: pod.metadata.name,
    nodeName: pod.spec.nodeName ?? '',
    included,
    ports: record?.slicePorts,
    record,
  };
}

function desiredGroups(
  input: ReconcileEndpointSlicesInput,
  types: readonly IpAddressType[],
): DesiredGroups {
  const { service } = input;
  const hit = desiredCache.get(service);
  if (
    hit !== undefined &&
    sameObjects(hit.pods, input.pods) &&
    sameObjects(hit.nodes, input.nodes)
  ) {
    return hit.groups;
  }
  const nodes = new Map(input.nodes.map((n) => [n.metadata.name, n]));
  const sorted = input.pods.map((pod) => partOf(pod, service));
  sorted.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const groups = new Map<IpAddressType, ReadonlyMap<string, Group>>();
  for (const addressType of types) {
    groups.set(addressType, groupsOf(service, sorted, nodes, addressType));
  }
  if (
    Object.isFrozen(service) &&
    input.pods.every((p) => Object.isFrozen(p)) &&
    input.nodes.every((n) => Object.isFrozen(n))
  ) {
    desiredCache.set(service, { pods: [...input.pods], nodes: [...input.nodes], groups });
  }
  return groups;
}

/** The desired endpoints of one address type, grouped by port-list key. */
function groupsOf(
  service: Service,
  parts: readonly PodPart[],
  nodes: ReadonlyMap<string, Node>,
  addressType: IpAddressType,
): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const part of parts) {
    if (!part.included || part.ports === undefined || part.record === undefined) continue;
    const { ports, key } = part.ports;
    let group = groups.get(key);
    if (group === undefined) {
      group = { ports, endpoints: new Map() };
      groups.set(key, group);
    }
    const node = nodes.get(part.nodeName);
    // A pod whose Node object is missing is skipped (upstream retries the sync) unless the user
    // asked for every address to be published (reconciler.go reconcileByAddressType).
    if (node === undefined && service.spec.publishNotReadyAddresses !== true) continue;
    const ep = endpointOf(part.record, part.pod, node, service, addressType);
    if (ep.addresses.length > 0) group.endpoints.set(endpointKey(ep), ep);
  }
  return groups;
}

function reconcileAddressType(
  input: ReconcileEndpointSlicesInput,
  groups: ReadonlyMap<string, Group>,
  allSlices: readonly EndpointSlice[],
  addressType: IpAddressType,
): EndpointSliceChanges {
  const { service } = input;
  const existing = allSlices.filter((s) => s.addressType === addressType);
  let toDelete: EndpointSlice[] = [];
  const existingByGroup = new Map<string, EndpointSlice[]>();
  for (const slice of existing) {
    if (!sliceOwnedBy(slice, service)) {
      toDelete.push(slice);
      continue;
    }
    const key = slicePortsKey(slice.ports);
    existingByGroup.set(key, [...(existingByGroup.get(key) ?? []), slice]);
  }

  let toCreate: EndpointSlice[] = [];
  let toUpdate: EndpointSlice[] = [];
  const unchanged: EndpointSlice[] = [];
  for (const key of [...groups.keys()].sort()) {
    const group = groups.get(key);
    if (group === undefined) continue;
    const r = packSlices({
      service,
      existing: existingByGroup.get(key) ?? [],
      desired: group.endpoints,
      ports: group.ports,
      addressType,
      maxEndpointsPerSlice: input.config.maxEndpointsPerSlice,
    });
    toCreate.push(...r.toCreate);
    toUpdate.push(...r.toUpdate);
    toDelete.push(...r.toDelete);
    unchanged.push(...r.unchanged);
  }
  for (const [key, stale] of [...existingByGroup].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!groups.has(key)) toDelete.push(...stale);
  }
  toDelete.sort(byName);

  // Placeholder (§3.18): one empty slice when nothing else would exist, reused if present.
  if (existing.length === toDelete.length && toCreate.length === 0) {
    const placeholder = newServiceSlice(service, [], addressType);
    const only = toDelete[0];
    if (toDelete.length === 1 && only !== undefined && isPlaceholderOf(only, placeholder)) {
      toDelete = [];
    } else {
      toCreate.push(placeholder);
    }
  }

  // Hints (§3.D) on everything written, and on unchanged slices whose hints are stale.
  const mode = hintsModeOf(service);
  toCreate = toCreate.map((s) => ({ ...s, endpoints: withHints(s.endpoints, mode) }));
  toUpdate = toUpdate.map((s) => ({ ...s, endpoints: withHints(s.endpoints, mode) }));
  for (const s of unchanged) {
    if (hintsNeedUpdate(s.endpoints, mode)) {
      toUpdate.push({ ...s, endpoints: withHints(s.endpoints, mode) });
    }
  }

  return recycleDeletes(service, toCreate, toUpdate, toDelete);
}
