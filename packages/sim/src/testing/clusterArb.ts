/**
 * Cluster shapes (the nodes of a scenario).
 * @packageDocumentation
 */
import fc from 'fast-check';
import type { ScenarioNodes } from '../scenario/types.js';
import { ZONES } from './_internals/pools.js';

/** Options of {@link clusterArb}. */
export interface ClusterConstraints {
  /** Fewest nodes. @defaultValue `1` */
  readonly minNodes?: number;
  /** Most nodes. @defaultValue `10` */
  readonly maxNodes?: number;
  /** Most zones. @defaultValue `3` */
  readonly maxZones?: number;
}

/**
 * One group of identical nodes (node-0, node-1, …) spread round-robin over 1..maxZones zones,
 * shrinking toward one node in one zone. Nodes have 2 or 4 CPUs and 4–16 GiB.
 * @example fc.sample(clusterArb({ maxNodes: 3 }), 1) // [{ count: 2, zones: ['zone-a'], cpu: '4', memory: '16Gi' }]
 */
export function clusterArb(constraints: ClusterConstraints = {}): fc.Arbitrary<ScenarioNodes> {
  const maxZones = Math.min(constraints.maxZones ?? 3, ZONES.length);
  return fc
    .record({
      count: fc.integer({ min: constraints.minNodes ?? 1, max: constraints.maxNodes ?? 10 }),
      zones: fc.integer({ min: 1, max: maxZones }),
      cpu: fc.constantFrom('4', '2'),
      memory: fc.constantFrom('16Gi', '8Gi', '4Gi'),
    })
    .map(({ count, zones, cpu, memory }) => ({ count, zones: ZONES.slice(0, zones), cpu, memory }));
}

/** The node names a cluster of `count` nodes gets. */
export function nodeNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `node-${i}`);
}
