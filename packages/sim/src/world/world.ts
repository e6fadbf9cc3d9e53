/**
 * The World: the internal state of one simulation — virtual clock, event queue, random streams,
 * the API server, controller runtimes, node agents, kube-proxy views and the trace. Never exported;
 * users hold the `Simulation` handle (STYLE.md, after turmoil's `Sim` over `World`).
 * @packageDocumentation
 */
import {
  BudgetExceededError,
  Store,
  type Controller,
  type Node,
  type Pod,
  type ProxyState,
  type Service,
  type StoreEvent,
} from '@kubesim/core';
import {
  Clock,
  EventQueue,
  RandomStreams,
  createIdSource,
  delaySampler,
  type RandomStream,
  type SimConfig,
} from '../engine/index.js';
import type { AgentHost, NodeAgent, ScheduledId } from './agentHost.js';
import { ControllerRuntime } from './controllerRuntime.js';
import { diffPatches } from './diffPatches.js';
import { NodeHost } from './nodeHost.js';
import { NodeIpam } from './nodeIpam.js';
import { ProxyFleet } from './proxyFleet.js';
import { TraceLog } from './trace.js';
import { MetricsRecorder } from '../traffic/metrics.js';
import { NodeLifecycleController } from '../nodelifecycle/index.js';
import type { ExternalTraffic } from '../external/externalTraffic.js';

/** True when `view` still has `ip` as a usable endpoint of `serviceKey` (ready, or serving and terminating). */
function routesTo(view: ProxyState, serviceKey: string, ip: string): boolean {
  for (const slice of view.slicesOf(serviceKey)) {
    for (const e of slice.endpoints) {
      if (!e.addresses.includes(ip)) continue;
      // A user-written endpoint may omit conditions: nil ready/serving mean true (§3.8).
      const c = (e.conditions as typeof e.conditions | undefined) ?? {};
      const ready = c.ready ?? true;
      const serving = c.serving ?? true;
      if (ready || (serving && (c.terminating ?? false))) return true;
    }
  }
  return false;
}

/** A node agent the World drives: the kubelet. */
export interface KubeletAgent extends NodeAgent {
  /** The node got its pod CIDR from node IPAM. */
  setPodCIDR(cidr: string): void;
  /** The Node object is gone, or the node lost power: stop everything, write nothing more. */
  stop?(now: number): void;
  /** True when the pod's main containers are running on this node (they accept connections). */
  isContainerRunning?(podKey: string): boolean;
  /** True when the pod's application accepts connections (running, past its `listenAfter`). */
  isListening?(podKey: string): boolean;
}

/** Builds the kubelet of a node. */
export type KubeletFactory = (
  host: AgentHost,
  nodeName: string,
  podCIDR: string | undefined,
) => KubeletAgent;

/** How to build a World. */
export interface WorldOptions {
  readonly seed: string;
  readonly config: SimConfig;
  /** Controllers in the order they are registered (ties at one instant run in this order). */
  readonly controllers: (world: World) => readonly Controller[];
  readonly kubelet: KubeletFactory;
  /** Keep trace entries in memory (the hash is always kept). @defaultValue true */
  readonly keepTrace?: boolean;
}

interface Task {
  readonly label: string;
  readonly run: () => void;
}

/** A user watch registered through `Simulation.watch`. */
export interface UserWatch {
  readonly kind: string;
  readonly delay: () => number;
  readonly filter: (ev: StoreEvent) => boolean;
  readonly handler: (ev: StoreEvent) => void;
  active: boolean;
}

/** Internal state of a simulation. */
export class World implements AgentHost {
  readonly config: SimConfig;
  readonly seed: string;
  readonly clock: Clock;
  readonly queue = new EventQueue<Task>();
  readonly streams: RandomStreams;
  readonly store: Store;
  readonly trace: TraceLog;
  readonly runtimes: ControllerRuntime[] = [];
  readonly kubelets = new Map<string, KubeletAgent>();
  /** Each node's view of the simulation (holds its writes while it is cut off). */
  readonly nodeHosts = new Map<string, NodeHost>();
  readonly proxies: ProxyFleet;
  readonly ipam: NodeIpam;
  readonly userWatches: UserWatch[] = [];
  readonly metrics = new MetricsRecorder();
  /** The node lifecycle controller, driven lazily by heartbeat changes. */
  readonly nodeLifecycle: NodeLifecycleController;
  /** Labels of scheduled tasks that settle waits for (non-periodic), by id. */
  readonly #settling = new Map<number, string>();
  readonly #kubeletFactory: KubeletFactory;
  readonly #kubeletDelay: () => number;
  readonly proxyWatchDelay: () => number;
  #cause = 'user';
  #eventsAt = -1;
  #eventsThisInstant = 0;
  /** Pod IP → pod key, for routing to backends and to pod IPs. */
  readonly podsByIP = new Map<string, string>();
  /** ClusterIP → the Service's first port, for connections that name no port. */
  readonly firstPortByClusterIP = new Map<string, number>();
  /** Node name and node IPs → node name, for NodePort targets. */
  readonly nodesByAddress = new Map<string, string>();
  /** Nodes without power (crashNode): no heartbeats, pods unreachable. */
  readonly nodesDown = new Set<string>();
  /** Nodes cut off from the control plane (partitionNode): frozen views, pods still serve. */
  readonly nodesPartitioned = new Set<string>();
  /** Tasks run so far. */
  eventsProcessed = 0;
  /** Cloud load balancers and the ingress controller, once installed (outside traffic). */
  external: ExternalTraffic | undefined;
  /** Handles `evict` actions; installed by the failover layer. */
  evictHandler: ((podKey: string) => void) | undefined;

  constructor(options: WorldOptions) {
    this.config = options.config;
    this.seed = options.seed;
    this.clock = new Clock(this.config.startTime);
    this.streams = new RandomStreams(options.seed);
    this.trace = new TraceLog(options.keepTrace ?? true);
    this.ipam = new NodeIpam(this.config.clusterCIDR, this.config.nodeCIDRMaskSize);
    this.#kubeletFactory = options.kubelet;
    this.#kubeletDelay = delaySampler(this.config.kubeletWatchDelay, this.streams, 'watch/kubelet');
    this.proxyWatchDelay = delaySampler(
      this.config.proxyWatchDelay,
      this.streams,
      'watch/kube-proxy',
    );
    this.store = new Store({
      config: this.config,
      ids: createIdSource(this.streams),
      random: this.streams.stream('apiserver/allocation'),
      clock: () => this.clock.now,
    });
    this.proxies = new ProxyFleet(this);
    this.nodeLifecycle = new NodeLifecycleController(this);
    const controllerDelay = delaySampler(
      this.config.controllerWatchDelay,
      this.streams,
      'watch/controllers',
    );
    for (const controller of options.controllers(this)) {
      this.runtimes.push(new ControllerRuntime(this, controller, controllerDelay));
    }
    this.store.watch((ev) => {
      this.#onStoreEvent(ev);
    });
    // Controllers list existing objects when they start, like informers (the bootstrap objects).
    for (const kind of ['Namespace', 'Service', 'Endpoints', 'EndpointSlice'] as const) {
      for (const object of this.store.list(kind)) {
        const key =
          object.metadata.namespace === undefined
            ? object.metadata.name
            : `${object.metadata.namespace}/${object.metadata.name}`;
        const ev: StoreEvent = {
          type: 'ADDED',
          kind,
          key,
          object,
          resourceVersion: this.store.resourceVersion,
        };
        for (const rt of this.runtimes) rt.observe(ev);
        if (kind === 'Service' || kind === 'EndpointSlice') this.proxies.observe(ev);
      }
    }
  }

  get now(): number {
    return this.clock.now;
  }

  /**
   * Registers one more controller (user-written controllers, tests). It sees changes from now on,
   * like an informer started late, after a list of the current objects.
   */
  addController(controller: Controller): ControllerRuntime {
    const delay = delaySampler(this.config.controllerWatchDelay, this.streams, 'watch/controllers');
    // A user's controller: its writes are validated like any user write.
    const rt = new ControllerRuntime(this, controller, delay, false);
    this.runtimes.push(rt);
    return rt;
  }

  /** The cause written into trace entries of changes made inside `fn`. */
  withCause<T>(cause: string, fn: () => T): T {
    const prev = this.#cause;
    this.#cause = cause;
    try {
      // A user's call (apply, update, a callback of \`at\`, …) is validated even when it runs
      // inside a task of the engine, whose own writes are trusted.
      return cause === 'user' ? this.store.untrusted(fn) : fn();
    } finally {
      this.#cause = prev;
    }
  }

  schedule(at: number, label: string, fn: () => void, opts?: { periodic?: boolean }): ScheduledId {
    const time = Math.max(at, this.clock.now);
    const id = this.queue.push(time, { label, run: fn });
    if (opts?.periodic !== true) this.#settling.set(id, label);
    return id;
  }

  cancel(id: ScheduledId): boolean {
    this.#settling.delete(id);
    return this.queue.cancel(id);
  }

  random(stream: string): RandomStream {
    return this.streams.stream(stream);
  }

  /** True when something settle waits for is scheduled. */
  get unsettled(): boolean {
    return this.#settling.size > 0;
  }

  /** Labels of what settle still waits for (first few, for error messages). */
  pendingLabels(limit = 5): string[] {
    const labels = [...this.#settling.values()];
    const counts = new Map<string, number>();
    for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
    return [...counts.entries()].slice(0, limit).map(([l, n]) => (n > 1 ? `${l} (×${n})` : l));
  }

  /** Runs the next scheduled task; false when the queue is empty. */
  step(): boolean {
    const seq = this.queue.peekSeq();
    const time = this.queue.peekTime();
    if (seq === undefined || time === undefined) return false;
    const task = this.queue.pop();
    if (task === undefined) return false;
    this.#settling.delete(seq);
    this.clock.advanceTo(time);
    this.#countEvent(task.label);
    this.eventsProcessed += 1;
    // The first word of a task's label names who acts (`kubelet/node-1 …`, `fault …`,
    // `node-lifecycle-controller …`): changes it makes are traced with that cause.
    const space = task.label.indexOf(' ');
    // Tasks are the engine's own work (controllers, kubelets, node lifecycle): their writes are
    // trusted; user callbacks inside them mark themselves (withCause('user'), user controllers).
    this.store.trusted(() => {
      this.withCause(space < 0 ? task.label : task.label.slice(0, space), task.run);
    });
    return true;
  }

  /** Runs every task due at or before `t`, then moves the clock to `t`. */
  runTo(t: number): void {
    for (
      let next = this.queue.peekTime();
      next !== undefined && next <= t;
      next = this.queue.peekTime()
    ) {
      this.step();
    }
    this.clock.advanceTo(Math.max(t, this.clock.now));
  }

  #countEvent(label: string): void {
    const now = this.clock.now;
    if (this.#eventsAt !== now) {
      this.#eventsAt = now;
      this.#eventsThisInstant = 0;
    }
    this.#eventsThisInstant += 1;
    if (this.#eventsThisInstant > this.config.maxEventsPerInstant) {
      throw new BudgetExceededError(
        `more than ${this.config.maxEventsPerInstant} events at t=${now} ms without time advancing; the last was "${label}"`,
        'engine',
        label,
      );
    }
  }

  /** Appends an activity entry (not an object change) to the trace. */
  traceActivity(cause: string, type: string, detail?: Record<string, unknown>): void {
    this.trace.append({ t: this.clock.now, cause, type, ...(detail ? { detail } : {}) });
  }

  /** Controller runtimes by the kind they watch, in registration order (fan-out by interest). */
  readonly #byKind = new Map<string, ControllerRuntime[]>();
  #byKindFor = 0;

  /** The runtimes whose controller may want keys for a change of `kind` (`Controller.kinds`). */
  #runtimesFor(kind: string): readonly ControllerRuntime[] {
    if (this.#byKindFor !== this.runtimes.length) {
      this.#byKind.clear();
      this.#byKindFor = this.runtimes.length;
    }
    let list = this.#byKind.get(kind);
    if (list === undefined) {
      list = this.runtimes.filter(
        (rt) => rt.controller.kinds === undefined || rt.controller.kinds.includes(kind),
      );
      this.#byKind.set(kind, list);
    }
    return list;
  }

  #onStoreEvent(ev: StoreEvent): void {
    this.trace.append({
      t: this.clock.now,
      cause: this.#cause,
      type: ev.type,
      kind: ev.kind,
      key: ev.key,
      rv: ev.resourceVersion,
      ...(ev.type === 'MODIFIED' && ev.oldObject !== undefined
        ? { patches: diffPatches(ev.oldObject, ev.object) }
        : ev.type === 'ADDED'
          ? { object: ev.object }
          : {}),
    });
    for (const rt of this.#runtimesFor(ev.kind)) rt.observe(ev);
    switch (ev.kind) {
      case 'Pod':
        this.#indexPodIP(ev);
        this.#deliverToKubelet(ev);
        break;
      case 'Node':
        this.#onNodeEvent(ev);
        break;
      case 'Service':
        this.#indexService(ev);
        this.proxies.observe(ev);
        break;
      case 'EndpointSlice': {
        this.proxies.observe(ev);
        const svc = MetricsRecorder.serviceOfSlice(ev);
        if (svc !== undefined) {
          const [ns = 'default', name = ''] = svc.split('/');
          this.metrics.recordReady(svc, this.clock.now, this.store.slicesOfService(ns, name));
        }
        break;
      }
      default:
        break;
    }
    this.external?.observe(ev);
    for (const w of this.userWatches) {
      if (!w.active || w.kind !== ev.kind || !w.filter(ev)) continue;
      const delay = w.delay();
      this.schedule(this.clock.now + delay, `watch ${ev.kind}`, () => {
        if (w.active) w.handler(ev);
      });
    }
  }

  /**
   * Closes the black-hole windows whose backend no live node's kube-proxy routes to any more.
   * Called after every kube-proxy sync and view change.
   */
  checkBlackHoles(): void {
    const open = [...this.metrics.openWindows()];
    if (open.length === 0) return; // the common case: nothing to check on a proxy sync
    const views = new Set<ProxyState>();
    for (const name of this.kubelets.keys()) {
      if (!this.nodesDown.has(name)) views.add(this.proxies.stateFor(name));
    }
    for (const [svc, w] of open) {
      let routed = false;
      for (const view of views) {
        if (routesTo(view, svc, w.ip)) {
          routed = true;
          break;
        }
      }
      if (!routed) w.end = this.clock.now;
    }
  }

  #indexService(ev: StoreEvent): void {
    const svc = ev.object as Service;
    const oldIP = (ev.oldObject as Service | undefined)?.spec.clusterIP;
    if (oldIP !== undefined) this.firstPortByClusterIP.delete(oldIP);
    const ip = svc.spec.clusterIP;
    const port = svc.spec.ports[0]?.port;
    if (ev.type !== 'DELETED' && ip !== undefined && ip !== 'None' && port !== undefined) {
      this.firstPortByClusterIP.set(ip, port);
    }
  }

  #indexPodIP(ev: StoreEvent): void {
    const pod = ev.object as Pod;
    const oldIP = (ev.oldObject as Pod | undefined)?.status.podIP;
    const ip = ev.type === 'DELETED' ? undefined : pod.status.podIP;
    if (oldIP !== undefined && oldIP !== ip && this.podsByIP.get(oldIP) === ev.key) {
      this.podsByIP.delete(oldIP);
    }
    if (ev.type === 'DELETED' && pod.status.podIP !== undefined) {
      if (this.podsByIP.get(pod.status.podIP) === ev.key) this.podsByIP.delete(pod.status.podIP);
    }
    if (ip !== undefined) this.podsByIP.set(ip, ev.key);
  }

  /** Pod events a partitioned node's kubelet has not seen, latest per pod. */
  readonly #missed = new Map<string, Map<string, StoreEvent>>();

  /** The node's watch reconnects: its kubelet gets the latest state of every pod it missed. */
  relistKubelet(node: string): void {
    // The kubelet's held status writes go first (its status manager syncs on reconnect), then it
    // sees what it missed.
    this.withCause(`kubelet/${node}`, () => {
      this.nodeHosts.get(node)?.flushHeld();
    });
    const missed = this.#missed.get(node);
    this.#missed.delete(node);
    if (missed === undefined) return;
    for (const ev of missed.values()) this.#deliverToKubelet(ev);
  }

  #deliverToKubelet(ev: StoreEvent): void {
    const pod = ev.object as Pod;
    const old = ev.oldObject as Pod | undefined;
    const node = pod.spec.nodeName ?? old?.spec.nodeName;
    if (node === undefined) return;
    const kubelet = this.kubelets.get(node);
    if (kubelet === undefined) return;
    if (this.nodesPartitioned.has(node)) {
      let missed = this.#missed.get(node);
      if (missed === undefined) {
        missed = new Map();
        this.#missed.set(node, missed);
      }
      missed.set(ev.key, ev);
      return;
    }
    const delay = this.#kubeletDelay();
    this.schedule(this.clock.now + delay, `kubelet/${node} watch ${ev.key}`, () => {
      this.withCause(`kubelet/${node}`, () => {
        kubelet.onPodEvent(ev);
      });
    });
  }

  #onNodeEvent(ev: StoreEvent): void {
    const node = ev.object as Node;
    const name = node.metadata.name;
    for (const a of (ev.oldObject as Node | undefined)?.status.addresses ?? []) {
      this.nodesByAddress.delete(a.address);
    }
    if (ev.type !== 'DELETED') {
      this.nodesByAddress.set(name, name);
      for (const a of node.status.addresses ?? []) this.nodesByAddress.set(a.address, name);
    } else {
      this.nodesByAddress.delete(name);
    }
    if (ev.type === 'DELETED') {
      this.nodeLifecycle.nodeDeleted(name);
      const kubelet = this.kubelets.get(name);
      this.kubelets.delete(name);
      kubelet?.stop?.(this.clock.now);
      this.nodeHosts.delete(name);
      this.ipam.release(name);
      return;
    }
    if (ev.type !== 'ADDED') return;
    this.nodeLifecycle.nodeAdded(name);
    const written = node.spec.podCIDR;
    if (written !== undefined) this.ipam.occupy(name, written);
    const host = new NodeHost(this, name);
    this.nodeHosts.set(name, host);
    const kubelet = this.#kubeletFactory(host, name, written);
    this.kubelets.set(name, kubelet);
    if (written === undefined) {
      // The node IPAM controller assigns a CIDR once it sees the node.
      this.schedule(this.clock.now, `nodeipam ${name}`, () => {
        this.#assignPodCIDR(name);
      });
    }
  }

  #assignPodCIDR(name: string): void {
    const node = this.store.get('Node', name);
    if (node === undefined || node.spec.podCIDR !== undefined) return;
    const cidr = this.ipam.allocate(name);
    this.withCause('node-ipam-controller', () => {
      if (cidr === undefined) {
        this.store.recordEvent(
          { kind: 'Node', key: name },
          'Normal',
          'CIDRNotAvailable',
          `Node ${name} status is now: CIDRNotAvailable`,
        );
        return;
      }
      this.store.update({ ...node, spec: { ...node.spec, podCIDR: cidr, podCIDRs: [cidr] } });
    });
    if (cidr !== undefined) this.kubelets.get(name)?.setPodCIDR(cidr);
  }
}
