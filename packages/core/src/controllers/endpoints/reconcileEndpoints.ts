/**
 * The legacy Endpoints reconciler (§3.23–3.24), after kubernetes/kubernetes
 * pkg/controller/endpoint/endpoints_controller.go `syncService`. Pure.
 * @packageDocumentation
 */
import type { ClusterConfig } from '../../config.js';
import type { EndpointAddress, EndpointSubset, Endpoints } from '../../objects/discovery.js';
import type { Pod } from '../../objects/pod.js';
import type { Service } from '../../objects/service.js';
import { deepFreeze } from '../../store/deepFreeze.js';
import { formatTimestamp } from '../../time.js';
import { packSubsets, truncateSubsets, type AddressPort } from './endpointSubsets.js';
import { hasManagedEndpoints } from './reconcileEndpointSlices.js';
import {
  findPort,
  isPodReady,
  podAddresses,
  shouldPodBeInEndpoints,
  shouldSetHostname,
} from './podEndpoint.js';
import { sameRecord, withoutKeys } from './records.js';
import { addressTypesForService, isServiceIpSet } from './sliceShape.js';
import {
  ANNOTATION_LAST_CHANGE_TRIGGER_TIME,
  ANNOTATION_OVER_CAPACITY,
  LABEL_HEADLESS,
} from './wellKnown.js';

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
function addressOf(pod: Pod, service: Service): EndpointAddress | undefined {
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
    targetRef: {
      kind: 'Pod',
      namespace: pod.metadata.namespace,
      name: pod.metadata.name,
      uid: pod.metadata.uid,
    },
  };
}

/**
 * The subsets of a selector Service's Endpoints, before truncation: terminating pods excluded
 * unless publishNotReadyAddresses; ready pods (or all, with publishNotReadyAddresses) in
 * `addresses`, others in `notReadyAddresses`; a port left out for a pod where it does not resolve;
 * a headless Service without ports lists its pods with no ports. Canonical order (see
 * {@link packSubsets}).
 */
export function desiredSubsets(service: Service, pods: readonly Pod[]): EndpointSubset[] {
  const facts: AddressPort[] = [];
  for (const pod of pods) for (const f of podFacts(pod, service)) facts.push(f);
  return packSubsets(facts);
}

/** A pod's address-port facts for one Service, kept while neither object changes. */
interface CachedFacts {
  readonly service: Service;
  readonly facts: readonly AddressPort[];
}

// Stored objects are immutable, so a pod's facts are a function of the two object identities:
// a pod change recomputes that pod's facts only, not those of every pod behind the Service.
const factsCache = new WeakMap<Pod, CachedFacts>();

function podFacts(pod: Pod, service: Service): readonly AddressPort[] {
  const hit = factsCache.get(pod);
  if (hit !== undefined && hit.service === service) return hit.facts;
  const facts = deepFreeze(computePodFacts(pod, service));
  if (Object.isFrozen(pod)) factsCache.set(pod, { service, facts });
  return facts;
}

function computePodFacts(pod: Pod, service: Service): AddressPort[] {
  const publishAll = service.spec.publishNotReadyAddresses === true;
  const facts: AddressPort[] = [];
  if (!shouldPodBeInEndpoints(pod, publishAll)) return facts;
  const address = addressOf(pod, service);
  if (address === undefined) return facts;
  const ready = publishAll || isPodReady(pod);
  if (service.spec.ports.length === 0) {
    if (!isServiceIpSet(service)) facts.push({ address, port: undefined, ready });
    return facts;
  }
  for (const sp of service.spec.ports) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    facts.push({
      address,
      ready,
      port: {
        name: sp.name ?? '',
        port,
        protocol: sp.protocol,
        ...(sp.appProtocol !== undefined ? { appProtocol: sp.appProtocol } : {}),
      },
    });
  }
  return facts;
}

// The JSON of a stored Endpoints' subsets, computed once per stored array.
const storedJson = new WeakMap<readonly EndpointSubset[], string>();

function sameSubsets(
  a: readonly EndpointSubset[] | undefined,
  b: readonly EndpointSubset[],
): boolean {
  if (a === undefined || !Object.isFrozen(a)) return JSON.stringify(a ?? []) === JSON.stringify(b);
  let json = storedJson.get(a);
  if (json === undefined) {
    json = JSON.stringify(a);
    storedJson.set(a, json);
  }
  return json === JSON.stringify(b);
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
  const full = desiredSubsets(service, input.pods);
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
    subsets,
  };
  return existing === undefined ? { verb: 'create', object } : { verb: 'update', object };
}
