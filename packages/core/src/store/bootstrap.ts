/**
 * What a new cluster has before anyone writes to it (DESIGN.md "Bootstrap").
 * @packageDocumentation
 */
import { createObject } from './createObject.js';
import { serviceIPAt } from './validateConfig.js';
import type { StoreCore } from './storeCore.js';

/** The namespaces every cluster starts with. */
export const BOOTSTRAP_NAMESPACES: readonly string[] = [
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
];

/** Index of the cluster DNS address in the Service range (kubeadm `DefaultClusterDNSIP`, .10). */
export const DNS_SERVICE_IP_INDEX = 10;

/**
 * Creates the bootstrap objects through the normal write path: the four namespaces, the
 * `kubernetes` Service at the first address of the Service range (pkg/controlplane
 * `ServiceIPRange`), its EndpointSlice and Endpoints pointing at the simulated apiserver, and the
 * reservation of the DNS address. The caller runs it inside a transaction. These are kubesim's
 * own writes, built from the validated config: trusted (validated only under paranoid).
 */
export function bootstrapCluster(core: StoreCore): void {
  core.trusted(() => {
    bootstrapObjects(core);
  });
}

function bootstrapObjects(core: StoreCore): void {
  const { config } = core;
  for (const name of BOOTSTRAP_NAMESPACES) {
    createObject(core, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }
  core.allocators.reserveClusterIP(serviceIPAt(config.serviceCIDR, DNS_SERVICE_IP_INDEX));
  const clusterIP = serviceIPAt(config.serviceCIDR, 1);
  createObject(core, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { component: 'apiserver', provider: 'kubernetes' },
    },
    spec: {
      type: 'ClusterIP',
      clusterIP,
      clusterIPs: [clusterIP],
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: config.apiServerPort }],
      sessionAffinity: 'None',
    },
  });
  createObject(core, {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { 'kubernetes.io/service-name': 'kubernetes' },
    },
    addressType: config.apiServerAddress.includes(':') ? 'IPv6' : 'IPv4',
    endpoints: [{ addresses: [config.apiServerAddress], conditions: { ready: true } }],
    ports: [{ name: 'https', port: config.apiServerPort, protocol: 'TCP' }],
  });
  createObject(core, {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      // The apiserver's own Endpoints are not mirrored (pkg/controlplane/reconcilers).
      labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' },
    },
    subsets: [
      {
        addresses: [{ ip: config.apiServerAddress }],
        ports: [{ name: 'https', port: config.apiServerPort, protocol: 'TCP' }],
      },
    ],
  });
}
