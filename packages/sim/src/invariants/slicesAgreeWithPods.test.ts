import { describe, expect, it } from 'vitest';
import { slicesAgreeWithPods } from './slicesAgreeWithPods.js';
import { webCluster } from './_internals/checkedRun.test-helper.js';

describe('slices-agree-with-pods', () => {
  it('holds after a crash, a selector change and a scale down', () => {
    const sim = webCluster(7);
    sim.faults.schedule([{ at: '20s', type: 'crashNode', target: 'node-1' }]);
    sim.at('1m', (s) => {
      s.update('Deployment', 'web', (d) => {
        d.spec.replicas = 2;
      });
    });
    sim.runFor('10m');
    sim.settle();
    expect(slicesAgreeWithPods().check(sim, 'end')).toEqual([]);
  });

  it('skips a Service whose selector was removed (upstream leaves its slices alone)', () => {
    const sim = webCluster(7);
    sim.runFor('30s');
    sim.update('Service', 'web', (s) => {
      delete s.spec.selector;
    });
    sim.runFor('10s');
    sim.update('Service', 'web', (s) => {
      s.spec.selector = { app: 'web' };
    });
    sim.updateStatus(
      'EndpointSlice',
      sim.list('EndpointSlice', { labelSelector: 'kubernetes.io/service-name=web' })[0]?.metadata
        .name ?? '',
      (e) => {
        e.endpoints = [];
      },
    );
    expect(slicesAgreeWithPods().check(sim, 'end')).toEqual([]);
  });

  it('flags a slice whose endpoint conditions disagree with the pod', () => {
    const sim = webCluster(7);
    sim.runFor('30s');
    sim.settle();
    const slice = sim.list('EndpointSlice', { labelSelector: 'kubernetes.io/service-name=web' })[0];
    if (slice === undefined) throw new Error('no slice');
    sim.update('EndpointSlice', slice.metadata.name, (e) => {
      const ep = e.endpoints[0];
      if (ep !== undefined) ep.conditions = { ready: false, serving: false, terminating: false };
    });
    const found = slicesAgreeWithPods().check(sim, 'end');
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toMatch(
      /slices of default\/web disagree with its pods: missing \[IPv4 .* ready=true .*\], unexpected \[IPv4 .* ready=false/,
    );
  });
});
