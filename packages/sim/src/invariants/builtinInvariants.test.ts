import { describe, expect, it } from 'vitest';
import { ScenarioError } from '@kubesim/core';
import {
  BUILTIN_INVARIANT_NAMES,
  builtinInvariants,
  invariantsByName,
} from './builtinInvariants.js';
import { runChecked, settleChecked, webCluster } from './_internals/checkedRun.test-helper.js';

describe('builtinInvariants', () => {
  it('lists every built-in once, safety ones first', () => {
    const all = builtinInvariants();
    expect(all.map((i) => i.name)).toEqual(
      BUILTIN_INVARIANT_NAMES.filter((n) => n !== 'settles' && n !== 'terminates'),
    );
    expect(all.slice(0, 4).every((i) => i.kind === 'safety')).toBe(true);
    expect(all.slice(4).every((i) => i.kind === 'liveness')).toBe(true);
  });

  it('gives fresh instances on every call', () => {
    expect(builtinInvariants()[0]).not.toBe(builtinInvariants()[0]);
  });

  it('picks invariants by name and accepts the names runScenario reports itself', () => {
    expect(invariantsByName(['slices-well-formed', 'settles']).map((i) => i.name)).toEqual([
      'slices-well-formed',
    ]);
  });

  it('refuses an unknown name with a ScenarioError at its path', () => {
    expect(() => invariantsByName(['settles', 'no-such-thing'])).toThrow(ScenarioError);
    try {
      invariantsByName(['settles', 'no-such-thing']);
    } catch (err) {
      expect((err as ScenarioError).path).toBe('invariants[1]');
    }
  });
});

describe('every built-in holds on correct runs', () => {
  it('through a node crash and recovery, a drain under the budget, and a rollout', () => {
    const sim = webCluster(3);
    const inv = builtinInvariants();
    sim.faults.schedule([{ at: '30s', type: 'crashNode', target: 'node-1', duration: '8m' }]);
    sim.at('2m', (s) => {
      s.drain('node-2');
    });
    sim.at('4m', (s) => {
      s.update('Deployment', 'web', (d) => {
        const c = d.spec.template.spec.containers[0];
        if (c !== undefined) c.image = 'app:2';
      });
    });
    sim.at('5m', (s) => {
      const pod = s.list('Pod').find((p) => p.spec.nodeName === 'node-0');
      if (pod !== undefined) s.faults.killPod(`default/${pod.metadata.name}`);
    });
    sim.at('10m', (s) => {
      s.update('Node', 'node-2', (n) => {
        n.spec.unschedulable = false;
      });
    });
    expect(runChecked(sim, inv, 12 * 60_000)).toEqual([]);
    expect(settleChecked(sim, inv)).toEqual([]);
    expect(sim.get('Deployment', 'web')?.status.availableReplicas).toBe(3);
  });

  it('through a partition that heals and a readiness failure', () => {
    const sim = webCluster(4);
    const inv = builtinInvariants();
    sim.faults.schedule([{ at: '20s', type: 'partitionNode', target: 'node-0', duration: '2m' }]);
    sim.at('3m', (s) => {
      const pod = s.list('Pod')[1];
      if (pod !== undefined) s.faults.failReadiness(`default/${pod.metadata.name}`, '1m');
    });
    expect(runChecked(sim, inv, 8 * 60_000)).toEqual([]);
    expect(settleChecked(sim, inv)).toEqual([]);
  });
});
