/**
 * When a load balancer's view of a node flips, computed rather than ticked (DESIGN.md point 6):
 * probes of one node run at `phase + k × interval`; a change of the node's answer at `since`
 * decides the instant its view flips, if the answer holds.
 * @packageDocumentation
 */
import type { HealthCheckTiming } from './healthCheckPresets.js';
import type { ProbeAnswer } from './probeAnswer.js';

/** The first probe instant at or after `t` for probes at `phase + k × interval` (k ≥ 0). */
export function nextProbeAt(t: number, intervalMs: number, phaseMs: number): number {
  if (t <= phaseMs) return phaseMs;
  const k = Math.ceil((t - phaseMs) / intervalMs);
  return phaseMs + k * intervalMs;
}

/** A computed flip of the load balancer's view of one node. */
export interface ViewFlip {
  /** When the view flips. */
  readonly at: number;
  /** When the last probe the flip depends on is sent: an answer change after it cannot stop it. */
  readonly decidedAt: number;
  /** The view after the flip. */
  readonly healthy: boolean;
}

/**
 * The flip that a constant `answer` from `since` on causes, or undefined when the answer agrees
 * with the current view.
 *
 * - Failing (`fail` or `noAnswer`) while healthy: the first probe at or after `since` and the
 *   next `unhealthyThreshold − 1` fail; the view flips when the last of them fails: at once for a
 *   failing answer (503, reset), after `timeoutMs` when there is no answer.
 * - `ok` while unhealthy: the first probe at or after `since` and the next `healthyThreshold − 1`
 *   succeed; the view flips at the last of them (`initialHealthyThreshold` for a node never yet
 *   healthy).
 *
 * @example
 * ```ts
 * // GCE Cluster (8 s, 1 s, 1, 3), probes at 0, 8, 16…: a node powered off at 100 s
 * viewFlip(gce.cluster, 0, true, 'noAnswer', 100_000); // { at: 121_000, decidedAt: 120_000, healthy: false }
 * ```
 */
export function viewFlip(
  timing: HealthCheckTiming,
  phaseMs: number,
  viewHealthy: boolean,
  answer: ProbeAnswer,
  since: number,
  opts: { readonly initial?: boolean } = {},
): ViewFlip | undefined {
  const ok = answer === 'ok';
  if (ok === viewHealthy) return undefined;
  const first = nextProbeAt(since, timing.intervalMs, phaseMs);
  if (ok) {
    const n =
      opts.initial === true
        ? (timing.initialHealthyThreshold ?? timing.healthyThreshold)
        : timing.healthyThreshold;
    const last = first + (Math.max(1, n) - 1) * timing.intervalMs;
    return { at: last, decidedAt: last, healthy: true };
  }
  const last = first + (Math.max(1, timing.unhealthyThreshold) - 1) * timing.intervalMs;
  return {
    at: last + (answer === 'noAnswer' ? timing.timeoutMs : 0),
    decidedAt: last,
    healthy: false,
  };
}
