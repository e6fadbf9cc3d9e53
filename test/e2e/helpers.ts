// Shared builders for the end-to-end tests.
import { createSimulation, type Simulation } from '@kubesim/sim';
import { webAppManifests } from '../../packages/sim/src/testFixtures.test-helper.js';

/** A Deployment with `replicas` pods labelled app=<name>, and a Service selecting them. */
export { webAppManifests as webApp } from '../../packages/sim/src/testFixtures.test-helper.js';

/** Runs every task due at or before `t` (absolute virtual ms). */
export function runTo(sim: Simulation, t: number): void {
  sim.runFor(t - sim.now);
}

/** Pods of the app, by key. */
export function podsOf(sim: Simulation, app: string) {
  return sim.list('Pod', { labelSelector: `app=${app}` });
}

/** The Ready condition status of a pod. */
export function readyStatus(sim: Simulation, podKey: string): string | undefined {
  return sim.get('Pod', podKey)?.status.conditions?.find((c) => c.type === 'Ready')?.status;
}

/** Two nodes and the `web` app with 2 replicas, settled. */
export function settledWeb(seed = 7): Simulation {
  const sim = createSimulation({ seed });
  sim.addNodes(2);
  sim.apply(webAppManifests('web', 2));
  sim.settle();
  return sim;
}
