/**
 * Checks of the code under test: the user's subject (what `attach` returned) checked beside the
 * built-in invariants, after every instant and at the end of a run.
 * @packageDocumentation
 */
import type { Simulation } from '../simulation/types.js';
import type { Violation } from './types.js';

/** What a check sees when a run starts. */
export interface CheckContext<S> {
  /** The running simulation. */
  readonly sim: Simulation;
  /** What `attach` returned (undefined without `attach`). */
  readonly subject: S;
  /**
   * The longest delay with which `sim.watch` handlers see a change in this run (the scenario's
   * `userWatchDelay`, its `max` when jittered): a watching client may trail the store by this much.
   */
  readonly watchDelay: number;
}

/**
 * A named check of the subject. `start` is called once per run, after `attach`; the function it
 * returns is called after every instant (`'step'`) and once after the run has settled (`'end'`),
 * and returns what is wrong (empty when all is well). Keep per-run state inside `start`.
 * @example
 * ```ts
 * const nonEmpty: Check<MyClient> = {
 *   name: 'client-knows-web',
 *   start: ({ subject }) => (phase) =>
 *     phase === 'end' && subject.ips('default/web').length === 0
 *       ? [{ invariant: 'client-knows-web', t: 0, message: 'no backend for web' }]
 *       : [],
 * };
 * ```
 */
export interface Check<S> {
  readonly name: string;
  start(ctx: CheckContext<S>): (phase: 'step' | 'end') => readonly Violation[];
}

/**
 * A check as a plain function: return a message (or messages) when something is wrong, nothing
 * when all is well. Its name is the function's name (else `checks[i]`).
 * @example runScenario(s, { attach, checks: [function knowsWeb(c) { if (c.ips('web').length === 0) return 'no backend'; }] })
 */
export type CheckFunction<S> = (
  subject: S,
  sim: Simulation,
  phase: 'step' | 'end',
  // A check that finds nothing may just not return: `void` belongs in the union.
  // eslint-disable-next-line @typescript-eslint/no-invalid-void-type
) => string | readonly string[] | undefined | void;

/** Turns a {@link CheckFunction} into a {@link Check}; a {@link Check} is returned as is. */
export function toCheck<S>(c: Check<S> | CheckFunction<S>, index: number): Check<S> {
  if (typeof c !== 'function') return c;
  const name = c.name !== '' ? c.name : `checks[${index}]`;
  return {
    name,
    start:
      ({ sim, subject }) =>
      (phase) => {
        const out = c(subject, sim, phase);
        if (out === undefined) return [];
        const list = typeof out === 'string' ? [out] : out;
        return list.map((message) => ({ invariant: name, t: sim.now, message }));
      },
  };
}
