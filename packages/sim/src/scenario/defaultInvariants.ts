/**
 * The invariants a scenario run checks when the caller passes none: the built-in set, filtered by
 * the scenario's `invariants` names.
 * @packageDocumentation
 */
import * as invariantsModule from '../invariants/index.js';
import type { Invariant } from '../invariants/types.js';

/** What the invariants module provides (read through an optional view while it is being built). */
interface BuiltinInvariants {
  builtinInvariants?: () => Invariant[];
  invariantsByName?: (names: readonly string[]) => Invariant[];
}

const builtins = invariantsModule as unknown as BuiltinInvariants;

/**
 * Fresh instances of the built-in invariants named by `names` (all of them when undefined).
 * @throws ScenarioError for an unknown name (from `invariantsByName`).
 */
export function defaultInvariants(names: readonly string[] | undefined): Invariant[] {
  if (names !== undefined) {
    if (names.length === 0) return [];
    return builtins.invariantsByName?.(names) ?? [];
  }
  return builtins.builtinInvariants?.() ?? [];
}
