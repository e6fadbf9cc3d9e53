// Hand-built objects and a tiny read-only source for exact-output tests of the printers: no
// engine, so IP allocation or scheduling changes elsewhere cannot move an expected string.
import { parseSelector, type Kind, type KindMap } from '@kubesim/core';
import type { KubectlSource } from './source.js';

export const T0 = '2025-01-01T00:00:00Z';
/** Epoch ms of T0. */
export const START = 1_735_689_600_000;

type AnyObject = KindMap[Kind];

/** A source over fixed objects at virtual time `now` (ms since T0). */
export function fakeSource(now: number, objects: readonly AnyObject[]): KubectlSource {
  const keyOf = (o: AnyObject): string =>
    o.metadata.namespace === undefined
      ? o.metadata.name
      : `${o.metadata.namespace}/${o.metadata.name}`;
  const source = {
    now,
    get(kind: Kind, key: string) {
      const k =
        key.includes('/') || kind === 'Node' || kind === 'Namespace' ? key : `default/${key}`;
      return objects.find((o) => o.kind === kind && keyOf(o) === k);
    },
    list(kind: Kind, opts: { namespace?: string; labelSelector?: string } = {}) {
      const sel = opts.labelSelector === undefined ? undefined : parseSelector(opts.labelSelector);
      return objects.filter(
        (o) =>
          o.kind === kind &&
          (opts.namespace === undefined || o.metadata.namespace === opts.namespace) &&
          (sel === undefined || sel.matches(o.metadata.labels)),
      );
    },
  };
  return source as unknown as KubectlSource;
}

const meta = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  namespace: 'default',
  uid: `uid-${name}`,
  resourceVersion: '1',
  creationTimestamp: T0,
  ...extra,
});

/** A running one-container pod on `node`. */
export function runningPod(name: string, node: string, ip: string): KindMap['Pod'] {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta(name, { labels: { app: 'web' } }),
    spec: {
      containers: [
        { name: 'web', image: 'nginx', ports: [{ containerPort: 8080, protocol: 'TCP' }] },
      ],
      tolerations: [],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      nodeName: node,
    },
    status: {
      phase: 'Running',
      podIP: ip,
      podIPs: [{ ip }],
      hostIP: '172.16.0.10',
      startTime: T0,
      conditions: [
        { type: 'Ready', status: 'True' },
        { type: 'PodScheduled', status: 'True' },
      ],
      containerStatuses: [
        {
          name: 'web',
          ready: true,
          restartCount: 0,
          state: { running: { startedAt: '2025-01-01T00:00:01Z' } },
        },
      ],
    },
  };
}

/** A ClusterIP Service `web` selecting app=web on port 80 → http. */
export function webService(extra: Partial<KindMap['Service']['spec']> = {}): KindMap['Service'] {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta('web', { labels: { app: 'web', tier: 'front' } }),
    spec: {
      type: 'ClusterIP',
      selector: { app: 'web' },
      ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
      clusterIP: '10.96.0.15',
      clusterIPs: ['10.96.0.15'],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
      ...extra,
    },
    status: {},
  };
}

/** An EndpointSlice of `web` with the given endpoints (ip, ready). */
export function webSlice(
  name: string,
  endpoints: readonly [string, boolean][],
  ports: KindMap['EndpointSlice']['ports'] = [{ name: 'http', port: 8080, protocol: 'TCP' }],
): KindMap['EndpointSlice'] {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: meta(name, { labels: { 'kubernetes.io/service-name': 'web' } }),
    addressType: 'IPv4',
    endpoints: endpoints.map(([ip, ready]) => ({ addresses: [ip], conditions: { ready } })),
    ports,
  };
}

/** A Node with a Ready condition of `ready`. */
export function node(
  name: string,
  ready: 'True' | 'False' | 'Unknown',
  extra: { unschedulable?: boolean; labels?: Record<string, string> } = {},
): KindMap['Node'] {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      uid: `uid-${name}`,
      resourceVersion: '1',
      creationTimestamp: T0,
      labels: { 'kubernetes.io/hostname': name, ...extra.labels },
    },
    spec: extra.unschedulable === true ? { unschedulable: true } : {},
    status: {
      conditions: [{ type: 'Ready', status: ready, reason: 'KubeletReady' }],
      nodeInfo: { kubeletVersion: 'v1.32.0' },
    },
  };
}

/** A Normal event about `kind/name` at `t` (ms since T0). */
export function event(
  kind: string,
  name: string,
  reason: string,
  message: string,
  t: string,
  count = 1,
  first = t,
): KindMap['Event'] {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: meta(`${name}.${reason}`),
    involvedObject: { kind, name, namespace: 'default', uid: `uid-${name}` },
    reason,
    message,
    type: 'Normal',
    source: { component: 'endpoint-controller' },
    firstTimestamp: first,
    lastTimestamp: t,
    count,
  };
}
