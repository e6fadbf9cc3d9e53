// A node cut off from the control plane: its kubelet's writes do not reach the API while the
// partition lasts, and when it heals the kubelet re-asserts its pods' status (Ready again).
import { describe, expect, it } from 'vitest';
import { createSimulation } from '@kubesim/sim';
import { podsOf, readyStatus, runTo, webApp } from './helpers.js';

describe('partition and heal', () => {
  it('holds the kubelet writes during the partition and restores Ready after the heal', () => {
    const sim = createSimulation({ seed: 13 });
    sim.addNodes(3);
    sim.apply(webApp('web', 3, { readinessProbe: true }));
    sim.settle();
    const [pod] = podsOf(sim, 'web');
    const node = pod?.spec.nodeName ?? '';
    const key = `default/${pod?.metadata.name ?? ''}`;
    expect(readyStatus(sim, key)).toBe('True');

    runTo(sim, 30_000);
    sim.faults.partitionNode(node);
    // The node monitor marks the pod NotReady once the grace period has passed.
    runTo(sim, 30_000 + 70_000);
    expect(readyStatus(sim, key)).toBe('False');
    // The application's readiness probe now fails on the node: the kubelet sees it, but its
    // status write cannot reach the API server.
    sim.faults.failReadiness(key, '45s'); // three failed probes (10 s apart): NotReady, then Ready again
    const rvBefore = sim.get('Pod', key)?.metadata.resourceVersion;
    runTo(sim, sim.now + 80_000);
    expect(sim.get('Pod', key)?.metadata.resourceVersion).toBe(rvBefore);

    // Healed: the kubelet's view (the probe passes again) reaches the API, and the node is Ready.
    sim.faults.healNode(node);
    runTo(sim, sim.now + 10_000);
    expect(readyStatus(sim, key)).toBe('True');
    expect(sim.get('Node', node)?.status.conditions?.find((c) => c.type === 'Ready')?.status).toBe(
      'True',
    );
    expect(sim.endpointsOf('web').find((e) => e.podKey === key)?.ready).toBe(true);
  });
});
