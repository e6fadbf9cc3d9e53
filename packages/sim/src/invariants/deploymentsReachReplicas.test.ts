import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation/createSimulation.js';
import { deploymentsReachReplicas } from './deploymentsReachReplicas.js';
import { deployment, webCluster } from './_internals/checkedRun.test-helper.js';

describe('deployments-reach-replicas', () => {
  it('holds after a crash, a recovery and a rollout', () => {
    const sim = webCluster(9);
    sim.faults.schedule([{ at: '10s', type: 'crashNode', target: 'node-0', duration: '10m' }]);
    sim.at('1m', (s) => {
      s.update('Deployment', 'web', (d) => {
        d.spec.replicas = 5;
      });
    });
    sim.runFor('15m');
    sim.settle();
    expect(deploymentsReachReplicas().check(sim, 'end')).toEqual([]);
    expect(sim.get('Deployment', 'web')?.status.availableReplicas).toBe(5);
  });

  it('asserts nothing when the replicas cannot all fit', () => {
    const sim = createSimulation({ seed: 1 });
    sim.addNodes(1, { cpu: '250m' });
    sim.apply(deployment('web', 4));
    sim.runFor('2m');
    sim.settle();
    expect(sim.get('Deployment', 'web')?.status.availableReplicas ?? 0).toBeLessThan(4);
    expect(deploymentsReachReplicas().check(sim, 'end')).toEqual([]);
  });

  it('flags a Deployment that fits but is short of available replicas', () => {
    const sim = webCluster(9);
    sim.runFor('1m');
    sim.settle();
    sim.updateStatus('Deployment', 'web', (d) => {
      d.status.availableReplicas = 1;
    });
    expect(
      deploymentsReachReplicas()
        .check(sim, 'end')
        .map((v) => v.message),
    ).toEqual([
      'Deployment default/web has 1 available replicas of 3 although the cluster has room for them',
    ]);
  });
});
