/**
 * The EndpointSlice mirroring reconciler (§3.26): EndpointSlices for a hand-written Endpoints
 * object of a Service without selector, after kubernetes/kubernetes
 * pkg/controller/endpointslicemirroring (reconciler.go, utils.go). Pure.
 * @packageDocumentation
 */
import type { ClusterConfig } from '../../config.js';
import type { Endpoint, EndpointPort, EndpointSlice, Endpoints } from '../../objects/discovery.js';
import type { Service } from '../../objects/service.js';
import {
  sortEndpoints,
  endpointKey,
  endpointsEqualBeyondKey,
  portsKey,
  sortPorts,
} from './endpointIdentity.js';
import { packSubsets } from './endpointSubsets.js';
import { sameRecord, withoutKeys } from './records.js';
import { addressTypeOf, type IpAddressType } from './podEndpoint.js';
import type { EndpointSliceChanges } from './endpointSliceChanges.js';
import {
  ANNOTATION_LAST_CHANGE_TRIGGER_TIME,
  ANNOTATION_LEADER_ELECTION,
  LABEL_MANAGED_BY,
  LABEL_SERVICE_NAME,
  LABEL_SKIP_MIRROR,
  MIRRORING_CONTROLLER_NAME,
} from './wellKnown.js';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Inputs of {@link reconcileMirroredSlices}. */
export interface ReconcileMirroredSlicesInput {
  /** The Endpoints object, or undefined when it is gone. */
  readonly endpoints: Endpoints | undefined;
  /** The Service of the same name, or undefined when there is none. */
  readonly service: Service | undefined;
  /** Slices labelled with the name; only those managed by the mirroring controller are used. */
  readonly existingSlices: readonly EndpointSlice[];
  readonly config: Pick<ClusterConfig, 'mirroringMaxEndpointsPerSubset'>;
}

/** What mirroring wants written, and how many addresses it could not mirror. */
export interface MirroringChanges extends EndpointSliceChanges {
  /** Addresses left out for exceeding the per-subset cap. */
  readonly skippedOverCap: number;
  /** Addresses left out for not being an IP. */
  readonly skippedInvalid: number;
}

/**
 * True when an Endpoints object should be mirrored: its Service exists and has no selector, it
 * lacks the `endpointslice.kubernetes.io/skip-mirror: "true"` label, and it is not a
 * leader-election record.
 */
export function shouldMirror(endpoints: Endpoints, service: Service | undefined): boolean {
  return (
    service !== undefined &&
    Object.keys(service.spec.selector ?? {}).length === 0 &&
    endpoints.metadata.labels?.[LABEL_SKIP_MIRROR] !== 'true' &&
    endpoints.metadata.annotations?.[ANNOTATION_LEADER_ELECTION] === undefined
  );
}

const isIp = (s: string): boolean =>
  /^(\d{1,3})(\.\d{1,3}){3}$/.test(s) || (s.includes(':') && /^[0-9a-fA-F:.]+$/.test(s));

interface Group {
  readonly addressType: IpAddressType;
  readonly ports: EndpointPort[];
  readonly endpoints: Map<string, Endpoint>;
}

function mirroredSlice(
  endpoints: Endpoints,
  group: Group,
  endpointsList: Endpoint[],
): EndpointSlice {
  const annotations = withoutKeys(
    endpoints.metadata.annotations,
    ANNOTATION_LAST_CHANGE_TRIGGER_TIME,
    LAST_APPLIED,
  );
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: '',
      generateName: `${endpoints.metadata.name}-`,
      namespace: endpoints.metadata.namespace,
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      labels: {
        ...endpoints.metadata.labels,
        [LABEL_SERVICE_NAME]: endpoints.metadata.name,
        [LABEL_MANAGED_BY]: MIRRORING_CONTROLLER_NAME,
      },
      annotations,
      ownerReferences: [
        {
          apiVersion: 'v1',
          kind: 'Endpoints',
          name: endpoints.metadata.name,
          uid: endpoints.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    addressType: group.addressType,
    endpoints: sortEndpoints(endpointsList),
    ports: group.ports,
  };
}

/**
 * The mirrored slices of an Endpoints object: one slice per (address family, port list) of its
 * repacked subsets, at most `config.mirroringMaxEndpointsPerSubset` addresses per subset (ready
 * ones first; the rest are counted in `skippedOverCap`); `addresses` become ready endpoints and
 * `notReadyAddresses` not-ready ones. Labelled with the Endpoints' labels plus
 * `kubernetes.io/service-name` and `endpointslice.kubernetes.io/managed-by:
 * endpointslicemirroring-controller.k8s.io`, owned by the Endpoints. When the Endpoints should not
 * be mirrored (see {@link shouldMirror}) or is gone, every mirrored slice is deleted.
 */
export function reconcileMirroredSlices(input: ReconcileMirroredSlicesInput): MirroringChanges {
  const { endpoints } = input;
  const existing = input.existingSlices
    .filter((s) => s.metadata.labels?.[LABEL_MANAGED_BY] === MIRRORING_CONTROLLER_NAME)
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  if (endpoints === undefined || !shouldMirror(endpoints, input.service)) {
    return { toCreate: [], toUpdate: [], toDelete: existing, skippedOverCap: 0, skippedInvalid: 0 };
  }

  const cap = input.config.mirroringMaxEndpointsPerSubset;
  const groups = new Map<string, Group>();
  let skippedOverCap = 0;
  let skippedInvalid = 0;
  const facts = (endpoints.subsets ?? []).flatMap((s) =>
    [true, false].flatMap((ready) =>
      ((ready ? s.addresses : s.notReadyAddresses) ?? []).flatMap((address) =>
        (s.ports && s.ports.length > 0 ? s.ports : [undefined]).map((port) => ({
          address,
          port,
          ready,
        })),
      ),
    ),
  );
  for (const subset of packSubsets(facts)) {
    const ports = sortPorts(
      (subset.ports ?? []).map((p) => ({
        name: p.name ?? '',
        port: p.port,
        protocol: p.protocol ?? 'TCP',
        ...(p.appProtocol !== undefined ? { appProtocol: p.appProtocol } : {}),
      })),
    );
    let added = 0;
    for (const ready of [true, false]) {
      for (const a of (ready ? subset.addresses : subset.notReadyAddresses) ?? []) {
        if (added >= cap) {
          skippedOverCap += 1;
          continue;
        }
        if (!isIp(a.ip)) {
          skippedInvalid += 1;
          continue;
        }
        added += 1;
        const addressType = addressTypeOf(a.ip);
        const key = `${addressType}-${portsKey(ports)}`;
        let group = groups.get(key);
        if (group === undefined) {
          group = { addressType, ports, endpoints: new Map() };
          groups.set(key, group);
        }
        const ep: Endpoint = {
          addresses: [a.ip],
          conditions: { ready },
          ...(a.hostname !== undefined && a.hostname !== '' ? { hostname: a.hostname } : {}),
          ...(a.targetRef !== undefined ? { targetRef: a.targetRef } : {}),
          ...(a.nodeName !== undefined ? { nodeName: a.nodeName } : {}),
        };
        group.endpoints.set(endpointKey(ep), ep);
      }
    }
  }

  const existingByKey = new Map<string, EndpointSlice[]>();
  for (const s of existing) {
    const key = `${s.addressType}-${portsKey(s.ports)}`;
    existingByKey.set(key, [...(existingByKey.get(key) ?? []), s]);
  }

  const toCreate: EndpointSlice[] = [];
  const toUpdate: EndpointSlice[] = [];
  const toDelete: EndpointSlice[] = [];
  for (const [key, group] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const desiredEps = [...group.endpoints.values()].slice(0, cap);
    const want = mirroredSlice(endpoints, group, desiredEps);
    const [first, ...rest] = existingByKey.get(key) ?? [];
    toDelete.push(...rest);
    if (first === undefined) {
      toCreate.push(want);
      continue;
    }
    if (sameContent(first, want)) continue;
    toUpdate.push(reuse(want, first));
  }
  for (const [key, stale] of existingByKey) if (!groups.has(key)) toDelete.push(...stale);

  // Recycle delete+create pairs of the same address type into updates (reconciler_helpers.go).
  const finalDeletes: EndpointSlice[] = [];
  for (const old of toDelete.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))) {
    const i = toCreate.findIndex((c) => c.addressType === old.addressType);
    const fresh = i >= 0 ? toCreate.splice(i, 1)[0] : undefined;
    if (fresh === undefined) finalDeletes.push(old);
    else toUpdate.push(reuse(fresh, old));
  }
  return {
    toCreate: endpoints.metadata.deletionTimestamp === undefined ? toCreate : [],
    toUpdate: toUpdate.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1)),
    toDelete: finalDeletes,
    skippedOverCap,
    skippedInvalid,
  };
}

function sameContent(have: EndpointSlice, want: EndpointSlice): boolean {
  if (have.endpoints.length !== want.endpoints.length) return false;
  const byKey = new Map(want.endpoints.map((e) => [endpointKey(e), e]));
  for (const ep of have.endpoints) {
    const w = byKey.get(endpointKey(ep));
    if (w === undefined || !endpointsEqualBeyondKey(w, ep)) return false;
  }
  return (
    sameRecord(have.metadata.labels, want.metadata.labels ?? {}) &&
    sameRecord(have.metadata.annotations, want.metadata.annotations ?? {})
  );
}

/** `fresh` written over the identity (name, uid, resourceVersion) of `old`. */
function reuse(fresh: EndpointSlice, old: EndpointSlice): EndpointSlice {
  const { generateName: _g, ...meta } = fresh.metadata;
  return {
    ...fresh,
    metadata: {
      ...meta,
      name: old.metadata.name,
      uid: old.metadata.uid,
      resourceVersion: old.metadata.resourceVersion,
      creationTimestamp: old.metadata.creationTimestamp,
    },
  };
}
