/**
 * The public shapes of `@kubesim/sim`'s Simulation.
 * @packageDocumentation
 */
import type {
  ClusterSnapshot,
  Controller,
  DnsAnswer,
  Duration,
  InertObject,
  Kind,
  KindMap,
  KubeObject,
  KubeObjectInput,
  PropagationPolicy,
  StoredObject,
  Taint,
} from '@kubesim/core';
import type { Draft } from 'immer';
import type { SimConfigInput } from '../engine/index.js';
import type { Trace } from '../world/trace.js';
import type { ConnectRequest, ConnectResult } from '../traffic/connect.js';
import type { Metrics } from '../traffic/metrics.js';
import type { CloudLoadBalancerOptions } from '../external/externalTraffic.js';
import type { IngressControllerOptions } from '../external/ingressNginx.js';
import type { TrafficHandle, TrafficSpec } from '../traffic/traffic.js';
import type { ApplyOptions, ApplyResult, ApplyResultOf } from './applyManifests.js';
import type { DrainHandle } from './drain.js';
import type { Faults } from './faults.js';
import type { ServeHandle, ServeOptions } from '../server/serve.js';

/** Options of {@link createSimulation}. */
export interface SimulationOptions {
  /**
   * The seed of every random choice (ids, allocation, scheduling ties, jitter).
   * @defaultValue `0`
   */
  seed?: number | string;
  /** Timings and cluster settings by name; durations as ms or Go strings (`'40s'`). */
  config?: SimConfigInput;
  /**
   * Keep every trace entry in memory (the hash is computed either way). Turn off for large
   * benchmarks.
   * @defaultValue `true`
   */
  keepTrace?: boolean;
}

/** What `addNodes` creates. */
export interface NodeTemplate {
  /** Zones assigned round-robin as `topology.kubernetes.io/zone`. */
  zones?: readonly string[];
  /** @defaultValue `'4'` */
  cpu?: string;
  /** @defaultValue `'16Gi'` */
  memory?: string;
  /** @defaultValue `110` */
  pods?: number;
  labels?: Readonly<Record<string, string>>;
  taints?: readonly Taint[];
}

/** One endpoint of a Service, merged from all its slices, with nil conditions resolved (§3.8). */
export interface EndpointView {
  readonly ip: string;
  /** `namespace/name` of the backing pod, when the endpoint has a Pod targetRef. */
  readonly podKey?: string;
  readonly nodeName?: string;
  readonly zone?: string;
  readonly hostname?: string;
  readonly ready: boolean;
  readonly serving: boolean;
  readonly terminating: boolean;
  readonly ports: readonly { name: string; port: number; protocol: string }[];
  /** The slice the endpoint was read from. */
  readonly slice: string;
}

/** A watch event in the Kubernetes watch shape, typed by the watched kind. */
export interface WatchEvent<T extends StoredObject = StoredObject> {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED';
  readonly object: T;
}

/** Options of `watch`. */
export interface WatchOptions {
  /** Delivery delay; default: config.userWatchDelay (0). */
  delay?: Duration;
  namespace?: string;
  labelSelector?: string;
}

/** Options of `list`. */
export interface ListOptions {
  namespace?: string;
  /** A label selector in the string syntax, e.g. `app=web,tier notin (db)`. */
  labelSelector?: string;
}

/** A simulated cluster in virtual time. See docs/API.md. */
export interface Simulation {
  /** Virtual milliseconds since the start. */
  readonly now: number;
  readonly seed: string;
  /**
   * Creates or updates objects like `kubectl apply`: YAML (multi-document) or objects; all or
   * nothing. Real kinds kubesim does not simulate are stored inert. Fields a kind does not have
   * are refused like the API server's strict field validation (`StrictDecodingError`, 400, for a
   * create; `StrictPatchError`, 422, for an update), or dropped with a warning in the result's
   * `warnings` (and the trace) under `fieldValidation: 'Warn'`, or silently under `'Ignore'`.
   * Objects give one stored object per manifest, in order, typed by their kinds
   * (`sim.apply(deployment)[0]` is a `Deployment`); YAML text gives `StoredObject`s.
   */
  apply<const I extends KubeObjectInput | readonly KubeObjectInput[]>(
    input: I,
    opts?: ApplyOptions,
  ): ApplyResultOf<I>;
  apply(
    input: string | KubeObjectInput | readonly KubeObjectInput[],
    opts?: ApplyOptions,
  ): ApplyResult;
  /** Adds `count` Ready nodes named node-0, node-1, … (numbering continues across calls). */
  addNodes(count: number, template?: NodeTemplate): KindMap['Node'][];
  get<K extends Kind>(kind: K, key: string): KindMap[K] | undefined;
  /** An object of a kind kubesim stores inert (ConfigMap, StorageClass, …). */
  getInert(kind: string, key: string): InertObject | undefined;
  /**
   * Objects of a kind kubesim stores without simulating it: inert kinds and the custom kinds of
   * applied CustomResourceDefinitions (`sim.listInert('Widget')`), sorted by key.
   */
  listInert(kind: string, opts?: ListOptions): InertObject[];
  /**
   * Changes an inert or custom object with an immer recipe (PUT), like `update` for simulated
   * kinds. A custom resource is pruned, defaulted and validated by its CRD's schema.
   */
  updateInert(kind: string, key: string, recipe: (draft: Draft<InertObject>) => void): InertObject;
  /** PUT …/status of a custom resource whose CRD declares the status subresource. */
  updateInertStatus(
    kind: string,
    key: string,
    recipe: (draft: Draft<InertObject>) => void,
  ): InertObject;
  list<K extends Kind>(kind: K, opts?: ListOptions): KindMap[K][];
  update<K extends Kind>(
    kind: K,
    key: string,
    recipe: (draft: Draft<KindMap[K]>) => void,
  ): KindMap[K];
  updateStatus<K extends Kind>(
    kind: K,
    key: string,
    recipe: (draft: Draft<KindMap[K]>) => void,
  ): KindMap[K];
  /**
   * Deletes an object of any kind: simulated, inert or custom (a CRD takes its objects), as
   * `kubectl delete` does (DELETE with DeleteOptions).
   * @example sim.delete('Deployment', 'default/web', { propagationPolicy: 'Foreground' })
   * @throws InvalidArgumentError naming `delete(opts).propagationPolicy` for an unknown policy.
   */
  delete(
    kind: Kind | (string & {}),
    key: string,
    opts?: {
      /**
       * Grace period of a pod deletion in seconds (0 deletes at once).
       * @defaultValue the pod's `spec.terminationGracePeriodSeconds`
       */
      gracePeriodSeconds?: number;
      /**
       * What happens to the dependents: `Orphan` keeps them without their owner reference;
       * `Background` removes the object at once and garbage-collects them; `Foreground` keeps the
       * object (with `deletionTimestamp` and the `foregroundDeletion` finalizer) until every
       * dependent with `blockOwnerDeletion: true` is gone (`kubectl delete --cascade=foreground`).
       * @defaultValue `'Background'` (`'Foreground'` when the object has the `foregroundDeletion`
       *   finalizer)
       */
      propagationPolicy?: PropagationPolicy;
    },
  ): void;
  /**
   * The Eviction API (POST pods/<name>/eviction).
   * @throws EvictionRefusedError code 'TooManyRequests' (429) when a PodDisruptionBudget allows no
   *   disruption now; code 'MultiplePodDisruptionBudgets' (500) when several budgets match.
   */
  evict(podKey: string): void;
  /**
   * `kubectl drain --ignore-daemonsets --delete-emptydir-data`: cordon now, then evict in virtual
   * time, retrying refused evictions every `drainRetryInterval` (5 s) as the simulation runs.
   */
  drain(nodeName: string): DrainHandle;
  /** Runs `fn` at virtual time `time` (absolute, from the start). */
  at(time: Duration, fn: (sim: Simulation) => void): void;
  runFor(d: Duration): void;
  /** Runs until `pred` holds (checked after every instant); false on timeout. */
  runUntil(pred: (sim: Simulation) => boolean, opts?: { timeout?: Duration }): boolean;
  /**
   * Runs until every work queue is empty and nothing but purely periodic activity is scheduled.
   * @throws BudgetExceededError naming what is still pending after `timeout` (default config.settleTimeout).
   */
  settle(opts?: { timeout?: Duration }): void;
  /**
   * An independent simulation that continues from this instant: objects, pending events, random
   * streams, controllers' state, kubelets, kube-proxy views, node lifecycle, traffic loads,
   * drains, metrics and the trace so far. Running the fork is byte-identical to running this
   * simulation on (same trace entries after the fork point, same trace hash). Neither sees the
   * other's later changes; a fork can be forked again.
   *
   * Not carried over: watches (`watch`: their pending deliveries are dropped in the fork) and a
   * server started with `serve`. Controllers added with `addController` are shared unless they
   * have a `fork` method. The store is shared copy-on-write; the agents' state is copied.
   * Cloud load balancers and the ingress controller cannot be forked yet.
   * @throws InvalidArgumentError inside `runFor`, `runUntil`, `settle` or a callback they run,
   *   or when the simulation holds something that cannot be forked.
   * @example
   * ```ts
   * sim.settle();
   * const a = sim.fork();
   * const b = sim.fork();
   * a.faults.crashNode('node-1');
   * b.drain('node-1');
   * a.runFor('2m');
   * b.runFor('2m');
   * ```
   */
  fork(): Simulation;
  /** All slices of the Service merged (a consumer that reads one slice misses endpoints). */
  endpointsOf(serviceKey: string): EndpointView[];
  /**
   * Opens one new connection now: DNS, the source node's delayed kube-proxy view, the backend.
   * Outcomes: `ok` (a running container on a reachable node), `refused` (no usable endpoints, or
   * the container is not running), `timeout` (node down, pod gone, Local policy without a local
   * endpoint), `nxdomain` (unknown name).
   */
  connect(req: ConnectRequest): ConnectResult;
  /** A steady client load in virtual time; outcomes go to `metrics`. */
  traffic(spec: TrafficSpec): TrafficHandle;
  /** Fault injection: now, via `at`, or as a schedule of plain data. */
  readonly faults: Faults;
  /** Request outcomes, ready endpoints and black-hole windows per Service (`namespace/name`). */
  readonly metrics: Metrics;
  /** DNS as a pod in `fromNamespace` (default `default`) would see it. */
  resolve(
    name: string,
    opts?: { fromNamespace?: string; type?: 'A' | 'SRV' | 'PTR' | 'CNAME' | 'ANY' },
  ): DnsAnswer;
  /** Informer-style watch: ADDED for existing objects, then changes after `delay`. */
  watch<K extends Kind>(
    kind: K,
    handler: (ev: WatchEvent<KindMap[K]>) => void,
    opts?: WatchOptions,
  ): () => void;
  watch(
    kind: Kind | (string & {}),
    handler: (ev: WatchEvent) => void,
    opts?: WatchOptions,
  ): () => void;
  snapshot(): ClusterSnapshot;
  readonly trace: Trace;
  /**
   * What `kubectl get <kind>` prints, from the same Table columns and cells `serve()` answers
   * kubectl with (pods: NAME READY STATUS RESTARTS AGE; services: NAME TYPE CLUSTER-IP EXTERNAL-IP
   * PORT(S) AGE; endpointslices: NAME ADDRESSTYPE PORTS ENDPOINTS AGE; a custom kind: NAME and its
   * CRD's `additionalPrinterColumns`, or NAME AGE; …), with ages on the virtual clock. Namespace
   * `default` unless given; `wide` adds the `-o wide` columns (a pod's IP and NODE, …).
   */
  table(
    kind: Kind | (string & {}),
    opts?: { namespace?: string; labelSelector?: string; allNamespaces?: boolean; wide?: boolean },
  ): string;
  /** What `kubectl describe <kind> <key>` prints (Services in full, Pods and Nodes reduced). */
  describe(kind: Kind, key: string): string;
  /**
   * Runs your own controller (an operator under test) in the simulation: `keysFor` sees every
   * store change after the controller watch delay, `reconcile` returns plans that go through
   * admission like any client's writes. A controller that never converges at one instant stops
   * the run with BudgetExceededError naming it.
   */
  addController(controller: Controller): void;
  /**
   * Serves this simulation as a Kubernetes API server on 127.0.0.1 for kubectl and
   * @kubernetes/client-node: discovery, list/watch with resourceVersion semantics, create, update,
   * patch (merge, JSON, strategic, server-side apply), delete, the status/scale/eviction
   * subresources and server-side Tables. The returned kubeconfig carries a bearer token only this
   * server accepts. Time moves when you run the simulation (`sim.runFor`) unless `opts.speed`
   * (virtual seconds per wall second) is set; wall time never enters the trace otherwise.
   *
   * @example
   * const server = await sim.serve();
   * // kubectl --kubeconfig ${server.kubeconfigPath} get pods -o wide
   * sim.runFor('1m');
   * await server.close();
   */
  serve(opts?: ServeOptions): Promise<ServeHandle>;
  /** Counters of the engine's work so far (for benchmarks and diagnostics). */
  stats(): SimulationStats;
  /**
   * Runs a cloud's load balancers (opt-in, once): a controller gives every LoadBalancer Service
   * (without `loadBalancerClass`) an address from the pool after the provisioning delay and
   * releases it on deletion; each load balancer health-checks its backend nodes as the preset's
   * cloud does and spreads new outside connections over the healthy ones. Reach one with
   * `connect({ from: { external: true }, to: { loadBalancer: 'default/web' } })` or its address.
   * @example
   * ```ts
   * sim.addCloudLoadBalancers({ preset: 'aws' });
   * ```
   */
  addCloudLoadBalancers(opts?: CloudLoadBalancerOptions): void;
  /**
   * Installs an ingress controller modelled on ingress-nginx: namespace `ingress-nginx`, a
   * Deployment (2 replicas) behind a LoadBalancer Service, the default IngressClass `nginx`
   * (and cloud load balancers with the default preset, if none run yet). Requests from outside
   * to `http://<host>/<path>` go load balancer → node → controller pod → backend endpoint.
   */
  addIngressController(opts?: IngressControllerOptions): void;
  /** The cloud load balancer of a Service: its address, when it came up, its backends' health. */
  loadBalancer(serviceKey: string): LoadBalancerView | undefined;
}

/** A cloud load balancer as `sim.loadBalancer` shows it. */
export interface LoadBalancerView {
  readonly address: string;
  /** When it came up (virtual ms): its health checks run at upAt + k × interval. */
  readonly upAt: number;
  /** Its backend nodes by name, with the health its checks see. */
  readonly backends: readonly {
    node: string;
    healthy: boolean;
    answer: 'ok' | 'fail' | 'noAnswer';
  }[];
}

/** What the engine has done so far. */
export interface SimulationStats {
  /** Scheduled tasks run (watch deliveries, syncs, agent steps, user callbacks). */
  readonly events: number;
  /** Trace entries appended (object changes and activities). */
  readonly traceEntries: number;
  /** Reconciles per controller name. */
  readonly reconciles: Readonly<Record<string, number>>;
  /** kube-proxy syncs. */
  readonly proxySyncs: number;
}

/** Re-exported for convenience. */
export type { KubeObject };
