/**
 * `kubectl drain --ignore-daemonsets --delete-emptydir-data` in virtual time: cordon, then evict
 * every pod, retrying refused (429) evictions every drainRetryInterval until the node is empty.
 * @packageDocumentation
 */
import {
  EvictionRefusedError,
  KubesimError,
  NotFoundError,
  normalizeKey,
  objectKey,
} from '@kubesim/core';
import { evictPod, podsToEvict } from '../disruption/index.js';
import type { World } from '../world/world.js';

/** A drain in progress. */
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
export function startDrain(world: World, nodeName: string): DrainHandle {
  const store = world.store;
  const node = store.get('Node', nodeName);
  if (node === undefined) throw new NotFoundError(`nodes "${nodeName}" not found`);
  const state = {
    done: false,
    evicted: [] as string[],
    refusals: 0,
    error: undefined as string | undefined,
    warnings: [] as string[],
  };
  world.withCause('drain', () => {
    if (node.spec.unschedulable !== true) {
      store.update({ ...node, spec: { ...node.spec, unschedulable: true } });
    }
  });
  const interval = world.config.drainRetryInterval;
  const admitted = new Set<string>();
  const attempt = (): void => {
    const plan = podsToEvict(store, nodeName);
    if (plan.error !== undefined) {
      state.error = plan.error;
      state.warnings = [...plan.warnings];
      return;
    }
    state.warnings = [...plan.warnings];
    let pending = false;
    for (const pod of plan.pods) {
      const key = objectKey(pod);
      if (admitted.has(key)) {
        pending = true; // evicted, waiting for it to be gone
        continue;
      }
      try {
        world.withCause('drain', () => {
          evictPod(store, key, world.now);
        });
        admitted.add(key);
        state.evicted.push(key);
        pending = true;
      } catch (err) {
        if (err instanceof NotFoundError) continue;
        if (err instanceof EvictionRefusedError && err.status === 429) {
          state.refusals += 1;
          pending = true;
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
    world.schedule(world.now + interval, `drain ${nodeName}`, attempt);
  };
  world.schedule(world.now, `drain ${nodeName}`, attempt);
  return state;
}
