import { describe, expect, it } from 'vitest';
import type { StoreEvent } from '@kubesim/core';
import { createSimulation } from '../simulation/createSimulation.js';
import { internalsOf } from '../simulation/internals.js';
import type { World } from './world.js';
import { webAppManifests } from '../testFixtures.test-helper.js';

describe('fan-out by interest', () => {
  it("a controller's kinds list every kind its keysFor reacts to", () => {
    const sim = createSimulation({ seed: 'fan-out' });
    // The test sits beside the World and checks its runtimes: it may see the class itself.
    const world = internalsOf(sim) as unknown as World;
    const events: StoreEvent[] = [];
    world.store.watch((ev) => events.push(ev));
    sim.addNodes(3, { zones: ['a', 'b'] });
    sim.apply([
      ...webAppManifests('web', 3),
      {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: { name: 'web' },
        spec: { minAvailable: 2, selector: { matchLabels: { app: 'web' } } },
      },
    ]);
    sim.settle();
    sim.faults.crashNode('node-0');
    sim.runFor('6m');
    sim.update('Deployment', 'web', (d) => {
      d.spec.template.spec.containers[0]!.image = 'web:2';
    });
    sim.runFor('2m');
    sim.delete('Service', 'web');
    sim.runFor('10s');
    const kindsSeen = new Set(events.map((e) => e.kind));
    expect([...kindsSeen]).toEqual(expect.arrayContaining(['Pod', 'Node', 'Lease', 'Event']));
    let checked = 0;
    for (const rt of world.runtimes) {
      const kinds = rt.controller.kinds;
      if (kinds === undefined) continue;
      for (const ev of events) {
        if (kinds.includes(ev.kind)) continue;
        checked += 1;
        expect(rt.controller.keysFor(ev, world.store), `${rt.controller.name} ${ev.kind}`).toEqual(
          [],
        );
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
