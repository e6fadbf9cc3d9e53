// a Deployment spec change that only adds a map key named like an Object.prototype
// member ('constructor') inside an array element: core deepEqual(before, after) says equal
// (`k in ao` sees the inherited member), so (1) the generation does not move and (2) the trace
// (format 2) records no patch for it, so a replay of the trace misses the stored change.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation/createSimulation.js';
import { objectAfter } from './applyTracePatches.js';

const deployment = (matchLabels: Record<string, string>) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [{ name: 'web', image: 'nginx' }],
        topologySpreadConstraints: [
          {
            maxSkew: 1,
            topologyKey: 'kubernetes.io/hostname',
            whenUnsatisfiable: 'ScheduleAnyway',
            labelSelector: { matchLabels },
          },
        ],
      },
    },
  },
});

describe('prototype-named keys inside arrays', () => {
  it('the trace replays a Deployment whose spread constraint gains matchLabels.constructor', () => {
    const sim = createSimulation({ seed: 1 });
    sim.addNodes(1);
    sim.apply(deployment({ app: 'web' }));
    sim.settle();
    const before = sim.get('Deployment', 'default/web');
    sim.apply(deployment({ app: 'web', constructor: 'x' }));
    const stored = sim.get('Deployment', 'default/web');
    expect(
      stored?.spec.template.spec.topologySpreadConstraints?.[0]?.labelSelector?.matchLabels,
    ).toEqual({ app: 'web', constructor: 'x' });
    // Replay the Deployment from the trace.
    let replayed: unknown;
    for (const e of sim.trace.entries) {
      if (e.kind === 'Deployment' && e.key === 'default/web') replayed = objectAfter(replayed, e);
    }
    expect.soft(replayed).toEqual(stored);
    // A spec change moves the generation (apiserver: any spec change).
    expect.soft(stored?.metadata.generation).toBe((before?.metadata.generation ?? 0) + 1);
  });
});
