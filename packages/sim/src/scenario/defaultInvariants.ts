/**
 * The invariants a scenario run checks when the caller passes none: the built-in set, filtered by
 * the scenario's `invariants` names.
 * @packageDocumentation
 */
import { SETTLES, TERMINATES, builtinInvariants, invariantsByName } from '../invariants/index.js';
import type { Invariant } from '../invariants/types.js';

/**
 * Fresh instances of the built-in invariants named by `names` (all of them when undefined).
 * @throws ScenarioError for an unknown name (from `invariantsByName`).
 */
export function defaultInvariants(names: readonly string[] | undefined): Invariant[] {
  return names === undefined ? builtinInvariants() : invariantsByName(names);
}

/**
 * Whether the run reports `settles` or `terminates` (which runScenario checks itself): yes unless
 * the scenario lists invariants without it.
 */
export function reportsRunInvariant(
  names: readonly string[] | undefined,
  name: typeof SETTLES | typeof TERMINATES,
): boolean {
  return names === undefined || names.includes(name);
}
