/**
 * Client load as data.
 * @packageDocumentation
 */
import fc from 'fast-check';
import type { ScenarioTraffic } from '../scenario/types.js';

/** Options of {@link trafficArb}. */
export interface TrafficConstraints {
  /** Service names to send to. @defaultValue `['web']` */
  readonly services?: readonly string[];
  /** Nodes clients may run on (besides outside the cluster). @defaultValue `[]` */
  readonly nodes?: readonly string[];
  /** Load stops by this time (ms). @defaultValue `900_000` */
  readonly horizon?: number;
}

/**
 * One steady client load: from outside the cluster or from a node, to a Service by name, every
 * 1–10 s, from a start to an end within the horizon. Shrinks toward an external client, the first
 * Service, a sparse rate and a short window.
 * @example fc.sample(trafficArb({ services: ['api'] }), 1)[0].to === 'api'
 */
export function trafficArb(constraints: TrafficConstraints = {}): fc.Arbitrary<ScenarioTraffic> {
  const services = constraints.services ?? ['web'];
  const nodes = constraints.nodes ?? [];
  const horizon = constraints.horizon ?? 900_000;
  const from =
    nodes.length === 0
      ? fc.constant({ external: true as const })
      : fc.oneof(
          fc.constant({ external: true as const }),
          fc.constantFrom(...nodes).map((node) => ({ node })),
        );
  return fc
    .record({
      from,
      to: fc.constantFrom(...services),
      every: fc.integer({ min: 1, max: 10 }).map((s) => 11_000 - s * 1_000),
      start: fc.integer({ min: 0, max: Math.max(0, horizon - 1_000) }),
      length: fc.integer({ min: 1_000, max: Math.max(1_000, horizon) }),
    })
    .map(({ from: f, to, every, start, length }) => ({
      from: f,
      to,
      every,
      start,
      until: Math.max(start + 1_000, Math.min(horizon, start + length)),
    }));
}
