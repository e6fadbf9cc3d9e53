/**
 * The narrow faces of the World: what each part of the simulation outside `world/` may see and do.
 * The World class itself is never handed out; `createWorld` returns a {@link WorldHandle} and the
 * simulation passes each part only the face it needs.
 * @packageDocumentation
 */
import type { WorldForkContext } from './forkContext.js';
import type { Controller, ProxyState, Store, StoreEvent } from '@kubesim/core';
import type { ExternalTraffic } from '../external/externalTraffic.js';
import type { RandomStream, SimConfig } from '../engine/index.js';
import type { AgentHost, KubeletAgent, Scheduled, ScheduledId } from './agentHost.js';
import type { Trace } from './trace.js';

/** A table read by key only. */
export interface Lookup<V> {
  get(key: string): V | undefined;
}

/** Runs `fn` with `cause` written into the trace entries of the changes it makes. */
export type WithCause = <T>(cause: string, fn: () => T) => T;

/** What traffic (connections and steady loads) reads of the simulation. */
export interface TrafficHost extends Pick<AgentHost, 'now' | 'store' | 'schedule' | 'cancel'> {
  random(stream: string): RandomStream;
  readonly withCause: WithCause;
  /** Pod IP → pod key. */
  readonly podsByIP: Lookup<string>;
  /** ClusterIP → the Service's first port. */
  readonly firstPortByClusterIP: Lookup<number>;
  /** Node name and node IPs → node name. */
  readonly nodesByAddress: Lookup<string>;
  /** Nodes without power. */
  readonly nodesDown: ReadonlySet<string>;
  /** The kubelet of each node (whether a pod's containers run). */
  readonly kubelets: ReadonlyMap<string, Pick<KubeletAgent, 'isContainerRunning'>>;
  /** Each node's kube-proxy view. */
  readonly proxies: { stateFor(nodeName: string): ProxyState };
  /** Cloud load balancers and the ingress controller, once installed (outside traffic). */
  readonly external: ExternalTraffic | undefined;
}

/** What the fault injector may do to nodes: power, partitions, heartbeats, kube-proxy views. */
export interface FaultHost extends TrafficHost {
  readonly config: Readonly<SimConfig>;
  readonly nodesPartitioned: ReadonlySet<string>;
  readonly kubelets: ReadonlyMap<string, KubeletAgent>;
  readonly proxies: {
    stateFor(nodeName: string): ProxyState;
    freeze(nodeName: string): void;
    unfreeze(nodeName: string): void;
  };
  readonly nodeLifecycle: {
    heartbeatsStopped(nodeName: string, lastRenewal: number): void;
    heartbeatsResumed(nodeName: string): void;
  };
  setNodeDown(name: string, down: boolean): void;
  setNodePartitioned(name: string, cut: boolean): void;
  /** The node's watch reconnects: its kubelet sees what it missed. */
  relistKubelet(name: string): void;
  /** Appends an activity entry (not an object change) to the trace. */
  traceActivity(cause: string, type: string, detail?: Record<string, unknown>): void;
  /** Tells the proxy-sync listeners that the set of live views changed. */
  afterProxySync(): void;
}

/** What the built-in invariants read: objects, config, node liveness and kube-proxy views. */
export interface InvariantView {
  readonly store: Store;
  readonly config: Readonly<SimConfig>;
  readonly nodesDown: ReadonlySet<string>;
  readonly nodesPartitioned: ReadonlySet<string>;
  /** Nodes that have a kubelet (whether or not they have power), in the order they joined. */
  readonly kubelets: ReadonlyMap<string, unknown>;
  readonly proxies: { stateFor(nodeName: string): ProxyState };
}

/** A user watch registered through `Simulation.watch`. */
export interface UserWatch {
  readonly kind: string;
  readonly delay: () => number;
  readonly filter: (ev: StoreEvent) => boolean;
  readonly handler: (ev: StoreEvent) => void;
  active: boolean;
}

/** What the `Simulation` handle drives: time, the store, watches, controllers and the faces above. */
export interface WorldHandle extends FaultHost {
  readonly seed: string;
  readonly config: Readonly<SimConfig>;
  readonly trace: Trace;
  readonly unsettled: boolean;
  pendingLabels(limit?: number): string[];
  nextEventTime(): number | undefined;
  step(): boolean;
  runTo(t: number): void;
  schedule<O extends object>(
    at: number,
    label: string,
    owner: O,
    fn: Scheduled<O>,
    opts?: { periodic?: boolean },
  ): ScheduledId;
  addController(controller: Controller): unknown;
  addUserWatch(watch: UserWatch): void;
  removeUserWatch(watch: UserWatch): void;
  /** Calls `listener` with every store event, after the World's own handling of it. */
  onStoreEvent(listener: (ev: StoreEvent) => void): void;
  /** Calls `listener` after every kube-proxy sync. */
  onProxySync(listener: () => void): void;
  /** The kube-proxy views of the nodes that have power. */
  liveProxyViews(): Iterable<ProxyState>;
  /**
   * Installs the outside-traffic model: it then sees every store event and every kube-proxy sync
   * (after the listeners above). Installed once; later calls keep the first.
   */
  installExternal(external: ExternalTraffic): ExternalTraffic;
  stats(): {
    events: number;
    traceEntries: number;
    reconciles: Record<string, number>;
    proxySyncs: number;
  };
  /**
   * An independent copy of the World from its current state; `prepare` registers the copies of
   * the owners outside it (see World.fork).
   */
  fork(prepare?: (copy: WorldHandle, ctx: WorldForkContext) => void): WorldHandle;
}
