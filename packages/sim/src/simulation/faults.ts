/**
 * Fault injection (`sim.faults`): power loss, control-plane partitions, container crashes,
 * readiness failures and zone outages, now or on a schedule given as plain data.
 * @packageDocumentation
 */
import {
  NotFoundError,
  ScenarioError,
  normalizeKey,
  parseDuration,
  parseTimestamp,
  type Duration,
  type Pod,
} from '@kubesim/core';
import type { Kubelet } from '../kubelet/index.js';
import type { FaultHost } from '../world/index.js';
import type { MetricsRecorder } from '../traffic/metrics.js';
import { horizon, requireDuration, requireString } from './guards.js';

/** The faults of a simulation. */
export interface Faults {
  /** Power loss: the kubelet stops (no heartbeats), the node's pods stop answering (timeouts). */
  crashNode(name: string): void;
  /** Power is back: the kubelet restarts, renews its lease, restarts its pods' containers. */
  recoverNode(name: string): void;
  /**
   * The node is cut from the control plane: no heartbeats reach it, its kubelet and kube-proxy
   * stop seeing API changes (frozen views), but its pods keep running and serve whoever reaches them.
   */
  partitionNode(name: string): void;
  /** The partition ends: the node's watches relist and its heartbeats resume. */
  healNode(name: string): void;
  /** The pod's main container crashes (exit 137); restartPolicy and CrashLoopBackOff apply. */
  killPod(podKey: string): void;
  /** The pod's readiness probe starts failing, for `d` or until the end of the run. */
  failReadiness(podKey: string, d?: Duration): void;
  /** Every node of the zone loses power, for `d` or until recovered. */
  zoneOutage(zone: string, d?: Duration): void;
  /** Schedules faults given as data (absolute times); see {@link FaultSpec}. */
  schedule(faults: readonly FaultSpec[]): void;
}

/** A fault as data: what, on what, when (absolute virtual time) and for how long. */
export interface FaultSpec {
  readonly at: Duration;
  readonly type: 'crashNode' | 'partitionNode' | 'killPod' | 'failReadiness' | 'zoneOutage';
  /** A node name, a pod key or a zone. */
  readonly target: string;
  /** How long it lasts; then the node recovers or heals, or readiness comes back. */
  readonly duration?: Duration;
}

const ZONE = 'topology.kubernetes.io/zone';

const FAULT_TYPES: readonly FaultSpec['type'][] = [
  'crashNode',
  'partitionNode',
  'killPod',
  'failReadiness',
  'zoneOutage',
];

/** Builds `sim.faults` over the World's fault face; black-hole windows go to `metrics`. */
export function createFaults(world: FaultHost, metrics: MetricsRecorder): Faults {
  const kubelet = (name: string): Kubelet => {
    requireString('faults: node name', name);
    if (world.store.get('Node', name) === undefined)
      throw new NotFoundError(`nodes "${name}" not found`);
    const k = world.kubelets.get(name) as Kubelet | undefined;
    if (k === undefined) throw new NotFoundError(`node ${name} has no kubelet`);
    return k;
  };
  const podKubelet = (podKey: string): [Kubelet, string] => {
    requireString('faults: pod key', podKey);
    const key = normalizeKey('Pod', podKey).key;
    const pod: Pod | undefined = world.store.get('Pod', key);
    if (pod?.spec.nodeName === undefined)
      throw new NotFoundError(`pod ${key} is not running on a node`);
    return [kubelet(pod.spec.nodeName), key];
  };
  const heartbeatsStop = (name: string, k: Kubelet): void => {
    const node = world.store.get('Node', name);
    const created =
      node === undefined
        ? 0
        : (parseTimestamp(node.metadata.creationTimestamp) ?? world.config.startTime) -
          world.config.startTime;
    world.nodeLifecycle.heartbeatsStopped(name, k.lastLeaseRenewal(world.now) ?? created);
  };
  const openBlackHoles = (name: string): void => {
    for (const pod of world.store.podsOnNode(name)) {
      const ip = pod.status.podIP;
      if (ip === undefined) continue;
      const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
      for (const svc of world.store.servicesSelecting(
        pod.metadata.namespace,
        pod.metadata.labels,
      )) {
        metrics.openWindow(`${svc.metadata.namespace}/${svc.metadata.name}`, ip, key, world.now);
      }
    }
    world.afterProxySync();
  };

  const faults: Faults = {
    crashNode(name) {
      const k = kubelet(name);
      if (world.nodesDown.has(name)) return;
      world.traceActivity('fault', 'CrashNode', { node: name });
      heartbeatsStop(name, k);
      world.setNodeDown(name, true);
      k.stop(world.now);
      openBlackHoles(name);
      world.external?.powerChanged(name);
    },
    recoverNode(name) {
      const k = kubelet(name);
      if (!world.nodesDown.has(name)) return;
      world.traceActivity('fault', 'RecoverNode', { node: name });
      world.setNodeDown(name, false);
      // The kubelet's own writes (lease, node and pod status): trusted, even when a user's
      // callback called the fault.
      world.withCause(`kubelet/${name}`, () => {
        world.store.trusted(() => {
          k.restart();
        });
      });
      world.external?.powerChanged(name);
      if (!world.nodesPartitioned.has(name)) world.nodeLifecycle.heartbeatsResumed(name);
    },
    partitionNode(name) {
      const k = kubelet(name);
      if (world.nodesPartitioned.has(name)) return;
      world.traceActivity('fault', 'PartitionNode', { node: name });
      if (!world.nodesDown.has(name)) heartbeatsStop(name, k);
      world.setNodePartitioned(name, true);
      world.proxies.freeze(name);
      world.external?.proxiesSynced();
    },
    healNode(name) {
      kubelet(name);
      if (!world.nodesPartitioned.has(name)) return;
      world.traceActivity('fault', 'HealNode', { node: name });
      world.setNodePartitioned(name, false);
      world.proxies.unfreeze(name);
      world.external?.proxiesSynced();
      world.relistKubelet(name);
      if (!world.nodesDown.has(name)) world.nodeLifecycle.heartbeatsResumed(name);
      world.afterProxySync();
    },
    killPod(podKey) {
      const [k, key] = podKubelet(podKey);
      world.traceActivity('fault', 'KillPod', { pod: key });
      world.withCause(`kubelet/${k.nodeName}`, () => {
        world.store.trusted(() => {
          k.killContainer(key);
        });
      });
    },
    failReadiness(podKey, d) {
      const ms = d === undefined ? undefined : requireDuration('failReadiness(d)', d);
      const [k, key] = podKubelet(podKey);
      world.traceActivity('fault', 'FailReadiness', { pod: key });
      world.withCause(`kubelet/${k.nodeName}`, () => {
        world.store.trusted(() => {
          k.failReadiness(key, ms);
        });
      });
    },
    zoneOutage(zone, d) {
      requireString('zoneOutage(zone)', zone);
      // The end is checked before anything crashes: a bad duration changes nothing.
      const end = d === undefined ? undefined : horizon('zoneOutage(d)', world.now, d);
      const nodes = world.store.list('Node').filter((n) => n.metadata.labels?.[ZONE] === zone);
      if (nodes.length === 0) throw new NotFoundError(`no node is in zone ${zone}`);
      for (const n of nodes) faults.crashNode(n.metadata.name);
      if (end !== undefined) {
        world.schedule(end, `fault zoneOutage ${zone} ends`, faults, (own) => {
          for (const n of nodes) own.recoverNode(n.metadata.name);
        });
      }
    },
    schedule(list) {
      if (!Array.isArray(list)) {
        throw new ScenarioError('faults', 'must be an array of { at, type, target, duration? }');
      }
      // Every fault is checked before any is scheduled: a bad one schedules nothing.
      const checked = list.map((f: FaultSpec, i) => {
        const path = `faults[${i}]`;
        const raw: unknown = f;
        if (raw === null || typeof raw !== 'object') {
          throw new ScenarioError(path, 'must be an object');
        }
        if (!FAULT_TYPES.includes(f.type)) {
          throw new ScenarioError(`${path}.type`, `must be one of ${FAULT_TYPES.join(', ')}`);
        }
        if (typeof f.target !== 'string' || f.target === '') {
          throw new ScenarioError(`${path}.target`, 'must be a non-empty string');
        }
        try {
          const at = parseDuration(f.at);
          const duration = f.duration === undefined ? undefined : parseDuration(f.duration);
          if (at + (duration ?? 0) > Number.MAX_SAFE_INTEGER) {
            throw new RangeError('ends after the largest instant virtual time keeps exact');
          }
          return { f, at, duration };
        } catch (err) {
          throw new ScenarioError(path, err instanceof Error ? err.message : String(err));
        }
      });
      for (const { f, at, duration } of checked) {
        world.schedule(at, `fault ${f.type} ${f.target}`, faults, (own) => {
          applyFault(own, f.type, f.target, duration);
        });
      }
    },
  };
  hosts.set(faults, world);
  return faults;
}

/**
 * The World face each `Faults` acts on. Scheduled faults are owned by their `Faults` (a fork has
 * its own) and find the face here, so they capture nothing of one simulation.
 */
const hosts = new WeakMap<Faults, FaultHost>();

function applyFault(
  faults: Faults,
  type: FaultSpec['type'],
  target: string,
  duration: number | undefined,
): void {
  const later = (label: string, fn: (own: Faults) => void): void => {
    const world = hosts.get(faults);
    if (duration !== undefined && world !== undefined) {
      world.schedule(world.now + duration, label, faults, fn);
    }
  };
  switch (type) {
    case 'crashNode':
      faults.crashNode(target);
      later(`fault recoverNode ${target}`, (own) => {
        own.recoverNode(target);
      });
      return;
    case 'partitionNode':
      faults.partitionNode(target);
      later(`fault healNode ${target}`, (own) => {
        own.healNode(target);
      });
      return;
    case 'killPod':
      faults.killPod(target);
      return;
    case 'failReadiness':
      faults.failReadiness(target, duration);
      return;
    case 'zoneOutage':
      faults.zoneOutage(target, duration);
      return;
  }
}
