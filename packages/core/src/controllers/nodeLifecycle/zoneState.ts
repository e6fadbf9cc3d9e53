/**
 * Zone health and the NoExecute tainting rate it allows (§6.6).
 * @packageDocumentation
 */
import type { Node } from '../../objects/node.js';
import type { NodeLifecycleConfig } from './nodeLifecycleConfig.js';

/**
 * A zone's disruption state, as upstream names them (`ZoneState` in
 * pkg/controller/nodelifecycle/node_lifecycle_controller.go). `Initial` is a zone seen for the
 * first time, before its first state is decided.
 */
export type ZoneState = 'Initial' | 'Normal' | 'PartialDisruption' | 'FullDisruption';

/** Label that keeps a node out of the zone counts (`labelNodeDisruptionExclusion`). */
export const LABEL_EXCLUDE_DISRUPTION = 'node.kubernetes.io/exclude-disruption';
/** The zone label. */
export const LABEL_ZONE = 'topology.kubernetes.io/zone';

/**
 * The zone of a node: its `topology.kubernetes.io/zone` label, `''` when absent. (Upstream keys
 * zones by region and zone together; kubesim keys by zone alone.)
 */
export function zoneOf(node: Node): string {
  return node.metadata.labels?.[LABEL_ZONE] ?? '';
}

/** True when the node carries `node.kubernetes.io/exclude-disruption` (any value). */
export function isExcludedFromDisruption(node: Node): boolean {
  return node.metadata.labels?.[LABEL_EXCLUDE_DISRUPTION] !== undefined;
}

/**
 * A zone's state from its Ready and not-Ready node counts (upstream `ComputeZoneState`):
 * `FullDisruption` when no node is ready and at least one is not; `PartialDisruption` when more
 * than 2 nodes are not ready AND they are at least `threshold` of the zone; else `Normal`.
 * @example computeZoneState(0, 3, 0.55) === 'FullDisruption'
 * @example computeZoneState(2, 3, 0.55) === 'PartialDisruption' // 3 of 5 = 60 %
 * @example computeZoneState(8, 2, 0.55) === 'Normal'            // only 2 not ready
 */
export function computeZoneState(
  readyCount: number,
  notReadyCount: number,
  threshold: number,
): Exclude<ZoneState, 'Initial'> {
  if (readyCount === 0 && notReadyCount > 0) return 'FullDisruption';
  if (notReadyCount > 2 && notReadyCount / (readyCount + notReadyCount) >= threshold) {
    return 'PartialDisruption';
  }
  return 'Normal';
}

/** The part of {@link NodeLifecycleConfig} that {@link evictionRateFor} reads. */
export type EvictionRateConfig = Pick<
  NodeLifecycleConfig,
  'nodeEvictionRate' | 'secondaryNodeEvictionRate' | 'largeClusterSizeThreshold'
>;

/**
 * NoExecute tainting rate (nodes per second) of one zone in `state` with `zoneSize` counted nodes
 * (upstream `setLimiterInZone`): Normal and FullDisruption → `nodeEvictionRate` (0.1/s);
 * PartialDisruption → `secondaryNodeEvictionRate` (0.01/s) when the zone has MORE than
 * `largeClusterSizeThreshold` (50) nodes, else 0 (`ReducedQPSFunc`). The "every zone fully
 * disrupted" stop is decided across zones by the controller, not here.
 * @example evictionRateFor('PartialDisruption', 51, defaultNodeLifecycleConfig) === 0.01
 * @example evictionRateFor('PartialDisruption', 50, defaultNodeLifecycleConfig) === 0
 */
export function evictionRateFor(
  state: ZoneState,
  zoneSize: number,
  config: EvictionRateConfig,
): number {
  if (state === 'PartialDisruption') {
    return zoneSize > config.largeClusterSizeThreshold ? config.secondaryNodeEvictionRate : 0;
  }
  return config.nodeEvictionRate;
}
