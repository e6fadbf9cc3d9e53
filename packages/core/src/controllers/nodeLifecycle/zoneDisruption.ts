/**
 * Zone states across passes and the tainting rates they set (upstream `handleDisruption` in
 * pkg/controller/nodelifecycle/node_lifecycle_controller.go, §6.6).
 * @packageDocumentation
 */
import type { Node } from '../../objects/node.js';
import type { NodeLifecycleConfig } from './nodeLifecycleConfig.js';
import { isNodeReady } from './taintKeys.js';
import type { ZoneState } from './zoneState.js';
import {
  computeZoneState,
  evictionRateFor,
  isExcludedFromDisruption,
  zoneOf,
} from './zoneState.js';
import type { ZoneTaintQueue } from './zoneTaintQueue.js';

/** What a pass's zone update asks of the controller besides the rates it already set. */
export type DisruptionOutcome = 'none' | 'enteredFullDisruption' | 'exitedFullDisruption';

/** The config fields zone handling reads. */
export type ZoneDisruptionConfig = Pick<
  NodeLifecycleConfig,
  | 'nodeEvictionRate'
  | 'secondaryNodeEvictionRate'
  | 'largeClusterSizeThreshold'
  | 'unhealthyZoneThreshold'
>;

interface ZoneCount {
  ready: number;
  notReady: number;
}

/**
 * The controller's zone states. `update` recomputes them from the nodes at a pass and swaps each
 * changed zone's queue rate: Normal and FullDisruption → `nodeEvictionRate`, PartialDisruption →
 * the secondary rate above `largeClusterSizeThreshold` nodes, else 0. When EVERY zone is fully
 * disrupted all queues stop (rate 0) and the caller removes the NoExecute taints; when that ends,
 * every zone gets its own rate again and the caller restarts probe timestamps. Nodes labelled
 * `node.kubernetes.io/exclude-disruption` are not counted.
 */
export class ZoneDisruption {
  readonly #config: ZoneDisruptionConfig;
  readonly #queueOf: (zone: string) => ZoneTaintQueue;
  readonly #states = new Map<string, ZoneState>();

  /** @param queueOf - the tainting queue of a zone (created on demand at the normal rate). */
  constructor(config: ZoneDisruptionConfig, queueOf: (zone: string) => ZoneTaintQueue) {
    this.#config = config;
    this.#queueOf = queueOf;
  }

  /** Each zone's state, sorted by zone. */
  /** An independent copy with the same zone states, taking its zones' queues from `queueOf`. */
  fork(queueOf: (zone: string) => ZoneTaintQueue): ZoneDisruption {
    const out = new ZoneDisruption(this.#config, queueOf);
    for (const [k, v] of this.#states) out.#states.set(k, v);
    return out;
  }

  states(): ReadonlyMap<string, ZoneState> {
    return new Map([...this.#states].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  /** Recomputes the zone states from `nodes` at pass `t` and sets the queue rates. */
  update(nodes: readonly Node[], t: number): DisruptionOutcome {
    const counts = new Map<string, ZoneCount>();
    for (const node of nodes) {
      if (isExcludedFromDisruption(node)) continue;
      const zone = zoneOf(node);
      const count = counts.get(zone) ?? { ready: 0, notReady: 0 };
      if (isNodeReady(node)) count.ready += 1;
      else count.notReady += 1;
      counts.set(zone, count);
    }
    const next = new Map<string, ZoneState>();
    for (const [zone, c] of counts) {
      next.set(zone, computeZoneState(c.ready, c.notReady, this.#config.unhealthyZoneThreshold));
      if (!this.#states.has(zone)) this.#states.set(zone, 'Initial');
    }
    const allAre = [...next.values()].every((s) => s === 'FullDisruption');
    let allWas = true;
    for (const [zone, state] of this.#states) {
      if (!next.has(zone)) this.#states.delete(zone);
      else if (state !== 'FullDisruption') allWas = false;
    }
    if (allAre && allWas) return 'none';
    const zones = [...this.#states.keys()].sort();
    if (allAre) {
      for (const zone of zones) {
        this.#queueOf(zone).swapRate(0, t);
        this.#states.set(zone, 'FullDisruption');
      }
      return 'enteredFullDisruption';
    }
    for (const zone of zones) {
      const state = next.get(zone) ?? 'Normal';
      if (!allWas && this.#states.get(zone) === state) continue;
      const c = counts.get(zone);
      const size = c === undefined ? 0 : c.ready + c.notReady;
      this.#queueOf(zone).swapRate(evictionRateFor(state, size, this.#config), t);
      this.#states.set(zone, state);
    }
    return allWas ? 'exitedFullDisruption' : 'none';
  }
}
