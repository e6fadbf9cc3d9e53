/**
 * Test helpers: a small cluster with a Deployment, a Service and a budget, and a run that checks
 * invariants after every instant and at quiescence (what runScenario does).
 */
import type { KubeObjectInput } from '@kubesim/core';
import { createSimulation } from '../../simulation/createSimulation.js';
import type { Simulation } from '../../simulation/types.js';
import type { Invariant, Violation } from '../types.js';

export function deployment(
  name: string,
  replicas: number,
  extra: Record<string, unknown> = {},
): KubeObjectInput {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [
            {
              name: 'app',
              image: 'app:1',
              ports: [{ name: 'http', containerPort: 8080 }],
              resources: { requests: { cpu: '100m', memory: '64Mi' } },
              readinessProbe: { httpGet: { path: '/', port: 8080 } },
            },
          ],
        },
      },
      ...extra,
    },
  };
}

export function service(name: string, extra: Record<string, unknown> = {}): KubeObjectInput {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name },
    spec: {
      selector: { app: name },
      ports: [{ name: 'web', port: 80, targetPort: 'http' }],
      ...extra,
    },
  };
}

export function pdb(name: string, minAvailable: number): KubeObjectInput {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name },
    spec: { minAvailable, selector: { matchLabels: { app: name } } },
  };
}

/** 3 nodes in 2 zones, `web` (3 replicas) behind a Service, and a budget of minAvailable 2. */
export function webCluster(seed = 1): Simulation {
  const sim = createSimulation({ seed });
  sim.addNodes(3, { zones: ['a', 'b'] });
  sim.apply([deployment('web', 3), service('web'), pdb('web', 2)]);
  return sim;
}

/** Runs `d` ms checking the safety invariants after every instant; returns what they reported. */
export function runChecked(
  sim: Simulation,
  invariants: readonly Invariant[],
  d: number,
): Violation[] {
  const out: Violation[] = [];
  const end = sim.now + d;
  sim.runUntil(
    (s) => {
      for (const inv of invariants) if (inv.kind === 'safety') out.push(...inv.check(s, 'step'));
      return s.now >= end;
    },
    { timeout: d },
  );
  return out;
}

/** Settles, then runs the liveness invariants. */
export function settleChecked(sim: Simulation, invariants: readonly Invariant[]): Violation[] {
  sim.settle();
  return invariants.filter((i) => i.kind === 'liveness').flatMap((i) => [...i.check(sim, 'end')]);
}
