// A small node-failure run shared by the report tests: 4 nodes, a 3-replica web Deployment behind
// a Service, traffic from outside every 200 ms, the node of one backend loses power at 30 s.
import { createSimulation } from '../simulation/createSimulation.js';
import type { Simulation } from '../simulation/types.js';
import { webAppManifests } from '../testFixtures.test-helper.js';

/** Crash time of the victim node. */
export const CRASH_AT = 30_000;

/** Runs the node-failure scenario to `horizon` ms and returns the simulation. */
export function nodeFailureRun(horizon = 120_000, seed = 5): Simulation {
  const sim = createSimulation({ seed });
  sim.addNodes(4);
  sim.apply(webAppManifests('web', 3));
  sim.traffic({ from: { external: true }, to: 'web', every: '200ms' });
  sim.at(CRASH_AT, (s) => {
    const victim = s.list('Pod', { labelSelector: 'app=web' })[0]?.spec.nodeName ?? 'node-0';
    s.faults.crashNode(victim);
  });
  sim.runFor(horizon);
  return sim;
}
