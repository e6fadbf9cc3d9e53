/**
 * Builders of stored objects for unit tests (internal; not exported from the package). They build
 * what admission would have produced, without going through the store.
 * @packageDocumentation
 */
import type { EndpointSlice, Endpoint, EndpointPort } from '../objects/discovery.js';
import type { Node } from '../objects/node.js';
import type { Container, Pod, PodPhase } from '../objects/pod.js';
import type { Service, ServicePort, ServiceSpec } from '../objects/service.js';
import { formatTimestamp, DEFAULT_START_TIME_MS } from '../time.js';

let counter = 0;
const nextUid = (): string => {
  counter += 1;
  return `fixture-uid-${counter}`;
};

const T0 = formatTimestamp(DEFAULT_START_TIME_MS);

/** Options of {@link makePod}. */
export interface PodFixture {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  /** Pod IP; omit for a pod that has none yet. */
  ip?: string;
  nodeName?: string;
  /** Ready condition: true, false, or undefined for no Ready condition. */
  ready?: boolean;
  /** Sets metadata.deletionTimestamp. */
  deleting?: boolean;
  phase?: PodPhase;
  containers?: Container[];
  hostname?: string;
  subdomain?: string;
  uid?: string;
}

/** A stored Pod as admission and the kubelet would leave it. */
export function makePod(o: PodFixture): Pod {
  const phase: PodPhase = o.phase ?? (o.ip === undefined ? 'Pending' : 'Running');
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: o.name,
      namespace: o.namespace ?? 'default',
      uid: o.uid ?? nextUid(),
      resourceVersion: '1',
      creationTimestamp: T0,
      ...(o.labels ? { labels: o.labels } : {}),
      ...(o.deleting === true
        ? {
            deletionTimestamp: formatTimestamp(DEFAULT_START_TIME_MS + 30_000),
            deletionGracePeriodSeconds: 30,
          }
        : {}),
    },
    spec: {
      containers: o.containers ?? [
        {
          name: 'app',
          image: 'nginx',
          ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }],
        },
      ],
      tolerations: [],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      ...(o.nodeName !== undefined ? { nodeName: o.nodeName } : {}),
      ...(o.hostname !== undefined ? { hostname: o.hostname } : {}),
      ...(o.subdomain !== undefined ? { subdomain: o.subdomain } : {}),
    },
    status: {
      phase,
      ...(o.ip !== undefined ? { podIP: o.ip, podIPs: [{ ip: o.ip }] } : {}),
      ...(o.ready !== undefined
        ? { conditions: [{ type: 'Ready', status: o.ready ? 'True' : 'False' }] }
        : {}),
    },
  };
}

/** Options of {@link makeService}. */
export interface ServiceFixture {
  name: string;
  namespace?: string;
  selector?: Record<string, string>;
  ports?: Partial<ServicePort>[];
  clusterIP?: string;
  labels?: Record<string, string>;
  uid?: string;
  spec?: Partial<ServiceSpec>;
}

/** A stored Service (ClusterIP unless `spec.type` says otherwise). */
export function makeService(o: ServiceFixture): Service {
  const ports: ServicePort[] = (o.ports ?? [{ port: 80, targetPort: 8080 }]).map((p) => ({
    protocol: p.protocol ?? 'TCP',
    port: p.port ?? 80,
    targetPort: p.targetPort ?? p.port ?? 80,
    ...(p.name !== undefined ? { name: p.name } : {}),
    ...(p.nodePort !== undefined ? { nodePort: p.nodePort } : {}),
  }));
  const clusterIP = o.clusterIP ?? '10.96.0.100';
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: o.name,
      namespace: o.namespace ?? 'default',
      uid: o.uid ?? nextUid(),
      resourceVersion: '1',
      creationTimestamp: T0,
      ...(o.labels ? { labels: o.labels } : {}),
    },
    spec: {
      type: 'ClusterIP',
      ports,
      clusterIP,
      clusterIPs: [clusterIP],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
      ...(o.selector ? { selector: o.selector } : {}),
      ...o.spec,
    },
    status: {},
  };
}

/** A stored Node, Ready, with an optional zone label. */
export function makeNode(name: string, zone?: string): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      uid: nextUid(),
      resourceVersion: '1',
      creationTimestamp: T0,
      labels: {
        'kubernetes.io/hostname': name,
        ...(zone !== undefined ? { 'topology.kubernetes.io/zone': zone } : {}),
      },
    },
    spec: {},
    status: {
      capacity: { cpu: '4', memory: '16Gi', pods: '110' },
      allocatable: { cpu: '4', memory: '16Gi', pods: '110' },
      conditions: [{ type: 'Ready', status: 'True' }],
    },
  };
}

/** A stored EndpointSlice for `service` with the given endpoints and ports. */
export function makeSlice(
  name: string,
  serviceName: string,
  endpoints: Endpoint[],
  ports: EndpointPort[] = [{ name: '', port: 8080, protocol: 'TCP' }],
  namespace = 'default',
  managedBy = 'endpointslice-controller.k8s.io',
): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name,
      namespace,
      uid: nextUid(),
      resourceVersion: '1',
      creationTimestamp: T0,
      labels: {
        'kubernetes.io/service-name': serviceName,
        'endpointslice.kubernetes.io/managed-by': managedBy,
      },
    },
    addressType: 'IPv4',
    endpoints,
    ports,
  };
}
