import { describe, expect, it } from 'vitest';
import type { KubeObjectInput } from '@kubesim/core';
import { endpointOutlivesPodByAtMostWatchDelay } from './endpointOutlivesPodByAtMostWatchDelay.js';
import { runChecked, webCluster } from './_internals/checkedRun.test-helper.js';

describe('endpoint-outlives-pod-by-at-most-watch-delay', () => {
  it('holds while pods are deleted, scaled away and lost with a crashed node', () => {
    const sim = webCluster(5);
    const inv = endpointOutlivesPodByAtMostWatchDelay();
    sim.faults.schedule([{ at: '15s', type: 'crashNode', target: 'node-2' }]);
    sim.at('1m', (s) => {
      const pod = s.list('Pod')[0];
      if (pod !== undefined) s.delete('Pod', pod.metadata.name);
    });
    sim.at('2m', (s) => {
      s.update('Deployment', 'web', (d) => {
        d.spec.replicas = 1;
      });
    });
    expect(runChecked(sim, [inv], 10 * 60_000)).toEqual([]);
  });

  it('flags a controller-labelled slice that still lists a deleted pod', () => {
    const sim = webCluster(5);
    sim.runFor('30s');
    const inv = endpointOutlivesPodByAtMostWatchDelay();
    const pod = sim.list('Pod')[0];
    if (pod === undefined) throw new Error('no pod');
    sim.delete('Pod', pod.metadata.name, { gracePeriodSeconds: 0 });
    sim.runFor('10s');
    expect(inv.check(sim, 'step')).toEqual([]);
    const stale = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: 'web-stale',
        labels: {
          'kubernetes.io/service-name': 'web',
          'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
        },
      },
      addressType: 'IPv4',
      ports: [{ name: 'web', port: 8080, protocol: 'TCP' }],
      endpoints: [
        {
          addresses: [pod.status.podIP ?? '10.128.0.99'],
          conditions: { ready: true },
          targetRef: {
            kind: 'Pod',
            namespace: 'default',
            name: pod.metadata.name,
            uid: pod.metadata.uid,
          },
        },
      ],
    } as KubeObjectInput;
    sim.apply(stale);
    const found = inv.check(sim, 'step');
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain(
      `of pod default/${pod.metadata.name}, gone since t=30000 ms (allowed 0 ms)`,
    );
  });

  it('ignores slices a user manages', () => {
    const sim = webCluster(5);
    sim.runFor('30s');
    const pod = sim.list('Pod')[0];
    if (pod === undefined) throw new Error('no pod');
    sim.delete('Pod', pod.metadata.name, { gracePeriodSeconds: 0 });
    sim.runFor('10s');
    sim.apply({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: 'mine',
        labels: {
          'kubernetes.io/service-name': 'web',
          'endpointslice.kubernetes.io/managed-by': 'me',
        },
      },
      addressType: 'IPv4',
      endpoints: [
        {
          addresses: ['10.128.0.99'],
          conditions: {},
          targetRef: {
            kind: 'Pod',
            namespace: 'default',
            name: pod.metadata.name,
            uid: pod.metadata.uid,
          },
        },
      ],
    });
    expect(endpointOutlivesPodByAtMostWatchDelay().check(sim, 'step')).toEqual([]);
  });
});
