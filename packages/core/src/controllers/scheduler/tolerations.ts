/**
 * Taints and tolerations, as the scheduler and the taint eviction controller match them
 * (k8s.io/api core/v1 `Toleration.ToleratesTaint`).
 * @packageDocumentation
 */
import { toleratesTaint } from '../taintEviction/tolerations.js';
import type { Taint } from '../../objects/node.js';
import type { Toleration } from '../../objects/pod.js';

/** True when some toleration in `tolerations` tolerates `taint`. */
export function tolerationsTolerate(tolerations: readonly Toleration[], taint: Taint): boolean {
  return tolerations.some((t) => toleratesTaint(t, taint));
}

/**
 * The first taint among `taints` whose effect is one of `effects` and that no toleration
 * tolerates, or undefined when all are tolerated (upstream `FindMatchingUntoleratedTaint`).
 */
export function firstUntoleratedTaint(
  taints: readonly Taint[],
  tolerations: readonly Toleration[],
  effects: readonly Taint['effect'][],
): Taint | undefined {
  return taints.find((t) => effects.includes(t.effect) && !tolerationsTolerate(tolerations, t));
}

/** Upstream `ToleratesTaint` (core/v1 helpers), shared with the taint eviction controller. */
export { toleratesTaint };
