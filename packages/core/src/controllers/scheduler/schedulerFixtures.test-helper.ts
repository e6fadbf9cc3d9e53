/**
 * Test helpers (not exported): stored-shape nodes and pods, and a cache fed from them.
 * @packageDocumentation
 */
import type { Node, Taint } from '../../objects/node.js';
import type { Pod, Toleration } from '../../objects/pod.js';
import type { RandomSource } from '../../sources.js';
import type { StoreEvent } from '../../store/view.js';
import { SchedulerCache } from './schedulerCache.js';
import type { NodeInfo } from './nodeInfo.js';

/** Node options. */
export interface NodeFixture {
  cpu?: string;
  memory?: string;
  pods?: string;
  labels?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
  zone?: string;
}

/** A stored Node with hostname label and allocatable resources (default 4 cpu, 16Gi, 110 pods). */
export function node(name: string, o: NodeFixture = {}): Node {
  const alloc: Record<string, string> = { cpu: o.cpu ?? '4', memory: o.memory ?? '16Gi' };
  if (o.pods !== undefined) alloc['pods'] = o.pods;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      uid: `uid-${name}`,
      resourceVersion: '1',
      creationTimestamp: '2025-01-01T00:00:00Z',
      labels: {
        'kubernetes.io/hostname': name,
        ...(o.zone !== undefined ? { 'topology.kubernetes.io/zone': o.zone } : {}),
        ...o.labels,
      },
    },
    spec: {
      ...(o.taints !== undefined ? { taints: o.taints } : {}),
      ...(o.unschedulable !== undefined ? { unschedulable: o.unschedulable } : {}),
    },
    status: { capacity: { ...alloc }, allocatable: alloc },
  };
}

/** Pod options. */
export interface PodFixture {
  namespace?: string;
  cpu?: string;
  memory?: string;
  labels?: Record<string, string>;
  nodeName?: string;
  tolerations?: Toleration[];
  hostPort?: number;
  priority?: number;
  spec?: Partial<Pod['spec']>;
  owner?: { kind: string; name: string; uid: string };
}

/** A stored Pod with one container requesting `cpu`/`memory` when given. */
export function pod(name: string, o: PodFixture = {}): Pod {
  const requests: Record<string, string> = {};
  if (o.cpu !== undefined) requests['cpu'] = o.cpu;
  if (o.memory !== undefined) requests['memory'] = o.memory;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: o.namespace ?? 'default',
      uid: `uid-${name}`,
      resourceVersion: '1',
      creationTimestamp: '2025-01-01T00:00:00Z',
      ...(o.labels !== undefined ? { labels: o.labels } : {}),
      ...(o.owner !== undefined
        ? { ownerReferences: [{ apiVersion: 'apps/v1', controller: true, ...o.owner }] }
        : {}),
    },
    spec: {
      containers: [
        {
          name: 'app',
          image: 'nginx',
          ...(Object.keys(requests).length > 0 ? { resources: { requests } } : {}),
          ...(o.hostPort !== undefined
            ? { ports: [{ containerPort: 80, hostPort: o.hostPort, protocol: 'TCP' as const }] }
            : {}),
        },
      ],
      tolerations: o.tolerations ?? [],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      ...(o.nodeName !== undefined ? { nodeName: o.nodeName } : {}),
      ...(o.priority !== undefined ? { priority: o.priority } : {}),
      ...o.spec,
    },
    status: { phase: 'Pending' },
  };
}

/** An ADDED event for a node or pod. */
export function added(obj: Node | Pod): StoreEvent {
  const key =
    obj.kind === 'Node' ? obj.metadata.name : `${obj.metadata.namespace}/${obj.metadata.name}`;
  return { type: 'ADDED', kind: obj.kind, key, object: obj, resourceVersion: 1 };
}

/** A cache that has seen `objects` added, in order. */
export function cacheOf(objects: readonly (Node | Pod)[]): SchedulerCache {
  const cache = new SchedulerCache();
  for (const o of objects) cache.observe(added(o));
  return cache;
}

/** The NodeInfo of `name` in `cache` (throws when missing, to keep tests short). */
export function infoOf(cache: SchedulerCache, name: string): NodeInfo {
  const info = cache.nodeInfo(name);
  if (info === undefined) throw new Error(`no node ${name} in cache`);
  return info;
}

/** A RandomSource that replays `values` (modulo the bound) and records each bound asked. */
export function stubRandom(values: readonly number[]): RandomSource & { bounds: number[] } {
  let i = 0;
  const bounds: number[] = [];
  return {
    bounds,
    nextInt(bound: number) {
      bounds.push(bound);
      const v = values[i % Math.max(1, values.length)] ?? 0;
      i += 1;
      return v % bound;
    },
  };
}
