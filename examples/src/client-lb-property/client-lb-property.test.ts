// The client-side load balancer property: fast-check catches the naive version, shrinks the
// failure to one pod more than a slice holds, and the fixed version passes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KubeObjectInput } from '@kubesim/core';
import { createSimulation } from '@kubesim/sim';
import { fixedLoadBalancer, naiveLoadBalancer } from './loadBalancer.js';
import {
  checkScenario,
  expectedBackends,
  lbProperty,
  type LbScenarioConstraints,
} from './property.js';

// A small slice size finds the same bug with 6 pods instead of 101 (see main.ts --upstream).
const constraints = { maxEndpointsPerSlice: 5 };
// Pinned so the shrunk counterexample is the same on every run; any seed finds the bug.
const seed = 42;

/** Runs the property on the naive LB and returns the shrunk counterexample, checked again. */
function shrunkNaiveFailure(c: LbScenarioConstraints, seed: number) {
  const details = fc.check(lbProperty(naiveLoadBalancer, c), { seed, numRuns: 100 });
  expect(details.failed).toBe(true);
  const [scenario] = details.counterexample ?? [];
  if (scenario === undefined) throw new Error('fast-check found no counterexample');
  return { scenario, check: checkScenario(scenario, naiveLoadBalancer, c) };
}

describe('client-side load balancer over EndpointSlices', () => {
  // Several seeds: the bound is a property of the bug, not of one lucky search.
  it.each([42, 1, 7])(
    'naive (one slice per Service) fails, shrunk to maxEndpointsPerSlice + 1 pods (seed %i)',
    (seed) => {
      const { scenario, check } = shrunkNaiveFailure(constraints, seed);
      // The bound: the shrunk scenario is as small as the bug allows — one pod more than a slice
      // holds, from at most 2 Deployments (a split such as [2, 4] is as minimal as [6]).
      expect(scenario.deployments.length).toBeLessThanOrEqual(2);
      expect(scenario.scale.length).toBeLessThanOrEqual(1);
      expect(check.ok).toBe(false);
      expect(check.peakReplicas).toBe(constraints.maxEndpointsPerSlice + 1);
      expect(check.expected).toHaveLength(constraints.maxEndpointsPerSlice + 1);
      expect(check.slices).toBe(2);
      // The naive LB knows a strict subset: the backends of the one slice it kept.
      expect(check.actual.length).toBeLessThan(check.expected.length);
      expect(check.actual.every((ip) => check.expected.includes(ip))).toBe(true);
    },
  );

  it('naive is right while every endpoint fits in one slice', () => {
    const fits = { deployments: [constraints.maxEndpointsPerSlice], scale: [] };
    expect(checkScenario(fits, naiveLoadBalancer, constraints).ok).toBe(true);
  });

  it('with upstream slices of 100 and up to 250 replicas, the counterexample is exactly 101 pods', () => {
    const upstream = {
      maxEndpointsPerSlice: 100,
      maxReplicas: 250,
      maxDeployments: 2,
      maxSteps: 1,
    };
    const { scenario, check } = shrunkNaiveFailure(upstream, seed);
    expect(scenario.deployments.length).toBeLessThanOrEqual(2);
    expect(check.peakReplicas).toBe(101);
    expect(check.expected).toHaveLength(101);
    expect(check.slices).toBe(2);
  }, 30_000); // ~2 s alone

  it('fixed (all slices merged) matches the ready endpoints in every generated scenario', () => {
    fc.assert(lbProperty(fixedLoadBalancer, constraints), { seed, numRuns: 60 });
  }, 30_000); // ~5 s alone; room for a loaded machine

  it('fixed reads a missing ready condition as ready, as kube-proxy does', () => {
    const sim = createSimulation({ seed: 1 });
    sim.addNodes(1);
    const objects: KubeObjectInput[] = [
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'ext' },
        spec: { ports: [{ name: 'http', port: 80 }] },
      },
      {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: { name: 'ext-manual', labels: { 'kubernetes.io/service-name': 'ext' } },
        addressType: 'IPv4',
        ports: [{ name: 'http', port: 80 }],
        endpoints: [{ addresses: ['192.0.2.10'], conditions: {} }],
      },
    ];
    sim.apply(objects);
    const naive = naiveLoadBalancer(sim, 'default/ext');
    const fixed = fixedLoadBalancer(sim, 'default/ext');
    sim.settle();
    expect(expectedBackends(sim.endpointsOf('ext'))).toEqual(['192.0.2.10']);
    expect(fixed.backends()).toEqual(['192.0.2.10']);
    expect(naive.backends()).toEqual([]);
  });

  it('fixed falls back to serving, terminating endpoints when none is ready', () => {
    const sim = createSimulation({ seed: 1 });
    sim.addNodes(2);
    sim.apply([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web' },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: 'web' } },
          template: {
            // The app needs 20 s to drain after SIGTERM: its endpoint is serving and terminating.
            metadata: {
              labels: { app: 'web' },
              annotations: { 'kubesim.io/behavior': '{ terminationDelay: 20s }' },
            },
            spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }] }] },
          },
        },
      },
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'web' },
        spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
      },
    ]);
    const fixed = fixedLoadBalancer(sim, 'default/web');
    sim.settle();
    const [only] = fixed.backends();
    expect(only).toBeDefined();

    sim.update('Deployment', 'web', (d) => {
      d.spec.replicas = 0;
    });
    sim.runFor('2s');
    const [endpoint] = sim.endpointsOf('web');
    expect(endpoint).toMatchObject({ ip: only, ready: false, serving: true, terminating: true });
    expect(fixed.backends()).toEqual([only]);
    // kube-proxy agrees: it still routes to the terminating pod.
    const node = sim.list('Node')[0]?.metadata.name ?? '';
    expect(sim.connect({ from: { node }, to: 'web' })).toMatchObject({ outcome: 'ok', ip: only });

    sim.settle();
    expect(fixed.backends()).toEqual([]);
  });
});
