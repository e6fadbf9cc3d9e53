// Issue 14, data integrity: each bullet has a regression test named after it. Every refused
// write is a typed KubesimError naming the field, and leaves the store and trace unchanged.
import { KubesimError, ValidationError } from '@kubesim/core';
import { createSimulation, type Simulation } from '@kubesim/sim';
import { describe, expect, it } from 'vitest';
import { fingerprint } from './storeFingerprint.js';

type Obj = Record<string, unknown>;

const pod = (spec: Obj = {}, metadata: Obj = {}): Obj => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', ...metadata },
  spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec },
});
const deployment = (spec: Obj = {}, podSpec: Obj = {}): Obj => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'c', image: 'nginx' }], ...podSpec },
    },
    ...spec,
  },
});

function cluster(): Simulation {
  const sim = createSimulation({ seed: 1 });
  sim.addNodes(2);
  return sim;
}

/** Applies `input`, expecting a refusal: returns the error; checks nothing changed. */
function refused(sim: Simulation, input: unknown): KubesimError {
  const before = fingerprint(sim);
  let error: unknown;
  try {
    sim.apply(input as Obj);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(KubesimError);
  expect(fingerprint(sim)).toBe(before);
  sim.runFor('10s'); // and nothing breaks later
  return error as KubesimError;
}

const paths = (e: KubesimError): string[] =>
  e instanceof ValidationError ? e.issues.map((i) => i.path) : [];

describe('issue 14: data integrity', () => {
  it('a null list item passes validation (Service ports, containers, tolerations, slice endpoints) — now refused with its path', () => {
    const sim = cluster();
    const svc = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's' },
      spec: { ports: [null] },
    };
    expect(paths(refused(sim, svc))).toEqual(['spec.ports[0]']);
    expect(paths(refused(sim, pod({ containers: [{ name: 'c', image: 'i' }, null] })))).toEqual([
      'spec.containers[1]',
    ]);
    expect(paths(refused(sim, pod({ tolerations: [null] })))).toEqual(['spec.tolerations[0]']);
    const slice = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'e' },
      addressType: 'IPv4',
      endpoints: [null],
    };
    expect(paths(refused(sim, slice))).toEqual(['endpoints[0]']);
  });

  it('a null list item in Node taints/conditions/addresses: the Node is not committed', () => {
    const sim = cluster();
    const node = (spec: Obj, status: Obj = {}) => ({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'n' },
      spec,
      status,
    });
    expect(paths(refused(sim, node({ taints: [null] })))).toEqual(['spec.taints[0]']);
    expect(paths(refused(sim, node({}, { conditions: [null], addresses: [null] })))).toEqual([
      'status.conditions[0]',
      'status.addresses[0]',
    ]);
    expect(sim.get('Node', 'n')).toBeUndefined();
    expect(() => sim.addNodes(1)).not.toThrow();
  });

  it('a null list item in readinessGates, topologySpreadConstraints, affinity terms, template tolerations or volumeClaimTemplates is refused, so no later runFor throws', () => {
    const sim = cluster();
    expect(paths(refused(sim, pod({ readinessGates: [null] })))).toEqual([
      'spec.readinessGates[0]',
    ]);
    expect(paths(refused(sim, pod({ topologySpreadConstraints: [null] })))).toEqual([
      'spec.topologySpreadConstraints[0]',
    ]);
    const affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [null] },
      },
      podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [null] },
    };
    expect(paths(refused(sim, pod({ affinity })))).toEqual([
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]',
      'spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0]',
    ]);
    expect(paths(refused(sim, deployment({}, { tolerations: [null] })))).toEqual([
      'spec.template.spec.tolerations[0]',
    ]);
    const sts = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db' },
      spec: {
        serviceName: 'db',
        selector: { matchLabels: { app: 'db' } },
        template: {
          metadata: { labels: { app: 'db' } },
          spec: { containers: [{ name: 'c', image: 'i' }] },
        },
        volumeClaimTemplates: [null],
      },
    };
    expect(paths(refused(sim, sts))).toEqual(['spec.volumeClaimTemplates[0]']);
  });

  it('metadata.labels left empty (null): no TypeError and no ghost object (read as no labels, as the API server decodes it)', () => {
    const sim = cluster();
    sim.apply(pod({}, { labels: null }));
    expect(sim.get('Pod', 'p')?.metadata.labels ?? {}).toEqual({});
    sim.delete('Pod', 'p', { gracePeriodSeconds: 0 });
    sim.runFor('5s');
    expect(sim.get('Pod', 'p')).toBeUndefined();
    // A label value of null is refused, naming the key.
    expect(paths(refused(sim, pod({}, { labels: { a: null } })))).toEqual(['metadata.labels[a]']);
  });

  it('ownerReferences: [null] is refused with its path and leaves nothing behind', () => {
    const sim = cluster();
    expect(paths(refused(sim, pod({}, { ownerReferences: [null] })))).toEqual([
      'metadata.ownerReferences[0]',
    ]);
    expect(sim.get('Pod', 'p')).toBeUndefined();
  });

  it('__proto__ keys never become the prototype of stored objects (spec.__proto__.nodeName)', () => {
    const json =
      '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"__proto__":{"nodeName":"ghost"},"containers":[{"name":"c","image":"i"}]}}';
    const sim = cluster();
    const e = refused(sim, JSON.parse(json));
    expect(e.message).toMatch(/unknown field "spec\.__proto__"/);
    for (const mode of ['Warn', 'Ignore'] as const) {
      const s = cluster();
      s.apply(JSON.parse(json) as Obj, { fieldValidation: mode });
      const stored = s.get('Pod', 'p');
      expect(Object.getPrototypeOf(stored?.spec)).toBe(Object.prototype);
      expect(stored?.spec.nodeName).toBeUndefined();
    }
    const yaml =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: q}\nspec:\n  __proto__: {nodeName: ghost}\n  containers: [{name: c, image: i}]\n';
    expect(() => sim.apply(yaml)).toThrow(/unknown field "spec\.__proto__"/);
  });

  it('label selectors inside pod specs are refused at apply, not thrown later by the scheduler', () => {
    const sim = cluster();
    const affinity = {
      podAntiAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [
          {
            topologyKey: 'kubernetes.io/hostname',
            labelSelector: { matchExpressions: [{ key: 'app', operator: 'Bogus', values: ['x'] }] },
          },
        ],
      },
    };
    const e = refused(sim, pod({ affinity }));
    expect(paths(e)[0]).toMatch(/labelSelector\.matchExpressions\[0\]\.operator$/);
    const spread = {
      topologySpreadConstraints: [
        {
          maxSkew: 1,
          topologyKey: 'zone',
          whenUnsatisfiable: 'Sometimes',
          labelSelector: { matchLabels: { 'bad key!': 'x' } },
        },
      ],
    };
    expect(paths(refused(sim, deployment({}, spread)))).toEqual([
      'spec.template.spec.topologySpreadConstraints[0].whenUnsatisfiable',
      'spec.template.spec.topologySpreadConstraints[0].labelSelector.matchLabels',
    ]);
  });

  it('quantities above 2^53 are refused at apply, not thrown later by the scheduler', () => {
    const sim = cluster();
    const big = pod({
      containers: [
        { name: 'c', image: 'i', resources: { requests: { cpu: '1e30', memory: '1e30' } } },
      ],
    });
    expect(paths(refused(sim, big))).toEqual([
      'spec.containers[0].resources.requests[cpu]',
      'spec.containers[0].resources.requests[memory]',
    ]);
    sim.apply(
      pod({
        containers: [
          { name: 'c', image: 'i', resources: { requests: { cpu: '8', memory: '1Pi' } } },
        ],
      }),
    );
    expect(() => {
      sim.runFor('10s');
    }).not.toThrow();
  });

  it('replicas of 2^31 are refused as upstream does (int32 does not decode: 400 BadRequest)', () => {
    const sim = cluster();
    const e = refused(sim, deployment({ replicas: 2 ** 31 }));
    expect(e.code).toBe('BadRequest');
    expect(e.message).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number 2147483648 into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
  });
});
