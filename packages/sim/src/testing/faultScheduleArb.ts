/**
 * Fault schedules as data.
 * @packageDocumentation
 */
import fc from 'fast-check';
import type { FaultSpec } from '../simulation/faults.js';

/** Options of {@link faultScheduleArb}. */
export interface FaultScheduleConstraints {
  /** Node names faults may hit. @defaultValue `['node-0']` */
  readonly nodes?: readonly string[];
  /** Pod keys `killPod` and `failReadiness` may hit; none: only node faults. @defaultValue `[]` */
  readonly pods?: readonly string[];
  /** Faults start and end within this many ms. @defaultValue `900_000` (15 min) */
  readonly horizon?: number;
  /** Most faults. @defaultValue `4` */
  readonly maxFaults?: number;
  /** Most nodes crashed or partitioned at the same time. @defaultValue `1` */
  readonly maxNodesDown?: number;
  /** Shortest fault. @defaultValue `5_000` */
  readonly minDuration?: number;
  /** Longest fault. @defaultValue `600_000` */
  readonly maxDuration?: number;
}

type NodeFault = 'crashNode' | 'partitionNode';
type PodFault = 'killPod' | 'failReadiness';

interface Raw {
  readonly type: NodeFault | PodFault;
  readonly target: number;
  /** How long before the horizon it starts: shrinking it makes the fault later. */
  readonly lead: number;
  readonly duration: number;
}

/**
 * Fault schedules: crashNode and partitionNode with durations (the node recovers or heals before
 * the horizon), killPod, and failReadiness with a duration; sorted by time; never more than
 * `maxNodesDown` nodes down or cut off at once, and never two node faults on one node at once.
 * Shrinks toward fewer, later and shorter faults.
 * @example fc.sample(faultScheduleArb({ nodes: ['node-0', 'node-1'], horizon: 60_000 }), 1)
 */
export function faultScheduleArb(
  constraints: FaultScheduleConstraints = {},
): fc.Arbitrary<FaultSpec[]> {
  const nodes = constraints.nodes ?? ['node-0'];
  const pods = constraints.pods ?? [];
  const horizon = constraints.horizon ?? 900_000;
  const minDuration = Math.min(constraints.minDuration ?? 5_000, horizon);
  const maxDuration = Math.max(minDuration, Math.min(constraints.maxDuration ?? 600_000, horizon));
  const maxDown = constraints.maxNodesDown ?? 1;
  const types: (NodeFault | PodFault)[] = [
    ...(nodes.length > 0 ? (['crashNode', 'partitionNode'] as const) : []),
    ...(pods.length > 0 ? (['killPod', 'failReadiness'] as const) : []),
  ];
  if (types.length === 0 || horizon < minDuration) return fc.constant([]);
  const raw: fc.Arbitrary<Raw> = fc.record({
    type: fc.constantFrom(...types),
    target: fc.nat(),
    lead: fc.integer({ min: minDuration, max: horizon }),
    duration: fc.integer({ min: minDuration, max: maxDuration }),
  });
  return fc
    .array(raw, { maxLength: constraints.maxFaults ?? 4 })
    .map((list) => admit(list, nodes, pods, horizon, maxDown));
}

function admit(
  list: readonly Raw[],
  nodes: readonly string[],
  pods: readonly string[],
  horizon: number,
  maxDown: number,
): FaultSpec[] {
  const sorted = [...list].sort((a, b) => b.lead - a.lead);
  const down: { node: string; from: number; until: number }[] = [];
  const out: FaultSpec[] = [];
  for (const f of sorted) {
    const at = horizon - f.lead;
    // The fault ends by the horizon, so the run quiesces with every node back.
    const duration = Math.min(f.duration, f.lead);
    if (f.type === 'killPod' || f.type === 'failReadiness') {
      const target = pods[f.target % pods.length] ?? '';
      out.push(
        f.type === 'killPod'
          ? { at, type: f.type, target }
          : { at, type: f.type, target, duration },
      );
      continue;
    }
    const node = nodes[f.target % nodes.length] ?? '';
    const overlapping = down.filter((d) => d.from < at + duration && at < d.until);
    if (overlapping.length >= maxDown || overlapping.some((d) => d.node === node)) continue;
    down.push({ node, from: at, until: at + duration });
    out.push({ at, type: f.type, target: node, duration });
  }
  return out;
}
