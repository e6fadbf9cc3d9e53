/**
 * The simulated API server: the only way objects enter the model.
 * @packageDocumentation
 */
import type { ClusterConfig } from '../config.js';
import type { Kind, KindMap, KubeObjectInput } from '../objects/kinds.js';
import type { Event } from '../objects/node.js';
import { counterIdSource, seededRandomSource } from '../sources.js';
import { applyObject } from './applyObject.js';
import { bootstrapCluster } from './bootstrap.js';
import { createObject } from './createObject.js';
import { applyCustomResource, createCustomResource, updateCustomResource } from './deps.js';
import type { CustomWriteOptions } from './deps.js';
import { deleteObject, removeObject } from './deleteObject.js';
import type { KindTable } from './kindTable.js';
import { ClusterReadModel } from './readModel.js';
import { recordEvent } from './recordEvent.js';
import type { SecondaryIndexes } from './secondaryIndexes.js';
import { ClusterSnapshot } from './snapshot.js';
import { StoreCore } from './storeCore.js';
import type {
  ApplyResult,
  DeleteOptions,
  EventRegarding,
  RemoveOptions,
  StoreConstraints,
  StoredObject,
} from './types.js';
import { updateObject } from './updateObject.js';
import { evictAt, type EvictPodOptions } from './eviction.js';
import { resolveClusterConfig } from './validateConfig.js';
import type { StoreEvent } from './view.js';

/** A manifest whose `kind` is a literal simulated kind, typed as that kind's stored object. */
type Typed<K extends Kind> = { kind: K } & (KubeObjectInput | KindMap[K]);

/**
 * The in-memory API server. Every write is validated, defaulted and allocated (DESIGN.md point 2),
 * all-or-nothing, and visible to watchers synchronously in commit order. Stored objects are deeply
 * frozen; reads implement {@link ClusterView}.
 *
 * @example
 * ```ts
 * const store = new Store({ clock: () => sim.now });
 * store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
 * store.get('Pod', 'web')?.status.phase; // 'Pending'
 * ```
 */
export class Store extends ClusterReadModel {
  /** The validated cluster settings. */
  readonly config: Readonly<ClusterConfig>;
  private readonly core: StoreCore;

  /**
   * @param options - see {@link StoreConstraints}; defaults: upstream config, `counterIdSource()`,
   *   `seededRandomSource(0)`, a clock stuck at 0, bootstrap objects created.
   * @throws {@link ConfigError} when the configuration is invalid.
   */
  constructor(options: StoreConstraints = {}) {
    super();
    this.config = resolveClusterConfig(options.config);
    this.core = new StoreCore(
      this.config,
      options.ids ?? counterIdSource(),
      options.random ?? seededRandomSource(0),
      options.clock ?? (() => 0),
    );
    if (options.bootstrap ?? true) {
      this.core.transaction(() => {
        bootstrapCluster(this.core);
      });
    }
  }

  /** The resourceVersion of the latest change (a global counter, starting at 0). */
  get resourceVersion(): number {
    return this.core.resourceVersion();
  }

  /**
   * Creates an object (POST). Returns it stored: frozen, with uid, resourceVersion,
   * creationTimestamp, generation 1, defaulted fields, allocations and the kind's initial status.
   * @throws ValidationError, AlreadyExistsError, NotFoundError (namespace missing),
   *   ForbiddenError (namespace terminating). Nothing changes when it throws.
   * CustomResourceDefinitions and objects of the kinds they define are admitted by their schema
   * (`opts.fieldValidation`, default Strict; warnings pushed to `opts.warnings`); the same holds
   * for update, updateStatus and apply.
   */
  create<K extends Kind>(input: Typed<K>): KindMap[K];
  create(input: KubeObjectInput | StoredObject, opts?: CustomWriteOptions): StoredObject;
  create(input: unknown, opts?: CustomWriteOptions): StoredObject {
    return this.core.transaction(
      () => createCustomResource(this.core, input, opts) ?? createObject(this.core, input),
    );
  }

  /**
   * Replaces an object (PUT), keeping its live status. Conditional on `metadata.resourceVersion`
   * when set (ConflictError when stale); unconditional otherwise. `generation` moves when the spec
   * changes. An update that changes nothing returns the live object and emits nothing.
   */
  update<K extends Kind>(obj: Typed<K>): KindMap[K];
  update(obj: KubeObjectInput | StoredObject, opts?: CustomWriteOptions): StoredObject;
  update(obj: unknown, opts?: CustomWriteOptions): StoredObject {
    return this.core.transaction(
      () =>
        updateCustomResource(this.core, obj, 'spec', opts) ?? updateObject(this.core, obj, 'spec'),
    );
  }

  /** Replaces an object's status (PUT …/status): only `.status` of `obj` is read. */
  updateStatus<K extends Kind>(obj: Typed<K>): KindMap[K];
  updateStatus(obj: KubeObjectInput | StoredObject, opts?: CustomWriteOptions): StoredObject;
  updateStatus(obj: unknown, opts?: CustomWriteOptions): StoredObject {
    return this.core.transaction(
      () =>
        updateCustomResource(this.core, obj, 'status', opts) ??
        updateObject(this.core, obj, 'status'),
    );
  }

  /**
   * `kubectl apply` of one manifest: creates it, or merges it onto the live object (maps merged
   * recursively, lists replaced, `null` removes a field) keeping status and allocated Service
   * fields (clusterIP(s), nodePorts, healthCheckNodePort). `created` tells which happened.
   */
  apply<K extends Kind>(input: Typed<K>): ApplyResult<KindMap[K]>;
  apply(input: KubeObjectInput | StoredObject, opts?: CustomWriteOptions): ApplyResult;
  apply(input: unknown, opts?: CustomWriteOptions): ApplyResult {
    return this.core.transaction(
      () => applyCustomResource(this.core, input, opts) ?? applyObject(this.core, input),
    );
  }

  /**
   * Deletes an object (DELETE). Pods are deleted gracefully (deletionTimestamp = now + grace);
   * objects with finalizers are marked and kept; Namespaces take their content with them;
   * dependents of a removed owner are garbage-collected.
   * @throws NotFoundError, ConflictError (uid precondition), ForbiddenError (immortal namespace)
   */
  delete(kind: string, key: string, opts?: DeleteOptions): void {
    this.core.transaction(() => {
      deleteObject(this.core, kind, key, opts);
    });
  }

  /** Final removal: the kubelet confirming a graceful pod deletion, or a force delete. */
  remove(kind: string, key: string, opts?: RemoveOptions): void {
    this.core.transaction(() => {
      removeObject(this.core, kind, key, opts);
    });
  }

  /**
   * Records a core/v1 Event about an object; a repeat (same object, type, reason, message)
   * increments `count` and `lastTimestamp`. Returns the Event, or undefined when its namespace
   * does not accept it.
   */
  recordEvent(
    regarding: EventRegarding,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
  ): Event | undefined {
    return this.core.transaction(() => recordEvent(this.core, regarding, type, reason, message));
  }

  /**
   * Runs `fn` all-or-nothing: if it throws, every change made inside (objects, indexes,
   * resourceVersion, allocations, events) is undone and no watch event is delivered; otherwise
   * the events are delivered in write order when it returns. Nested calls join the outer one.
   */
  transaction<T>(fn: () => T): T {
    return this.core.transaction(fn);
  }

  /**
   * Runs `fn` with its writes marked as kubesim's own: the writes of the simulation's controllers
   * and kubelets, which skip validation (they are built valid) unless `config.paranoid` is on.
   * Every other write is a user's and always validated. Nests; {@link Store.untrusted} inside
   * marks a user's callback again.
   */
  trusted<T>(fn: () => T): T {
    return this.core.trusted(fn);
  }

  /** Runs `fn` with its writes marked as a user's (validated), even inside {@link Store.trusted}. */
  untrusted<T>(fn: () => T): T {
    return this.core.untrusted(fn);
  }

  /** True while writes are validated: outside {@link Store.trusted}, or always under paranoid. */
  get validating(): boolean {
    return this.core.validating;
  }

  /** Calls `listener` synchronously for every committed change, in order. Returns an unsubscribe. */
  watch(listener: (ev: StoreEvent) => void): () => void {
    return this.core.delivery.subscribe(listener);
  }

  /**
   * An independent store that continues from this one's state: the same objects, indexes,
   * resourceVersion and Service allocations, with its own ids, chance and clock (`deps`) and no
   * watchers. Writes to either never show in the other. Each kind's table is shared
   * copy-on-write (stored objects are frozen and stay shared), so a fork costs the indexes' copy
   * now and a table's copy on the first write to that kind on each side.
   *
   * @example
   * ```ts
   * const copy = store.fork({ ids: counterIdSource(), random: seededRandomSource(1), clock: () => 0 });
   * copy.delete('Pod', 'default/web'); // store still has it
   * ```
   * @throws InvalidArgumentError when called inside a transaction or from a watch callback.
   */
  fork(deps: Required<Pick<StoreConstraints, 'ids' | 'random' | 'clock'>>): Store {
    const copy = new Store({ ...deps, config: this.config, bootstrap: false });
    copy.core.adopt(this.core);
    return copy;
  }

  /**
   * The Eviction API (POST pods/<name>/eviction) at the store's clock: deletes the pod at
   * `podKey` (`namespace/name`; a bare name means `default`) unless a PodDisruptionBudget
   * refuses, spending one of its disruptions (pkg/registry/core/pod/storage/eviction.go).
   * All-or-nothing. The rules are `evictPod`'s.
   * @throws NotFoundError when the pod does not exist; EvictionRefusedError when a budget refuses.
   * @example store.evict('default/web-0', { deleteOptions: { gracePeriodSeconds: 5 } })
   */
  evict(podKey: string, opts: EvictPodOptions = {}): void {
    evictAt(this, podKey, this.core.nowTimestamp(), opts);
  }

  /** A frozen view of this instant that later writes do not change. */
  snapshot(): ClusterSnapshot {
    return new ClusterSnapshot(this.config, this.core.tables.cloneTables(), this.resourceVersion);
  }

  protected tableOf(kind: string): KindTable | undefined {
    return this.core.tables.table(kind);
  }

  protected indexes(): SecondaryIndexes {
    return this.core.tables.indexes;
  }
}
