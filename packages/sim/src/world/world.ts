/**
 * The World: the internal state of one simulation — virtual clock, event queue, random streams,
 * the API server, controller runtimes, node agents, kube-proxy views and the trace. Never exported;
 * users hold the `Simulation` handle (STYLE.md, after turmoil's `Sim` over `World`).
 * @packageDocumentation
 */
import {
  BudgetExceededError,
  InvalidArgumentError,
  NODE_IPAM_CONTROLLER,
  PodCidrBlocks,
  Store,
  planPodCIDR,
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
  RandomStream,
  RandomStreams,
  createIdSource,
  delaySampler,
  type SimConfig,
} from '../engine/index.js';
import type { AgentHost, KubeletFactory, Scheduled, ScheduledId } from './agentHost.js';
import { applyPlan } from './applyPlan.js';
import { ControllerRuntime } from './controllerRuntime.js';
import { NodeAgents } from './nodeAgents.js';
import { NodeHost } from './nodeHost.js';
import { ProxyFleet } from './proxyFleet.js';
import type { Lookup, UserWatch, WorldHandle } from './ports.js';
import { CowTable } from './cowTable.js';
import { TraceLog } from './trace.js';
import { WorldForkContext } from './forkContext.js';
import { NodeLifecycleController } from '../nodelifecycle/index.js';
import type { ExternalTraffic } from '../external/externalTraffic.js';

/** How to build a World. */
export interface WorldOptions {
  readonly seed: string;
  readonly config: SimConfig;
  /** Controllers in the order they are registered (ties at one instant run in this order). */
  readonly controllers: (deps: ControllerDeps) => readonly Controller[];
  /** Performs `evict` actions of controllers' plans (the Eviction API). */
  readonly evict?: (store: Store, podKey: string) => void;
  readonly kubelet: KubeletFactory;
  /** Keep trace entries in memory (the hash is always kept). @defaultValue true */
  readonly keepTrace?: boolean;
}

/**
 * A pending task: what it acts on (`owner`) and what it does to it (`run`, which captures only
 * immutable data). A fork runs the same `run` against its own copy of the owner. A task of a
 * node's agents names their `host`: the owner is copied when the task runs, if the World shares
 * the agents with a fork (see NodeAgents).
 */
interface Task {
  readonly label: string;
  readonly owner: object;
  readonly run: Scheduled<object>;
  readonly host?: NodeHost;
}

/**
 * What building the controllers may use: the resolved config, the named random streams, and the
 * store's events for state the runtime keeps on a controller's behalf (the scheduler's cache).
 */
export interface ControllerDeps {
  readonly config: SimConfig;
  random(stream: string): RandomStream;
  /**
   * Calls `informer.observe` with every store event, in commit order, before any controller sees
   * the event (an informer's cache: the controller is handed it and only reads it). A fork copies
   * the informer with its `fork()` (the controllers' `fork` reach the same copy).
   */
  observeStore(informer: Informer): void;
}

/** A cache kept from store events on a controller's behalf. */
export interface Informer {
  observe(ev: StoreEvent): void;
  fork(): Informer;
}

/** Internal state of a simulation. */
export class World implements AgentHost, WorldHandle {
  readonly config: SimConfig;
  readonly seed: string;
  readonly clock: Clock;
  #queue: EventQueue<Task>;
  readonly streams: RandomStreams;
  readonly store: Store;
  readonly trace: TraceLog;
  readonly runtimes: ControllerRuntime[] = [];
  /**
   * Each node's kubelet and its view of the simulation (a NodeHost, which holds its writes while
   * it is cut off), shared with forks until touched.
   */
  readonly kubelets: NodeAgents;
  readonly proxies: ProxyFleet;
  /** Node IPAM's range: which pod CIDR blocks the Nodes hold, kept from Node events. */
  readonly #podCidrs: PodCidrBlocks;
  readonly #userWatches: UserWatch[] = [];
  readonly #storeListeners: ((ev: StoreEvent) => void)[] = [];
  /** Caches kept for controllers (the scheduler's), fed before the controllers see an event. */
  readonly #informers: Informer[] = [];
  readonly #proxySyncListeners: (() => void)[] = [];
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
  // Lookup tables, shared with forks by shard (copied on write).
  readonly #podsByIP: CowTable<string>;
  readonly #firstPortByClusterIP: CowTable<number>;
  readonly #nodesByAddress: CowTable<string>;
  readonly #nodesDown = new Set<string>();
  readonly #nodesPartitioned = new Set<string>();
  #eventsProcessed = 0;
  /** A task runs (a fork must wait until it returns). */
  #running = false;
  /** Performs `evict` actions of controllers' plans, when the simulation supplied the Eviction API. */
  readonly evictHandler: ((podKey: string) => void) | undefined;
  /** Cloud load balancers and the ingress controller, once installed (outside traffic). */
  #external: ExternalTraffic | undefined;

  readonly #options: WorldOptions;
  /** Every user watch ever added: their deliveries are not carried over to a fork. */
  readonly #watchOwners = new WeakSet<object>();

  /**
   * @param from - the World this one copies, in a fork ({@link World.fork}); `ctx` maps its
   *   objects to their copies.
   */
  constructor(options: WorldOptions, from?: World, ctx?: WorldForkContext) {
    this.#options = options;
    this.config = options.config;
    this.seed = options.seed;
    ctx?.remember(from as World, this);
    this.kubelets = new NodeAgents(this, from?.kubelets);
    this.#podsByIP = from === undefined ? new CowTable() : from.#podsByIP.fork();
    this.#firstPortByClusterIP =
      from === undefined ? new CowTable() : from.#firstPortByClusterIP.fork();
    this.#nodesByAddress = from === undefined ? new CowTable() : from.#nodesByAddress.fork();
    this.clock = new Clock(this.config.startTime);
    if (from !== undefined) this.clock.advanceTo(from.clock.now);
    this.streams = from === undefined ? new RandomStreams(options.seed) : from.streams.fork();
    // The scheduler's stream and the others handed out are reached through the context: a stream
    // of `from` maps to this World's stream of the same name.
    ctx?.knownCopies((original) =>
      original instanceof RandomStream && from?.streams.existing(original.name) === original
        ? this.streams.stream(original.name)
        : undefined,
    );
    this.trace = from === undefined ? new TraceLog(options.keepTrace ?? true) : from.trace.fork();
    this.#podCidrs =
      from === undefined
        ? new PodCidrBlocks(this.config.clusterCIDR, this.config.nodeCIDRMaskSize)
        : from.#podCidrs.fork();
    this.#kubeletFactory = options.kubelet;
    const evict = options.evict;
    this.evictHandler =
      evict === undefined
        ? undefined
        : (podKey) => {
            evict(this.store, podKey);
          };
    this.#kubeletDelay = delaySampler(this.config.kubeletWatchDelay, this.streams, 'watch/kubelet');
    this.proxyWatchDelay = delaySampler(
      this.config.proxyWatchDelay,
      this.streams,
      'watch/kube-proxy',
    );
    const storeDeps = {
      ids: createIdSource(this.streams),
      random: this.streams.stream('apiserver/allocation'),
      clock: () => this.clock.now,
    };
    const controllerDelay = delaySampler(
      this.config.controllerWatchDelay,
      this.streams,
      'watch/controllers',
    );
    if (from !== undefined && ctx !== undefined) {
      this.store = from.store.fork(storeDeps);
      this.proxies = ctx.remember(from.proxies, from.proxies.fork(this));
      this.nodeLifecycle = new NodeLifecycleController(this, from.nodeLifecycle, ctx);
      for (const informer of from.#informers) this.#informers.push(ctx.copyOf(informer));
      for (const rt of from.runtimes) this.runtimes.push(rt.forkInto(this, controllerDelay, ctx));
      this.store.watch((ev) => {
        this.#onStoreEvent(ev);
      });
      this.#copyState(from);
      // Filled by forkQueue once every owner outside the World has its copy.
      this.#queue = new EventQueue<Task>();
      return;
    }
    this.#queue = new EventQueue<Task>();
    this.store = new Store({ config: this.config, ...storeDeps });
    this.proxies = new ProxyFleet(this);
    this.nodeLifecycle = new NodeLifecycleController(this);
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

  /** The pending tasks. */
  get queue(): EventQueue<Task> {
    return this.#queue;
  }

  /**
   * An independent World continuing from this one's state (issue 12): the store copy-on-write,
   * the queue with every task's owner mapped to its copy, random streams, trace so far, controller
   * runtimes (a controller with `fork` is copied, one without is shared), kube-proxy views, node
   * lifecycle, IPAM and the lookup tables (copy-on-write); each node's agents (kubelet, NodeHost)
   * are shared, and copied by whichever of the two Worlds touches them first (NodeAgents). User watches and store listeners are not
   * carried over. `prepare` registers the copies of owners outside the World (the Simulation
   * handle, faults, drains, traffic, metrics) before the queue is copied.
   * @throws InvalidArgumentError while a task runs (fork between steps).
   */
  fork(prepare?: (copy: World, ctx: WorldForkContext) => void): World {
    if (this.#running) {
      throw new InvalidArgumentError(
        'fork',
        'cannot fork while the simulation is running (inside runFor, a watch callback or a controller); fork between runs',
      );
    }
    if (this.#external !== undefined) {
      throw new InvalidArgumentError(
        'fork',
        'cloud load balancers and the ingress controller (addCloudLoadBalancers, addIngressController) cannot be forked yet',
      );
    }
    const unforkable = this.kubelets.firstUnforkable();
    if (unforkable !== undefined) {
      throw new InvalidArgumentError(
        'fork',
        `the kubelet of node ${unforkable} (from a custom kubelet factory) cannot be copied into a fork: give it a forkInto(ctx) method`,
      );
    }
    const ctx = new WorldForkContext();
    const copy = new World(this.#options, this, ctx);
    // The node agents are shared from now on: whichever side touches one first copies it.
    this.kubelets.share();
    prepare?.(copy, ctx);
    copy.#queue = this.#queue.fork((task) => {
      if (this.#watchOwners.has(task.owner)) return undefined;
      if (task.host !== undefined) {
        // The fork starts from the agents as this World has them now (copied lazily, by it).
        const [host, owner] = this.kubelets.current(task.host, task.owner);
        return host === task.host && owner === task.owner
          ? task
          : { label: task.label, owner, run: task.run, host };
      }
      const owner = ctx.copyOf(task.owner);
      return owner === task.owner ? task : { label: task.label, owner, run: task.run };
    });
    for (const [id, label] of this.#settling) {
      if (copy.#queue.isPending(id)) copy.#settling.set(id, label);
    }
    return copy;
  }

  #copyState(from: World): void {
    this.#cause = from.#cause;
    this.#eventsAt = from.#eventsAt;
    this.#eventsThisInstant = from.#eventsThisInstant;
    this.#eventsProcessed = from.#eventsProcessed;
    for (const n of from.#nodesDown) this.#nodesDown.add(n);
    for (const n of from.#nodesPartitioned) this.#nodesPartitioned.add(n);
    for (const [node, missed] of from.#missed) this.#missed.set(node, new Map(missed));
  }

  /** Pod IP → pod key, for routing to backends and to pod IPs. */
  get podsByIP(): Lookup<string> {
    return this.#podsByIP;
  }

  /** ClusterIP → the Service's first port, for connections that name no port. */
  get firstPortByClusterIP(): Lookup<number> {
    return this.#firstPortByClusterIP;
  }

  /** Node name and node IPs → node name, for NodePort targets. */
  get nodesByAddress(): Lookup<string> {
    return this.#nodesByAddress;
  }

  /** Nodes without power (crashNode): no heartbeats, pods unreachable. */
  get nodesDown(): ReadonlySet<string> {
    return this.#nodesDown;
  }

  /** Nodes cut off from the control plane (partitionNode): frozen views, pods still serve. */
  get nodesPartitioned(): ReadonlySet<string> {
    return this.#nodesPartitioned;
  }

  /** Tasks run so far. */
  get eventsProcessed(): number {
    return this.#eventsProcessed;
  }

  /** Marks a node as without power (true) or powered again (false). */
  setNodeDown(name: string, down: boolean): void {
    if (down) this.#nodesDown.add(name);
    else this.#nodesDown.delete(name);
  }

  /** Marks a node as cut off from the control plane (true) or reconnected (false). */
  setNodePartitioned(name: string, cut: boolean): void {
    if (cut) this.#nodesPartitioned.add(name);
    else this.#nodesPartitioned.delete(name);
  }

  /** The time of the next scheduled task, if any. */
  nextEventTime(): number | undefined {
    return this.#queue.peekTime();
  }

  /** Delivers store events of `watch.kind` to a user watch (after its delay) until removed. */
  addUserWatch(watch: UserWatch): void {
    this.#watchOwners.add(watch);
    this.#userWatches.push(watch);
  }

  /** Stops delivering to a user watch. */
  removeUserWatch(watch: UserWatch): void {
    const i = this.#userWatches.indexOf(watch);
    if (i >= 0) this.#userWatches.splice(i, 1);
  }

  /** Run counters: events, trace entries, reconciles per controller, kube-proxy syncs. */
  stats(): {
    events: number;
    traceEntries: number;
    reconciles: Record<string, number>;
    proxySyncs: number;
  } {
    return {
      events: this.#eventsProcessed,
      traceEntries: this.trace.length,
      reconciles: Object.fromEntries(this.runtimes.map((r) => [r.controller.name, r.reconciles])),
      proxySyncs: this.proxies.syncs,
    };
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

  schedule<O extends object>(
    at: number,
    label: string,
    owner: O,
    fn: Scheduled<O>,
    opts?: { periodic?: boolean },
  ): ScheduledId {
    const time = Math.max(at, this.clock.now);
    const id = this.#queue.push(time, { label, owner, run: fn as Scheduled<object> });
    if (opts?.periodic !== true) this.#settling.set(id, label);
    return id;
  }

  scheduleAgent<O extends object>(
    host: NodeHost,
    at: number,
    label: string,
    owner: O,
    fn: Scheduled<O>,
    opts?: { periodic?: boolean },
  ): ScheduledId {
    const time = Math.max(at, this.clock.now);
    const id = this.#queue.push(time, { label, owner, run: fn as Scheduled<object>, host });
    if (opts?.periodic !== true) this.#settling.set(id, label);
    return id;
  }

  cancel(id: ScheduledId): boolean {
    this.#settling.delete(id);
    return this.#queue.cancel(id);
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
    const seq = this.#queue.peekSeq();
    const time = this.#queue.peekTime();
    if (seq === undefined || time === undefined) return false;
    const task = this.#queue.pop();
    if (task === undefined) return false;
    this.#settling.delete(seq);
    this.clock.advanceTo(time);
    this.#countEvent(task.label);
    this.#eventsProcessed += 1;
    // The first word of a task's label names who acts (`kubelet/node-1 …`, `fault …`,
    // `node-lifecycle-controller …`): changes it makes are traced with that cause.
    const space = task.label.indexOf(' ');
    // Tasks are the engine's own work (controllers, kubelets, node lifecycle): their writes are
    // trusted; user callbacks inside them mark themselves (withCause('user'), user controllers).
    // A node agent's task acts on this World's own copy of its owner (copied now if shared).
    const owner =
      task.host === undefined ? task.owner : this.kubelets.resolve(task.host, task.owner);
    this.#running = true;
    try {
      this.store.trusted(() => {
        this.withCause(space < 0 ? task.label : task.label.slice(0, space), () => {
          task.run(owner);
        });
      });
    } finally {
      this.#running = false;
    }
    return true;
  }

  /** Runs every task due at or before `t`, then moves the clock to `t`. */
  runTo(t: number): void {
    for (
      let next = this.#queue.peekTime();
      next !== undefined && next <= t;
      next = this.#queue.peekTime()
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
    this.trace.appendChange({
      t: this.clock.now,
      cause: this.#cause,
      type: ev.type,
      kind: ev.kind,
      key: ev.key,
      rv: ev.resourceVersion,
      oldObject: ev.oldObject,
      object: ev.object,
    });
    for (const informer of this.#informers) informer.observe(ev);
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
      case 'EndpointSlice':
        this.proxies.observe(ev);
        break;
      default:
        break;
    }
    for (const listener of this.#storeListeners) listener(ev);
    this.#external?.observe(ev);
    for (const w of this.#userWatches) {
      if (!w.active || w.kind !== ev.kind || !w.filter(ev)) continue;
      const delay = w.delay();
      // A user watch is not carried over to a fork: its deliveries are owned by the watch.
      this.schedule(this.clock.now + delay, `watch ${ev.kind}`, w, (watch) => {
        if (watch.active) watch.handler(ev);
      });
    }
  }

  /** The kube-proxy views of the nodes that have power, one per distinct view. */
  liveProxyViews(): Set<ProxyState> {
    const views = new Set<ProxyState>();
    for (const name of this.kubelets.keys()) {
      if (!this.#nodesDown.has(name)) views.add(this.proxies.stateFor(name));
    }
    return views;
  }

  /** Cloud load balancers and the ingress controller, once installed. */
  get external(): ExternalTraffic | undefined {
    return this.#external;
  }

  /** Installs the outside-traffic model (once; later calls keep the first). */
  installExternal(external: ExternalTraffic): ExternalTraffic {
    this.#external ??= external;
    return this.#external;
  }

  observeStore(informer: Informer): void {
    this.#informers.push(informer);
  }

  /** Calls `listener` with every store event, after the World's own handling of it. */
  onStoreEvent(listener: (ev: StoreEvent) => void): void {
    this.#storeListeners.push(listener);
  }

  /** Calls `listener` after every kube-proxy sync (and when `afterProxySync` is called). */
  onProxySync(listener: () => void): void {
    this.#proxySyncListeners.push(listener);
  }

  /** Tells the proxy-sync listeners that views may have changed (a sync, a crash, a heal). */
  afterProxySync(): void {
    for (const l of this.#proxySyncListeners) l();
  }

  #indexService(ev: StoreEvent): void {
    const svc = ev.object as Service;
    const oldIP = (ev.oldObject as Service | undefined)?.spec.clusterIP;
    if (oldIP !== undefined) this.#firstPortByClusterIP.delete(oldIP);
    const ip = svc.spec.clusterIP;
    const port = svc.spec.ports[0]?.port;
    if (ev.type !== 'DELETED' && ip !== undefined && ip !== 'None' && port !== undefined) {
      this.#firstPortByClusterIP.set(ip, port);
    }
  }

  #indexPodIP(ev: StoreEvent): void {
    const pod = ev.object as Pod;
    const oldIP = (ev.oldObject as Pod | undefined)?.status.podIP;
    const ip = ev.type === 'DELETED' ? undefined : pod.status.podIP;
    if (oldIP !== undefined && oldIP !== ip && this.#podsByIP.get(oldIP) === ev.key) {
      this.#podsByIP.delete(oldIP);
    }
    if (ev.type === 'DELETED' && pod.status.podIP !== undefined) {
      if (this.#podsByIP.get(pod.status.podIP) === ev.key) this.#podsByIP.delete(pod.status.podIP);
    }
    if (ip !== undefined) this.#podsByIP.set(ip, ev.key);
  }

  /** Pod events a partitioned node's kubelet has not seen, latest per pod. */
  readonly #missed = new Map<string, Map<string, StoreEvent>>();

  /** The node's watch reconnects: its kubelet gets the latest state of every pod it missed. */
  relistKubelet(node: string): void {
    // The kubelet's held status writes go first (its status manager syncs on reconnect), then it
    // sees what it missed.
    this.withCause(`kubelet/${node}`, () => {
      this.store.trusted(() => {
        this.kubelets.host(node)?.flushHeld();
      });
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
    // Not copied here when shared: the task names the host, and runs against the copy.
    const host = this.kubelets.shared(node);
    if (host?.kubelet === undefined) return;
    if (this.#nodesPartitioned.has(node)) {
      let missed = this.#missed.get(node);
      if (missed === undefined) {
        missed = new Map();
        this.#missed.set(node, missed);
      }
      missed.set(ev.key, ev);
      return;
    }
    const delay = this.#kubeletDelay();
    // step() traces the task with the label's first word as the cause: `kubelet/<node>`.
    this.scheduleAgent(
      host,
      this.clock.now + delay,
      `kubelet/${node} watch ${ev.key}`,
      host.kubelet,
      (k) => {
        k.onPodEvent(ev);
      },
    );
  }

  #onNodeEvent(ev: StoreEvent): void {
    const node = ev.object as Node;
    const name = node.metadata.name;
    for (const a of (ev.oldObject as Node | undefined)?.status.addresses ?? []) {
      this.#nodesByAddress.delete(a.address);
    }
    if (ev.type !== 'DELETED') {
      this.#nodesByAddress.set(name, name);
      for (const a of node.status.addresses ?? []) this.#nodesByAddress.set(a.address, name);
    } else {
      this.#nodesByAddress.delete(name);
    }
    if (ev.type === 'DELETED') {
      this.nodeLifecycle.nodeDeleted(name);
      const kubelet = this.kubelets.get(name);
      this.kubelets.delete(name);
      kubelet?.stop?.(this.clock.now);
      this.#podCidrs.release(name);
      return;
    }
    const written = node.spec.podCIDR;
    if (written !== undefined && written !== (ev.oldObject as Node | undefined)?.spec.podCIDR) {
      this.#podCidrs.release(name);
      this.#podCidrs.occupy(name, written);
    }
    if (ev.type !== 'ADDED') return;
    this.nodeLifecycle.nodeAdded(name);
    const host = new NodeHost(this, name);
    this.kubelets.add(name, host, this.#kubeletFactory(host, name, written));
    if (written === undefined) {
      // The node IPAM controller assigns a CIDR once it sees the node.
      this.schedule(this.clock.now, `nodeipam ${name}`, this, (world) => {
        world.#assignPodCIDR(name);
      });
    }
  }

  #assignPodCIDR(name: string): void {
    applyPlan(this, NODE_IPAM_CONTROLLER, name, planPodCIDR(this.store, name, this.#podCidrs));
    const cidr = this.store.get('Node', name)?.spec.podCIDR;
    if (cidr !== undefined) this.kubelets.get(name)?.setPodCIDR(cidr);
  }
}
