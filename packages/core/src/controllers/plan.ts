/**
 * Controllers return plans and never perform them (DESIGN.md point 4). The engine, or the
 * synchronous driver, applies a plan through admission like a real controller writing to the API.
 * @packageDocumentation
 */
import type { KubeObject } from '../objects/kinds.js';
import type { StoreEvent, ClusterView } from '../store/view.js';

/** One API call a controller wants made. */
export type Action =
  /** POST: `object` is a full manifest (may use `metadata.generateName`). */
  | { readonly verb: 'create'; readonly object: KubeObject }
  /** PUT: `object` carries the resourceVersion it was computed from (optimistic concurrency). */
  | { readonly verb: 'update'; readonly object: KubeObject }
  /** PUT …/status. */
  | { readonly verb: 'updateStatus'; readonly object: KubeObject }
  /** DELETE, with an optional grace period and a uid precondition. */
  | {
      readonly verb: 'delete';
      readonly kind: string;
      readonly key: string;
      readonly gracePeriodSeconds?: number;
      readonly uid?: string;
    }
  /** POST pods/<name>/eviction. */
  | { readonly verb: 'evict'; readonly podKey: string }
  /** Record a core/v1 Event about an object. */
  | {
      readonly verb: 'event';
      readonly regarding: { kind: string; key: string; uid?: string };
      readonly type: 'Normal' | 'Warning';
      readonly reason: string;
      readonly message: string;
    };

/** What a reconcile wants done. */
export interface Plan {
  readonly actions: readonly Action[];
  /** Reconcile this key again after this many milliseconds (a periodic or backoff requeue). */
  readonly requeueAfter?: number;
  /**
   * The requeue is a purely periodic re-check (a resync, an unschedulable pod's flush): the
   * simulation's `settle` does not wait for it.
   */
  readonly periodic?: boolean;
}

/** A plan that does nothing. */
export const emptyPlan: Plan = Object.freeze({ actions: Object.freeze([]) });

/**
 * A controller: which keys a store change makes dirty, and a pure reconcile of one key.
 * `reconcile` must not mutate `view` or any object it reads.
 */
export interface Controller {
  /** Stable name, used in traces and BudgetExceeded errors (e.g. `endpointslice-controller`). */
  readonly name: string;
  /**
   * The kinds whose changes can give this controller keys. Changes of other kinds are not
   * delivered to {@link Controller.keysFor} at all (fan-out by interest), so list every kind
   * `keysFor` reacts to, or leave it out to see every change.
   * @defaultValue every kind
   */
  readonly kinds?: readonly string[];
  /** The keys to enqueue for a store change. */
  keysFor(event: StoreEvent, view: ClusterView): readonly string[];
  /**
   * Told of each store change its own plan makes, while the plan is applied and before
   * {@link Controller.keysFor} sees that change: the API server's answer to the controller's
   * write, as upstream controllers record it (the EndpointSlice controller keeps the generations
   * it wrote, so its own writes do not make it sync again). Only a simulation's controller
   * runtime calls it; the synchronous driver does not.
   * @defaultValue none (the controller is not told)
   */
  ownWrite?(event: StoreEvent): void;
  /** Computes the plan for one key at virtual time `now` (ms since start). */
  reconcile(view: ClusterView, key: string, now: number): Plan;
  /**
   * A copy for a fork of the simulation, for a controller that keeps state between calls (a
   * cache, a queue, a counter): the copy continues from the same state and the two never share a
   * mutation afterwards. `ctx.copyOf` maps what the controller shares with the simulation (its
   * random stream, a cache the runtime feeds) to the fork's own copy. A controller without
   * `fork` keeps no state and is shared by the fork.
   */
  fork?(ctx: ForkContext): Controller;
}

/**
 * What a {@link Controller.fork} is handed: `copyOf(x)` is the fork's copy of `x` (the same copy
 * on every call, so two controllers sharing a cache share the fork's copy of it).
 */
export interface ForkContext {
  copyOf<T extends object>(original: T): T;
}
