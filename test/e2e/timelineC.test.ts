// Timeline C of §11b through the whole simulation (scheduler, kubelets, readiness delays): the
// (new, old) ReplicaSet replica counts of a rolling update, recorded by a user watch.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '@kubesim/sim';

function rollout(replicas: number, strategy: Record<string, unknown>): string[] {
  // Start delays jitter (seeded) so new pods become available one at a time, as §11b assumes;
  // pods that become available at the same instant are scaled down together, as upstream does.
  const sim = createSimulation({
    seed: 8,
    config: { containerStartDelay: { min: 100, max: 5000 } },
  });
  sim.addNodes(4);
  const deployment = (image: string) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas,
      strategy,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: {
          labels: { app: 'web' },
          annotations: { 'kubesim.io/behavior': '{readyAfter: 4s}' },
        },
        spec: {
          containers: [
            { name: 'web', image, readinessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 1 } },
          ],
        },
      },
    },
  });
  sim.apply(deployment('nginx:1'));
  sim.settle();
  const oldRs = sim.list('ReplicaSet')[0]?.metadata.name ?? '';
  const replicasOf = new Map<string, number>([[oldRs, replicas]]);
  const seen: string[] = [];
  sim.watch('ReplicaSet', (ev) => {
    const rs = ev.object;
    const before = replicasOf.get(rs.metadata.name);
    replicasOf.set(rs.metadata.name, rs.spec.replicas);
    if (before === rs.spec.replicas && ev.type !== 'ADDED') return;
    const newCount = [...replicasOf.entries()]
      .filter(([n]) => n !== oldRs)
      .reduce((a, [, v]) => a + v, 0);
    const step = `(${newCount},${replicasOf.get(oldRs) ?? 0})`;
    if (seen[seen.length - 1] !== step) seen.push(step);
  });
  sim.update('Deployment', 'web', (d) => {
    const c = d.spec.template.spec.containers[0];
    if (c) c.image = 'nginx:2';
  });
  sim.settle();
  return [`(0,${replicas})`, ...seen.filter((s) => s !== `(0,${replicas})`)];
}

describe('timeline C: rolling update', () => {
  it('replicas 4, maxSurge 1, maxUnavailable 1: the exact (new, old) sequence', () => {
    expect(
      rollout(4, { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } }),
    ).toEqual(['(0,4)', '(1,4)', '(1,3)', '(2,3)', '(2,2)', '(3,2)', '(3,1)', '(4,1)', '(4,0)']);
  });

  it('replicas 10 with the 25 % defaults: (3,10) → (3,8) → (5,8) → … → (10,0)', () => {
    const steps = rollout(10, { type: 'RollingUpdate' });
    expect(steps.slice(0, 4)).toEqual(['(0,10)', '(3,10)', '(3,8)', '(5,8)']);
    expect(steps[steps.length - 1]).toBe('(10,0)');
  });
});
