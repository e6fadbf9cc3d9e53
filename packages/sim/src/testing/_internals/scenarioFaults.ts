/**
 * Faults of a generated scenario, drawn with targets by index and made concrete against the
 * scenario's nodes, zones and pods.
 * @packageDocumentation
 */
import fc from 'fast-check';
import type { FaultSpec } from '../../simulation/faults.js';

type FaultType = FaultSpec['type'];

/** A fault as drawn. */
export interface RawFault {
  readonly type: FaultType;
  readonly target: number;
  readonly at: number;
  readonly duration: number;
}

/** Which faults to draw. */
export interface FaultKinds {
  readonly maxAt: number;
  readonly nodeFaults: boolean;
  readonly zoneOutages: boolean;
  readonly podFaults: boolean;
}

/** Raw faults of the enabled types: times shrink toward 0, durations toward 5 s. */
export function rawFaultArb(k: FaultKinds): fc.Arbitrary<RawFault> | undefined {
  const types: FaultType[] = [
    ...(k.nodeFaults ? (['crashNode', 'partitionNode'] as const) : []),
    ...(k.zoneOutages ? (['zoneOutage'] as const) : []),
    ...(k.podFaults ? (['killPod', 'failReadiness'] as const) : []),
  ];
  if (types.length === 0) return undefined;
  return fc.record({
    type: fc.constantFrom(...types),
    target: fc.nat({ max: 9 }),
    at: fc.integer({ min: 0, max: k.maxAt }),
    duration: fc.integer({ min: 5_000, max: 300_000 }),
  });
}

/** What faults may hit. */
export interface FaultTargets {
  readonly horizon: number;
  readonly nodes: readonly { readonly name: string; readonly zone: string }[];
  readonly pods: readonly string[];
  readonly maxNodesDown: number;
}

/**
 * The concrete faults, sorted by time: each ends by the horizon (so the run quiesces with every
 * node back); never more than `maxNodesDown` nodes down or cut off at once, never two node faults
 * on one node at once, a zone outage never beside another node fault. Faults without a target or
 * too close to the horizon are dropped.
 */
export function concreteFaults(raw: readonly RawFault[], t: FaultTargets): FaultSpec[] {
  const down: { nodes: readonly string[]; from: number; until: number }[] = [];
  const out: FaultSpec[] = [];
  const zones = [...new Set(t.nodes.map((n) => n.zone))];
  for (const f of [...raw].sort((a, b) => a.at - b.at)) {
    const room = t.horizon - f.at;
    if (room < 1_000) continue;
    const duration = Math.min(f.duration, room);
    if (f.type === 'killPod' || f.type === 'failReadiness') {
      const target = t.pods.length === 0 ? undefined : t.pods[f.target % t.pods.length];
      if (target === undefined) continue;
      out.push(
        f.type === 'killPod'
          ? { at: f.at, type: f.type, target }
          : { at: f.at, type: f.type, target, duration },
      );
      continue;
    }
    const target =
      f.type === 'zoneOutage'
        ? zones[f.target % Math.max(1, zones.length)]
        : t.nodes[f.target % Math.max(1, t.nodes.length)]?.name;
    if (target === undefined) continue;
    const hit =
      f.type === 'zoneOutage'
        ? t.nodes.filter((n) => n.zone === target).map((n) => n.name)
        : [target];
    const overlapping = down.filter((d) => d.from < f.at + duration && f.at < d.until);
    const busy = new Set(overlapping.flatMap((d) => d.nodes));
    const count = busy.size + hit.length;
    if (hit.some((n) => busy.has(n))) continue;
    if (f.type === 'zoneOutage' ? overlapping.length > 0 : count > t.maxNodesDown) continue;
    down.push({ nodes: hit, from: f.at, until: f.at + duration });
    out.push({ at: f.at, type: f.type, target, duration });
  }
  return out;
}
