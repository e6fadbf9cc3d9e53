/**
 * Node states over time, for the swim lanes: the API view (the Ready condition and cordon) and
 * the physical view (power loss, partition) from fault activities.
 * @packageDocumentation
 */

/** What the API says about a node: its Ready condition. */
export type NodeApiState = 'Ready' | 'NotReady' | 'Unknown';
/** What happened to the machine: power loss or a cut from the control plane. */
export type NodeFaultState = 'down' | 'partitioned';

/** A half-open time interval `[start, end)` in virtual ms. */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

/** One node's lane. */
export interface NodeLane {
  readonly node: string;
  /** Ready-condition segments covering the node's life. */
  readonly api: readonly (Interval & { readonly state: NodeApiState })[];
  /** When the node was cordoned (spec.unschedulable). */
  readonly cordoned: readonly Interval[];
  /** When the node was down or partitioned. */
  readonly faults: readonly (Interval & { readonly state: NodeFaultState })[];
}

interface Open {
  api: (Interval & { state: NodeApiState })[];
  cordoned: Interval[];
  faults: (Interval & { state: NodeFaultState })[];
  state: NodeApiState;
  since: number;
  cordonSince: number | undefined;
  faultSince: Partial<Record<NodeFaultState, number>>;
}

/** Accumulates lane segments while the trace is read in order. */
export class NodeLaneTracker {
  readonly #lanes = new Map<string, Open>();

  #lane(node: string, t: number): Open {
    let lane = this.#lanes.get(node);
    if (lane === undefined) {
      lane = {
        api: [],
        cordoned: [],
        faults: [],
        state: 'Unknown',
        since: t,
        cordonSince: undefined,
        faultSince: {},
      };
      this.#lanes.set(node, lane);
    }
    return lane;
  }

  /** The node object's state at `t` (after an ADDED or MODIFIED entry). */
  observe(node: string, t: number, state: NodeApiState, cordoned: boolean): void {
    const lane = this.#lane(node, t);
    if (lane.state !== state) {
      if (t > lane.since) lane.api.push({ start: lane.since, end: t, state: lane.state });
      lane.state = state;
      lane.since = t;
    }
    if (cordoned && lane.cordonSince === undefined) lane.cordonSince = t;
    if (!cordoned && lane.cordonSince !== undefined) {
      lane.cordoned.push({ start: lane.cordonSince, end: t });
      lane.cordonSince = undefined;
    }
  }

  /** A fault starts (`on`) or ends on a node at `t`. */
  fault(node: string, t: number, state: NodeFaultState, on: boolean): void {
    const lane = this.#lane(node, t);
    const since = lane.faultSince[state];
    if (on && since === undefined) lane.faultSince[state] = t;
    if (!on && since !== undefined) {
      lane.faults.push({ start: since, end: t, state });
      lane.faultSince = { ...lane.faultSince, [state]: undefined };
    }
  }

  /** Closes every open segment at `end` and returns the lanes sorted by node name. */
  finish(end: number): NodeLane[] {
    const names = [...this.#lanes.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return names.map((node) => {
      const lane = this.#lanes.get(node) as Open;
      const api = [
        ...lane.api,
        { start: lane.since, end: Math.max(end, lane.since), state: lane.state },
      ];
      const cordoned =
        lane.cordonSince === undefined
          ? lane.cordoned
          : [...lane.cordoned, { start: lane.cordonSince, end }];
      const faults = [...lane.faults];
      for (const state of ['down', 'partitioned'] as const) {
        const since = lane.faultSince[state];
        if (since !== undefined) faults.push({ start: since, end, state });
      }
      faults.sort((a, b) => a.start - b.start);
      return { node, api, cordoned, faults };
    });
  }
}
