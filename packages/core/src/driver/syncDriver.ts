/**
 * A synchronous driver for controllers: applies their plans through the store until every work
 * queue is idle, at one instant of virtual time. For tests and tools that need the cluster settled
 * without the simulation engine (which adds watch delays, time and requeue-after).
 * @packageDocumentation
 */
import { applyAction, type ActionStore } from './applyAction.js';
import type { Controller } from '../controllers/plan.js';
import { BudgetExceededError } from '../errors.js';
import type { Kind } from '../objects/kinds.js';
import type { ClusterView, StoreEvent } from '../store/view.js';
import { WorkQueue } from './workQueue.js';

/**
 * The part of the store the driver needs: its read view, its writes and its watch. `Store`
 * (from the store module) implements it.
 */
export interface SyncDriverStore extends ClusterView, ActionStore {
  watch(listener: (ev: StoreEvent) => void): () => void;
}

/** Options of {@link createSyncDriver}. */
export interface SyncDriverConstraints {
  /**
   * How many times one (controller, key) may be reconciled in one `run` before the run stops with
   * a BudgetExceededError naming them.
   * @defaultValue `1000`
   */
  maxReconciles?: number;
  /**
   * Kinds whose existing objects are fed to `keysFor` as ADDED events when the driver starts, as an
   * informer's initial list would.
   * @defaultValue every simulated kind except Event
   */
  initialKinds?: readonly Kind[];
}

/** A running synchronous driver. */
export interface SyncDriver {
  /**
   * Reconciles queued keys, applying each plan through the store, until every queue is idle.
   * `now` (virtual ms since the start, default 0) is passed to every reconcile; `requeueAfter` is
   * ignored, since no time passes. Returns the number of reconciles performed.
   * @throws BudgetExceededError when one key is reconciled more than `maxReconciles` times.
   * @throws KubesimError code `Unsupported` when a plan asks for an eviction.
   */
  run(now?: number): number;
  /** Stops watching the store. */
  dispose(): void;
}

const DEFAULT_INITIAL_KINDS: readonly Kind[] = [
  'Namespace',
  'Node',
  'Service',
  'Endpoints',
  'EndpointSlice',
  'Pod',
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'PodDisruptionBudget',
  'Lease',
];

/**
 * Creates a driver for `controllers` over `store`: it watches the store, enqueues the keys each
 * controller's `keysFor` returns (one de-duplicated FIFO per controller), and `run()` reconciles
 * them round-robin, one key per controller in turn. Plan actions are applied in order through the
 * store (create, update, updateStatus, delete, event). A ConflictError or AlreadyExistsError stops
 * that plan and requeues the key; deleting an object already gone counts as done.
 * @example
 * const driver = createSyncDriver(store, [endpointSliceController]);
 * store.create(service); driver.run(); driver.dispose();
 */
export function createSyncDriver(
  store: SyncDriverStore,
  controllers: readonly Controller[],
  opts: SyncDriverConstraints = {},
): SyncDriver {
  const maxReconciles = opts.maxReconciles ?? 1000;
  const queues = controllers.map(() => new WorkQueue());
  const enqueue = (event: StoreEvent): void => {
    controllers.forEach((c, i) => {
      for (const key of c.keysFor(event, store)) queues[i]?.add(key);
    });
  };
  for (const kind of opts.initialKinds ?? DEFAULT_INITIAL_KINDS) {
    for (const object of store.list(kind)) {
      enqueue({ type: 'ADDED', kind, key: keyOf(object), object, resourceVersion: 0 });
    }
  }
  const unsubscribe = store.watch(enqueue);

  return {
    run(now = 0): number {
      const counts = controllers.map(() => new Map<string, number>());
      let total = 0;
      while (queues.some((q) => q.size > 0)) {
        controllers.forEach((controller, i) => {
          const queue = queues[i];
          const key = queue?.take();
          if (queue === undefined || key === undefined) return;
          const count = (counts[i]?.get(key) ?? 0) + 1;
          counts[i]?.set(key, count);
          if (count > maxReconciles) {
            throw new BudgetExceededError(
              `${controller.name} reconciled ${key} more than ${maxReconciles} times in one run without settling`,
              controller.name,
              key,
            );
          }
          total += 1;
          const plan = controller.reconcile(store, key, now);
          for (const action of plan.actions) {
            // A stale read: like a real controller, retry the key with a fresh view.
            if (applyAction(store, action) === 'retry') {
              queue.add(key);
              break;
            }
          }
        });
      }
      return total;
    },
    dispose(): void {
      unsubscribe();
    },
  };
}

function keyOf(object: { metadata: { name: string; namespace?: string } }): string {
  const ns = object.metadata.namespace;
  return ns === undefined || ns === '' ? object.metadata.name : `${ns}/${object.metadata.name}`;
}
