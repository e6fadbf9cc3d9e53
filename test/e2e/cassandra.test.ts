// The cassandra example from the Kubernetes examples repository, as written: a headless Service
// and a 3-replica StatefulSet with readiness probes (15 s initial delay), a preStop hook and
// volumeClaimTemplates.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '@kubesim/sim';

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/kubernetes-examples/${name}`, import.meta.url), 'utf8');

describe('cassandra StatefulSet example', () => {
  it('starts the pods in order, gives each its claim volume and a DNS name through the headless Service', () => {
    const sim = createSimulation({ seed: 3 });
    sim.addNodes(3, { zones: ['a', 'b', 'c'] });
    const applied = sim.apply(
      fixture('cassandra-service.yaml') + '\n---\n' + fixture('cassandra-statefulset.yaml'),
    );
    expect(applied.map((o) => o.kind)).toEqual(['Service', 'StatefulSet', 'StorageClass']);
    const readyAt = new Map<string, number>();
    sim.watch('Pod', (ev) => {
      const pod = ev.object;
      const ready = pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
      if (ready === true && !readyAt.has(pod.metadata.name))
        readyAt.set(pod.metadata.name, sim.now);
    });
    sim.settle();
    const pods = sim.list('Pod');
    expect(pods.map((p) => p.metadata.name)).toEqual(['cassandra-0', 'cassandra-1', 'cassandra-2']);
    // OrderedReady: each pod becomes Ready after the previous one (readiness needs ≥ 15 s each).
    const times = ['cassandra-0', 'cassandra-1', 'cassandra-2'].map((n) => readyAt.get(n) ?? NaN);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(15_000);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(15_000);
    const volumes = (pods[0]?.spec as { volumes?: unknown[] }).volumes;
    expect(volumes).toContainEqual({
      name: 'cassandra-data',
      persistentVolumeClaim: { claimName: 'cassandra-data-cassandra-0' },
    });
    expect(sim.getInert('StorageClass', 'fast')).toBeDefined();
    const a = sim.resolve('cassandra-1.cassandra');
    expect(a.records).toEqual([
      expect.objectContaining({ type: 'A', data: pods[1]?.status.podIP }),
    ]);
    expect(sim.resolve('cassandra').records).toHaveLength(3);
  });
});
