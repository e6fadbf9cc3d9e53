/**
 * Simulation configs that reach the edges where clients break.
 * @packageDocumentation
 */
import fc from 'fast-check';
import type { DelayModelInput, SimConfigInput } from '../engine/index.js';

/** Options of {@link simConfigArb}. */
export interface SimConfigConstraints {
  /**
   * Draw a small `maxEndpointsPerSlice` and `mirroringMaxEndpointsPerSubset` (1 to
   * `maxSliceSize`), so a Service of a few pods spans several EndpointSlices (upstream needs 101).
   * @defaultValue `true`
   */
  readonly smallSlices?: boolean;
  /** Largest drawn slice size. @defaultValue `3` */
  readonly maxSliceSize?: number;
  /**
   * Draw watch delays per watcher (controllers, kubelets, kube-proxies, `sim.watch` clients):
   * each absent (0), a fixed delay or a seeded jitter range, up to `maxWatchDelay`.
   * @defaultValue `true`
   */
  readonly watchDelays?: boolean;
  /** Longest drawn watch delay in ms. @defaultValue `2000` */
  readonly maxWatchDelay?: number;
}

/**
 * Config overrides for a scenario: maybe small slices, maybe watch delays per watcher. Shrinks
 * toward `{}` (upstream defaults).
 * @example fc.sample(simConfigArb(), 1) // [{ maxEndpointsPerSlice: 2, userWatchDelay: 350 }]
 */
export function simConfigArb(constraints: SimConfigConstraints = {}): fc.Arbitrary<SimConfigInput> {
  const maxSize = constraints.maxSliceSize ?? 3;
  const size =
    constraints.smallSlices === false
      ? fc.constant(undefined)
      : fc.option(fc.integer({ min: 1, max: maxSize }), { freq: 4, nil: undefined });
  const maxDelay = constraints.maxWatchDelay ?? 2000;
  const delay: fc.Arbitrary<DelayModelInput | undefined> =
    constraints.watchDelays === false
      ? fc.constant(undefined)
      : fc.option(
          fc.oneof(
            fc.integer({ min: 1, max: maxDelay }),
            fc
              .tuple(fc.integer({ min: 0, max: maxDelay }), fc.integer({ min: 0, max: maxDelay }))
              .map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) })),
          ),
          { freq: 2, nil: undefined },
        );
  return fc
    .record({
      maxEndpointsPerSlice: size,
      mirroringMaxEndpointsPerSubset: size,
      controllerWatchDelay: delay,
      kubeletWatchDelay: delay,
      proxyWatchDelay: delay,
      userWatchDelay: delay,
    })
    .map((c) => {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(c)) if (v !== undefined) out[k] = v;
      return out;
    });
}
