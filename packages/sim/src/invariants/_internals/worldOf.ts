/**
 * Reaches the read-only invariant view of the World behind a Simulation handle (the invariants
 * read kube-proxy views, node liveness and the resolved config, which the public handle does not
 * expose). They never see the World itself.
 * @packageDocumentation
 */
import { KubesimError } from '@kubesim/core';
import type { Simulation } from '../../simulation/types.js';
import { internalsOf } from '../../simulation/internals.js';
import type { InvariantView } from '../../world/index.js';

/** An invariant was given a Simulation that is not kubesim's own implementation. */
export class InvariantSetupError extends KubesimError {
  constructor(message: string) {
    super('InvariantSetup', message);
  }
}

/**
 * The invariant view of a simulation made by `createSimulation`.
 * @throws InvariantSetupError when `sim` is another implementation of the interface.
 */
export function worldOf(sim: Simulation): InvariantView {
  const world = internalsOf(sim);
  if (world === undefined) {
    throw new InvariantSetupError(
      'built-in invariants need a Simulation made by createSimulation (its internal world is missing)',
    );
  }
  return world;
}

/** Nodes whose kubelet exists and that have power (their kube-proxy routes). */
export function liveNodes(world: InvariantView): string[] {
  return [...world.kubelets.keys()].filter((n) => !world.nodesDown.has(n)).sort();
}

/** The longest delay a delay model can produce (a jitter range's max). */
export function maxDelay(model: number | { readonly max: number }): number {
  return typeof model === 'number' ? model : model.max;
}
