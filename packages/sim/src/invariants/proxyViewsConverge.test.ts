import { describe, expect, it } from 'vitest';
import { proxyViewsConverge } from './proxyViewsConverge.js';
import { webCluster } from './_internals/checkedRun.test-helper.js';

describe('proxy-views-converge', () => {
  it('holds after settle, with a partitioned node left out until it heals', () => {
    const sim = webCluster(8);
    sim.faults.schedule([{ at: '10s', type: 'partitionNode', target: 'node-2' }]);
    sim.at('40s', (s) => {
      s.delete('Service', 'web');
    });
    sim.runFor('2m');
    sim.settle();
    const inv = proxyViewsConverge();
    expect(inv.check(sim, 'end')).toEqual([]);
    sim.faults.healNode('node-2');
    sim.settle();
    expect(inv.check(sim, 'end')).toEqual([]);
  });

  it('flags views that have not caught up with the store', () => {
    const sim = webCluster(8);
    sim.runFor('1m');
    sim.update('Service', 'web', (s) => {
      s.metadata.labels = { tier: 'front' };
    });
    const found = proxyViewsConverge().check(sim, 'end');
    expect(found.map((v) => v.subjects?.[1])).toEqual(['node-0', 'node-1', 'node-2']);
    expect(found[0]?.message).toMatch(
      /kube-proxy on node-0 has not converged for default\/web: Service at rv \d+, store \d+/,
    );
  });
});
