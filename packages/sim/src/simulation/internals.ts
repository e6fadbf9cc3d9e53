/**
 * The package-internal link from a `Simulation` handle to the read-only face of its World that
 * the built-in invariants need. Not a public property: nothing outside the package can reach it,
 * and inside it the invariants get {@link InvariantView}, never the World.
 * @packageDocumentation
 */
import type { InvariantView } from '../world/index.js';

const views = new WeakMap<object, InvariantView>();

/** Links a simulation handle to its World's invariant view (done once, at creation). */
export function registerInternals(sim: object, view: InvariantView): void {
  views.set(sim, view);
}

/** The invariant view of a simulation made by `createSimulation`, else undefined. */
export function internalsOf(sim: object): InvariantView | undefined {
  return views.get(sim);
}
