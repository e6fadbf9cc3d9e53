/**
 * The node lifecycle controller's settings (kube-controller-manager flags, §6.2–6.6), with the
 * Kubernetes 1.32+ defaults. Durations are whole milliseconds.
 * @packageDocumentation
 */

/** Timings and rates of the node lifecycle controller; see {@link defaultNodeLifecycleConfig}. */
export interface NodeLifecycleConfig {
  /**
   * How often the node lifecycle controller checks node health; passes run at k × period from 0.
   * @defaultValue `5000` (`--node-monitor-period` 5 s)
   */
  nodeMonitorPeriod: number;
  /**
   * How long a node may go without a heartbeat before it is marked Unknown. Pin `'40s'` for ≤ 1.31.
   * @defaultValue `50_000` (`--node-monitor-grace-period`, 50 s since 1.32)
   */
  nodeMonitorGracePeriod: number;
  /**
   * Grace for a node that never posted Ready.
   * @defaultValue `60_000` (`--node-startup-grace-period`)
   */
  nodeStartupGracePeriod: number;
  /**
   * NoExecute tainting rate per zone in a healthy zone, nodes per second.
   * @defaultValue `0.1` (`--node-eviction-rate`)
   */
  nodeEvictionRate: number;
  /**
   * Tainting rate per zone in a partially disrupted zone larger than `largeClusterSizeThreshold`.
   * @defaultValue `0.01` (`--secondary-node-eviction-rate`)
   */
  secondaryNodeEvictionRate: number;
  /**
   * Zone size above which a partially disrupted zone keeps tainting at the secondary rate (else stops).
   * @defaultValue `50` (`--large-cluster-size-threshold`)
   */
  largeClusterSizeThreshold: number;
  /**
   * Not-ready fraction (with more than 2 not-ready nodes) at which a zone is partially disrupted.
   * @defaultValue `0.55` (`--unhealthy-zone-threshold`)
   */
  unhealthyZoneThreshold: number;
}

/** Kubernetes 1.32+ defaults of {@link NodeLifecycleConfig}, frozen. */
export const defaultNodeLifecycleConfig: Readonly<NodeLifecycleConfig> = Object.freeze({
  nodeMonitorPeriod: 5000,
  nodeMonitorGracePeriod: 50_000,
  nodeStartupGracePeriod: 60_000,
  nodeEvictionRate: 0.1,
  secondaryNodeEvictionRate: 0.01,
  largeClusterSizeThreshold: 50,
  unhealthyZoneThreshold: 0.55,
});
