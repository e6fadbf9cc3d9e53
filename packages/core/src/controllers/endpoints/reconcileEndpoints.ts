/**
 * The legacy Endpoints reconciler (§3.23–3.24), after kubernetes/kubernetes
 * pkg/controller/endpoint/endpoints_controller.go `syncService`. Pure.
 * @packageDocumentation
 */
import type { ClusterConfig } from '../../config.js';
import type {
  EndpointAddress,
  EndpointSubset,
  Endpoints,
  EndpointsPort,
} from '../../objects/discovery.js';
import type { ObjectReference } from '../../objects/meta.js';
import type { Pod } from '../../objects/pod.js';
import type { Service } from '../../objects/service.js';
import { deepFreeze } from '../../store/deepFreeze.js';
import { formatTimestamp } from '../../time.js';
import { endpointsPortKey, packColumns, truncateSubsets } from './endpointSubsets.js';
import { hasManagedEndpoints } from './reconcileEndpointSlices.js';
import {
  findPort,
  isPodReady,
  podAddresses,
  shouldPodBeInEndpoints,
  shouldSetHostname,
} from './podEndpoint.js';
import { podRecord, type PodRecord, type PortList } from './podRecord.js';
import { sameRecord, withoutKeys } from './records.js';
import { addressTypesForService, isServiceIpSet } from './sliceShape.js';
import {
  ANNOTATION_LAST_CHANGE_TRIGGER_TIME,
  ANNOTATION_OVER_CAPACITY,
  LABEL_HEADLESS,
} from './wellKnown.js';
import { KeptPerService } from './endpointIdentity.js';

/** Inputs of {@link reconcileEndpoints}. */
export interface ReconcileEndpointsInput {
  readonly service: Service;
  /** The pods the Service selects. */
  readonly pods: readonly Pod[];
  /** The Endpoints object named after the Service, if any. */
  readonly existing: Endpoints | undefined;
  readonly config: Pick<ClusterConfig, 'maxEndpointsPerEndpoints' | 'startTime'>;
  /** Virtual time in ms since the start (the last-change-trigger-time annotation). */
  readonly now: number;
}

/** The write the Endpoints controller wants, if any. Updates carry the existing resourceVersion. */
export type EndpointsChange =
  | { readonly verb: 'create'; readonly object: Endpoints }
  | { readonly verb: 'update'; readonly object: Endpoints };

/** The address of a pod in the Service's primary family, or undefined when it has none. */
function addressOf(
  pod: Pod,
  service: Service,
  targetRef: ObjectReference,
): EndpointAddress | undefined {
  const family = addressTypesForService(service)[0] ?? 'IPv4';
  const ip = podAddresses(pod, family)[0];
  if (ip === undefined) return undefined;
  const nodeName = pod.spec.nodeName;
  return {
    ip,
    ...(shouldSetHostname(pod, service) && pod.spec.hostname !== undefined
      ? { hostname: pod.spec.hostname }
      : {}),
    ...(nodeName !== undefined && nodeName !== '' ? { nodeName } : {}),
    targetRef,
  };
}

/**
 * The subsets of a selector Service's Endpoints, before truncation: terminating pods excluded
 * unless publishNotReadyAddresses; ready pods (or all, with publishNotReadyAddresses) in
 * `addresses`, others in `notReadyAddresses`; a port left out for a pod where it does not resolve;
 * a headless Service without ports lists its pods with no ports. Canonical order (see
 * packSubsets).
 */
export function desiredSubsets(service: Service, pods: readonly Pod[]): EndpointSubset[] {
  return [...keptSubsets(service, pods)];
}

// The desired subsets, deep-frozen (the stored Endpoints can share them, nothing can change
// them), kept for the very pod objects of the Service's last sync (an echo of its own write, a
// Service event) instead of packing every pod's facts again.
const subsetsKept = new KeptPerService<readonly EndpointSubset[]>();

function keptSubsets(service: Service, pods: readonly Pod[]): readonly EndpointSubset[] {
  return subsetsKept.get(service, pods, () => deepFreeze(packSubsetsOf(service, pods)));
}

function packSubsetsOf(service: Service, pods: readonly Pod[]): EndpointSubset[] {
  const addresses: EndpointAddress[] = [];
  const addressKeys: string[] = [];
  const ports: (EndpointsPort | undefined)[] = [];
  const portKeys: string[] = [];
  const ready: boolean[] = [];
  for (const pod of pods) {
    const facts = podFacts(pod, service);
    const address = facts.address;
    const list = facts.endpointsPorts;
    if (address === undefined || list === undefined) continue;
    // The pod's uid names its address: two pods never share one, and every fact of a pod has the
    // same address (packColumns checks both, and packs under full keys otherwise).
    const key = address.targetRef?.uid ?? '';
    for (let i = 0; i < list.ports.length; i++) {
      addresses.push(address);
      addressKeys.push(key);
      ports.push(list.ports[i]);
      portKeys.push(list.keys[i] as string);
      ready.push(facts.ready);
    }
  }
  return packColumns({ addresses, addressKeys, ports, portKeys, ready });
}

const NO_PORTS: PortList = Object.freeze({ ports: Object.freeze([]), keys: Object.freeze([]) });
const PORTLESS: PortList = Object.freeze({
  ports: Object.freeze([undefined]),
  keys: Object.freeze([endpointsPortKey(undefined)]),
});

// Stored objects are immutable, so a pod's facts are a function of the two object identities:
// a pod change recomputes that pod's facts only, not those of every pod behind the Service. Kept
// in the pod's record (shared with the EndpointSlice reconciler, and with it the targetRef): its
// address (undefined when the pod is left out), whether it is ready, and the ports it serves, one
// fact per port.
function podFacts(pod: Pod, service: Service): PodRecord {
  const record = podRecord(pod);
  if (record.endpointsService === service) return record;
  const publishAll = service.spec.publishNotReadyAddresses === true;
  let address: EndpointAddress | undefined;
  let ports: PortList = NO_PORTS;
  if (shouldPodBeInEndpoints(pod, publishAll)) {
    address = addressOf(pod, service, record.targetRef);
    if (address !== undefined) {
      if (service.spec.ports.length === 0) ports = isServiceIpSet(service) ? NO_PORTS : PORTLESS;
      else ports = portListOf(service, pod);
    }
  }
  const kept = address !== undefined && ports.ports.length > 0;
  record.address = kept ? deepFreeze(address) : undefined;
  record.ready = kept && (publishAll || isPodReady(pod));
  record.endpointsPorts = ports;
  record.endpointsService = service;
  return record;
}

// The port lists of a frozen Service, by the container port each Service port resolves to: the
// pods of a Deployment resolve alike, so they share one frozen list and its keys.
const portLists = new WeakMap<Service, Map<string, PortList>>();

function portListOf(service: Service, pod: Pod): PortList {
  const resolved = service.spec.ports.map((sp) => findPort(pod, sp));
  const signature = resolved.join(',');
  const lists = portLists.get(service);
  const hit = lists?.get(signature);
  if (hit !== undefined) return hit;
  const ports: EndpointsPort[] = [];
  service.spec.ports.forEach((sp, i) => {
    const port = resolved[i];
    if (port === undefined) return;
    ports.push({
      name: sp.name ?? '',
      port,
      protocol: sp.protocol,
      ...(sp.appProtocol !== undefined ? { appProtocol: sp.appProtocol } : {}),
    });
  });
  const list: PortList = deepFreeze({ ports, keys: ports.map(endpointsPortKey) });
  if (Object.isFrozen(service) && Object.isFrozen(service.spec)) {
    if (lists === undefined) portLists.set(service, new Map([[signature, list]]));
    else lists.set(signature, list);
  }
  return list;
}

// True when JSON.stringify gives the same text for `a` and `b`, without building it: a shared
// (frozen) subtree is equal by identity; objects compare their serialised keys in order.
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return JSON.stringify(a) === JSON.stringify(b);
  }
  if ('toJSON' in a || 'toJSON' in b) return JSON.stringify(a) === JSON.stringify(b);
  const isArray = Array.isArray(a);
  if (isArray !== Array.isArray(b)) return false;
  if (isArray) {
    const x = a as readonly unknown[];
    const y = b as readonly unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!sameJson(inArray(x[i]), inArray(y[i]))) return false;
    return true;
  }
  const x = a as Readonly<Record<string, unknown>>;
  const y = b as Readonly<Record<string, unknown>>;
  const kx = Object.keys(x).filter((k) => serialised(x[k]));
  const ky = Object.keys(y).filter((k) => serialised(y[k]));
  if (kx.length !== ky.length) return false;
  for (let i = 0; i < kx.length; i++) {
    const k = kx[i] as string;
    if (k !== ky[i] || !sameJson(x[k], y[k])) return false;
  }
  return true;
}

// A property JSON.stringify writes (it skips undefined, functions and symbols).
const serialised = (v: unknown): boolean =>
  v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';
// An array element as JSON.stringify writes it (undefined, functions and symbols become null).
const inArray = (v: unknown): unknown => (serialised(v) ? v : null);

// True when the stored subsets (none: `[]`) serialise as the desired ones.
function sameSubsets(
  a: readonly EndpointSubset[] | undefined,
  b: readonly EndpointSubset[],
): boolean {
  return sameJson(a ?? [], b);
}

/**
 * The Endpoints object a selector Service should have, as a create or update, or undefined when
 * the existing one is already right (or the Service has no selector / is ExternalName). Labels are
 * the Service's plus `service.kubernetes.io/headless: ""` when headless. Over
 * `config.maxEndpointsPerEndpoints` addresses the subsets are truncated (see
 * {@link truncateSubsets}) and annotated `endpoints.kubernetes.io/over-capacity: truncated`; the
 * annotation is removed once back under. Unlike upstream, which compares the untruncated subsets
 * and so rewrites a truncated object on every sync, kubesim compares the truncated form, so a
 * reconcile of an unchanged over-capacity Service writes nothing.
 */
export function reconcileEndpoints(input: ReconcileEndpointsInput): EndpointsChange | undefined {
  const { service, existing } = input;
  if (!hasManagedEndpoints(service)) return undefined;
  const full = keptSubsets(service, input.pods);
  const truncated = truncateSubsets(full, input.config.maxEndpointsPerEndpoints);
  const subsets = truncated ?? full;

  const labels: Record<string, string> = isServiceIpSet(service)
    ? withoutKeys(service.metadata.labels, LABEL_HEADLESS)
    : { ...service.metadata.labels, [LABEL_HEADLESS]: '' };

  const overCapacityOk =
    truncated !== undefined
      ? existing?.metadata.annotations?.[ANNOTATION_OVER_CAPACITY] === 'truncated'
      : existing?.metadata.annotations?.[ANNOTATION_OVER_CAPACITY] === undefined;
  if (
    existing !== undefined &&
    sameSubsets(existing.subsets, subsets) &&
    sameRecord(existing.metadata.labels, labels) &&
    overCapacityOk
  ) {
    return undefined;
  }

  const annotations = withoutKeys(existing?.metadata.annotations, ANNOTATION_OVER_CAPACITY);
  annotations[ANNOTATION_LAST_CHANGE_TRIGGER_TIME] = formatTimestamp(
    input.config.startTime + input.now,
  );
  if (truncated !== undefined) annotations[ANNOTATION_OVER_CAPACITY] = 'truncated';

  const object: Endpoints = {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      ...(existing?.metadata ?? {
        name: service.metadata.name,
        namespace: service.metadata.namespace,
        uid: '',
        resourceVersion: '',
        creationTimestamp: '',
      }),
      labels,
      annotations,
    },
    // Frozen when untruncated (kept for the next sync): the store keeps frozen subtrees as they are.
    subsets: subsets as EndpointSubset[],
  };
  return existing === undefined ? { verb: 'create', object } : { verb: 'update', object };
}
