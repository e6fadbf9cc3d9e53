import { describe, expect, it } from 'vitest';
import { Store } from '../../store/store.js';
import type { ClusterView } from '../../store/view.js';
import {
  podTopologySpreadFilter,
  podTopologySpreadScores,
  prepareSpreadFilter,
} from './podTopologySpread.js';
import { cacheOf, infoOf, node, pod } from './schedulerFixtures.test-helper.js';

const emptyView = { servicesSelecting: () => [], get: () => undefined } as unknown as ClusterView;

const zoneSpread = (maxSkew: number, whenUnsatisfiable: string) =>
  pod('incoming', {
    labels: { app: 'web' },
    spec: {
      topologySpreadConstraints: [
        {
          maxSkew,
          topologyKey: 'topology.kubernetes.io/zone',
          whenUnsatisfiable,
          labelSelector: { matchLabels: { app: 'web' } },
        },
      ],
    },
  });

describe('PodTopologySpread filter (DoNotSchedule)', () => {
  const cache = cacheOf([
    node('a1', { zone: 'a' }),
    node('b1', { zone: 'b' }),
    node('nozone'),
    pod('w1', { nodeName: 'a1', labels: { app: 'web' } }),
    pod('w2', { nodeName: 'a1', labels: { app: 'web' } }),
    pod('other', { nodeName: 'b1', labels: { app: 'db' } }),
  ]);
  it('rejects a node whose domain would exceed maxSkew over the global minimum', () => {
    const p = zoneSpread(1, 'DoNotSchedule');
    const state = prepareSpreadFilter(p, emptyView, cache);
    // Only domains holding matching pods are listed; zone b (eligible, none) counts 0 and makes
    // the global minimum 0.
    expect(state?.domainCounts[0]).toEqual(new Map([['a', 2]]));
    expect(state?.minMatch).toEqual([0]);
    // zone a: 2 + 1 − 0 = 3 > 1; zone b: 0 + 1 − 0 = 1
    expect(podTopologySpreadFilter(state, infoOf(cache, 'a1'))?.reasons).toEqual([
      "node(s) didn't match pod topology spread constraints",
    ]);
    expect(podTopologySpreadFilter(state, infoOf(cache, 'b1'))).toBeUndefined();
    expect(
      podTopologySpreadFilter(
        prepareSpreadFilter(zoneSpread(3, 'DoNotSchedule'), emptyView, cache),
        infoOf(cache, 'a1'),
      ),
    ).toBeUndefined();
  });
  it('rejects a node without the topology key as unresolvable', () => {
    const state = prepareSpreadFilter(zoneSpread(1, 'DoNotSchedule'), emptyView, cache);
    expect(podTopologySpreadFilter(state, infoOf(cache, 'nozone'))).toEqual({
      plugin: 'PodTopologySpread',
      reasons: ["node(s) didn't match pod topology spread constraints (missing required label)"],
      unresolvable: true,
    });
  });
  it('does not count terminating pods', () => {
    const terminating = pod('w3', { nodeName: 'b1', labels: { app: 'web' } });
    const c = cacheOf([
      node('a1', { zone: 'a' }),
      node('b1', { zone: 'b' }),
      {
        ...terminating,
        metadata: { ...terminating.metadata, deletionTimestamp: '2025-01-01T00:00:01Z' },
      },
    ]);
    const state = prepareSpreadFilter(zoneSpread(1, 'DoNotSchedule'), emptyView, c);
    expect(state?.domainCounts[0]).toEqual(new Map());
    expect(state?.minMatch).toEqual([0]);
    // zone b: 0 + 1 − 0 = 1 ≤ 1 (the terminating pod would have made it 2)
    expect(podTopologySpreadFilter(state, infoOf(c, 'b1'))).toBeUndefined();
    expect(c.nodeInfo('b1')?.podCount).toBe(1);
  });
  it('has no filter state for ScheduleAnyway constraints', () => {
    expect(prepareSpreadFilter(zoneSpread(1, 'ScheduleAnyway'), emptyView, cache)).toBeUndefined();
  });
});

describe('PodTopologySpread score (ScheduleAnyway and system defaults)', () => {
  it('scores count × ln(domains + 2) + maxSkew − 1, normalised so fewer is better', () => {
    // zones a (2 matching) and b (0): raw a = round(2 × ln 4 + 0) = 3, b = 0 → a 0, b 100
    const cache = cacheOf([
      node('a1', { zone: 'a' }),
      node('b1', { zone: 'b' }),
      pod('w1', { nodeName: 'a1', labels: { app: 'web' } }),
      pod('w2', { nodeName: 'a1', labels: { app: 'web' } }),
    ]);
    const feasible = [infoOf(cache, 'a1'), infoOf(cache, 'b1')];
    expect(
      podTopologySpreadScores(zoneSpread(1, 'ScheduleAnyway'), emptyView, cache, feasible),
    ).toEqual([0, 100]);
  });
  it('applies hostname maxSkew 3 to a ReplicaSet pod without constraints of its own', () => {
    const store = new Store();
    const rs = store.create({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'c', image: 'nginx' }] },
        },
      },
    });
    const owner = { kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid };
    const cache = cacheOf([
      node('n1'),
      node('n2'),
      node('n3'),
      pod('w1', { nodeName: 'n1', labels: { app: 'web' }, owner }),
    ]);
    const feasible = ['n1', 'n2', 'n3'].map((n) => infoOf(cache, n));
    // hostname weight ln(3 + 2): n1 = round(1.609 + 2) = 4, others 2 → 100 × (4 + 2 − s) / 4
    const incoming = pod('w2', { labels: { app: 'web' }, owner });
    expect(podTopologySpreadScores(incoming, store, cache, feasible)).toEqual([50, 100, 100]);
    // Without an owner or a Service there is nothing to spread by.
    expect(
      podTopologySpreadScores(pod('lone', { labels: { app: 'web' } }), store, cache, feasible),
    ).toBeUndefined();
  });
});
