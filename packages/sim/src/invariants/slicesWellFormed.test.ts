import { describe, expect, it } from 'vitest';
import type { KubeObjectInput } from '@kubesim/core';
import { createSimulation } from '../simulation/createSimulation.js';
import { slicesWellFormed } from './slicesWellFormed.js';
import {
  deployment,
  runChecked,
  service,
  webCluster,
} from './_internals/checkedRun.test-helper.js';

const CONTROLLER = 'endpointslice-controller.k8s.io';

describe('slices-well-formed', () => {
  it('holds when a Service outgrows one slice and shrinks back', () => {
    const sim = createSimulation({ seed: 2, config: { maxEndpointsPerSlice: 3 } });
    sim.addNodes(4);
    sim.apply([deployment('web', 8), service('web')]);
    sim.at('2m', (s) => {
      s.update('Deployment', 'web', (d) => {
        d.spec.replicas = 2;
      });
    });
    const inv = slicesWellFormed();
    expect(runChecked(sim, [inv], 4 * 60_000)).toEqual([]);
  });

  it('flags a controller slice that repeats another slice’s endpoint and lacks its service label', () => {
    const sim = webCluster(2);
    sim.runFor('30s');
    const ip = sim.endpointsOf('web')[0]?.ip ?? '';
    const dup = (name: string, labels: Record<string, string>): KubeObjectInput => ({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name,
        labels: { 'endpointslice.kubernetes.io/managed-by': CONTROLLER, ...labels },
      },
      addressType: 'IPv4',
      ports: [{ name: 'web', port: 8080, protocol: 'TCP' }],
      endpoints: [{ addresses: [ip], conditions: { ready: true } }],
    });
    sim.apply([dup('web-dup', { 'kubernetes.io/service-name': 'web' }), dup('nolabel', {})]);
    const messages = slicesWellFormed()
      .check(sim, 'step')
      .map((v) => v.message);
    expect(messages).toContain('slice default/nolabel lacks label kubernetes.io/service-name');
    expect(messages.some((m) => m.startsWith(`endpoint ${ip} is in slices`))).toBe(true);
  });
});
