/**
 * Invariants: named checks over a running simulation. Safety invariants hold after every instant;
 * liveness invariants hold once the run has quiesced.
 * @packageDocumentation
 */
import type { Simulation } from '../simulation/types.js';

/** A broken invariant. */
export interface Violation {
  /** The invariant's name, e.g. `proxy-routes-only-usable-endpoints`. */
  readonly invariant: string;
  /** Virtual ms when it was observed. */
  readonly t: number;
  /** What was wrong, for a person. */
  readonly message: string;
  /** The objects involved (keys), when useful. */
  readonly subjects?: readonly string[];
}

/**
 * A named check. `kind: 'safety'` runs after every instant (`check(sim, 'step')`), `'liveness'`
 * once at quiescence (`check(sim, 'end')`). An invariant may keep state between calls (history);
 * make one with its factory per run.
 */
export interface Invariant {
  readonly name: string;
  readonly kind: 'safety' | 'liveness';
  /** One sentence: what holds under upstream semantics. */
  readonly description: string;
  check(sim: Simulation, phase: 'step' | 'end'): readonly Violation[];
}

/** Builds a fresh invariant instance for one run. */
export type InvariantFactory = () => Invariant;
