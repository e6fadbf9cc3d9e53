/**
 * From a pod to an endpoint: which pods are published, their ports and their conditions (§3.B).
 * Mirrors k8s.io/endpointslice utils.go `podToEndpoint`, `FindPort` and util/controller_utils.go
 * `ShouldPodBeInEndpoints`, `ShouldSetHostname`.
 * @packageDocumentation
 */
import type { Endpoint } from '../../objects/discovery.js';
import type { ObjectReference } from '../../objects/meta.js';
import type { Node } from '../../objects/node.js';
import type { Pod } from '../../objects/pod.js';
import type { Service, ServicePort } from '../../objects/service.js';
import { canonicalIP } from '../../validation/canonicalIP.js';
import { LABEL_TOPOLOGY_ZONE } from './wellKnown.js';

/** Address family of an EndpointSlice the controller writes. */
export type IpAddressType = 'IPv4' | 'IPv6';

/**
 * Whether a pod belongs in a Service's endpoints: not in a terminal phase (Succeeded, Failed), has
 * a pod IP, and, unless `includeTerminating`, has no deletionTimestamp. Readiness is not a filter.
 * The EndpointSlice controller passes `true`; the Endpoints controller passes
 * `service.spec.publishNotReadyAddresses`.
 * @example shouldPodBeInEndpoints(terminatingPod, false) === false
 */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') return false;
  const hasIp =
    (pod.status.podIP !== undefined && pod.status.podIP !== '') ||
    (pod.status.podIPs?.length ?? 0) > 0;
  if (!hasIp) return false;
  return includeTerminating || pod.metadata.deletionTimestamp === undefined;
}

/** True when the pod's `Ready` condition is `True`. */
export function isPodReady(pod: Pod): boolean {
  const conditions = pod.status.conditions;
  if (conditions === undefined) return false;
  for (const c of conditions) if (c.type === 'Ready' && c.status === 'True') return true;
  return false;
}

/**
 * The container port a Service port reaches on this pod. A numeric targetPort is used verbatim;
 * a named one resolves to the first container port whose name AND protocol match, searching the
 * regular containers first, then restartable (sidecar) init containers (§2.4). Undefined when the
 * name resolves nowhere: that Service port is then left out for this pod.
 * @example findPort(pod, { port: 80, targetPort: 'http', protocol: 'TCP' }) === 8080
 */
export function findPort(pod: Pod, servicePort: ServicePort): number | undefined {
  const target = servicePort.targetPort;
  if (typeof target === 'number') return target;
  // A numeric string is still a name here: intstr only carries ints as Type=Int.
  const sidecars = (pod.spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always');
  for (const container of [...pod.spec.containers, ...sidecars]) {
    for (const port of container.ports ?? []) {
      if (port.name === target && port.protocol === servicePort.protocol) {
        return port.containerPort;
      }
    }
  }
  return undefined;
}

/**
 * The family of an IP address written in text. An IPv4-mapped IPv6 address (`::ffff:10.0.0.1`)
 * is IPv4, as upstream's `ip.To4() != nil` test has it.
 */
export function addressTypeOf(ip: string): IpAddressType {
  return ip.includes(':') && canonicalIP(ip).includes(':') ? 'IPv6' : 'IPv4';
}

/** The pod's IPs of one family (`status.podIPs`, or `status.podIP` when podIPs is absent). */
export function podAddresses(pod: Pod, addressType: IpAddressType): string[] {
  const ips =
    pod.status.podIPs !== undefined && pod.status.podIPs.length > 0
      ? pod.status.podIPs.map((p) => p.ip)
      : pod.status.podIP !== undefined && pod.status.podIP !== ''
        ? [pod.status.podIP]
        : [];
  return ips.filter((ip) => addressTypeOf(ip) === addressType);
}

/**
 * Whether an endpoint carries the pod's hostname: only when `spec.hostname` is set and
 * `spec.subdomain` names the Service, in the same namespace (util `ShouldSetHostname`).
 */
export function shouldSetHostname(pod: Pod, service: Service): boolean {
  return (
    pod.spec.hostname !== undefined &&
    pod.spec.hostname !== '' &&
    pod.spec.subdomain === service.metadata.name &&
    pod.metadata.namespace === service.metadata.namespace
  );
}

/**
 * The endpoint of a pod in one address family, with the conditions of the §3.B table:
 * `serving` = Ready condition True; `terminating` = deletionTimestamp set;
 * `ready` = publishNotReadyAddresses || (serving && !terminating). `zone` comes from the node's
 * `topology.kubernetes.io/zone` label (omitted when the node is unknown or the label is empty).
 * `addresses` is empty when the pod has no IP of that family (the caller drops such endpoints).
 * Addresses are published in canonical form (`1234::5678:0:0:9abc:def0`), as upstream parses and
 * re-prints each pod IP (utils.go `getEndpointAddresses`); the legacy Endpoints controller keeps
 * the pod's text.
 */
export function podToEndpoint(
  pod: Pod,
  node: Node | undefined,
  service: Service,
  addressType: IpAddressType,
): Endpoint {
  return podToEndpointWithRef(pod, node, service, addressType, {
    kind: 'Pod',
    namespace: pod.metadata.namespace,
    name: pod.metadata.name,
    uid: pod.metadata.uid,
  });
}

/**
 * {@link podToEndpoint} with the pod's targetRef given (`{ kind: 'Pod', namespace, name, uid }` of
 * the pod), for callers that share one frozen targetRef per pod.
 */
export function podToEndpointWithRef(
  pod: Pod,
  node: Node | undefined,
  service: Service,
  addressType: IpAddressType,
  targetRef: ObjectReference,
): Endpoint {
  const serving = isPodReady(pod);
  const terminating = pod.metadata.deletionTimestamp !== undefined;
  const ready = service.spec.publishNotReadyAddresses === true || (serving && !terminating);
  const zone = node?.metadata.labels?.[LABEL_TOPOLOGY_ZONE];
  const nodeName = pod.spec.nodeName;
  return {
    addresses: podAddresses(pod, addressType).map(canonicalIP),
    conditions: { ready, serving, terminating },
    ...(shouldSetHostname(pod, service) && pod.spec.hostname !== undefined
      ? { hostname: pod.spec.hostname }
      : {}),
    targetRef,
    ...(nodeName !== undefined && nodeName !== '' ? { nodeName } : {}),
    ...(zone !== undefined && zone !== '' ? { zone } : {}),
  };
}
