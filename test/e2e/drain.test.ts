// kubectl drain under a PodDisruptionBudget: evictions are refused (429) while the budget is
// spent and retried every 5 s; the budget is never violated; the node ends empty.
import { describe, expect, it } from 'vitest';
import { EvictionRefusedError } from '@kubesim/core';
import { createSimulation } from '@kubesim/sim';
import { podsOf, webApp } from './helpers.js';

const pdb = {
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name: 'web' },
  spec: { minAvailable: 2, selector: { matchLabels: { app: 'web' } } },
};

describe('drain with a PodDisruptionBudget', () => {
  it('evicts one pod, is refused until a replacement is Ready, never violates the budget, and empties the node', () => {
    const sim = createSimulation({ seed: 3 });
    sim.addNodes(2);
    // Slow-starting replicas make the refusal window visible.
    sim.apply(
      webApp('web', 3, {
        annotations: { 'kubesim.io/behavior': '{readyAfter: 20s}' },
        readinessProbe: true,
      }),
    );
    sim.apply(pdb);
    sim.settle();
    sim.addNodes(1);
    sim.settle();
    const byNode = new Map<string, number>();
    for (const p of podsOf(sim, 'web'))
      byNode.set(p.spec.nodeName ?? '', (byNode.get(p.spec.nodeName ?? '') ?? 0) + 1);
    const [target, count] = [...byNode.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    expect(count).toBe(2);

    let minReady = Infinity;
    const handle = sim.drain(target);
    const done = sim.runUntil(
      (s) => {
        const ready = s.endpointsOf('web').filter((e) => e.ready).length;
        minReady = Math.min(minReady, ready);
        return handle.done;
      },
      { timeout: '10m' },
    );
    expect(done).toBe(true);
    expect(handle.evicted).toHaveLength(2);
    expect(handle.refusals).toBeGreaterThan(0);
    expect(minReady).toBeGreaterThanOrEqual(2);
    expect(
      sim.list('Pod', { labelSelector: 'app=web' }).filter((p) => p.spec.nodeName === target),
    ).toHaveLength(0);
    expect(sim.get('Node', target)?.spec.unschedulable).toBe(true);
  });

  it('refuses a direct eviction with 429 when the budget allows no disruption', () => {
    const sim = createSimulation({ seed: 4 });
    sim.addNodes(3);
    sim.apply(webApp('web', 2));
    sim.apply(pdb);
    sim.settle();
    const [first] = podsOf(sim, 'web');
    try {
      sim.evict(`default/${first?.metadata.name ?? ''}`);
      expect.unreachable('eviction should be refused');
    } catch (err) {
      expect(err).toBeInstanceOf(EvictionRefusedError);
      expect((err as EvictionRefusedError).code).toBe('TooManyRequests');
      expect((err as EvictionRefusedError).status).toBe(429);
    }
    expect(
      sim.get('Pod', `default/${first?.metadata.name ?? ''}`)?.metadata.deletionTimestamp,
    ).toBeUndefined();
  });
});
