// Zone disruption states of the node lifecycle controller (§6.6), end to end.
import { describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '@kubesim/sim';

const noExecuteTainted = (sim: Simulation, zone: string): number =>
  sim
    .list('Node')
    .filter((n) => n.metadata.labels?.['topology.kubernetes.io/zone'] === zone)
    .filter((n) =>
      n.spec.taints?.some(
        (t) => t.key === 'node.kubernetes.io/unreachable' && t.effect === 'NoExecute',
      ),
    ).length;

function zones(perZone: number): Simulation {
  const sim = createSimulation({ seed: 1 });
  sim.addNodes(perZone * 3, { zones: ['a', 'b', 'c'] });
  sim.settle();
  sim.runFor('61s');
  return sim;
}

const nodesIn = (sim: Simulation, zone: string): string[] =>
  sim
    .list('Node')
    .filter((n) => n.metadata.labels?.['topology.kubernetes.io/zone'] === zone)
    .map((n) => n.metadata.name);

describe('zone disruption', () => {
  it('a partially disrupted small zone (≥55 %, >2 nodes down, ≤50 nodes) stops tainting', () => {
    const sim = zones(4);
    for (const n of nodesIn(sim, 'a').slice(0, 3)) sim.faults.crashNode(n);
    sim.runFor('10m');
    expect(noExecuteTainted(sim, 'a')).toBe(0);
  });

  it('a fully disrupted zone keeps the normal rate of 0.1 nodes/s', () => {
    const sim = zones(4);
    for (const n of nodesIn(sim, 'a')) sim.faults.crashNode(n);
    sim.runFor('65s');
    const first = noExecuteTainted(sim, 'a');
    expect(first).toBeGreaterThanOrEqual(1);
    sim.runFor('30s');
    expect(noExecuteTainted(sim, 'a')).toBe(4);
  });

  it('a partially disrupted zone above 50 nodes taints at the secondary rate of 0.01 nodes/s', () => {
    const sim = zones(51);
    const down = nodesIn(sim, 'a').slice(0, 30); // 30/51 ≥ 55 %
    for (const n of down) sim.faults.crashNode(n);
    sim.runFor('70s');
    const start = noExecuteTainted(sim, 'a');
    sim.runFor('200s');
    const added = noExecuteTainted(sim, 'a') - start;
    expect(added).toBeGreaterThanOrEqual(1);
    expect(added).toBeLessThanOrEqual(3); // about one every 100 s
  });

  it('when every zone is down tainting stops and existing NoExecute taints are removed', () => {
    const sim = zones(3);
    for (const z of ['a', 'b']) for (const n of nodesIn(sim, z)) sim.faults.crashNode(n);
    sim.runFor('2m');
    expect(noExecuteTainted(sim, 'a') + noExecuteTainted(sim, 'b')).toBeGreaterThan(0);
    for (const n of nodesIn(sim, 'c')) sim.faults.crashNode(n);
    sim.runFor('2m');
    expect(
      noExecuteTainted(sim, 'a') + noExecuteTainted(sim, 'b') + noExecuteTainted(sim, 'c'),
    ).toBe(0);
  });
});
