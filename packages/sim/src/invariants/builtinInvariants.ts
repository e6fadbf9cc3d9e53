/**
 * The built-in invariants, all or by name.
 * @packageDocumentation
 */
import { ScenarioError } from '@kubesim/core';
import { deploymentsReachReplicas } from './deploymentsReachReplicas.js';
import { endpointOutlivesPodByAtMostWatchDelay } from './endpointOutlivesPodByAtMostWatchDelay.js';
import { evictionRespectedBudget } from './evictionRespectedBudget.js';
import * as names from './names.js';
import { proxyRoutesOnlyUsableEndpoints } from './proxyRoutesOnlyUsableEndpoints.js';
import { proxyViewsConverge } from './proxyViewsConverge.js';
import { slicesAgreeWithPods } from './slicesAgreeWithPods.js';
import { slicesWellFormed } from './slicesWellFormed.js';
import type { Invariant, InvariantFactory } from './types.js';

/** Factories of the built-in invariants by name, in the order they run. */
export const BUILTIN_INVARIANT_FACTORIES: Readonly<Record<string, InvariantFactory>> =
  Object.freeze({
    [names.PROXY_ROUTES_ONLY_USABLE_ENDPOINTS]: proxyRoutesOnlyUsableEndpoints,
    [names.ENDPOINT_OUTLIVES_POD_BY_AT_MOST_WATCH_DELAY]: endpointOutlivesPodByAtMostWatchDelay,
    [names.EVICTION_RESPECTED_BUDGET]: evictionRespectedBudget,
    [names.SLICES_WELL_FORMED]: slicesWellFormed,
    [names.SLICES_AGREE_WITH_PODS]: slicesAgreeWithPods,
    [names.PROXY_VIEWS_CONVERGE]: proxyViewsConverge,
    [names.DEPLOYMENTS_REACH_REPLICAS]: deploymentsReachReplicas,
  });

/**
 * Every name a scenario may list in `invariants`: the built-in invariants plus `settles`, which
 * `runScenario` reports itself.
 */
export const BUILTIN_INVARIANT_NAMES: readonly string[] = Object.freeze([
  ...Object.keys(BUILTIN_INVARIANT_FACTORIES),
  names.SETTLES,
  names.TERMINATES,
]);

/**
 * Fresh instances of every built-in invariant (safety ones first), for one run.
 * @example runScenario(s, { invariants: builtinInvariants() })
 */
export function builtinInvariants(): Invariant[] {
  return Object.values(BUILTIN_INVARIANT_FACTORIES).map((f) => f());
}

/**
 * Fresh instances of the named built-in invariants, in the given order. `settles` and
 * `terminates` are accepted and yield no object (runScenario reports them).
 * @throws ScenarioError with path `invariants[i]` for an unknown name.
 * @example invariantsByName(['slices-well-formed'])
 */
export function invariantsByName(list: readonly string[]): Invariant[] {
  const out: Invariant[] = [];
  list.forEach((name, i) => {
    if (name === names.SETTLES || name === names.TERMINATES) return;
    const factory = Object.hasOwn(BUILTIN_INVARIANT_FACTORIES, name)
      ? BUILTIN_INVARIANT_FACTORIES[name]
      : undefined;
    if (factory === undefined) {
      throw new ScenarioError(
        `invariants[${i}]`,
        `unknown invariant "${name}"; known: ${BUILTIN_INVARIANT_NAMES.join(', ')}`,
      );
    }
    out.push(factory());
  });
  return out;
}
