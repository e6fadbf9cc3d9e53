/**
 * How big a scenario is, in the units a counterexample is judged by.
 * @packageDocumentation
 */
import type { Scenario } from '../scenario/types.js';

/** The size of a scenario. */
export interface ScenarioSize {
  /** Manifests applied at t = 0 (Deployments, Services, user-written slices, Endpoints, pods, budgets). */
  readonly objects: number;
  readonly actions: number;
  readonly faults: number;
  /** Nodes (not counted in `objects`). */
  readonly nodes: number;
}

/**
 * Counts a scenario's objects, actions, faults and nodes (manifests given as YAML text count their
 * documents).
 * @example scenarioSize(s) // { objects: 2, actions: 1, faults: 0, nodes: 1 }
 */
export function scenarioSize(s: Scenario): ScenarioSize {
  const m = s.manifests;
  const objects =
    m === undefined
      ? 0
      : typeof m === 'string'
        ? m.split(/^---/m).filter((d) => d.trim() !== '').length
        : m.length;
  return {
    objects,
    actions: s.actions?.length ?? 0,
    faults: s.faults?.length ?? 0,
    nodes: (s.nodes ?? []).reduce((n, g) => n + g.count, 0),
  };
}
