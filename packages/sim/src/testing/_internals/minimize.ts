/**
 * A second shrinking pass over a concrete failing scenario: fast-check shrinks what it drew; this
 * removes what is left one piece at a time (manifests, actions, faults, loads, nodes) and cuts the
 * horizon, keeping each cut that still fails the same way.
 * @packageDocumentation
 */
import type { Violation } from '../../invariants/types.js';
import type { Scenario } from '../../scenario/types.js';
import { trimHorizon } from './trimHorizon.js';

/** Runs a scenario and returns its violations (the first one is the failure). */
export type Runner = (s: Scenario) => readonly Violation[];

/** The smallest scenario found that still fails with `first`'s invariant, and its violations. */
export interface Minimized {
  readonly scenario: Scenario;
  readonly violations: readonly Violation[];
  /** Scenarios run. */
  readonly runs: number;
}

type ListField = 'manifests' | 'actions' | 'faults' | 'traffic';

/**
 * Greedy one-by-one removal until nothing more can go, then the horizon cut to just after the
 * failure. A cut is kept when the run still reports a violation of the same invariant (a run that
 * throws does not count). Costs one run per piece tried.
 */
export function minimize(s: Scenario, violations: readonly Violation[], run: Runner): Minimized {
  const invariant = violations[0]?.invariant;
  let best = s;
  let found = violations;
  let runs = 0;
  const tryCut = (candidate: Scenario): boolean => {
    runs += 1;
    let got: readonly Violation[];
    try {
      got = run(candidate);
    } catch {
      return false;
    }
    if (got[0]?.invariant !== invariant) return false;
    best = candidate;
    found = got;
    return true;
  };
  if (invariant === undefined) return { scenario: s, violations, runs };
  let changed = true;
  while (changed) {
    changed = false;
    for (const field of ['manifests', 'actions', 'faults', 'traffic'] as ListField[]) {
      const list = best[field];
      if (!Array.isArray(list)) continue;
      for (let i = list.length - 1; i >= 0; i--) {
        const current = best[field] as readonly unknown[];
        if (i >= current.length) continue;
        const without = current.filter((_, j) => j !== i);
        if (tryCut({ ...best, [field]: without })) changed = true;
      }
    }
    const nodes = best.nodes;
    if (nodes?.length === 1 && nodes[0] !== undefined && nodes[0].count > 1) {
      const fewer = { ...nodes[0], count: nodes[0].count - 1 };
      if (tryCut({ ...best, nodes: [fewer] })) changed = true;
    }
  }
  const t = found[0]?.t;
  if (t !== undefined) {
    const trimmed = trimHorizon(best, t);
    if (trimmed !== best) tryCut(trimmed);
  }
  return { scenario: best, violations: found, runs };
}
