/**
 * When the node lifecycle controller acts on a node whose heartbeats stopped, computed from the
 * fixed monitor phases (DESIGN.md point 6 and "Defaults": passes at k × nodeMonitorPeriod from 0).
 * @packageDocumentation
 */
import { nextPhase, nextPhaseAfter } from '../../timing/periodicPhase.js';
import type { NodeLifecycleConfig } from './nodeLifecycleConfig.js';

/**
 * The first node-monitor pass at or after `t`: passes run at k × `period` from t = 0, and a pass
 * at the very instant `t` counts.
 *
 * kubesim's choice for a lease renewal at the same instant as a pass: the renewal happens first,
 * so that pass observes it.
 * @example firstPassAtOrAfter(12_000, 5000) === 15_000
 * @example firstPassAtOrAfter(15_000, 5000) === 15_000
 * @throws InvalidArgumentError when `period` is not a positive whole number of ms.
 */
export function firstPassAtOrAfter(t: number, period: number): number {
  return nextPhase(t, period);
}

/** The part of {@link NodeLifecycleConfig} that {@link unknownTransitionTime} reads. */
export type MonitorTimingConfig = Pick<
  NodeLifecycleConfig,
  'nodeMonitorPeriod' | 'nodeMonitorGracePeriod' | 'nodeStartupGracePeriod'
>;

/**
 * The monitor pass at which a node whose last lease renewal was at `lastRenewal` is marked
 * `Ready=Unknown` (and its pods NotReady), if no renewal follows.
 *
 * Upstream (`tryUpdateNodeHealth` in pkg/controller/nodelifecycle/node_lifecycle_controller.go)
 * records `probeTimestamp = now` at the pass that first sees a renewed lease, not the renewal's
 * own time, and acts at the first pass where `now.After(probeTimestamp + grace)`. So:
 * τ = {@link firstPassAtOrAfter}(lastRenewal), and the transition is the first pass STRICTLY after
 * τ + grace. With the defaults (period 5 s, grace 50 s) that is τ + 55 s; a node crashing at t0
 * whose kubelet renewed every 10 s goes Unknown in [t0 + 45 s, t0 + 60 s) (§6.10, timeline B).
 *
 * `neverPostedReady` selects `nodeStartupGracePeriod` (60 s) instead of `nodeMonitorGracePeriod`,
 * for a node without a Ready condition.
 * @example unknownTransitionTime(12_000, defaultNodeLifecycleConfig) === 70_000 // τ = 15 s, 15 + 50 → next pass 70 s
 * @throws InvalidArgumentError when the period is not a positive whole number of ms.
 */
export function unknownTransitionTime(
  lastRenewal: number,
  config: MonitorTimingConfig,
  neverPostedReady = false,
): number {
  const period = config.nodeMonitorPeriod;
  const probe = firstPassAtOrAfter(lastRenewal, period);
  const grace = neverPostedReady ? config.nodeStartupGracePeriod : config.nodeMonitorGracePeriod;
  return nextPhaseAfter(probe + grace, period);
}
