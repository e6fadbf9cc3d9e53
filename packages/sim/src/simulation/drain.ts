/**
 * `kubectl drain --ignore-daemonsets --delete-emptydir-data` in virtual time: cordon, then evict
 * every pod, retrying refused (429) evictions every drainRetryInterval until the node is empty.
 * @packageDocumentation
 */
import type { WorldForkContext } from '../world/forkContext.js';
import {
  EvictionRefusedError,
  KubesimError,
  normalizeKey,
  NotFoundError,
  objectKey,
  podsToEvict,
} from '@kubesim/core';
import type { WorldHandle } from '../world/index.js';

/** What a drain uses of the simulation. */
type DrainHost = Pick<WorldHandle, 'store' | 'withCause' | 'config' | 'now' | 'schedule'>;

/**
 * A drain in progress. `settle` does not wait for a drain whose evictions are being refused (it
 * may wait forever, as `kubectl drain` without a timeout does); run `sim.runUntil(() => h.done)`.
 */
export interface DrainHandle {
  /** True once every pod to evict has been evicted and is gone from the node. */
  readonly done: boolean;
  /** Keys of pods whose eviction the API admitted, in order. */
  readonly evicted: readonly string[];
  /** Evictions refused with 429 so far (each is retried). */
  readonly refusals: number;
  /** kubectl's error when it refused the whole drain (e.g. a pod without a controller), else undefined. */
  readonly error: string | undefined;
  /** kubectl's warnings (ignored DaemonSet pods, …). */
  readonly warnings: readonly string[];
}

/** Starts draining `nodeName` now. */
export function startDrain(world: DrainHost, nodeName: string): DrainHandle {
  const store = world.store;
  const node = store.get('Node', nodeName);
  if (node === undefined) throw new NotFoundError(`nodes "${nodeName}" not found`);
  const state: DrainState = {
    done: false,
    evicted: [],
    refusals: 0,
    error: undefined,
    warnings: [],
  };
  world.withCause('drain', () => {
    if (node.spec.unschedulable !== true) {
      store.update({ ...node, spec: { ...node.spec, unschedulable: true } });
    }
  });
  const interval = world.config.drainRetryInterval;
  const admitted = new Set<string>();
  // kubectl lists the node's pods once, then evicts (and waits for) exactly those: pods that land
  // on the node later (after an uncordon) are not its business.
  const plan = podsToEvict(store, nodeName);
  state.warnings = [...plan.warnings];
  if (plan.error !== undefined) {
    state.error = plan.error;
    return state;
  }
  const targets = plan.pods.map((p) => ({ key: objectKey(p), uid: p.metadata.uid }));
  const drain = new Drain(world, nodeName, interval, targets, state, admitted);
  world.schedule(world.now, `drain ${nodeName}`, drain, (d) => {
    d.attempt();
  });
  return state;
}

/** The drain's progress: the handle the caller holds, written by the attempts. */
interface DrainState {
  done: boolean;
  evicted: string[];
  refusals: number;
  error: string | undefined;
  warnings: string[];
}

/** A drain's retries: its scheduled attempts are owned by it (see `Scheduled`). */
class Drain {
  constructor(
    readonly world: DrainHost,
    readonly nodeName: string,
    readonly interval: number,
    readonly targets: readonly { readonly key: string; readonly uid: string }[],
    readonly state: DrainState,
    readonly admitted: Set<string>,
  ) {}

  /** This drain's copy in a fork (its own progress, on the fork's World). */
  forkInto(ctx: WorldForkContext): Drain {
    const s = this.state;
    return new Drain(
      ctx.copyOf(this.world),
      this.nodeName,
      this.interval,
      this.targets,
      { ...s, evicted: [...s.evicted], warnings: [...s.warnings] },
      new Set(this.admitted),
    );
  }

  attempt(): void {
    const { world, state, admitted, nodeName } = this;
    const store = world.store;
    let pending = false;
    let refused = false;
    for (const { key, uid } of this.targets) {
      const pod = store.get('Pod', key);
      if (pod?.metadata.uid !== uid) continue; // gone (or replaced by a namesake): done
      if (admitted.has(key)) {
        pending = true; // evicted, waiting for it to be gone
        continue;
      }
      try {
        world.withCause('drain', () => {
          store.evict(key);
        });
        admitted.add(key);
        state.evicted.push(key);
        pending = true;
      } catch (err) {
        if (err instanceof NotFoundError) continue;
        if (err instanceof EvictionRefusedError && err.status === 429) {
          state.refusals += 1;
          pending = true;
          refused = true;
          continue;
        }
        if (err instanceof KubesimError) {
          state.error = `error when evicting pods/"${normalizeKey('Pod', key).name}" -n "${pod.metadata.namespace}": ${err.message}`;
          return;
        }
        throw err;
      }
    }
    if (!pending) {
      state.done = true;
      return;
    }
    // Retrying a refused eviction is polling: a drain blocked by a PodDisruptionBudget waits for
    // other changes, so settle does not wait for it (use runUntil(() => handle.done)).
    world.schedule(
      world.now + this.interval,
      `drain ${nodeName}`,
      this,
      (d) => {
        d.attempt();
      },
      { periodic: refused },
    );
  }
}
