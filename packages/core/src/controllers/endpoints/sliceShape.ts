/**
 * The fixed parts of a controller-managed EndpointSlice: address types, labels, owner, name
 * prefix and port list (k8s.io/endpointslice utils.go `newEndpointSlice`,
 * `setEndpointSliceLabels`, `getAddressTypesForService`, `getEndpointPorts`, `ownedBy`).
 * @packageDocumentation
 */
import type { EndpointPort, EndpointSlice } from '../../objects/discovery.js';
import type { OwnerReference } from '../../objects/meta.js';
import type { Pod } from '../../objects/pod.js';
import type { Service } from '../../objects/service.js';
import { sortPorts } from './endpointIdentity.js';
import { addressTypeOf, findPort, type IpAddressType } from './podEndpoint.js';
import {
  ENDPOINTSLICE_CONTROLLER_NAME,
  LABEL_HEADLESS,
  LABEL_MANAGED_BY,
  LABEL_SERVICE_NAME,
  RESERVED_SLICE_LABELS,
} from './wellKnown.js';

/** True when the Service has a virtual IP (not headless `None`, not empty). */
export function isServiceIpSet(service: Service): boolean {
  const ip = service.spec.clusterIP;
  return ip !== undefined && ip !== '' && ip !== 'None';
}

/**
 * The address types a Service gets slices for, in the order IPv4, IPv6: one per entry of
 * `spec.ipFamilies`; without families, the family of the ClusterIP; a headless Service without
 * families gets both (upstream's fallback for old API servers).
 */
export function addressTypesForService(service: Service): IpAddressType[] {
  const families = service.spec.ipFamilies ?? [];
  if (families.length > 0) {
    return (['IPv4', 'IPv6'] as const).filter((t) => families.includes(t));
  }
  if (isServiceIpSet(service) && service.spec.clusterIP !== undefined) {
    return [addressTypeOf(service.spec.clusterIP)];
  }
  return ['IPv4', 'IPv6'];
}

/**
 * The labels of a controller-managed slice: the Service's labels except the reserved keys, plus
 * `kubernetes.io/service-name`, `endpointslice.kubernetes.io/managed-by` and, for a Service with
 * no cluster IP, `service.kubernetes.io/headless: ""`.
 */
export function sliceLabelsFor(service: Service): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(service.metadata.labels ?? {})) {
    if (!RESERVED_SLICE_LABELS.includes(k)) labels[k] = v;
  }
  if (!isServiceIpSet(service)) labels[LABEL_HEADLESS] = '';
  labels[LABEL_SERVICE_NAME] = service.metadata.name;
  labels[LABEL_MANAGED_BY] = ENDPOINTSLICE_CONTROLLER_NAME;
  return labels;
}

/** The controller ownerReference a slice carries to its Service. */
export function serviceOwnerReference(service: Service): OwnerReference {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    name: service.metadata.name,
    uid: service.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** True when the slice has an ownerReference to this Service's uid. */
export function sliceOwnedBy(slice: EndpointSlice, service: Service): boolean {
  return (slice.metadata.ownerReferences ?? []).some(
    (o) => o.uid === service.metadata.uid && o.kind === 'Service' && o.apiVersion === 'v1',
  );
}

/**
 * A new, empty slice for the Service. It has no name yet: `metadata.generateName` is `<svc>-` and
 * the store assigns the suffix; `name`, `uid`, `resourceVersion` and `creationTimestamp` are empty
 * strings until then. (Upstream drops the dash when `<svc>-` is not a valid name prefix, which
 * cannot happen for a valid Service name of at most 63 characters.)
 */
export function newServiceSlice(
  service: Service,
  ports: readonly EndpointPort[],
  addressType: IpAddressType,
): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: '',
      generateName: `${service.metadata.name}-`,
      namespace: service.metadata.namespace,
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      labels: sliceLabelsFor(service),
      ownerReferences: [serviceOwnerReference(service)],
    },
    addressType,
    endpoints: [],
    ports: sortPorts(ports),
  };
}

/**
 * The ports a pod serves for the Service, sorted: one per Service port whose targetPort resolves on
 * this pod (see {@link findPort}); `[]` for a headless Service without ports.
 */
export function endpointPortsFor(service: Service, pod: Pod): EndpointPort[] {
  const out: EndpointPort[] = [];
  for (const sp of service.spec.ports) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    out.push({
      name: sp.name ?? '',
      port,
      protocol: sp.protocol,
      ...(sp.appProtocol !== undefined ? { appProtocol: sp.appProtocol } : {}),
    });
  }
  return sortPorts(out);
}
