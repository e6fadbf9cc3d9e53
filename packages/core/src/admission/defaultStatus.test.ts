import { describe, expect, it } from 'vitest';
import { defaultClusterConfig } from '../config.js';
import { defaultObject } from './defaultObject.js';
import { defaultStatus } from './defaultStatus.js';

// defaultStatus must agree with what defaultObject does to the status of a whole object.
const cases: { kind: string; apiVersion: string; spec: unknown; status: unknown }[] = [
  {
    kind: 'Pod',
    apiVersion: 'v1',
    spec: { containers: [{ name: 'c', image: 'x' }] },
    status: { podIP: '10.0.0.1' },
  },
  {
    kind: 'Pod',
    apiVersion: 'v1',
    spec: { containers: [{ name: 'c', image: 'x' }] },
    status: undefined,
  },
  {
    kind: 'ReplicaSet',
    apiVersion: 'apps/v1',
    spec: {
      selector: { matchLabels: { a: 'b' } },
      template: {
        metadata: { labels: { a: 'b' } },
        spec: { containers: [{ name: 'c', image: 'x' }] },
      },
    },
    status: { readyReplicas: 1 },
  },
  { kind: 'Node', apiVersion: 'v1', spec: {}, status: { capacity: { cpu: '4' } } },
  { kind: 'Namespace', apiVersion: 'v1', spec: {}, status: null },
  { kind: 'PodDisruptionBudget', apiVersion: 'policy/v1', spec: {}, status: { currentHealthy: 2 } },
  {
    kind: 'Service',
    apiVersion: 'v1',
    spec: { type: 'LoadBalancer', ports: [{ port: 80 }] },
    status: { loadBalancer: { ingress: [{ ip: '1.2.3.4' }, { hostname: 'lb' }] } },
  },
  { kind: 'Lease', apiVersion: 'coordination.k8s.io/v1', spec: {}, status: { x: 1 } },
];

describe('defaultStatus', () => {
  for (const c of cases) {
    it(`agrees with defaultObject on a ${c.kind} status`, () => {
      const whole = defaultObject(
        {
          apiVersion: c.apiVersion,
          kind: c.kind,
          metadata: { name: 'x' },
          spec: c.spec,
          status: c.status,
        },
        defaultClusterConfig,
      ) as { spec: unknown; status: unknown };
      expect(defaultStatus(c.kind, whole.spec, c.status)).toEqual(whole.status);
    });
  }

  it('returns the status itself when nothing is missing', () => {
    const s = { phase: 'Running' };
    expect(defaultStatus('Pod', {}, s)).toBe(s);
  });
});
