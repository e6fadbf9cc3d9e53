/**
 * The cluster parts of scenarios, kept so that the runs and shrinking steps of one property that
 * share a cluster part fork it instead of building it again.
 * @packageDocumentation
 */
import { InvalidArgumentError } from '@kubesim/core';
import {
  buildScenarioCluster,
  runScenario,
  runScenarioOnCluster,
  type RunScenarioOptions,
  type ScenarioResult,
} from '../../scenario/runScenario.js';
import type { Scenario } from '../../scenario/types.js';
import { validateScenario } from '../../scenario/validateScenario.js';
import type { Simulation } from '../../simulation/types.js';

/**
 * JSON with object keys sorted at every level (undefined members left out, as JSON does): equal
 * texts for equal data whatever order its keys were written in.
 */
export function canonicalKey(value: unknown): string {
  if (value === undefined || typeof value === 'function') return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value))
    return `[${value.map((v: unknown) => (v === undefined ? 'null' : canonicalKey(v))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const k of Object.keys(record).sort()) {
    const v = record[k];
    if (v !== undefined && typeof v !== 'function')
      parts.push(`${JSON.stringify(k)}:${canonicalKey(v)}`);
  }
  return `{${parts.join(',')}}`;
}

/**
 * What the cluster part of a run depends on: the seed (it names objects' UIDs and draws the
 * random streams the setup uses), the config, the nodes, the external traffic, the manifests,
 * and whether the trace keeps its entries.
 */
export function clusterKey(s: Scenario, keepTrace: boolean): string {
  return canonicalKey({
    seed: s.seed,
    config: s.config,
    nodes: s.nodes,
    external: s.external,
    manifests: s.manifests,
    keepTrace,
  });
}

/** How the runs of a cache started (for tests and the bench). */
export interface ClusterCacheStats {
  /** Runs that built their cluster part themselves (first sight of it, attach or checks). */
  built: number;
  /** Runs that forked a kept cluster part. */
  forked: number;
  /** Runs whose cluster part cannot be forked (load balancers, an ingress controller). */
  unforkable: number;
}

const UNFORKABLE = 'unforkable';

/**
 * Runs scenarios like `runScenario`, keeping the cluster part (nodes, external traffic,
 * manifests, set up at t = 0 before any instant) of a scenario seen twice, and forking it for
 * later runs with the same part: the same runs, trace and all, as from scratch (the fork point is
 * before the first instant, so every action, fault and load is scheduled exactly as from
 * scratch). Least recently used parts are dropped past `capacity`. Runs with `attach` or
 * `checks`, whose subject starts before the nodes, and clusters that cannot be forked are built
 * from scratch.
 */
export class ClusterCache {
  readonly #capacity: number;
  /** Cluster parts kept (least recently used first), or UNFORKABLE. */
  readonly #kept = new Map<string, Simulation | typeof UNFORKABLE>();
  /** Keys seen once (least recently seen first): a part is kept on its second sight. */
  readonly #seen = new Set<string>();
  readonly stats: ClusterCacheStats = { built: 0, forked: 0, unforkable: 0 };
  /** The same counts summed over every cache of this process (for tests and the bench). */
  static readonly totals: ClusterCacheStats = { built: 0, forked: 0, unforkable: 0 };

  #count(what: keyof ClusterCacheStats): void {
    this.stats[what] += 1;
    ClusterCache.totals[what] += 1;
  }

  constructor(capacity = 4) {
    this.#capacity = capacity;
  }

  run<S>(s: Scenario, opts: RunScenarioOptions<S>): ScenarioResult<S> {
    if (opts.attach !== undefined || (opts.checks ?? []).length > 0) {
      this.#count('built');
      return runScenario(s, opts);
    }
    const scenario = validateScenario(s);
    const keepTrace = opts.keepTrace ?? true;
    const key = clusterKey(scenario, keepTrace);
    const build = (): Simulation => buildScenarioCluster(scenario, keepTrace);
    const kept = this.#kept.get(key);
    if (kept !== undefined) {
      this.#kept.delete(key);
      this.#kept.set(key, kept);
      if (kept === UNFORKABLE) {
        this.#count('unforkable');
        return runScenarioOnCluster(scenario, opts, build);
      }
      this.#count('forked');
      return runScenarioOnCluster(scenario, opts, () => kept.fork());
    }
    if (!this.#seen.has(key)) {
      this.#remember(key);
      this.#count('built');
      return runScenarioOnCluster(scenario, opts, build);
    }
    this.#seen.delete(key);
    const base = build();
    let first: Simulation;
    try {
      first = base.fork();
    } catch (err) {
      // fork refuses clusters with cloud load balancers or an ingress controller.
      if (!(err instanceof InvalidArgumentError)) throw err;
      this.#keep(key, UNFORKABLE);
      this.#count('unforkable');
      // A fresh build: the refused fork may have touched `base`.
      return runScenarioOnCluster(scenario, opts, build);
    }
    this.#keep(key, base);
    this.#count('forked');
    let next: Simulation | undefined = first;
    return runScenarioOnCluster(scenario, opts, () => {
      const sim = next ?? base.fork();
      next = undefined;
      return sim;
    });
  }

  #remember(key: string): void {
    this.#seen.add(key);
    // Keys only: bounded so a long property does not hold every scenario's text.
    for (const old of this.#seen) {
      if (this.#seen.size <= 16 * this.#capacity) break;
      this.#seen.delete(old);
    }
  }

  #keep(key: string, value: Simulation | typeof UNFORKABLE): void {
    this.#kept.set(key, value);
    for (const old of this.#kept.keys()) {
      if (this.#kept.size <= this.#capacity) break;
      this.#kept.delete(old);
    }
  }
}
