import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation/createSimulation.js';

describe('node IPAM in the World', () => {
  it('gives nodes the lowest free block, records CIDRNotAvailable when full, reuses a freed block', () => {
    const sim = createSimulation({
      seed: 'ipam',
      config: { clusterCIDR: '10.0.0.0/23', nodeCIDRMaskSize: 24 },
    });
    sim.addNodes(3);
    sim.settle();
    const cidrs = sim.list('Node').map((n) => [n.metadata.name, n.spec.podCIDR]);
    expect(cidrs).toEqual([
      ['node-0', '10.0.0.0/24'],
      ['node-1', '10.0.1.0/24'],
      ['node-2', undefined],
    ]);
    const refused = sim
      .listInert('Event')
      .filter((e) => (e as { reason?: string }).reason === 'CIDRNotAvailable');
    expect(refused.map((e) => (e as { message?: string }).message)).toEqual([
      'Node node-2 status is now: CIDRNotAvailable',
    ]);
    sim.delete('Node', 'node-0');
    sim.addNodes(1);
    sim.settle();
    expect(sim.get('Node', 'node-3')?.spec.podCIDR).toBe('10.0.0.0/24');
  });
});
