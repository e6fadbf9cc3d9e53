/**
 * Option bags and result shapes of the {@link Store}.
 * @packageDocumentation
 */
import type { ClusterConfig } from '../config.js';
import type { InertObject, KubeObject } from '../objects/kinds.js';
import type { IdSource, RandomSource } from '../sources.js';

/** Any object the store holds: a simulated kind or an inert one. */
export type StoredObject = KubeObject | InertObject;

/** Options of `new Store(…)`. */
export interface StoreConstraints {
  /**
   * Overrides of the cluster settings; validated at construction (ConfigError).
   * @defaultValue {@link defaultClusterConfig}
   */
  config?: Partial<ClusterConfig>;
  /**
   * Where uids and `generateName` suffixes come from.
   * @defaultValue `counterIdSource()`
   */
  ids?: IdSource;
  /**
   * Chance for ClusterIP and NodePort allocation.
   * @defaultValue `seededRandomSource(0)`
   */
  random?: RandomSource;
  /**
   * Virtual time: milliseconds since the start of the simulation (`config.startTime`).
   * @defaultValue `() => 0`
   */
  clock?: () => number;
  /**
   * Create the bootstrap objects (namespaces, the `kubernetes` Service) at construction.
   * @defaultValue `true`
   */
  bootstrap?: boolean;
}

/**
 * What a delete does to the object's dependents (upstream `DeletionPropagation`): `Orphan` keeps
 * them without their reference to it; `Background` removes the owner at once and garbage-collects
 * them; `Foreground` keeps the owner, marked with the `foregroundDeletion` finalizer, until every
 * dependent with `blockOwnerDeletion: true` is gone.
 */
export type PropagationPolicy = 'Orphan' | 'Background' | 'Foreground';

/** Options of `Store.delete` (upstream `DeleteOptions`). */
export interface DeleteOptions {
  /**
   * What happens to the dependents (objects whose ownerReferences name this one).
   * @defaultValue `'Foreground'` when the object already has the `foregroundDeletion` finalizer,
   * else `'Background'`
   */
  propagationPolicy?: PropagationPolicy;
  /**
   * Grace period of a pod deletion; negative means 1. Ignored by kinds without graceful deletion.
   * @defaultValue the pod's `spec.terminationGracePeriodSeconds`
   */
  gracePeriodSeconds?: number;
  /** Precondition: refuse with ConflictError unless the live object has this uid. */
  uid?: string;
}

/** Options of `Store.remove`. */
export interface RemoveOptions {
  /** Precondition: refuse with ConflictError unless the live object has this uid. */
  uid?: string;
}

/** What `Store.apply` did. */
export interface ApplyResult<T extends StoredObject = StoredObject> {
  /** The stored object after the apply. */
  readonly object: T;
  /** True when the object did not exist and was created; false when it was merged and updated. */
  readonly created: boolean;
}

/** The object an Event is about. */
export interface EventRegarding {
  readonly kind: string;
  /** Store key (`namespace/name`, a bare name means `default/name` for namespaced kinds). */
  readonly key: string;
  /** The object's uid; looked up in the store when absent. */
  readonly uid?: string;
}
