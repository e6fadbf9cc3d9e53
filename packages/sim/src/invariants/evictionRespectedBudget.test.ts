import { describe, expect, it } from 'vitest';
import { EvictionRefusedError } from '@kubesim/core';
import { evictionRespectedBudget } from './evictionRespectedBudget.js';
import { runChecked, webCluster } from './_internals/checkedRun.test-helper.js';

function podNames(sim: ReturnType<typeof webCluster>): string[] {
  return sim.list('Pod').map((p) => p.metadata.name);
}

describe('eviction-respected-budget', () => {
  it('holds for evictions the API admits, refuses, and lets go unhealthy', () => {
    const sim = webCluster(6);
    const inv = evictionRespectedBudget();
    sim.at('30s', (s) => {
      const [a, b] = podNames(s);
      s.evict(a ?? '');
      expect(() => {
        s.evict(b ?? '');
      }).toThrow(EvictionRefusedError);
    });
    sim.at('2m', (s) => {
      s.drain('node-0');
    });
    expect(runChecked(sim, [inv], 5 * 60_000)).toEqual([]);
    expect(
      sim.trace.entries.some(
        (e) =>
          e.kind === 'PodDisruptionBudget' &&
          JSON.stringify(e.patches ?? []).includes('disruptedPods'),
      ),
    ).toBe(true);
  });

  it('flags a pod marked evicted by the API while its budget allowed no disruption', () => {
    const sim = webCluster(6);
    sim.runFor('30s');
    sim.update('PodDisruptionBudget', 'web', (p) => {
      p.spec.minAvailable = 3;
    });
    sim.runFor('1s');
    expect(sim.get('PodDisruptionBudget', 'web')?.status.disruptionsAllowed).toBe(0);
    const inv = evictionRespectedBudget();
    expect(inv.check(sim, 'step')).toEqual([]);
    const name = podNames(sim)[0] ?? '';
    sim.updateStatus('Pod', name, (p) => {
      (p.status.conditions ??= []).push({
        type: 'DisruptionTarget',
        status: 'True',
        reason: 'EvictionByEvictionAPI',
      });
    });
    const found = inv.check(sim, 'step');
    expect(found.map((v) => v.message)).toEqual([
      `pod default/${name} was evicted without spending a disruption of budget default/web`,
    ]);
  });

  it('flags a budget that spends a disruption it did not have', () => {
    const sim = webCluster(6);
    sim.runFor('30s');
    sim.update('PodDisruptionBudget', 'web', (p) => {
      p.spec.minAvailable = 3;
    });
    sim.runFor('1s');
    const inv = evictionRespectedBudget();
    sim.updateStatus('PodDisruptionBudget', 'web', (p) => {
      p.status.disruptedPods = { 'web-x': '2025-01-01T00:00:31Z' };
    });
    expect(inv.check(sim, 'step').map((v) => v.message)).toEqual([
      'budget default/web admitted the eviction of default/web-x with disruptionsAllowed 0',
    ]);
  });
});
