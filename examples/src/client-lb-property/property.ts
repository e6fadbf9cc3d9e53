/**
 * The property: whatever Deployments stand behind a Service and however they are scaled, once
 * the cluster has settled the load balancer's backends are the endpoints kube-proxy would use —
 * the Service's ready endpoints, merged from all its slices (`sim.endpointsOf`).
 *
 * Scenarios are plain data, so fast-check can generate them and, when the property fails, shrink
 * them: fewer Deployments, fewer scaling steps, smaller replica counts, until nothing can be
 * removed without the failure going away.
 * @packageDocumentation
 */
import fc from 'fast-check';
import type { KubeObjectInput } from '@kubesim/core';
import { createSimulation, type EndpointView, type Simulation } from '@kubesim/sim';
import type { ClientLoadBalancer } from './loadBalancer.js';

/** A generated scenario. */
export interface LbScenario {
  /** Initial replicas of each Deployment; all of them are behind the one Service `web`. */
  readonly deployments: readonly number[];
  /** Scaling steps, applied one at a time, each followed by a settle and a check. */
  readonly scale: readonly { readonly deployment: number; readonly replicas: number }[];
}

/** How big scenarios get, and the slice size of the simulated cluster. */
export interface LbScenarioConstraints {
  /**
   * `--max-endpoints-per-slice` of the simulated EndpointSlice controller. Upstream's default is
   * 100; a small value finds the same bugs with far fewer pods, hence faster.
   * @defaultValue `5`
   */
  readonly maxEndpointsPerSlice?: number;
  /** @defaultValue `3 × maxEndpointsPerSlice` */
  readonly maxReplicas?: number;
  /** @defaultValue `3` */
  readonly maxDeployments?: number;
  /** @defaultValue `3` */
  readonly maxSteps?: number;
}

/** Scenarios: 1–3 Deployments of 0–maxReplicas pods, then up to 3 scaling steps. */
export function lbScenarioArb(c: LbScenarioConstraints = {}): fc.Arbitrary<LbScenario> {
  const maxReplicas = c.maxReplicas ?? 3 * (c.maxEndpointsPerSlice ?? 5);
  const maxDeployments = c.maxDeployments ?? 3;
  return fc.record({
    deployments: fc.array(fc.nat({ max: maxReplicas }), {
      minLength: 1,
      maxLength: maxDeployments,
    }),
    scale: fc.array(
      fc.record({
        deployment: fc.nat({ max: maxDeployments - 1 }),
        replicas: fc.nat({ max: maxReplicas }),
      }),
      { maxLength: c.maxSteps ?? 3 },
    ),
  });
}

/** Builds the load balancer under test. */
export type LoadBalancerFactory = (sim: Simulation, serviceKey: string) => ClientLoadBalancer;

/** What kube-proxy would route to: ready endpoints, else serving+terminating ones (§4.2). */
export function expectedBackends(endpoints: readonly EndpointView[]): string[] {
  const ready = endpoints.filter((e) => e.ready);
  const pool = ready.length > 0 ? ready : endpoints.filter((e) => e.serving && e.terminating);
  return [...new Set(pool.map((e) => e.ip))].sort();
}

/** The outcome of one scenario: the first checkpoint where the load balancer was wrong, if any. */
export interface LbCheck {
  readonly ok: boolean;
  /** Checkpoints passed before (and including) the failing one. */
  readonly checkpoints: number;
  /** At the failing checkpoint (or the last one): what the LB should hold and what it held. */
  readonly expected: readonly string[];
  readonly actual: readonly string[];
  /** How many EndpointSlices the Service had then. */
  readonly slices: number;
  /** The largest number of pods the scenario asked for at any checkpoint. */
  readonly peakReplicas: number;
}

function deployment(index: number, replicas: number): KubeObjectInput {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `web-${index}` },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web', track: `t${index}` } },
      template: {
        metadata: { labels: { app: 'web', track: `t${index}` } },
        spec: {
          containers: [
            {
              name: 'web',
              image: 'nginx',
              resources: { requests: { cpu: '10m' } },
              ports: [{ containerPort: 8080, name: 'http' }],
            },
          ],
        },
      },
    },
  };
}

const service: KubeObjectInput = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web' },
  spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
};

/**
 * Runs one scenario: the Service and the load balancer first (the LB watches from the start, as a
 * client started with the app would), then the Deployments; after the first settle and after
 * each scaling step, compares the LB's backends with {@link expectedBackends}.
 */
export function checkScenario(
  scenario: LbScenario,
  makeLb: LoadBalancerFactory,
  c: LbScenarioConstraints = {},
): LbCheck {
  const maxEndpointsPerSlice = c.maxEndpointsPerSlice ?? 5;
  const sim = createSimulation({ seed: 1, config: { maxEndpointsPerSlice } });
  // Enough nodes for the largest scenario (110 pods per node), the same for every scenario.
  const most = (c.maxDeployments ?? 3) * (c.maxReplicas ?? 3 * maxEndpointsPerSlice);
  sim.addNodes(Math.max(2, Math.ceil(most / 100)));
  sim.apply(service);
  const lb = makeLb(sim, 'default/web');
  sim.apply(scenario.deployments.map((r, i) => deployment(i, r)));

  const replicas = [...scenario.deployments];
  let peakReplicas = 0;
  let checkpoints = 0;
  const check = (): LbCheck => {
    sim.settle();
    checkpoints += 1;
    peakReplicas = Math.max(
      peakReplicas,
      replicas.reduce((a, b) => a + b, 0),
    );
    const expected = expectedBackends(sim.endpointsOf('default/web'));
    const actual = lb.backends();
    return {
      ok: JSON.stringify(expected) === JSON.stringify(actual),
      checkpoints,
      expected,
      actual,
      slices: sim.list('EndpointSlice', { labelSelector: 'kubernetes.io/service-name=web' }).length,
      peakReplicas,
    };
  };

  let result = check();
  for (const step of scenario.scale) {
    if (!result.ok) break;
    const index = step.deployment % replicas.length;
    replicas[index] = step.replicas;
    sim.update('Deployment', `default/web-${index}`, (d) => {
      d.spec.replicas = step.replicas;
    });
    result = check();
  }
  lb.close();
  return result;
}

/** The property, as fast-check runs it. */
export function lbProperty(
  makeLb: LoadBalancerFactory,
  c: LbScenarioConstraints = {},
): fc.IPropertyWithHooks<[LbScenario]> {
  return fc.property(lbScenarioArb(c), (scenario) => checkScenario(scenario, makeLb, c).ok);
}
