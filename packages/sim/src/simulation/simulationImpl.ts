/**
 * The Simulation handle over a World.
 * @packageDocumentation
 */
import {
  BudgetExceededError,
  type ClusterSnapshot,
  type Controller,
  type DnsAnswer,
  type Duration,
  type InertObject,
  InvalidArgumentError,
  type Kind,
  type KindMap,
  type KubeObjectInput,
  normalizeKey,
  NotFoundError,
  parseDuration,
  parseSelector,
  type PropagationPolicy,
  resolveDns,
  type StoredObject,
  type StoreEvent,
} from '@kubesim/core';
import { produce, type Draft } from 'immer';
import type { Trace, WorldHandle } from '../world/index.js';
import {
  AffinityTables,
  connect,
  type ConnectRequest,
  type ConnectResult,
} from '../traffic/connect.js';
import type { Metrics, MetricsRecorder } from '../traffic/metrics.js';
import { startTraffic, type TrafficHandle, type TrafficSpec } from '../traffic/traffic.js';
import { describe as kubectlDescribe, table as kubectlTable } from '../kubectl/index.js';
import { buildNodes } from './addNodes.js';
import {
  applyManifests,
  type ApplyOptions,
  type ApplyResult,
  type ApplyResultOf,
} from './applyManifests.js';
import { startDrain, type DrainHandle } from './drain.js';
import { registerInternals } from './internals.js';
import { attachMetrics } from './attachMetrics.js';
import type { WorldForkContext } from '../world/forkContext.js';
import { createFaults, type Faults } from './faults.js';
import { endpointsOf } from './endpointsOf.js';
import { ExternalTraffic, type CloudLoadBalancerOptions } from '../external/externalTraffic.js';
import { ingressNginxManifests, type IngressControllerOptions } from '../external/ingressNginx.js';
import { externalHostOf } from './externalHost.js';
import * as guard from './guards.js';
import { serveHost, type ServeHandle, type ServeOptions } from '../server/index.js';
import type {
  EndpointView,
  LoadBalancerView,
  ListOptions,
  NodeTemplate,
  Simulation,
  SimulationStats,
  WatchEvent,
  WatchOptions,
} from './types.js';

/** @internal The implementation behind {@link createSimulation}. */
export class SimulationImpl implements Simulation {
  readonly #world: WorldHandle;
  readonly #metrics: MetricsRecorder;
  readonly #affinity: AffinityTables;
  readonly faults: Faults;
  #nextNode = 0;
  /** Inside runFor, runUntil or settle (a fork must wait until they return). */
  #busy = 0;

  constructor(
    world: WorldHandle,
    metrics: MetricsRecorder,
    from?: SimulationImpl,
    ctx?: WorldForkContext,
  ) {
    this.#world = world;
    this.#metrics = metrics;
    this.#affinity =
      from === undefined ? new AffinityTables() : (ctx as WorldForkContext).copyOf(from.#affinity);
    this.faults = createFaults(world, metrics);
    if (from !== undefined && ctx !== undefined) {
      ctx.remember(from, this);
      // Faults keep no state of their own: a fresh object on the fork's World stands for it.
      ctx.remember(from.faults, this.faults);
      this.#nextNode = from.#nextNode;
    }
    registerInternals(this, world);
  }

  fork(): Simulation {
    if (this.#busy > 0) {
      throw new InvalidArgumentError(
        'fork',
        'cannot fork while the simulation is running (inside runFor, runUntil, settle or a callback they run); fork between runs',
      );
    }
    let copy: SimulationImpl | undefined;
    this.#world.fork((world, ctx) => {
      const metrics = ctx.copyOf(this.#metrics);
      attachMetrics(world, metrics);
      copy = new SimulationImpl(world, metrics, this, ctx);
    });
    return copy as SimulationImpl;
  }

  get now(): number {
    return this.#world.now;
  }

  get seed(): string {
    return this.#world.seed;
  }

  get trace(): Trace {
    return this.#world.trace;
  }

  apply<const I extends KubeObjectInput | readonly KubeObjectInput[]>(
    input: I,
    opts?: ApplyOptions,
  ): ApplyResultOf<I>;
  apply(
    input: string | KubeObjectInput | readonly KubeObjectInput[],
    opts?: ApplyOptions,
  ): ApplyResult;
  // The implementation returns an ApplyResult; the overloads above type it by the input's kinds.
  apply(
    input: string | KubeObjectInput | readonly KubeObjectInput[],
    opts: ApplyOptions = {},
  ): unknown {
    guard.requireObject('apply(opts)', opts, true);
    return applyManifests(
      this.#world,
      input,
      opts.fieldValidation ?? this.#world.config.fieldValidation,
    );
  }

  addNodes(count: number, template: NodeTemplate = {}): KindMap['Node'][] {
    const existing = this.#world.store.list('Node').length;
    const max = this.#world.config.maxNodes;
    guard.requireCount('addNodes(count)', count, 0, Math.max(0, max - existing));
    guard.requireNodeTemplate('addNodes(template)', template);
    const nodes = buildNodes(this.#nextNode, count, template);
    const store = this.#world.store;
    const created = this.#world.withCause('user', () =>
      store.transaction(() => nodes.map((n) => store.create(n) as KindMap['Node'])),
    );
    this.#nextNode += count;
    return created;
  }

  get<K extends Kind>(kind: K, key: string): KindMap[K] | undefined {
    this.#kind('get(kind)', kind);
    guard.requireString('get(key)', key);
    return this.#world.store.get(kind, normalizeKey(kind, key).key);
  }

  getInert(kind: string, key: string): InertObject | undefined {
    this.#kind('getInert(kind)', kind);
    guard.requireString('getInert(key)', key);
    // The store resolves the key itself, custom kinds (cluster-scoped ones too) included.
    return this.#world.store.getInert(kind, key);
  }

  listInert(kind: string, opts: ListOptions = {}): InertObject[] {
    this.#kind('listInert(kind)', kind);
    guard.requireListOptions('listInert(opts)', opts);
    const selector =
      opts.labelSelector === undefined ? undefined : parseSelector(opts.labelSelector);
    return [
      ...this.#world.store.listInert(kind, {
        ...(opts.namespace !== undefined ? { namespace: opts.namespace } : {}),
        ...(selector !== undefined ? { selector } : {}),
      }),
    ];
  }

  updateInert(kind: string, key: string, recipe: (draft: Draft<InertObject>) => void): InertObject {
    this.#recipeArgs('updateInert', kind, key, recipe);
    const next = runRecipe('updateInert(recipe)', this.#mustGetInert(kind, key), recipe);
    return this.#world.withCause('user', () => this.#world.store.update(next) as InertObject);
  }

  updateInertStatus(
    kind: string,
    key: string,
    recipe: (draft: Draft<InertObject>) => void,
  ): InertObject {
    this.#recipeArgs('updateInertStatus', kind, key, recipe);
    const next = runRecipe('updateInertStatus(recipe)', this.#mustGetInert(kind, key), recipe);
    return this.#world.withCause('user', () => this.#world.store.updateStatus(next) as InertObject);
  }

  list<K extends Kind>(kind: K, opts: ListOptions = {}): KindMap[K][] {
    this.#kind('list(kind)', kind);
    guard.requireListOptions('list(opts)', opts);
    const selector =
      opts.labelSelector === undefined ? undefined : parseSelector(opts.labelSelector);
    return [
      ...this.#world.store.list(kind, {
        ...(opts.namespace !== undefined ? { namespace: opts.namespace } : {}),
        ...(selector !== undefined ? { selector } : {}),
      }),
    ];
  }

  update<K extends Kind>(
    kind: K,
    key: string,
    recipe: (draft: Draft<KindMap[K]>) => void,
  ): KindMap[K] {
    this.#recipeArgs('update', kind, key, recipe);
    const current = this.#mustGet(kind, key);
    const next = runRecipe('update(recipe)', current, recipe);
    return this.#world.withCause('user', () => this.#world.store.update(next) as KindMap[K]);
  }

  updateStatus<K extends Kind>(
    kind: K,
    key: string,
    recipe: (draft: Draft<KindMap[K]>) => void,
  ): KindMap[K] {
    this.#recipeArgs('updateStatus', kind, key, recipe);
    const current = this.#mustGet(kind, key);
    const next = runRecipe('updateStatus(recipe)', current, recipe);
    return this.#world.withCause('user', () => this.#world.store.updateStatus(next) as KindMap[K]);
  }

  delete(
    kind: string,
    key: string,
    opts: { gracePeriodSeconds?: number; propagationPolicy?: PropagationPolicy } = {},
  ): void {
    this.#kind('delete(kind)', kind);
    guard.requireString('delete(key)', key);
    guard.requireObject('delete(opts)', opts, true);
    const given = opts as { gracePeriodSeconds?: unknown; propagationPolicy?: unknown } | undefined;
    if (given?.gracePeriodSeconds !== undefined) {
      guard.requireCount(
        'delete(opts).gracePeriodSeconds',
        given.gracePeriodSeconds,
        0,
        Number.MAX_SAFE_INTEGER,
      );
    }
    if (given?.propagationPolicy !== undefined) {
      guard.requireOneOf('delete(opts).propagationPolicy', given.propagationPolicy, [
        'Orphan',
        'Background',
        'Foreground',
      ]);
    }
    this.#world.withCause('user', () => {
      // The store resolves the key itself, custom kinds (cluster-scoped ones too) included.
      this.#world.store.delete(kind, key, opts);
    });
  }

  evict(podKey: string): void {
    guard.requireString('evict(podKey)', podKey);
    const world = this.#world;
    world.withCause('user', () => {
      world.store.evict(normalizeKey('Pod', podKey).key);
    });
  }

  drain(nodeName: string): DrainHandle {
    guard.requireString('drain(nodeName)', nodeName);
    return startDrain(this.#world, nodeName);
  }

  at(time: Duration, fn: (sim: Simulation) => void): void {
    const at = guard.requireDuration('at(time)', time);
    guard.requireFunction('at(fn)', fn);
    // Owned by this handle: in a fork, `fn` gets the fork's handle.
    this.#world.schedule(at, 'user at', this, (sim) => {
      sim.#world.withCause('user', () => {
        fn(sim);
      });
    });
  }

  runFor(d: Duration): void {
    const t = guard.horizon('runFor(d)', this.#world.now, d);
    this.#busy += 1;
    try {
      this.#world.runTo(t);
    } finally {
      this.#busy -= 1;
    }
  }

  runUntil(pred: (sim: Simulation) => boolean, opts: { timeout?: Duration } = {}): boolean {
    const world = this.#world;
    guard.requireFunction('runUntil(pred)', pred);
    guard.requireTimeoutOptions('runUntil(opts)', opts);
    const deadline = guard.horizon(
      'runUntil(opts).timeout',
      world.now,
      opts.timeout ?? world.config.settleTimeout,
    );
    this.#busy += 1;
    try {
      if (pred(this)) return true;
      for (;;) {
        const next = world.nextEventTime();
        if (next === undefined || next > deadline) {
          world.runTo(deadline);
          return pred(this);
        }
        world.runTo(next);
        if (pred(this)) return true;
      }
    } finally {
      this.#busy -= 1;
    }
  }

  settle(opts: { timeout?: Duration } = {}): void {
    const world = this.#world;
    guard.requireTimeoutOptions('settle(opts)', opts);
    const deadline = guard.horizon(
      'settle(opts).timeout',
      world.now,
      opts.timeout ?? world.config.settleTimeout,
    );
    const timeout = deadline - world.now;
    this.#busy += 1;
    try {
      this.#settleTo(deadline, timeout);
    } finally {
      this.#busy -= 1;
    }
  }

  #settleTo(deadline: number, timeout: number): void {
    const world = this.#world;
    while (world.unsettled) {
      const next = world.nextEventTime();
      if (next === undefined) break;
      if (next > deadline) {
        world.runTo(deadline);
        throw new BudgetExceededError(
          `settle: still not settled after ${timeout} ms of virtual time; pending: ${world.pendingLabels().join(', ')}`,
          'settle',
        );
      }
      world.step();
    }
  }

  connect(req: ConnectRequest): ConnectResult {
    guard.requireConnectRequest('connect(req)', req);
    return this.#world.withCause('traffic', () => connect(this.#world, req, this.#affinity));
  }

  traffic(spec: TrafficSpec): TrafficHandle {
    guard.requireTrafficSpec('traffic(spec)', spec);
    return startTraffic(this.#world, this.#metrics, spec, this.#affinity);
  }

  get metrics(): Metrics {
    const m = this.#metrics;
    return {
      outcomes: (key, opts) => m.outcomes(metricsKey(key), opts),
      readyEndpoints: (key) => m.readyEndpoints(normalizeKey('Service', key).key),
      blackHoleWindows: (key, opts) => m.blackHoleWindows(normalizeKey('Service', key).key, opts),
    };
  }

  #external(): ExternalTraffic {
    const world = this.#world;
    return (
      world.external ??
      world.installExternal(
        new ExternalTraffic(externalHostOf(world, this.#metrics), (c) => {
          world.addController(c);
        }),
      )
    );
  }

  addCloudLoadBalancers(opts: CloudLoadBalancerOptions = {}): void {
    this.#external().addCloudLoadBalancers(opts);
  }

  addIngressController(opts: IngressControllerOptions = {}): void {
    const ext = this.#external();
    if (ext.ingress !== undefined) return;
    if (ext.lb === undefined) ext.addCloudLoadBalancers();
    ext.addIngress(opts);
    this.apply(ingressNginxManifests(opts) as KubeObjectInput[]);
  }

  loadBalancer(serviceKey: string): LoadBalancerView | undefined {
    const lb = this.#world.external?.lb;
    const key = normalizeKey('Service', serviceKey).key;
    const address = lb?.addressOf(key);
    const upAt = lb?.upAt(key);
    if (lb === undefined || address === undefined || upAt === undefined) return undefined;
    return { address, upAt, backends: lb.backendsOf(key) };
  }

  endpointsOf(serviceKey: string): EndpointView[] {
    guard.requireString('endpointsOf(serviceKey)', serviceKey);
    return endpointsOf(this.#world.store, normalizeKey('Service', serviceKey));
  }

  resolve(
    name: string,
    opts: { fromNamespace?: string; type?: 'A' | 'SRV' | 'PTR' | 'CNAME' | 'ANY' } = {},
  ): DnsAnswer {
    guard.requireString('resolve(name)', name);
    guard.requireObject('resolve(opts)', opts, true);
    return resolveDns(this.#world.store, name, {
      fromNamespace: opts.fromNamespace ?? 'default',
      ...(opts.type !== undefined ? { type: opts.type } : {}),
    });
  }

  watch<K extends Kind>(
    kind: K,
    handler: (ev: WatchEvent<KindMap[K]>) => void,
    opts?: WatchOptions,
  ): () => void;
  watch(kind: string, handler: (ev: WatchEvent) => void, opts?: WatchOptions): () => void;
  watch(kind: string, handler: (ev: WatchEvent) => void, opts: WatchOptions = {}): () => void {
    const world = this.#world;
    this.#kind('watch(kind)', kind);
    guard.requireFunction('watch(handler)', handler);
    guard.requireListOptions('watch(opts)', opts);
    if (opts.delay !== undefined) guard.requireDuration('watch(opts).delay', opts.delay);
    const selector =
      opts.labelSelector === undefined ? undefined : parseSelector(opts.labelSelector);
    const matches = (obj: StoredObject): boolean =>
      (opts.namespace === undefined || obj.metadata.namespace === opts.namespace) &&
      (selector === undefined || selector.matches(obj.metadata.labels));
    const fixedDelay = opts.delay === undefined ? undefined : parseDuration(opts.delay);
    const userDelay = world.config.userWatchDelay;
    const stream = world.random('watch/user');
    const draw =
      fixedDelay !== undefined
        ? (): number => fixedDelay
        : typeof userDelay === 'number'
          ? (): number => userDelay
          : (): number => stream.between(userDelay.min, userDelay.max);
    // A watch delivers in order, as an informer does: a jittered delay never lets a later change
    // overtake an earlier one (each delivery is due no sooner than the previous one).
    let lastDue = 0;
    const delay = (): number => {
      const now = world.now;
      lastDue = Math.max(lastDue, now + draw());
      return lastDue - now;
    };
    const watch = {
      kind,
      delay,
      active: true,
      filter: (ev: StoreEvent) =>
        matches(ev.object) || (ev.oldObject !== undefined && matches(ev.oldObject)),
      handler: (ev: StoreEvent) => {
        // As the API server's watch cache does (cacher/cache_watcher.go convertToWatchEvent): an
        // object that stops matching the selector is DELETED for this watcher, one that starts
        // matching is ADDED.
        const now = ev.type !== 'DELETED' && matches(ev.object);
        const before = ev.oldObject !== undefined && matches(ev.oldObject);
        const type =
          ev.type === 'DELETED'
            ? 'DELETED'
            : now && before
              ? 'MODIFIED'
              : now
                ? 'ADDED'
                : 'DELETED';
        handler({ type, object: ev.object });
      },
    };
    for (const object of world.store.listInert(kind)) {
      if (matches(object)) handler({ type: 'ADDED', object });
    }
    world.addUserWatch(watch);
    return () => {
      watch.active = false;
      world.removeUserWatch(watch);
    };
  }

  table(
    kind: Kind | (string & {}),
    opts: {
      namespace?: string;
      labelSelector?: string;
      allNamespaces?: boolean;
      wide?: boolean;
    } = {},
  ): string {
    this.#kind('table(kind)', kind);
    guard.requireObject('table(opts)', opts, true);
    return kubectlTable(this, kind, { ...opts, startTime: this.#world.config.startTime });
  }

  describe(kind: Kind, key: string): string {
    this.#kind('describe(kind)', kind);
    guard.requireString('describe(key)', key);
    return kubectlDescribe(this, kind, key, { startTime: this.#world.config.startTime });
  }

  addController(controller: Controller): void {
    this.#world.addController(controller);
  }

  stats(): SimulationStats {
    return this.#world.stats();
  }

  snapshot(): ClusterSnapshot {
    return this.#world.store.snapshot();
  }

  serve(opts: ServeOptions = {}): Promise<ServeHandle> {
    const world = this.#world;
    return serveHost(
      {
        store: world.store,
        now: () => world.now,
        startTime: world.config.startTime,
        withCause: (cause, fn) => world.withCause(cause, fn),
        advance: (ms) => {
          this.runFor(ms);
        },
        evict: (podKey) => {
          world.store.evict(podKey);
        },
      },
      opts,
    );
  }

  /** Guards a kind argument: a kind this cluster stores (custom kinds of stored CRDs included). */
  #kind(path: string, kind: unknown): void {
    guard.requireKind(path, kind, (k) => this.#world.store.kindInfoOf(k));
  }

  #recipeArgs(method: string, kind: unknown, key: unknown, recipe: unknown): void {
    this.#kind(`${method}(kind)`, kind);
    guard.requireString(`${method}(key)`, key);
    guard.requireFunction(`${method}(recipe)`, recipe);
  }

  #mustGetInert(kind: string, key: string): InertObject {
    const found = this.getInert(kind, key);
    if (found === undefined) {
      throw new NotFoundError(
        `${kind.toLowerCase()}s "${key.slice(key.indexOf('/') + 1)}" not found`,
      );
    }
    return found;
  }

  #mustGet<K extends Kind>(kind: K, key: string): KindMap[K] {
    const found = this.get(kind, key);
    if (found === undefined) {
      throw new NotFoundError(`${kind.toLowerCase()}s "${normalizeKey(kind, key).name}" not found`);
    }
    return found;
  }
}

/** A metrics key: a Service key, or a host name (outside requests no Ingress rule matched). */
function metricsKey(key: string): string {
  return key.includes('/') || !key.includes('.') ? normalizeKey('Service', key).key : key;
}

/**
 * Runs a user's immer recipe. immer's own complaints (a recipe that both modifies its draft and
 * returns a value, …) become an InvalidArgumentError naming the method; what the recipe itself
 * throws is the user's and passes through unchanged.
 */
function runRecipe<T>(path: string, base: T, recipe: (draft: Draft<T>) => void): T {
  try {
    return produce(base, recipe);
  } catch (err) {
    if (err instanceof Error && err.message.startsWith('[Immer]')) {
      throw new InvalidArgumentError(path, err.message);
    }
    throw err;
  }
}
