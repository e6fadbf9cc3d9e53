// Required pod anti-affinity on kubernetes.io/hostname: two replicas over two nodes; when one
// node crashes its replacement has nowhere to go (the survivor's node is forbidden) and stays
// Pending with upstream's reason, until a third node joins.
import { describe, expect, it } from 'vitest';
import type { KubeObjectInput } from '@kubesim/core';
import { createSimulation } from '@kubesim/sim';

const antiAffineWeb: KubeObjectInput = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        affinity: {
          podAntiAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [
              {
                labelSelector: { matchLabels: { app: 'web' } },
                topologyKey: 'kubernetes.io/hostname',
              },
            ],
          },
        },
        containers: [{ name: 'web', image: 'nginx' }],
      },
    },
  },
};

describe('required pod anti-affinity', () => {
  it('keeps the replacement of a crashed node Pending until a third node joins', () => {
    const sim = createSimulation({ seed: 7 });
    sim.addNodes(2);
    sim.apply(antiAffineWeb);
    sim.settle();
    const placed = sim.list('Pod', { labelSelector: 'app=web' });
    expect(placed).toHaveLength(2);
    const nodesUsed = new Set(placed.map((p) => p.spec.nodeName));
    expect(nodesUsed.size).toBe(2);

    const victim = placed[0]?.spec.nodeName ?? '';
    sim.faults.crashNode(victim);
    sim.runFor('500s');

    const pending = sim
      .list('Pod', { labelSelector: 'app=web' })
      .filter((p) => p.spec.nodeName === undefined || p.spec.nodeName === '');
    expect(pending).toHaveLength(1);
    const cond = pending[0]?.status.conditions?.find((c) => c.type === 'PodScheduled');
    expect(cond?.status).toBe('False');
    expect(cond?.reason).toBe('Unschedulable');
    expect(cond?.message).toContain("1 node(s) didn't match pod anti-affinity rules");

    const [added] = sim.addNodes(1);
    sim.runFor('30s');
    const key = `${pending[0]?.metadata.namespace ?? ''}/${pending[0]?.metadata.name ?? ''}`;
    const after = sim.get('Pod', key);
    expect(after?.spec.nodeName).toBe(added?.metadata.name);
  });
});
